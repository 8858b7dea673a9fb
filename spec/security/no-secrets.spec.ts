// Credentials never reach the output: the real executable runs with a fake secret key and session token in
// its environment, on success and on every kind of failure, and neither appears on stdout, stderr or in the
// --log-file it writes. Without
// --demo the SDK's own credential chain reads them and signs every request with them, against a simulator
// (or a hostile endpoint) in this process, so the secrets really travel through the code.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { startSimulator } from '../../lib/sim/index.js';
import type { FaultRule } from '../../lib/sim/index.js';
import { isolatedEnv, runCli } from '../resilience/run-cli.js';
import type { CliResult } from '../resilience/run-cli.js';

const ACCESS_KEY_ID = 'ASIAFAKEKEYID7EXAMPLE';
const SECRET = 'fAkeSecretKey/0123456789+abcdefghijKLMNOPQR';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjFAKEsessionTOKEN/+0123456789abcdefghijklmnopqrstuvwxyzSECRET==';

interface SecretRun {
  readonly env: Record<string, string>;
  /** Where `--log-file` writes: inside the run's private directory. */
  readonly logFile: string;
}

function withSecrets(extra: Record<string, string> = {}): SecretRun {
  const { env, dir } = isolatedEnv({ AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: SESSION_TOKEN, ...extra });
  return { env, logFile: join(dir, 'ecs-monitor.log') };
}

/** Runs with the secrets in the environment and `--log-file`; returns the result with the log's text. */
async function runWithSecrets(args: readonly string[], extra: Record<string, string> = {}): Promise<CliResult & { log: string }> {
  const { env, logFile } = withSecrets(extra);
  const result = await runCli([...args, '--log-file', logFile], { env });
  assert.ok(existsSync(logFile), `the log file was written (stderr: ${result.stderr})`);
  return { ...result, log: readFileSync(logFile, 'utf8') };
}

function assertNoSecrets(result: CliResult & { log?: string }): void {
  for (const [name, text] of [['stdout', result.stdout], ['stderr', result.stderr], ['the log file', result.log ?? '']] as const) {
    assert.ok(!text.includes(SECRET), `the secret key appears on ${name}:\n${text}`);
    assert.ok(!text.includes(SESSION_TOKEN), `the session token appears on ${name}:\n${text}`);
    // A long piece of either is as bad as the whole.
    assert.ok(!text.includes(SECRET.slice(0, 16)) && !text.includes(SESSION_TOKEN.slice(10, 40)), `part of a secret appears on ${name}`);
  }
}

/** One line, the program's name first: what a failure looks like on stderr. */
function assertOneLineError(result: CliResult, code: number): void {
  assert.equal(result.code, code, result.stderr);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^ecs-monitor: [^\n]+\n$/);
}

// Concurrently: each test is its own process (and, below, its own simulator).
describe('no secrets in output: the demo', { concurrency: true }, () => {
  it('--demo --once --json prints the snapshot and nothing of the credentials in the environment', async () => {
    const result = await runWithSecrets(['--demo', '--once', '--json']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { cluster: { name: string } }).cluster.name, 'demo');
    assert.match(result.log, /DescribeServices/, 'the log records the calls');
    assertNoSecrets(result);
  });

  // Server errors and throttling take the same path out (one classified sentence) after the SDK's retries;
  // their wording is covered in spec/resilience/faults.spec.ts without the retry waits of a real run.
  for (const fault of ['expired', 'deny=DescribeServices', 'notfound']) {
    it(`--demo --fault ${fault} --once fails with one line and no secret`, async () => {
      const result = await runWithSecrets(['--demo', '--fault', fault, '--once', '--json']);
      assertOneLineError(result, 1);
      assertNoSecrets(result);
    });
  }
});

describe('no secrets in output: the SDK credential chain against a local endpoint', { concurrency: true }, () => {
  /** Runs the monitor once against a fresh simulator with `rules` in force. */
  const run = async (rules: readonly FaultRule[] = []): Promise<CliResult & { log: string }> => {
    const sim = await startSimulator({ scenario: { services: 3 }, living: false, faults: rules });
    try {
      return await runWithSecrets(['--cluster', sim.clusterName, '--region', sim.region, '--once', '--json'], { AWS_ENDPOINT_URL: sim.endpoint });
    } finally {
      await sim.close();
    }
  };

  it('signs with the environment credentials, prints the snapshot, and never the secret', async () => {
    const result = await run();
    assert.equal(result.code, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { services: unknown[] }).services.length, 3);
    assertNoSecrets(result);
  });

  for (const [name, rules] of [
    ['expired credentials', [{ kind: 'expired' }]],
    ['access denied', [{ kind: 'deny', operation: 'ListTasks' }]],
    ['a deleted cluster', [{ kind: 'notfound' }]],
  ] as const) {
    it(`fails on ${name} with one sentence and no secret`, async () => {
      const result = await run(rules);
      assertOneLineError(result, 1);
      assertNoSecrets(result);
    });
  }

  it('keeps the secrets out even when an endpoint echoes the signed request headers back in its error', async () => {
    // A misbehaving proxy: answers every call with an error quoting the Authorization and token headers.
    const echo = createServer((req, res) => {
      const body = JSON.stringify({
        __type: 'ValidationException',
        message: `Request rejected. Authorization: ${String(req.headers['authorization'])} X-Amz-Security-Token: ${String(req.headers['x-amz-security-token'])}`,
      });
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
      const result = await runWithSecrets(['--cluster', 'prod', '--region', 'us-east-1', '--once', '--json'], { AWS_ENDPOINT_URL: endpoint });
      assertOneLineError(result, 1);
      assertNoSecrets(result);
    } finally {
      await new Promise<void>((resolve) => echo.close(() => resolve()));
    }
  });
});
