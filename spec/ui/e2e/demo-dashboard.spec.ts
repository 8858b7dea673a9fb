// The real program, `ecs-monitor --demo` (the AWS SDK against the local simulator), in a pseudo-terminal read
// through a terminal emulator: what a person sees and does, and that the terminal is restored afterwards.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { closeAllTerminals, startTerminal } from '../../support/terminal.js';
import type { TestTerminal } from '../../support/terminal.js';
import { repoRoot } from '../../support/paths.js';

const BIN = join(repoRoot, 'bin/ecs-monitor.js');
// Generous: CI is a loaded 2-core box and the first cycle makes real HTTP calls. A limit on waiting only.
const WAIT = { timeoutMs: 45_000 };

function startDemo(extra: string[] = [], cols = 120, rows = 40, env: Readonly<Record<string, string | undefined>> = {}): Promise<TestTerminal> {
  return startTerminal({
    command: process.execPath,
    args: [BIN, '--demo', ...extra],
    cols,
    rows,
    cwd: repoRoot,
    // No user config or AWS profile may leak in; HOME points at the repository so ~/.config has nothing.
    env: { CI: 'true', HOME: repoRoot, XDG_CONFIG_HOME: join(repoRoot, 'spec/fixtures/ui/no-config'), AWS_PROFILE: undefined, ...env },
  });
}

async function demo(): Promise<TestTerminal> {
  const term = await startDemo();
  // The first services arrive after the first refresh cycle.
  await term.waitForText(/api-gateway\s/, WAIT);
  return term;
}

async function quit(term: TestTerminal, key: 'q' | 'ctrl-c' = 'q'): Promise<void> {
  term.press(key);
  assert.equal(await term.waitForExit(WAIT), 0);
  assert.deepEqual(term.unrestoredModes(), [], term.screen());
}

after(closeAllTerminals);

describe('ecs-monitor --demo in a terminal', () => {
  it('shows the header and the services, then q quits and restores the terminal', async () => {
    const term = await demo();
    await term.waitForText('demo', WAIT);
    await term.waitForText(/Services \d+\/\d+ healthy/, WAIT);
    for (const name of ['auth', 'payments', 'web-frontend']) await term.waitForText(name, WAIT);
    await term.waitForText(/Services \d+\/\d+ · sort: name/, WAIT);
    await quit(term);
    // Nothing but the UI reached the terminal: no SDK warning (NodeVersionSupportWarning), no console output.
    assert.ok(!/Warning|DeprecationWarning|NodeVersionSupport/.test(term.rawOutput), 'no stray warning on the terminal');
  });

  it('moves with the keys and drills into a service: the tree shows its tasks', async () => {
    const term = await demo();
    await term.waitForText('Tasks · api-gateway', WAIT);
    term.press('j');
    await term.waitForText('Tasks · auth', WAIT);
    term.press('down');
    await term.waitForText('Tasks · batch-worker', WAIT);
    term.press('k');
    await term.waitForText('Tasks · auth', WAIT);
    term.press('enter');
    // A task line: tree branch, expand marker, six-character short id.
    await term.waitForText(/[├└]─ ▸ [0-9a-f]{6}/, WAIT);
    term.press('enter');
    await term.waitForText(/[├└]─ ▾ [0-9a-f]{6}/, WAIT);
    await term.waitForText(/─ envoy/, WAIT);
    await quit(term, 'ctrl-c');
  });

  it('selects a service clicked with the mouse', async () => {
    const term = await demo();
    await term.waitForText('Tasks · api-gateway', WAIT);
    const row = await term.waitForText(/payments\s/, WAIT);
    term.click(row.col + 1, row.row);
    await term.waitForText('Tasks · payments', WAIT);
    await quit(term);
  });

  it('filters with / and shows the match count', async () => {
    const term = await demo();
    await term.waitForText('Tasks · api-gateway', WAIT);
    term.press('/');
    term.type('pay');
    await term.waitForText('1 match', WAIT);
    await term.waitForText('Tasks · payments', WAIT);
    await term.waitForTextGone(/web-frontend\s/, WAIT);
    term.press('escape');
    await term.waitForText(/web-frontend\s/, WAIT);
    await quit(term);
  });

  it('opens a cluster from the picker with --pick, by mouse or keys, and Esc goes back to the picker', async () => {
    const term = await startDemo(['--pick']);
    await term.waitForText('Choose a cluster', WAIT);
    const row = await term.waitForText(/demo\s+ACTIVE/, WAIT);
    term.doubleClick(row.col + 1, row.row);
    await term.waitForText('Tasks · api-gateway', WAIT);
    term.press('escape');
    await term.waitForText('Choose a cluster', WAIT);
    // Keys work too: the first cluster opens with Enter (once the list has loaded again).
    await term.waitForText(/batch-jobs\s+ACTIVE/, WAIT);
    term.press('g');
    term.press('enter');
    await term.waitForText(/Tasks · \S+/, WAIT);
    await term.waitForTextGone('Choose a cluster', WAIT);
    await quit(term);
  });

  it('c without a display sends the console URL over OSC 52 and shows all of it on the status line at 80×24', async () => {
    // As over SSH or on a headless box: no display, so the terminal's own clipboard is the way.
    const term = await startDemo([], 80, 24, { DISPLAY: undefined, WAYLAND_DISPLAY: undefined, SSH_TTY: undefined, SSH_CONNECTION: undefined });
    await term.waitForText(/api-gateway\s/, WAIT);
    term.press('j');
    await term.waitForText('Tasks · auth', WAIT);
    const sentence = "sent to the terminal's clipboard (OSC 52):";
    // What follows the sentence on the status area, read off the screen, the rows joined as a person would.
    const afterSentence = (): string => {
      const rows = term.screenText();
      const at = rows.findIndex((r) => r.includes(sentence));
      return at === -1 ? '' : rows.slice(at + 1).join('');
    };
    term.press('c');
    await term.waitForText(sentence, WAIT);
    const serviceUrl = 'https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/demo/services/auth/health?region=us-east-1';
    assert.equal(afterSentence(), serviceUrl, term.screen());
    assert.equal(term.clipboard, serviceUrl);

    // Enter moves into the tree, on the first task: `c` now gives that task's URL.
    term.press('enter');
    const task = await term.waitForText(/[├└]─ ▸ [0-9a-f]{6}/, WAIT);
    const shortId = term.line(task.row).slice(task.col + 5, task.col + 11);
    term.press('c');
    await term.waitFor(() => afterSentence().includes('/tasks/'), 'the task URL on the status line', WAIT);
    const taskUrl = afterSentence();
    assert.match(taskUrl, new RegExp(`^https://us-east-1\\.console\\.aws\\.amazon\\.com/ecs/v2/clusters/demo/tasks/${shortId}[0-9a-f]{26}/configuration\\?region=us-east-1$`));
    assert.equal(term.clipboard, taskUrl);
    // The next key clears the message and the panes take their lines back.
    term.press('k');
    await term.waitForTextGone(sentence, WAIT);
    await term.waitForText('q quit', WAIT);
    await quit(term);
  });

  it('SIGTERM restores the terminal and ends the program with 143', async () => {
    const term = await demo();
    term.kill('SIGTERM');
    assert.equal(await term.waitForExit(WAIT), 143);
    assert.deepEqual(term.unrestoredModes(), [], term.screen());
  });

  it('resizes to compact (70×20), too small (50×12) and back without garbling', async () => {
    const term = await demo();
    await term.waitForText('Details', WAIT);
    term.resize(70, 20);
    await term.waitForTextGone('Details', WAIT);
    await term.waitForText(/api-gateway\s/, WAIT);
    term.resize(50, 12);
    await term.waitForText('terminal too small (need 60×15', WAIT);
    term.resize(120, 40);
    await term.waitForText('Details', WAIT);
    await term.waitForText(/api-gateway\s/, WAIT);
    assert.equal(term.findText('too small'), undefined);
    await quit(term);
  });
});
