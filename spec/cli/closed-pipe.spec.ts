import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.js';

test('--once --json piped into a reader that stops early (| head) ends quietly with exit 0', async () => {
  const bin = join(repoRoot, 'bin/ecs-monitor.js');
  // The JSON of 300 services is far larger than a pipe's buffer, so the writer is still writing when
  // `head` exits; pipefail makes the pipeline's status the monitor's own.
  const script = `set -o pipefail; "${process.execPath}" "${bin}" --demo --scenario services=300,tasksPerService=2 --once --json | head -c 100 > /dev/null`;
  const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true' } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(stderr, '');
  assert.equal(code, 0);
});
