// Bad input at the process level, through the real executable with pipes: every bad flag and every config
// error ends the same way — exit code 2, one line on stderr naming the problem, nothing on stdout — and a
// dashboard started without a terminal refuses with the exact sentence. The wording of each message is the
// config and CLI specs' business; this file holds the contract a script or a person relies on.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturePath } from '../support/paths.js';
import { isolatedEnv, mapLimited, runCli } from './run-cli.js';
import type { CliResult } from './run-cli.js';

/** Exit 2, a single line on stderr that starts with the program's name, nothing on stdout. */
function assertUsageExit(result: CliResult, what: string): void {
  assert.equal(result.code, 2, `${what}: exit code (stderr: ${result.stderr})`);
  assert.equal(result.stdout, '', `${what}: stdout`);
  assert.match(result.stderr, /^ecs-monitor[: ][^\n]+\n$/, `${what}: one line on stderr`);
  assert.doesNotMatch(result.stderr, /\bat .+:\d+:\d+/, `${what}: no stack trace`);
}

// One of each family of mistake (each process loads the whole program, so the list is kept short; the CLI
// specs check every message in-process): unknown flag, bad value, missing value, repeated flag, stray
// argument, a switch without its partner, a demo-only flag without --demo, bad demo specs, a missing file.
const BAD_COMMAND_LINES: readonly (readonly string[])[] = [
  ['--intervall', '30'],
  ['--interval', '1'],
  ['--region', 'mars-north-1'],
  ['--cluster'],
  ['--cluster', 'a', '--cluster', 'b'],
  ['stray-argument'],
  ['--json'],
  ['--fault', 'throttle=0.3'],
  ['--demo', '--fault', 'explode'],
  ['--demo', '--scenario', 'services=99999'],
  ['--config', 'does-not-exist.toml', '--once'],
];

describe('bad flags: one sentence, exit 2', () => {
  it('refuses every bad command line with one line on stderr, exit 2 and nothing on stdout', async () => {
    const results = await mapLimited(BAD_COMMAND_LINES, 4, async (argv) => [argv, await runCli(argv, { timeoutMs: 60_000 })] as const);
    for (const [argv, result] of results) assertUsageExit(result, argv.join(' '));
    // Distinct mistakes get distinct sentences, not one catch-all.
    assert.equal(new Set(results.map(([, r]) => r.stderr)).size, BAD_COMMAND_LINES.length);
  });
});

describe('config errors: one sentence, exit 2', () => {
  // One fixture per kind of config error: TOML syntax, unknown key, value out of range, wrong type, duplicate.
  const invalid = ['syntax-error.toml', 'unknown-key.toml', 'interval-out-of-range.toml', 'mouse-wrong-type.toml', 'duplicate-key.toml'];

  it('refuses invalid config files given with --config, naming the file', async () => {
    const present = new Set(readdirSync(fixturePath('config', 'invalid')));
    for (const name of invalid) assert.ok(present.has(name), `fixture ${name}`);
    const results = await mapLimited(
      invalid,
      4,
      async (name) => [name, await runCli(['--config', fixturePath('config', 'invalid', name), '--cluster', 'prod', '--once', '--json'], { timeoutMs: 60_000 })] as const,
    );
    for (const [name, result] of results) {
      assertUsageExit(result, name);
      assert.ok(result.stderr.includes(name), `${name}: the message names the file: ${result.stderr}`);
    }
  });

  it('refuses a broken config.toml found by the search in the working directory', async () => {
    const { env, dir } = isolatedEnv();
    writeFileSync(join(dir, 'config.toml'), '[cluster]\nname = "prod"\ninterval = "soon"\n');
    const result = await runCli(['--once', '--json'], { env, cwd: dir });
    assertUsageExit(result, 'config.toml in the working directory');
    assert.match(result.stderr, /config\.toml/);
  });
});

describe('stdout not a terminal', () => {
  it('refuses to draw the dashboard into a pipe with the exact sentence, exit 2', async () => {
    const result = await runCli(['--demo']);
    assertUsageExit(result, '--demo into a pipe');
    assert.equal(result.stderr, 'ecs-monitor needs a terminal; use --once --json for scripts\n');
  });
});
