// --log-file: what a user finds in the file after a run, and what they never find there (credentials).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { formatAwsCall, LogFile, LogFileError, redact, secretsFromEnv } from '../../lib/cli/log-file.js';
import { CredentialsExpiredError, ThrottledError } from '../../lib/model/errors.js';
import { repoRoot } from '../support/paths.js';
import { closeAllTerminals, startTerminal } from '../support/terminal.js';
import { FakePoller } from '../ui/e2e/fake-poller.js';
import { fakeSnapshot } from '../ui/e2e/fake-snapshot.js';

const run = promisify(execFile);
const SECRET_ENV = { AWS_ACCESS_KEY_ID: 'AKIAFAKEKEY1234567', AWS_SECRET_ACCESS_KEY: 'SECRETxyz', AWS_SESSION_TOKEN: 'TOKENxyz' };
const LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (INFO |WARN |ERROR) \S/;

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecs-monitor-log-'));
});
after(async () => {
  await closeAllTerminals();
  await rm(dir, { recursive: true, force: true });
});

async function lines(path: string): Promise<string[]> {
  return (await readFile(path, 'utf8')).split('\n').filter((l) => l !== '');
}

/** Runs the real command; resolves with its exit code and output instead of rejecting on a non-zero exit. */
async function ecsMonitor(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(repoRoot, 'bin/ecs-monitor.js'), ...args], {
      cwd: dir,
      env: { ...process.env, ...SECRET_ENV, ...env, CI: 'true' },
      timeout: 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('redact', () => {
  it('blanks the credential values of the environment wherever they appear', () => {
    const secrets = secretsFromEnv({ ...SECRET_ENV, HOME: '/root' });
    assert.equal(redact('key AKIAFAKEKEY1234567 secret SECRETxyz token=TOKENxyz home /root', secrets), 'key [redacted] secret [redacted] token=[redacted] home /root');
  });

  it('blanks headers, query parameters and JSON fields that hold credentials, and access key ids', () => {
    const text = redact('Authorization: AWS4-HMAC-SHA256 X-Amz-Security-Token=abc&X-Amz-Signature=0f9e {"accessToken":"eyJabc","SessionToken":"q"} ASIAABCDEFGHIJKLMNOP', []);
    for (const leaked of ['AWS4-HMAC-SHA256', 'abc&', '0f9e', 'eyJabc', '"q"', 'ASIAABCDEFGHIJKLMNOP']) assert.ok(!text.includes(leaked), `${leaked} in ${text}`);
    assert.match(text, /Authorization: \[redacted\]/);
  });
});

describe('formatAwsCall', () => {
  it('names the call, its outcome, duration, attempts and request id', () => {
    assert.equal(
      formatAwsCall({ service: 'ECS', operation: 'ListServices', durationMs: 1520.4, outcome: 'ok', attempts: 3, retryDelayMs: 940, httpStatus: 200, requestId: 'r-1' }),
      'aws ECS.ListServices ok 1520ms attempts=3 retry-wait=940ms status=200 request=r-1',
    );
    assert.equal(formatAwsCall({ service: 'CloudWatch', operation: 'GetMetricData', durationMs: 12, outcome: 'error', errorName: 'AccessDenied', attempts: 1, httpStatus: 403 }), 'aws CloudWatch.GetMetricData failed AccessDenied 12ms attempts=1 status=403');
    assert.equal(formatAwsCall({ service: 'ECS', operation: 'DescribeTasks', durationMs: 3, outcome: 'error', errorName: 'AbortError' }), 'aws ECS.DescribeTasks aborted 3ms');
  });
});

describe('LogFile', () => {
  it('appends timestamped lines, one per event, to an existing file, readable only by the user', async () => {
    const path = join(dir, 'append.log');
    await writeFile(path, 'earlier run\n', { mode: 0o600 });
    const log = LogFile.open(path, { env: {}, now: () => new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)) });
    log.info('first');
    log.warn('two\nlines\u001b[31m');
    log.close();
    log.error('after close is dropped');
    assert.deepEqual(await lines(path), ['earlier run', '2026-01-02T03:04:05.006Z INFO  first', '2026-01-02T03:04:05.006Z WARN  two\\nlines [31m']);
    const fresh = join(dir, 'fresh.log');
    LogFile.open(fresh, { env: {} }).close();
    assert.equal((await stat(fresh)).mode & 0o777, 0o600);
  });

  it('refuses a path it cannot open, naming the path', () => {
    assert.throws(() => LogFile.open(join(dir, 'no-such-dir', 'x.log')), (error: unknown) => {
      assert.ok(error instanceof LogFileError);
      assert.match(error.message, /cannot open the log file .*no-such-dir.*: ENOENT/);
      return true;
    });
  });

  it('logs each refresh of a poller with its timing, its failures and interval changes', async () => {
    const path = join(dir, 'poller.log');
    let clock = 1000;
    const log = LogFile.open(path, { env: {}, monotonic: () => clock });
    const poller = log.watchPoller(new FakePoller(() => fakeSnapshot()), 'prod');
    const state = { intervalMs: 30_000, effectiveIntervalMs: 30_000 };
    poller.emit('state', { ...state, phase: 'loading' });
    clock += 250;
    const snapshot = fakeSnapshot();
    poller.emit('snapshot', { ...snapshot, metrics: { ...snapshot.metrics, error: 'Metrics unavailable: access denied' } });
    poller.emit('state', { ...state, phase: 'idle' });
    poller.emit('state', { ...state, phase: 'refreshing' });
    clock += 40;
    poller.emit('error', { error: new ThrottledError('AWS is throttling; backing off.', { operation: 'DescribeTasks' }), lastSnapshot: snapshot, staleForMs: 31_000 });
    poller.emit('state', { phase: 'backing-off', intervalMs: 30_000, effectiveIntervalMs: 64_000, stretchReason: 'throttled by AWS: backing off' });
    poller.emit('state', { ...state, phase: 'idle' });
    log.close();
    const text = (await lines(path)).map((l) => l.replace(/^\S+ /, ''));
    assert.equal(text[0], 'INFO  watching cluster prod');
    assert.match(text[1] ?? '', new RegExp(`^INFO  refresh ok cluster=${snapshot.cluster.name} services=${snapshot.services.length} tasks=\\d+ ecs=\\d+ms cycle=250ms calls=`));
    assert.equal(text[2], 'WARN  metrics failed: Metrics unavailable: access denied');
    const rest = text.slice(3).filter((l) => !l.startsWith('INFO  metrics: '));
    assert.deepEqual(rest, [
      'ERROR refresh failed after 40ms (showing data 31s old): ThrottledError (throttled) operation=DescribeTasks: AWS is throttling; backing off.',
      'WARN  refresh interval stretched to 64s (throttled by AWS: backing off)',
      'INFO  refresh interval back to 30s',
    ]);
  });

  it('names the SDK error behind a refresh failure', async () => {
    const path = join(dir, 'cause.log');
    const log = LogFile.open(path, { env: {} });
    const cause = Object.assign(new Error('The security token included in the request is expired'), { name: 'ExpiredTokenException' });
    log.refreshFailed(new CredentialsExpiredError('Credentials expired: run aws sso login.', { operation: 'ListTasks', cause }), undefined);
    log.close();
    assert.match((await lines(path))[0] ?? '', /ERROR refresh failed: CredentialsExpiredError \(credentials-expired\) operation=ListTasks cause=ExpiredTokenException: Credentials expired: run aws sso login\.$/);
  });
});

describe('ecs-monitor --log-file', () => {
  it('records the start, every AWS call and the refresh of a demo run, without the credentials of the environment', async () => {
    const path = join(dir, 'demo.log');
    const result = await ecsMonitor(['--demo', '--once', '--json', '--log-file', path]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { cluster: { name: string } }).cluster.name, 'demo');
    const logged = await lines(path);
    for (const line of logged) assert.match(line, LINE);
    assert.match(logged[0] ?? '', /INFO {2}ecs-monitor \d+\.\d+\.\d+ started region=us-east-1 \(demo\) .* demo$/);
    for (const call of ['ECS.DescribeClusters ok', 'ECS.ListServices ok', 'ECS.DescribeServices ok', 'ECS.DescribeTasks ok', 'CloudWatch.GetMetricData ok']) {
      assert.ok(logged.some((l) => l.includes(`INFO  aws ${call} `) && / attempts=1 /.test(l)), `${call} is logged`);
    }
    assert.ok(logged.some((l) => / INFO {2}refresh ok cluster=demo services=\d+ tasks=\d+ ecs=\d+ms cycle=\d+ms calls=\d+/.test(l)));
    const text = logged.join('\n');
    for (const secret of Object.values(SECRET_ENV)) assert.ok(!text.includes(secret), `${secret} is not in the log`);
  });

  it('records a failed refresh with its classified error and the failing call, appending to the same file', async () => {
    const path = join(dir, 'demo.log');
    const before = (await lines(path)).length;
    const result = await ecsMonitor(['--demo', '--once', '--fault', 'expired:DescribeServices', '--fault', 'deny:GetMetricData', '--log-file', path]);
    assert.equal(result.code, 1);
    const logged = (await lines(path)).slice(before);
    assert.match(logged[0] ?? '', / started /);
    assert.ok(logged.some((l) => / WARN {2}aws ECS\.DescribeServices failed ExpiredTokenException \d+ms attempts=1 status=400/.test(l)));
    assert.ok(logged.some((l) => / ERROR refresh failed after \d+ms: CredentialsExpiredError \(credentials-expired\) operation=DescribeServices cause=ExpiredTokenException: /.test(l)));
    const text = logged.join('\n');
    for (const secret of Object.values(SECRET_ENV)) assert.ok(!text.includes(secret), `${secret} is not in the log`);
  });

  it('records a metrics failure while the ECS data still arrives', async () => {
    const path = join(dir, 'metrics.log');
    const result = await ecsMonitor(['--demo', '--once', '--json', '--fault', 'deny:GetMetricData', '--log-file', path]);
    assert.equal(result.code, 0, result.stderr);
    const logged = await lines(path);
    assert.ok(logged.some((l) => / WARN {2}aws CloudWatch\.GetMetricData failed AccessDenied/.test(l)));
    assert.ok(logged.some((l) => / WARN {2}metrics failed: /.test(l)));
    assert.ok(logged.some((l) => / INFO {2}refresh ok cluster=demo /.test(l)));
  });

  it('stops with a usage error when the log file cannot be opened', async () => {
    const result = await ecsMonitor(['--demo', '--once', '--log-file', join(dir, 'missing-dir', 'x.log')]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^ecs-monitor: cannot open the log file .*missing-dir.*x\.log: ENOENT\n$/);
  });
  it('records the refreshes of the dashboard too, and leaves the screen to the dashboard', async () => {
    const path = join(dir, 'dashboard.log');
    const term = await startTerminal({
      command: process.execPath,
      args: [join(repoRoot, 'bin/ecs-monitor.js'), '--demo', '--log-file', path],
      cwd: dir,
      env: { ...SECRET_ENV, CI: 'true', HOME: dir, XDG_CONFIG_HOME: join(dir, 'xdg'), AWS_PROFILE: undefined },
    });
    await term.waitForText(/api-gateway\s/, { timeoutMs: 45_000 });
    term.press('q');
    assert.equal(await term.waitForExit({ timeoutMs: 45_000 }), 0);
    const logged = await lines(path);
    assert.ok(logged.some((l) => / INFO {2}watching cluster demo$/.test(l)));
    assert.ok(logged.some((l) => / INFO {2}aws ECS\.DescribeServices ok /.test(l)));
    assert.ok(logged.some((l) => / INFO {2}refresh ok cluster=demo /.test(l)));
    assert.ok(!/ INFO {2}aws |refresh ok/.test(term.screen()), 'log lines never reach the screen');
    const text = logged.join('\n');
    for (const secret of Object.values(SECRET_ENV)) assert.ok(!text.includes(secret), `${secret} is not in the log`);
  });
});
