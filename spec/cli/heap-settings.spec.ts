import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { HEAP_FLAGS } from '../../lib/cli/heap-settings.js';
import { repoRoot } from '../support/paths.js';

const run = promisify(execFile);

// Loaded before the executable: records every V8 flag set at run time and prints them at exit.
const RECORDER = `data:text/javascript,${encodeURIComponent(`
import v8 from 'node:v8';
import { syncBuiltinESMExports } from 'node:module';
const set = v8.setFlagsFromString;
const flags = [];
v8.setFlagsFromString = (flag) => { flags.push(flag); set(flag); };
syncBuiltinESMExports();
process.on('exit', () => process.stderr.write('flags:' + JSON.stringify(flags) + '\\n'));
`)}`;

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
