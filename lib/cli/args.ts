// Turns argv into typed options, refusing anything it does not understand with a hint.
import { REFRESH_INTERVAL, isAwsRegion } from '../config/index.js';
import { closestMatch } from '../config/suggest.js';
import { secondsExpectation, REGION_EXPECTATION } from '../config/schema.js';
import { FaultSpecError, parseFaultSpec } from '../sim/faults.js';
import { parseScenario, ScenarioError } from '../sim/scenario.js';
import { FLAGS } from './flags.js';
import type { FlagSpec } from './flags.js';
import { UsageError } from './usage-error.js';

export { UsageError } from './usage-error.js';
export { checkTerminal } from './check-terminal.js';

/** The parsed command line. Settings not given are absent, so the config file can supply them. */
export interface CliOptions {
  readonly cluster?: string;
  readonly region?: string;
  readonly profile?: string;
  readonly intervalSec?: number;
  readonly configPath?: string;
  readonly demo: boolean;
  readonly scenario?: string;
  /** Every `--fault` in order. */
  readonly faults: readonly string[];
  readonly seed?: number;
  readonly once: boolean;
  readonly json: boolean;
  readonly noMouse: boolean;
  /** Open the cluster picker even when a cluster is configured. */
  readonly pick: boolean;
  readonly logFile?: string;
  readonly help: boolean;
  readonly version: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const defaults = (): Mutable<CliOptions> => ({ demo: false, faults: [], once: false, json: false, noMouse: false, pick: false, help: false, version: false });

const flagNames = FLAGS.flatMap((f) => (f.short === undefined ? [f.name] : [f.name, f.short]));

/**
 * Parses the arguments after `node script`. `--flag value` and `--flag=value` are both accepted; a
 * value that starts with `-` must use the `=` form. `--help` and `--version` win over everything else
 * on the line, so `ecs-monitor --bogus --help` still shows the help.
 * @throws UsageError for an unknown flag (naming the nearest one), a missing or malformed value, a
 *   flag given twice, a stray argument, a demo-only flag without `--demo`, or `--json` without `--once`.
 */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options = defaults();
  const beforeDashes = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  if (beforeDashes.some((a) => a === '--help' || a === '-h')) return { ...options, help: true };
  if (beforeDashes.some((a) => a === '--version' || a === '-V')) return { ...options, version: true };

  const seen = new Set<string>();
  const faults: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      const stray = argv[i + 1];
      if (stray !== undefined) throw strayArgument(stray, argv[i - 1]);
      break;
    }
    if (!arg.startsWith('-') || arg === '-') throw strayArgument(arg, argv[i - 1]);
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = equals < 0 ? arg : arg.slice(0, equals);
    const spec = FLAGS.find((f) => f.name === name || f.short === name);
    if (spec === undefined) throw unknownFlag(name);
    if (seen.has(spec.name) && spec.repeatable !== true) {
      throw new UsageError(`${spec.name} was given twice; give it once`, { flag: spec.name });
    }
    seen.add(spec.name);

    if (spec.value === undefined) {
      if (equals >= 0) throw new UsageError(`${spec.name} takes no value, got "${arg.slice(equals + 1)}"`, { flag: spec.name });
      setSwitch(options, spec);
      continue;
    }
    let value: string;
    if (equals >= 0) {
      value = arg.slice(equals + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next.length > 1)) throw missingValue(spec);
      value = next;
      i++;
    }
    if (value.trim() === '') throw missingValue(spec);
    if (spec.name === '--fault') faults.push(value);
    else setValue(options, spec, value);
  }
  options.faults = faults;

  if (!options.demo) {
    const demoOnly = FLAGS.find((f) => f.demoOnly === true && seen.has(f.name));
    if (demoOnly !== undefined) {
      throw new UsageError(`${demoOnly.name} only works with --demo`, { flag: demoOnly.name, suggestion: '--demo' });
    }
  }
  if (options.demo) checkDemoSpecs(options);
  if (options.json && !options.once) {
    throw new UsageError('--json only works with --once, which prints one snapshot and exits', { flag: '--json', suggestion: '--once' });
  }
  return options;
}

function setSwitch(options: Mutable<CliOptions>, spec: FlagSpec): void {
  switch (spec.name) {
    case '--demo': options.demo = true; return;
    case '--once': options.once = true; return;
    case '--json': options.json = true; return;
    case '--no-mouse': options.noMouse = true; return;
    case '--pick': options.pick = true; return;
    default: throw new Error(`flag table and parser disagree about ${spec.name}`);
  }
}

function setValue(options: Mutable<CliOptions>, spec: FlagSpec, value: string): void {
  switch (spec.name) {
    case '--cluster': options.cluster = value; return;
    case '--profile': options.profile = value; return;
    case '--config': options.configPath = value; return;
    case '--scenario': options.scenario = value; return;
    case '--log-file': options.logFile = value; return;
    case '--region':
      if (!isAwsRegion(value)) throw new UsageError(`--region ${REGION_EXPECTATION}, got ${JSON.stringify(value)}`, { flag: spec.name });
      options.region = value;
      return;
    case '--interval': {
      const seconds = /^\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!(seconds >= REFRESH_INTERVAL.min && seconds <= REFRESH_INTERVAL.max)) {
        throw new UsageError(`--interval ${secondsExpectation(REFRESH_INTERVAL)}, got ${JSON.stringify(value)}`, { flag: spec.name });
      }
      options.intervalSec = seconds;
      return;
    }
    case '--seed': {
      const seed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be a whole number (0 or more), got ${JSON.stringify(value)}`, { flag: spec.name });
      options.seed = seed;
      return;
    }
    default: throw new Error(`flag table and parser disagree about ${spec.name}`);
  }
}

/** Checks --scenario and --fault against the simulator's grammar now, so a typo is a usage error (exit 2). */
function checkDemoSpecs(options: CliOptions): void {
  const specs: Array<readonly ['--scenario' | '--fault', string]> = [
    ...(options.scenario === undefined ? [] : [['--scenario', options.scenario] as const]),
    ...options.faults.map((fault) => ['--fault', fault] as const),
  ];
  for (const [flag, spec] of specs) {
    try {
      if (flag === '--scenario') parseScenario(spec);
      else parseFaultSpec(spec);
    } catch (error) {
      if (!(error instanceof ScenarioError || error instanceof FaultSpecError)) throw error;
      // The simulator says `Fault "x" is not ...`; say it of the flag the user typed.
      const sentence = error.message.replace(/\.$/, '').replace(/^(Fault|Scenario) /, `${flag} `);
      throw new UsageError(sentence.startsWith(flag) ? sentence : `${flag}: ${sentence}`, { flag });
    }
  }
}

function missingValue(spec: FlagSpec): UsageError {
  const example = spec.example ?? spec.value ?? 'VALUE';
  return new UsageError(`${spec.name} needs a value, e.g. ${spec.name} ${example}`, { flag: spec.name });
}

function unknownFlag(name: string): UsageError {
  const bare = name.replace(/^-+/, '');
  const suggestion = closestMatch(bare, flagNames, (flag) => [flag.replace(/^-+/, '')]);
  const hint = suggestion === undefined ? 'run ecs-monitor --help for the list of flags' : `did you mean ${suggestion}?`;
  return new UsageError(`unknown flag ${name}; ${hint}`, { flag: name, suggestion });
}

function strayArgument(arg: string, previous: string | undefined): UsageError {
  // `ecs-monitor prod` most likely meant the cluster; after a switch it may be a value the switch does not take.
  const after = previous !== undefined && FLAGS.some((f) => f.value === undefined && (f.name === previous || f.short === previous));
  const hint = after ? `${previous} takes no value` : `did you mean --cluster ${arg}?`;
  return new UsageError(`unexpected argument ${JSON.stringify(arg)}; ${hint}`, { suggestion: after ? undefined : '--cluster' });
}
