import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import { runSimCli, SIM_USAGE } from '../../lib/sim/main.js';
import { FaultSpecError } from '../../lib/sim/index.js';

const mainPath = fileURLToPath(new URL('../../lib/sim/main.js', import.meta.url));

describe('npm run sim', () => {
  it('starts a server with the scenario and faults given on the command line and prints its endpoint', async () => {
    const lines: string[] = [];
    const stop = await runSimCli(['--port', '0', '--scenario', 'services=3', '--fault', 'throttle:ListTasks=1', '--static'], (l) => lines.push(l));
    assert.ok(stop);
    try {
      const endpoint = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(lines[0] ?? '')?.[1];
      assert.ok(endpoint, lines[0]);
      const ecs = new ECSClient({ region: 'us-east-1', endpoint, credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' }, maxAttempts: 1 });
      await assert.rejects(ecs.send(new ListTasksCommand({ cluster: 'sim' })), { name: 'ThrottlingException' });
      assert.equal((await ecs.send(new ListTasksCommand({ cluster: 'sim' }))).taskArns?.length, 6);
      ecs.destroy();
    } finally {
      await stop();
    }
  });

  it('prints usage with the fault grammar for --help, and refuses a bad fault', async () => {
    const lines: string[] = [];
    assert.equal(await runSimCli(['--help'], (l) => lines.push(l)), undefined);
    assert.equal(lines.join('\n'), SIM_USAGE);
    assert.match(SIM_USAGE, /throttle:ListTasks=3/);
    await assert.rejects(runSimCli(['--port', '0', '--fault', 'melt=1'], () => undefined), FaultSpecError);
    await assert.rejects(runSimCli(['--port', 'high'], () => undefined), /--port high is not a port number/);
    await assert.rejects(runSimCli(['--port', '0', '--seed', 'x'], () => undefined), /--seed x is not a whole number/);
  });

  it('does nothing when imported, and serves when executed', async () => {
    const imported = spawnSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(mainPath)}); console.log('imported');`], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(imported.status, 0, imported.stderr);
    assert.equal(imported.stdout, 'imported\n');

    const child = spawn(process.execPath, [mainPath, '--port', '0', '--static'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
      assert.match(chunk.toString(), /^Simulated ECS \+ CloudWatch endpoint listening on http:\/\/127\.0\.0\.1:\d+ \(region us-east-1, cluster demo\)/);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
