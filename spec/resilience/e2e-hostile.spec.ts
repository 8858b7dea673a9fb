// Hostile data on a real terminal: `ecs-monitor --demo --scenario hostile` in a pseudo-terminal, read through a
// terminal emulator. Escape sequences in AWS's free text must not reach the terminal (the window title stays,
// nothing lands on the clipboard, the screen is not cleared, the alternate screen is not left), blessed markup
// in the data is shown as the characters it is, and walking through every service never crashes.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HOSTILE_TEXT } from '../../lib/sim/hostile-scenario.js';
import { closeAllTerminals, startTerminal } from '../support/terminal.js';
import type { TestTerminal } from '../support/terminal.js';
import { BIN, isolatedEnv } from './run-cli.js';

const WAIT = { timeoutMs: 30_000 };

after(closeAllTerminals);

/** The escape sequences of the hostile strings, each of which must never appear in the program's output. */
const SEQUENCES = [
  '\u001b]0;PWNED-TITLE',
  '\u001b]52;c;',
  '\u001b[2J\u001b[H\u001b[31;1mclear-attempt',
  '\u001b[?1049lmodes',
  '\u009b31m',
  '\u009d0;C1-TITLE',
  'bell-attempt\u0007',
  '\u202egnirts',
];

async function openHostile(cols = 200, rows = 50): Promise<TestTerminal> {
  const { env, dir } = isolatedEnv();
  const term = await startTerminal({ command: process.execPath, args: [BIN, '--demo', '--scenario', 'hostile'], cols, rows, env, cwd: dir });
  await term.waitForText('a-hostile-text', WAIT);
  return term;
}

function assertNothingLeaked(term: TestTerminal): void {
  for (const sequence of SEQUENCES) assert.ok(!term.rawOutput.includes(sequence), `${JSON.stringify(sequence)} reached the terminal`);
  assert.ok(!term.title.includes('PWNED') && !term.title.includes('C1-TITLE'), `the window title was set by data: ${term.title}`);
  assert.equal(term.clipboard, undefined, 'data wrote to the clipboard');
  assert.equal(term.modes.alternateScreen, true, 'still on the alternate screen');
}

describe('hostile data on screen', () => {
  it('shows escape sequences and markup from events as inert text, and changes neither title nor clipboard', async () => {
    const term = await openHostile();
    // The first service is selected: its events are in the details pane.
    await term.waitForText('TAGGED', WAIT);
    const tagged = term.findText('{red-fg}TAGGED{/red-fg}');
    assert.ok(tagged, `the markup is shown literally:\n${term.screen()}`);
    const word = term.findText('TAGGED');
    assert.ok(word);
    assert.notEqual(term.cellColor(word.col, word.row), 'red', 'the data did not colour itself');
    // The pane may still be painting when TAGGED appears: wait for each marker (a bound on waiting only).
    for (const marker of ['title-attempt', 'clipboard-attempt', 'clear-attempt', 'modes-attempt', 'first-line second-line third-line']) {
      await term.waitForText(marker, WAIT);
    }
    assert.ok(term.findText(/demo|hostile/), 'the header was not wiped');
    assertNothingLeaked(term);
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0);
    assert.deepEqual(term.unrestoredModes(), []);
  });

  it('shows a stopped task\'s hostile reason in the tree and its details without leaking', async () => {
    const term = await openHostile();
    // Into the tree, to the Stopped group, open it, select the stopped task.
    term.press('tab', 'G', 'enter');
    const line = await term.waitForText(/\d+m ago UserInitiated: title-attempt clipboard-attempt/, WAIT);
    assert.ok(term.line(line.row).includes('{red-fg}TAGGED'), 'the tree line shows the markup literally');
    term.press('down');
    await term.waitForText('Stop code UserInitiated', WAIT);
    const reason = await term.waitForText('Stopped reason', WAIT);
    assert.match(term.line(reason.row + 1), /title-attempt clipboard-attempt \{red-fg\}TAGGED\{\/red-fg\}/);
    assertNothingLeaked(term);
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0);
  });

  it('walks every service (wide text, 100 events, no containers, 255-character names) without a crash, at two sizes', async () => {
    // Compact layout first: every row, down to the 255-character name.
    const term = await openHostile(80, 24);
    await term.press('j', 'j', 'j', 'j', 'j', 'j');
    await term.waitForText(/Tasks · z-long-service-name/, WAIT);
    // Full layout: the wide text of b-unicode in the details pane, then through every service's tree.
    term.resize(200, 50);
    await term.press('g', 'j');
    await term.waitForText('Tasks · b-unicode', WAIT);
    await term.waitForText(HOSTILE_TEXT.cjk, WAIT);
    await term.press('g');
    for (let i = 0; i < 7; i++) {
      term.press('j', 'tab', 'enter', 'escape');
      await term.settle();
    }
    await term.settle();
    assert.equal(term.exitCode, undefined, `still running:\n${term.screen()}`);
    assertNothingLeaked(term);
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0);
    assert.deepEqual(term.unrestoredModes(), []);
  });
});
