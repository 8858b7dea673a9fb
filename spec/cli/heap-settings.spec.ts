import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BUSY_HEAP_FLAGS, HEAP_FLAGS, IDLE_HEAP_FLAGS, quietHeapBetweenRefreshes } from '../../lib/cli/heap-settings.js';
import { ThrottledError } from '../../lib/model/errors.js';
import { Poller } from '../../lib/poller/poller.js';
import { snapshot } from '../model/builders.js';
import { FakeClock, ManualSource, settle } from '../poller/fakes.js';
import { repoRoot } from '../support/paths.js';
import { closeAllTerminals, startTerminal } from '../support/terminal.js';

const run = promisify(execFile);

// Loaded before the executable: records every V8 flag set at run time and prints them at exit, and
// appends each to the file named by FLAGS_LOG as it is set (a dashboard's stderr is its screen).
const RECORDER = `data:text/javascript,${encodeURIComponent(`
import v8 from 'node:v8';
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const set = v8.setFlagsFromString;
const flags = [];
v8.setFlagsFromString = (flag) => {
  flags.push(flag);
  if (process.env.FLAGS_LOG) appendFileSync(process.env.FLAGS_LOG, flag + '\\n');
  set(flag);
};
syncBuiltinESMExports();
process.on('exit', () => process.stderr.write('flags:' + JSON.stringify(flags) + '\\n'));
`)}`;

after(() => closeAllTerminals());

test('the executable applies the heap settings before its first refresh (a big refresh no longer holds its garbage)', async () => {
  const { stdout, stderr } = await run(
    process.execPath,
    ['--import', RECORDER, join(repoRoot, 'bin/ecs-monitor.js'), '--demo', '--scenario', 'services=3,tasksPerService=1', '--once', '--json'],
    { env: { ...process.env, CI: 'true' } },
  );
  assert.ok(JSON.parse(stdout) !== undefined);
  const line = stderr.split('\n').find((l) => l.startsWith('flags:'));
  assert.ok(line !== undefined, stderr);
  assert.deepEqual(JSON.parse(line.slice('flags:'.length)), [...HEAP_FLAGS]);
  assert.ok(HEAP_FLAGS.some((f) => /^--heap-growing-percent=\d+$/.test(f)));
});

test('between refreshes incremental marking is off (V8 memory reducer idle), during a refresh it is on', async () => {
  const clock = new FakeClock();
  const source = new ManualSource();
  const poller = new Poller({ source, intervalMs: 10_000, now: () => clock.now, setTimer: clock.setTimer, clearTimer: clock.clearTimer, random: () => 0.5 });
  const flags: string[] = [];
  quietHeapBetweenRefreshes(poller, (flag) => flags.push(flag));
  const last = (): string | undefined => flags[flags.length - 1];

  poller.start();
  assert.deepEqual(flags, [...BUSY_HEAP_FLAGS]);
  source.last.resolve(snapshot({ fetchedAt: clock.now }));
  await settle();
  assert.equal(last(), IDLE_HEAP_FLAGS[0]);

  await clock.advance(10_000); // the next refresh
  assert.equal(poller.state.phase, 'refreshing');
  assert.equal(last(), BUSY_HEAP_FLAGS[0]);
  source.last.reject(new ThrottledError('AWS is throttling API calls.'));
  await settle();
  assert.equal(poller.state.phase, 'backing-off');
  assert.equal(last(), IDLE_HEAP_FLAGS[0]);
  poller.stop();
  assert.deepEqual(IDLE_HEAP_FLAGS, ['--no-incremental-marking']);
  assert.deepEqual(BUSY_HEAP_FLAGS, ['--incremental-marking']);
});

test('the dashboard turns incremental marking off once its data is on screen, and on again for a refresh (r)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-monitor-heap-'));
  try {
    const log = join(dir, 'flags.log');
    const recorded = (): string[] => {
      try {
        return readFileSync(log, 'utf8').split('\n').filter((l) => l !== '');
      } catch {
        return [];
      }
    };
    const term = await startTerminal({
      command: process.execPath,
      args: ['--import', RECORDER, join(repoRoot, 'bin/ecs-monitor.js'), '--demo', '--interval', '3600'],
      cwd: dir,
      env: { HOME: dir, XDG_CONFIG_HOME: join(dir, '.config'), CI: 'true', FLAGS_LOG: log },
    });
    await term.waitForText(/\bapi-gateway\b/, { timeoutMs: 30_000 });
    await term.waitFor(() => recorded().at(-1) === '--no-incremental-marking', 'incremental marking off', { timeoutMs: 10_000 });
    assert.deepEqual(recorded(), [...HEAP_FLAGS, '--incremental-marking', '--no-incremental-marking']);
    term.press('r');
    await term.waitFor(() => recorded().length === HEAP_FLAGS.length + 4, 'a refresh on and off', { timeoutMs: 30_000 });
    assert.deepEqual(recorded().slice(-2), ['--incremental-marking', '--no-incremental-marking']);
    term.press('q');
    assert.equal(await term.waitForExit({ timeoutMs: 10_000 }), 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
