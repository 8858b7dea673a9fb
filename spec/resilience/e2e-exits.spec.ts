// Exits and sizes of the real program (`ecs-monitor --demo`, with its simulator, SDK clients, poller and timers
// all live) in a pseudo-terminal: each of SIGINT, SIGTERM and SIGHUP puts the terminal back as it was found and
// ends the process with the conventional code (nothing left holding it open); a terminal too small says so and
// the dashboard comes back on resize. An uncaught error or an unhandled rejection once the screen is up (a
// driver dashboard on a fake poller, since the real program offers no way to crash on purpose) restores the
// terminal, prints the error and exits 1.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.js';
import { closeAllTerminals, startTerminal } from '../support/terminal.js';
import type { TestTerminal } from '../support/terminal.js';
import { BIN, isolatedEnv } from './run-cli.js';

const WAIT = { timeoutMs: 30_000 };

after(closeAllTerminals);

async function openDemo(cols = 120, rows = 40): Promise<TestTerminal> {
  const { env, dir } = isolatedEnv();
  return startTerminal({ command: process.execPath, args: [BIN, '--demo', '--interval', '5'], cols, rows, env, cwd: dir });
}

describe('signals and sizes (real executable)', { concurrency: true }, () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    it(`${signal} restores the terminal and exits ${code}`, async () => {
      const term = await openDemo();
      await term.waitForText('web-frontend', WAIT);
      assert.equal(term.modes.alternateScreen, true);
      assert.equal(term.modes.sgrMouse, true);
      term.kill(signal);
      assert.equal(await term.waitForExit(WAIT), code);
      assert.deepEqual(term.unrestoredModes(), []);
    });
  }

  it('says the terminal is too small at 50×12, then shows the dashboard once it is resized', async () => {
    const term = await openDemo(50, 12);
    await term.waitForText('terminal too small (need 60×15, have 50×12)', WAIT);
    assert.equal(term.findText('api-gateway'), undefined);
    term.resize(100, 30);
    await term.waitForText('api-gateway', WAIT);
    await term.waitForTextGone(/terminal too small/, WAIT);
    term.resize(50, 12);
    await term.waitForText('terminal too small (need 60×15, have 50×12)', WAIT);
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0, 'q still quits from the too-small screen');
    assert.deepEqual(term.unrestoredModes(), []);
  });
});

// Alone, not beside the concurrent tests above: a pseudo-terminal opened while another test starts its program
// can be inherited by that program, and a terminal still held open elsewhere is not hung up when this test
// closes its side.
describe('a closed terminal (real executable)', () => {
  it('dies of the hang-up when its terminal is closed under it (no crash of Node resetting the vanished terminal)', async () => {
    const { env, dir } = isolatedEnv();
    const log = join(dir, 'monitor.log');
    const term = await startTerminal({ command: process.execPath, args: [BIN, '--demo', '--log-file', log], env, cwd: dir });
    await term.waitForText('web-frontend', WAIT);
    term.hangUp();
    // 128 + SIGHUP: the death of a program whose terminal went away. Before, the restore's writes failed
    // with EIO and Node's exit aborted on the vanished terminal (134 or 139).
    assert.equal(await term.waitForExit(WAIT), 129);
    const lines = readFileSync(log, 'utf8').split('\n');
    assert.ok(lines.some((l) => l.endsWith('The terminal was closed (hang-up): exiting.')), lines.join('\n'));
    assert.ok(!lines.some((l) => /uncaught error|EIO/.test(l)), lines.join('\n'));
  });
});

describe('crashes (a dashboard that fails once its screen is up)', { concurrency: true }, () => {
  const driver = join(repoRoot, 'dist/spec/resilience/crash-driver.js');
  for (const [how, text] of [
    ['throw', 'deliberate uncaught error'],
    ['reject', 'deliberate unhandled rejection'],
  ] as const) {
    it(`an ${how === 'throw' ? 'uncaught error' : 'unhandled rejection'} restores the terminal, prints the error and exits 1`, async () => {
      const term = await startTerminal({ command: process.execPath, args: [driver, how], env: { CI: 'true' } });
      assert.equal(await term.waitForExit(WAIT), 1);
      assert.deepEqual(term.unrestoredModes(), []);
      const at = term.findText(text);
      assert.ok(at, `the error is printed:\n${term.screen()}`);
      assert.match(term.line(at.row), /^ecs-monitor: uncaught error: Error: deliberate/);
      assert.equal(term.findText('instead of crashing'), undefined);
    });
  }
});
