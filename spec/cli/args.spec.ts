import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs, UsageError } from '../../lib/cli/args.js';
import { FLAGS } from '../../lib/cli/flags.js';

function usageError(argv: readonly string[]): UsageError {
  try {
    parseArgs(argv);
  } catch (error) {
    assert.ok(error instanceof UsageError, `expected a UsageError, got ${String(error)}`);
    assert.equal(error.exitCode, 2);
    return error;
  }
  assert.fail(`expected ${argv.join(' ')} to be refused`);
}

const NOTHING = { demo: false, faults: [], once: false, json: false, noMouse: false, pick: false, help: false, version: false };

describe('parseArgs: each flag', () => {
  it('gives the defaults for an empty command line', () => {
    assert.deepEqual(parseArgs([]), NOTHING);
  });

  const valued: ReadonlyArray<readonly [string, string, Record<string, unknown>]> = [
    ['--cluster', 'prod', { cluster: 'prod' }],
    ['--region', 'us-gov-west-1', { region: 'us-gov-west-1' }],
    ['--profile', 'readonly', { profile: 'readonly' }],
    ['--interval', '45', { intervalSec: 45 }],
    ['--config', './my.toml', { configPath: './my.toml' }],
    ['--log-file', '/tmp/ecs.log', { logFile: '/tmp/ecs.log' }],
  ];
  for (const [flag, value, expected] of valued) {
    it(`${flag} ${value} and ${flag}=${value} read the same`, () => {
      assert.deepEqual(parseArgs([flag, value]), { ...NOTHING, ...expected });
      assert.deepEqual(parseArgs([`${flag}=${value}`]), { ...NOTHING, ...expected });
    });
  }

  it('reads the switches', () => {
    assert.deepEqual(parseArgs(['--demo', '--once', '--json', '--no-mouse']), { ...NOTHING, demo: true, once: true, json: true, noMouse: true });
    assert.deepEqual(parseArgs(['--pick']), { ...NOTHING, pick: true });
  });

  it('reads the demo flags, keeping every --fault in order', () => {
    assert.deepEqual(
      parseArgs(['--demo', '--scenario', 'services=1000', '--fault', 'throttle=0.3', '--fault=latency=200', '--seed', '7']),
      { ...NOTHING, demo: true, scenario: 'services=1000', faults: ['throttle=0.3', 'latency=200'], seed: 7 },
    );
  });

  it('keeps an = inside a value given with =', () => {
    assert.deepEqual(parseArgs(['--demo', '--fault=throttle=0.5']).faults, ['throttle=0.5']);
  });

  it('takes a value starting with - only in the = form', () => {
    assert.equal(parseArgs(['--cluster=-odd-name']).cluster, '-odd-name');
  });

  it('--help and -h win over anything else on the line', () => {
    assert.deepEqual(parseArgs(['-h']), { ...NOTHING, help: true });
    assert.deepEqual(parseArgs(['--bogus', '--help']), { ...NOTHING, help: true });
  });

  it('--version and -V print the version', () => {
    assert.deepEqual(parseArgs(['--version']), { ...NOTHING, version: true });
    assert.deepEqual(parseArgs(['-V', '--cluster']), { ...NOTHING, version: true });
  });

  it('every flag of the table is understood by the parser', () => {
    for (const flag of FLAGS) {
      const argv = [flag.name, ...(flag.value === undefined ? [] : [flag.example ?? 'x'])];
      if (flag.demoOnly === true) argv.push('--demo');
      if (flag.name === '--json') argv.push('--once');
      assert.doesNotThrow(() => parseArgs(argv), flag.name);
    }
  });
});

describe('parseArgs: mistakes', () => {
  const cases: ReadonlyArray<readonly [readonly string[], string]> = [
    [['--regoin', 'us-east-1'], 'unknown flag --regoin; did you mean --region?'],
    [['--clustr=prod'], 'unknown flag --clustr; did you mean --cluster?'],
    [['--nomouse'], 'unknown flag --nomouse; did you mean --no-mouse?'],
    [['-v'], 'unknown flag -v; did you mean -V?'],
    [['--watch'], 'unknown flag --watch; run ecs-monitor --help for the list of flags'],
    [['--region'], '--region needs a value, e.g. --region us-east-1'],
    [['--cluster', '--demo'], '--cluster needs a value, e.g. --cluster prod'],
    [['--profile='], '--profile needs a value, e.g. --profile readonly'],
    [['--interval', '30s'], '--interval must be a whole number of seconds between 5 and 3600, got "30s"'],
    [['--interval=4'], '--interval must be a whole number of seconds between 5 and 3600, got "4"'],
    [['--interval', '3601'], '--interval must be a whole number of seconds between 5 and 3600, got "3601"'],
    [['--region', 'Ireland'], '--region must be an AWS region such as us-east-1 or eu-west-2, got "Ireland"'],
    [['--demo', '--seed', 'abc'], '--seed must be a whole number (0 or more), got "abc"'],
    [['--fault', 'throttle=0.3'], '--fault only works with --demo'],
    [['--scenario=demo'], '--scenario only works with --demo'],
    [['--seed', '1'], '--seed only works with --demo'],
    [['--json'], '--json only works with --once, which prints one snapshot and exits'],
    [['--demo=yes'], '--demo takes no value, got "yes"'],
    [['--demo', '--fault', 'slow'], '--fault "slow" is not KIND[:OPERATION]=VALUE with KIND one of throttle, error, 5xx, deny, expired, notfound, reset, latency, down'],
    [['--demo', '--scenario', 'huge'], '--scenario "huge" is not "demo" or services=N[,tasksPerService=N][,containersPerTask=N][,insights=disabled|enabled|enhanced]'],
    [['--cluster', 'a', '--cluster', 'b'], '--cluster was given twice; give it once'],
    [['prod'], 'unexpected argument "prod"; did you mean --cluster prod?'],
    [['--once', 'now'], 'unexpected argument "now"; --once takes no value'],
  ];
  for (const [argv, message] of cases) {
    it(`${argv.join(' ')} → ${message}`, () => {
      assert.equal(usageError(argv).message, message);
    });
  }

  it('carries the flag at fault and the suggestion for the caller', () => {
    const error = usageError(['--regoin', 'x']);
    assert.deepEqual([error.flag, error.suggestion], ['--regoin', '--region']);
  });
});
