// What a user gets from `npm pack` and `npx ecs-monitor`: the tarball is installed into an empty folder with
// npm itself and the installed command is run, so a file missing from `files` fails here, not for the user.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../support/paths.js';

const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
/** npm on a loaded CI box resolving ~100 packages from its cache; the whole file stays well under a minute. */
const NPM_TIMEOUT_MS = 120_000;
const COMMAND_TIMEOUT_MS = 30_000;

/**
 * The environment for nested npm runs. Under `npm test` npm exports `npm_config_local_prefix` (the checkout)
 * and friends; a nested `npm install` would obey them and install into the checkout, so only the settings
 * that say where the cache and registry are pass through.
 */
function npmEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_userconfig', 'npm_config_globalconfig', 'npm_config_cafile', 'npm_config_registry']);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith('npm_') || keep.has(key.toLowerCase())) env[key] = value;
  }
  return { ...env, CI: 'true', NO_UPDATE_NOTIFIER: '1', npm_config_update_notifier: 'false' };
}

interface PackResult {
  readonly filename: string;
  readonly files: readonly { readonly path: string }[];
}

describe('npm pack and npx ecs-monitor', () => {
  let work: string;
  let packed: PackResult;
  let installDir: string;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'ecs-monitor-pack-'));
    // The suite has just compiled dist/ (npm test builds first), so the prepack build is skipped here.
    const { stdout } = await run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
      cwd: repoRoot,
      env: npmEnv(),
      timeout: NPM_TIMEOUT_MS,
    });
    const results = JSON.parse(stdout) as PackResult[];
    assert.equal(results.length, 1);
    packed = results[0] as PackResult;
    installDir = join(work, 'app');
    await mkdir(installDir);
    await writeFile(join(installDir, 'package.json'), `${JSON.stringify({ name: 'pack-check', private: true })}\n`);
    await run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, packed.filename)], {
      cwd: installDir,
      env: npmEnv(),
      timeout: NPM_TIMEOUT_MS,
    });
  });

  after(async () => {
    if (work !== undefined) await rm(work, { recursive: true, force: true });
  });

  // --no-install: if the local bin were missing, npx must fail rather than fetch another package of that name.
  const ecsMonitor = (...args: string[]): Promise<{ stdout: string; stderr: string }> =>
    run(npx, ['--no-install', 'ecs-monitor', ...args], { cwd: installDir, env: npmEnv(), timeout: COMMAND_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });

  it('packs the compiled code, the demo simulator, the example config and the IAM policy, and no sources or maps', () => {
    const paths = packed.files.map((f) => f.path);
    for (const expected of ['bin/ecs-monitor.js', 'dist/lib/cli/main.js', 'dist/lib/sim/simulator.js', 'config.example.toml', 'docs/iam-policy.json', 'package.json', 'README.md']) {
      assert.ok(paths.includes(expected), `${expected} is in the tarball`);
    }
    assert.deepEqual(paths.filter((p) => p.endsWith('.map') || p.endsWith('.ts') || p.startsWith('dist/spec/') || p.startsWith('spec/') || p.startsWith('lib/')), []);
  });

  it('installs without lifecycle scripts, so npm has nothing to build or approve on the user\'s machine', async () => {
    const manifest = JSON.parse(await readFile(join(installDir, 'node_modules', 'ecs-monitor', 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    const installTime = ['preinstall', 'install', 'postinstall', 'prepare'].filter((name) => manifest.scripts?.[name] !== undefined);
    assert.deepEqual(installTime, []);
  });

  it('prints the version of the package', async () => {
    const manifest = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const { stdout } = await ecsMonitor('--version');
    assert.equal(stdout.trim(), `ecs-monitor ${manifest.version}`);
  });

  it('prints the help', async () => {
    const { stdout } = await ecsMonitor('--help');
    assert.match(stdout, /^Usage:/m);
    assert.match(stdout, /--cluster NAME/);
    assert.match(stdout, /--log-file PATH/);
  });

  it('runs the demo once and prints the demo cluster with its services as JSON', async () => {
    const { stdout } = await ecsMonitor('--demo', '--once', '--json');
    const snapshot = JSON.parse(stdout) as { cluster: { name: string; status: string }; services: { name: string; desiredCount: number }[] };
    assert.equal(snapshot.cluster.name, 'demo');
    assert.equal(snapshot.cluster.status, 'ACTIVE');
    assert.ok(snapshot.services.length >= 10, `the demo has its services (got ${snapshot.services.length})`);
    assert.ok(snapshot.services.some((s) => s.name === 'api-gateway' && s.desiredCount > 0));
  });
});
