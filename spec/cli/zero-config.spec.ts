// Zero configuration through the real command and the real AWS SDK: no config file, only what an AWS CLI user
// already has (AWS_PROFILE, AWS_REGION, ~/.aws/config and credentials). A local endpoint (AWS_ENDPOINT_URL,
// which the SDK honours) records how each request was signed, so the test sees which credentials and which
// region the command chose; loadConfig's precedence rules themselves are covered in spec/config.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startSimulator } from '../../lib/sim/index.js';
import type { Simulator } from '../../lib/sim/index.js';
import { repoRoot } from '../support/paths.js';
import { closeAllTerminals, startTerminal } from '../support/terminal.js';

const run = promisify(execFile);
const BIN = join(repoRoot, 'bin/ecs-monitor.js');
const WAIT = { timeoutMs: 45_000 };

/** The credential scope of a SigV4 Authorization header: access key id and region. */
interface Signed {
  readonly accessKeyId: string;
  readonly region: string;
}

/** An endpoint that denies every call and remembers how it was signed. */
async function startDenyingEndpoint(): Promise<{ url: string; signed: Signed[]; server: Server }> {
  const signed: Signed[] = [];
  const server = createServer((request, response) => {
    const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\//.exec(request.headers.authorization ?? '');
    if (scope?.[1] !== undefined && scope[2] !== undefined) signed.push({ accessKeyId: scope[1], region: scope[2] });
    request.resume();
    request.on('end', () => {
      response.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'zero-config' });
      response.end(JSON.stringify({ __type: 'AccessDeniedException', message: 'not authorized' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, signed, server };
}

let dir: string;
let home: string;
let endpoint: Awaited<ReturnType<typeof startDenyingEndpoint>>;

/**
 * The environment of a user with nothing configured for ecs-monitor: an empty working directory, no
 * config file, HOME holding only ~/.aws, and no AWS variables except those `env` sets.
 */
function userEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('AWS_')) clean[key] = value;
  return { ...clean, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), CI: 'true', ...env };
}

async function once(env: Record<string, string>, extra: string[] = []): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run(process.execPath, [BIN, '--once', '--cluster', 'prod', ...extra], { cwd: join(dir, 'work'), env: userEnv(env), timeout: 60_000 });
    return { code: 0, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stderr: failed.stderr ?? '' };
  }
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecs-monitor-zero-config-'));
  home = join(dir, 'home');
  await mkdir(join(home, '.aws'), { recursive: true });
  await mkdir(join(dir, 'work'));
  await writeFile(join(home, '.aws', 'config'), '[default]\nregion = us-west-2\n\n[profile dev]\nregion = eu-west-1\n');
  await writeFile(
    join(home, '.aws', 'credentials'),
    '[default]\naws_access_key_id = AKIDDEFAULTPROFILE\naws_secret_access_key = SECRETdefault\n\n[dev]\naws_access_key_id = AKIDDEVPROFILE\naws_secret_access_key = SECRETdev\n',
  );
  endpoint = await startDenyingEndpoint();
});

after(async () => {
  await closeAllTerminals();
  await new Promise<void>((resolve) => endpoint.server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('ecs-monitor with no config file', () => {
  it('signs with the AWS_PROFILE credentials in the region of that profile in ~/.aws/config', async () => {
    endpoint.signed.length = 0;
    const log = join(dir, 'dev.log');
    const result = await once({ AWS_PROFILE: 'dev', AWS_ENDPOINT_URL: endpoint.url }, ['--log-file', log]);
    assert.equal(result.code, 1);
    // The log's first line says which settings were chosen and where each came from.
    assert.match((await readFile(log, 'utf8')).split('\n')[0] ?? '', / started region=eu-west-1 \(aws-config\) profile=dev \(AWS_PROFILE\) cluster=prod \(flag\) interval=30s$/);
    assert.match(result.stderr, /^ecs-monitor: Access denied/);
    assert.ok(endpoint.signed.length > 0, 'the command reached the endpoint');
    assert.deepEqual([...new Set(endpoint.signed.map((s) => `${s.accessKeyId} ${s.region}`))], ['AKIDDEVPROFILE eu-west-1']);
    assert.ok(!result.stderr.includes('SECRETdev'));
  });

  it('uses the default profile and its region when AWS_PROFILE is unset', async () => {
    endpoint.signed.length = 0;
    await once({ AWS_ENDPOINT_URL: endpoint.url });
    assert.deepEqual([...new Set(endpoint.signed.map((s) => `${s.accessKeyId} ${s.region}`))], ['AKIDDEFAULTPROFILE us-west-2']);
  });

  it('lets AWS_REGION, then AWS_DEFAULT_REGION, override the profile\'s region', async () => {
    endpoint.signed.length = 0;
    await once({ AWS_PROFILE: 'dev', AWS_REGION: 'ap-south-1', AWS_DEFAULT_REGION: 'ca-central-1', AWS_ENDPOINT_URL: endpoint.url });
    await once({ AWS_PROFILE: 'dev', AWS_DEFAULT_REGION: 'ca-central-1', AWS_ENDPOINT_URL: endpoint.url });
    assert.deepEqual([...new Set(endpoint.signed.map((s) => `${s.accessKeyId} ${s.region}`))], ['AKIDDEVPROFILE ap-south-1', 'AKIDDEVPROFILE ca-central-1']);
  });

  it('reads the profile\'s region from AWS_CONFIG_FILE when it is set', async () => {
    const elsewhere = join(dir, 'elsewhere-config');
    await writeFile(elsewhere, '[profile dev]\nregion = sa-east-1\n');
    endpoint.signed.length = 0;
    await once({ AWS_PROFILE: 'dev', AWS_CONFIG_FILE: elsewhere, AWS_ENDPOINT_URL: endpoint.url });
    assert.deepEqual([...new Set(endpoint.signed.map((s) => s.region))], ['sa-east-1']);
  });

  it('says how to give a region when nothing names one, without contacting AWS', async () => {
    endpoint.signed.length = 0;
    const result = await once({ AWS_PROFILE: 'nowhere', AWS_ENDPOINT_URL: endpoint.url });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no AWS region given: pass --region/);
    assert.equal(endpoint.signed.length, 0);
  });
});

describe('ecs-monitor with no cluster configured', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ scenario: 'demo', living: false, extraClusters: ['staging', 'batch-jobs'], region: 'eu-west-1' });
  });
  after(async () => {
    await sim.close();
  });

  it('opens the cluster picker on the clusters of the account, and Enter opens one', async () => {
    const term = await startTerminal({
      command: process.execPath,
      args: [BIN],
      cwd: join(dir, 'work'),
      // The harness adds to the inherited environment: AWS variables of the test process are removed explicitly.
      env: {
        ...Object.fromEntries(Object.keys(process.env).filter((key) => key.startsWith('AWS_')).map((key) => [key, undefined])),
        HOME: home,
        XDG_CONFIG_HOME: join(home, '.config'),
        CI: 'true',
        AWS_PROFILE: 'dev',
        AWS_ENDPOINT_URL: sim.endpoint,
      },
    });
    await term.waitForText('Choose a cluster', WAIT);
    for (const name of ['batch-jobs', 'staging']) await term.waitForText(new RegExp(`${name}\\s+ACTIVE`), WAIT);
    const demo = await term.waitForText(/demo\s+ACTIVE/, WAIT);
    term.doubleClick(demo.col + 1, demo.row);
    await term.waitForText('Tasks · api-gateway', WAIT);
    term.press('q');
    assert.equal(await term.waitForExit(WAIT), 0);
  });
});
