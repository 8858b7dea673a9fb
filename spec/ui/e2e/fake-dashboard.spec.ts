// The dashboard in a real pseudo-terminal, read through a terminal emulator, driven by a fake poller (no
// simulator): what a person sees and does, and that the terminal is left as it was found.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeAllTerminals, startTerminal } from '../../support/terminal.js';
import type { TestTerminal } from '../../support/terminal.js';
import { repoRoot } from '../../support/paths.js';

const SCRIPT = join(repoRoot, 'dist/spec/ui/e2e/fake-dashboard.js');
// Generous: CI is a loaded 2-core box. Only a limit on waiting, never an assertion about speed.
const WAIT = { timeoutMs: 30_000 };

async function open(flags: string[] = [], cols = 120, rows = 40, env: Readonly<Record<string, string>> = {}): Promise<TestTerminal> {
  const term = await startTerminal({ command: process.execPath, args: [SCRIPT, ...flags], cols, rows, env: { CI: 'true', ...env } });
  await term.waitForText('Services', WAIT);
  return term;
}

function assertRestored(term: TestTerminal): void {
  assert.deepEqual(term.unrestoredModes(), [], term.screen());
}

after(closeAllTerminals);

describe('dashboard in a terminal (fake poller)', () => {
  it('shows the header and every service, selects the first, and quits with q restoring the terminal', async () => {
    const term = await open();
    await term.waitForText('worker', WAIT);
    assert.ok(term.findText('demo'), 'cluster name in the header');
    for (const name of ['api', 'billing', 'checkout', 'frontend', 'search']) assert.ok(term.findText(name), name);
    await term.waitForText('Tasks · api', WAIT);
    assert.equal(term.modes.alternateScreen, true);
    assert.equal(term.title, 'ecs-monitor: demo');
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0);
    assertRestored(term);
    await term.waitForText('dashboard exited with 0; poller calls: 1 stop', WAIT);
  });

  it('moves with j/k and arrows, drills into a service with Enter and expands a task', async () => {
    const term = await open();
    await term.waitForText('Tasks · api', WAIT);
    term.press('j');
    await term.waitForText('Tasks · billing', WAIT);
    term.press('down');
    await term.waitForText('Tasks · checkout', WAIT);
    term.press('k');
    await term.waitForText('Tasks · billing', WAIT);
    term.press('G');
    await term.waitForText('Tasks · worker', WAIT);
    term.press('g');
    await term.waitForText('Tasks · api', WAIT);
    term.press('enter');
    // The tree has focus; Enter on the task line expands it to its containers.
    term.press('enter');
    // Container lines hang under the expanded task in the tree (the details pane lists them too: look for the branch).
    await term.waitForText('▾ api', WAIT);
    await term.waitForText(/─ sidecar\s+RUNNING/, WAIT);
    term.press('escape');
    term.press('j');
    await term.waitForText('Tasks · billing', WAIT);
    term.press('ctrl-c');
    assert.equal(await term.waitForExit(WAIT), 0);
    assertRestored(term);
  });

  it('selects the row clicked with the mouse, over SGR reporting', async () => {
    const term = await open();
    await term.waitForText('Tasks · api', WAIT);
    assert.equal(term.modes.sgrMouse, true, 'SGR mouse encoding is forced');
    const row = term.findText(/checkout\s+ACTIVE/);
    assert.ok(row);
    term.click(row.col + 2, row.row);
    await term.waitForText('Tasks · checkout', WAIT);
    term.wheel('down', row.col + 2, row.row);
    await term.waitForText('Tasks · frontend', WAIT);
    // A click and a key in one read (as a busy terminal delivers them): the key is not lost.
    const api = term.findText(/api\s+ACTIVE/);
    assert.ok(api);
    term.type(`\x1b[<0;${api.col + 2};${api.row + 1}M\x1b[<0;${api.col + 2};${api.row + 1}mj`);
    await term.waitForText('Tasks · billing', WAIT);
    const search = term.findText(/search\s+ACTIVE/);
    assert.ok(search);
    term.doubleClick(search.col, search.row);
    // The double-click drills in: the details pane shows the first task of search.
    await term.waitForText('Task sea00a', WAIT);
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0);
    assertRestored(term);
  });

  it('filters with /, shows the match count, keeps it on Enter and clears it with Esc', async () => {
    const term = await open();
    await term.waitForText('Tasks · api', WAIT);
    term.press('/');
    term.type('wor');
    await term.waitForText('1 match', WAIT);
    await term.waitForTextGone(/billing\s+ACTIVE/, WAIT);
    assert.ok(term.findText(/worker\s+ACTIVE/));
    term.press('enter');
    await term.waitForText('filter "wor"', WAIT);
    await term.waitForText('Tasks · worker', WAIT);
    term.press('escape');
    await term.waitForText(/billing\s+ACTIVE/, WAIT);
    await term.waitForText('Tasks · worker', WAIT);
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0);
  });

  it('cycles the sort with s and shows it in the table label', async () => {
    const term = await open();
    await term.waitForText('sort: name', WAIT);
    term.press('s');
    await term.waitForText('sort: health', WAIT);
    // Worst first: the unhealthy billing service leads.
    const billing = term.findText(/billing\s+ACTIVE/);
    const api = term.findText(/api\s+ACTIVE/);
    assert.ok(billing && api && billing.row < api.row);
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0);
  });

  it('lays out again on resize: full at 80×24, compact at 70×20, too small at 50×12, full again at 120×40', async () => {
    const term = await open([], 80, 24);
    // The full layout already at 80×24: the details pane and every table column.
    await term.waitForText('Details', WAIT);
    await term.waitForText('Deployments', WAIT);
    term.resize(70, 20);
    await term.waitForTextGone('Details', WAIT);
    await term.waitForTextGone('Deployments', WAIT);
    await term.waitForText(/api/, WAIT);
    term.resize(50, 12);
    await term.waitForText('terminal too small (need 60×15', WAIT);
    term.resize(120, 40);
    await term.waitForText('Details', WAIT);
    await term.waitForText(/worker\s+ACTIVE/, WAIT);
    assert.equal(term.findText('too small'), undefined);
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0);
    assertRestored(term);
  });

  it('shows the help from the binding table, with the CloudWatch cost', async () => {
    const term = await open();
    await term.waitForText('Tasks · api', WAIT);
    term.press('?');
    await term.waitForText('Filter by name', WAIT);
    await term.waitForText('metrics requested in the last hour: 120', WAIT);
    await term.waitForText('$0.03', WAIT);
    term.press('escape');
    await term.waitForTextGone('Filter by name', WAIT);
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0);
  });

  it('copies and opens the console URL of the selection (service, task, container) and says so in the status line', async () => {
    // Wide enough for the whole URL on the status line.
    const term = await open([], 200, 40);
    await term.waitForText('Tasks · api', WAIT);
    term.press('c');
    await term.waitForText('Copied https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/demo/services/api/health', WAIT);
    // In the tree the selection is a task, then a container.
    term.press('enter');
    term.press('c');
    await term.waitForText(/Copied https:\S+\/clusters\/demo\/tasks\/api00a\w+\/configuration\?/, WAIT);
    term.press('enter');
    term.press('down');
    term.press('o');
    await term.waitForText(/Opened https:\S+\/tasks\/api00a\w+\/configuration\/containers\/app\?/, WAIT);
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0);
  });

  describe('while idle, the 1 Hz tick', () => {
    // The paints the dashboard reports (one per line: full, header, none), from the moment the data is shown.
    async function idle(flags: string[], cols = 120, rows = 40): Promise<{ term: TestTerminal; paints: () => string[] }> {
      const dir = mkdtempSync(join(tmpdir(), 'ecs-monitor-paints-'));
      const file = join(dir, 'paints.log');
      const term = await open(flags, cols, rows, { PAINT_LOG: file });
      await term.waitForText('Tasks · api', WAIT);
      const read = (): string[] => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l !== '') : []);
      const shown = read().length;
      return { term, paints: () => read().slice(shown) };
    }

    it('paints only the header, never the whole screen, while the countdown moves', async () => {
      const { term, paints } = await idle([]);
      await term.waitFor(() => paints().filter((p) => p === 'header').length >= 3, 'three ticks that paint the header', WAIT);
      assert.deepEqual(
        paints().filter((p) => p === 'full'),
        [],
        `no full render from a tick: ${paints().join(' ')}`,
      );
      await term.waitForText(/next in \d+s/, WAIT);
      term.press('q');
      assert.equal(await term.waitForExit(WAIT), 0);
    });

    it('paints nothing when the header text did not change', async () => {
      const { term, paints } = await idle(['--frozen-clock']);
      await term.waitFor(() => paints().filter((p) => p === 'none').length >= 2, 'two ticks', WAIT);
      assert.deepEqual(paints().filter((p) => p !== 'none'), [], paints().join(' '));
      term.press('q');
      assert.equal(await term.waitForExit(WAIT), 0);
    });

    it('keeps the help overlay on top of the header it covers at 80×24 while the header is painted', async () => {
      const { term, paints } = await idle([], 80, 24);
      term.press('?');
      // The help's first line sits over the header's second row, whose age changes every second.
      const first = await term.waitForText('Move up', WAIT);
      assert.ok(first.row < 4, `the help covers the header: ${term.screen()}`);
      const before = paints().length;
      await term.waitFor(() => paints().slice(before).filter((p) => p === 'header').length >= 2, 'two header paints under the help', WAIT);
      await term.settle();
      assert.deepEqual(term.findText('Move up'), first, term.screen());
      term.press('q');
      assert.equal(await term.waitForExit(WAIT), 0);
    });
  });

  it('scrolls the help where it does not fit (80×24) with j/k, PgDn/PgUp, G/g and the wheel; Esc and ? close it', async () => {
    const term = await open([], 80, 24);
    await term.waitForText('Tasks · api', WAIT);
    term.press('?');
    await term.waitForText(/Help 1–\d+ of \d+ · j\/k PgDn scroll/, WAIT);
    assert.ok(term.findText('Move up'));
    assert.equal(term.findText('Esc or ? closes this help'), undefined, 'the last line is below the fold');
    term.press('G');
    await term.waitForText('Esc or ? closes this help', WAIT);
    await term.waitForTextGone('Move up', WAIT);
    term.press('g');
    await term.waitForText('Move up', WAIT);
    term.press('j');
    await term.waitForTextGone('Move up', WAIT);
    term.press('k');
    await term.waitForText('Move up', WAIT);
    term.press('pagedown');
    await term.waitForText('Esc or ? closes this help', WAIT);
    term.press('pageup');
    await term.waitForText('Move up', WAIT);
    const help = term.findText('Move down');
    assert.ok(help);
    term.wheel('down', help.col, help.row);
    await term.waitForTextGone('Move up', WAIT);
    term.wheel('up', help.col, help.row);
    await term.waitForText('Move up', WAIT);
    term.press('escape');
    await term.waitForTextGone('Move down', WAIT);
    term.press('?');
    await term.waitForText('Move down', WAIT);
    term.press('?');
    await term.waitForTextGone('Move down', WAIT);
    // The dashboard's own keys work again: the help took j and k only while it was open.
    term.press('j');
    await term.waitForText('Tasks · billing', WAIT);
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0);
  });

  it('while the first refresh runs says Loading… and shows no counts that would read as an empty cluster', async () => {
    const term = await startTerminal({ command: process.execPath, args: [SCRIPT, '--no-data'], cols: 80, rows: 24, env: { CI: 'true' } });
    await term.waitForText('Services · sort: name', WAIT);
    assert.ok(term.findText('Loading…'));
    assert.equal(term.findText('0/0'), undefined, term.screen());
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0);
  });

  it('turns mouse capture off and on with m', async () => {
    const term = await open();
    await term.waitForText('Tasks · api', WAIT);
    term.press('m');
    await term.waitFor(() => term.modes.mouseTracking === 'none', 'mouse tracking off', WAIT);
    term.press('m');
    await term.waitFor(() => term.modes.mouseTracking !== 'none' && term.modes.sgrMouse, 'mouse tracking on again', WAIT);
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0);
    assertRestored(term);
  });

  it('never turns mouse reporting on with mouse disabled', async () => {
    const term = await open(['--no-mouse']);
    await term.waitForText('Tasks · api', WAIT);
    const tracking = term.decModeChanges.filter((c) => c.set && [9, 1000, 1002, 1003, 1006].includes(c.mode));
    assert.deepEqual(tracking, []);
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0);
  });

  for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129], ['SIGINT', 130]] as const) {
    it(`restores the terminal on ${signal}`, async () => {
      const term = await open();
      await term.waitForText('Tasks · api', WAIT);
      term.kill(signal);
      assert.equal(await term.waitForExit(WAIT), code);
      assertRestored(term);
    });
  }

  it('an uncaught error restores the terminal, is printed, and exits 1', async () => {
    const term = await startTerminal({ command: process.execPath, args: [SCRIPT, '--crash'], env: { CI: 'true' } });
    assert.equal(await term.waitForExit(WAIT), 1);
    assertRestored(term);
    assert.ok(term.findText('deliberate crash for the test'), term.screen());
  });

  it('keeps console output and process warnings off the terminal', async () => {
    const term = await open(['--warn']);
    // The stray output was written just before the first snapshot was drawn.
    await term.waitForText('Tasks · api', WAIT);
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0);
    assert.ok(!term.rawOutput.includes('STRAY'), 'nothing stray reached the terminal');
  });

  it('says in the status line what failed, keeps the data on screen, and clears it after a good refresh', async () => {
    const term = await open(['--error']);
    await term.waitForText('AWS is throttling requests', WAIT);
    assert.ok(term.findText(/worker\s+ACTIVE/), 'the last good data stays');
    const at = term.findText('AWS is throttling requests');
    assert.ok(at);
    assert.equal(term.cellColor(at.col, at.row), 'red');
    term.press('r');
    await term.waitForTextGone('AWS is throttling requests', WAIT);
    // The refresh succeeded: neither the error nor "Refreshing…" is left, the key hints are back.
    await term.waitForText('q quit', WAIT);
    assert.equal(term.findText('Refreshing'), undefined);
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0);
  });

  it('lets no escape sequence or blessed tag from AWS names reach the terminal', async () => {
    const term = await open(['--hostile']);
    const at = await term.waitForText('evil', WAIT);
    assert.ok(!term.title.includes('pwned') || term.title.startsWith('ecs-monitor: demo'), `title ${JSON.stringify(term.title)}`);
    assert.notEqual(term.title, 'pwned');
    // The tag shows as text rather than colouring the row red.
    assert.ok(term.findText('{red-fg}'), term.screen());
    assert.notEqual(term.cellColor(at.col + 6, at.row), 'red');
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0);
    assert.ok(!term.rawOutput.includes('\x1b]0;pwned'), 'the OSC sequence never reaches the terminal');
  });

  it('filters the cluster picker with / as the service table is filtered, and opens the match', async () => {
    const term = await startTerminal({ command: process.execPath, args: [SCRIPT, '--picker'], env: { CI: 'true' } });
    await term.waitForText(/staging\s+ACTIVE/, WAIT);
    term.press('/');
    term.type('STAG');
    await term.waitForText('1 match', WAIT);
    await term.waitForTextGone(/demo\s+ACTIVE/, WAIT);
    await term.waitForText('Clusters 1/2 · filter: STAG', WAIT);
    term.press('backspace', 'backspace', 'backspace', 'backspace');
    await term.waitForText('2 matches', WAIT);
    term.type('nothing');
    await term.waitForText('No clusters match "nothing"', WAIT);
    term.press('escape');
    await term.waitForText(/demo\s+ACTIVE/, WAIT);
    term.press('/');
    term.type('sta');
    term.press('enter');
    await term.waitForText('filter "sta" (1 match)', WAIT);
    term.press('enter');
    await term.waitForText('staging  eu-west-1', WAIT);
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0);
    assertRestored(term);
  });

  it('picks a cluster from the list when none is configured', async () => {
    const term = await startTerminal({ command: process.execPath, args: [SCRIPT, '--picker'], env: { CI: 'true' } });
    await term.waitForText('Choose a cluster', WAIT);
    await term.waitForText('staging', WAIT);
    term.press('down');
    term.press('up');
    term.press('enter');
    await term.waitForText('Tasks · api', WAIT);
    // Esc with nothing left to undo goes back to the picker, the cluster still selected.
    term.press('escape');
    await term.waitForText('Choose a cluster', WAIT);
    // The list is back at once, the cursor on the cluster that was open: Enter opens it again.
    term.press('enter');
    await term.waitForText('Tasks · api', WAIT);
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0);
    assertRestored(term);
  });
});
