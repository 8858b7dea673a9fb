// The config file's keys: what each accepts, its default, and the words used when a value is wrong.
// The flags reuse the same rules so `--interval 2` and `interval = 2` are refused alike.
import { isAwsRegion, REGION_EXAMPLES } from './region.js';

/** A whole-seconds setting with its allowed range and default. */
export interface SecondsRule {
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

/** `[refresh] interval`: a cycle every 30 s by default; under 5 s would spend the account's API budget. */
export const REFRESH_INTERVAL: SecondsRule = { min: 5, max: 3600, default: 30 };

/** `[refresh] task_definition_interval`: task definition revisions are immutable, so re-reading is rare. */
export const TASK_DEFINITION_INTERVAL: SecondsRule = { min: 60, max: 86400, default: 300 };

/** `[refresh] max_api_rate`: a quarter of the 20/s refill of each ECS throttling bucket (aws-facts.md). */
export const DEFAULT_MAX_API_RATE = 5;

/** `[ui] mouse`. */
export const DEFAULT_MOUSE = true;

/** The sections of the file and the keys each allows, in the order the docs list them. */
export const CONFIG_SECTIONS = {
  cluster: ['name', 'region', 'profile'],
  refresh: ['interval', 'task_definition_interval', 'max_api_rate'],
  ui: ['mouse'],
} as const;

export type ConfigSection = keyof typeof CONFIG_SECTIONS;

/** Every valid dotted key, e.g. `refresh.interval`. */
export type ConfigKey = {
  [S in ConfigSection]: `${S}.${(typeof CONFIG_SECTIONS)[S][number]}`;
}[ConfigSection];

export const CONFIG_KEYS: readonly ConfigKey[] = Object.entries(CONFIG_SECTIONS).flatMap(([section, keys]) =>
  keys.map((key) => `${section}.${key}` as ConfigKey),
);

/** What a key accepts: `accept` returns the usable value or undefined; `expected` completes "KEY must ...". */
export interface KeyRule<T> {
  readonly expected: string;
  accept(value: unknown): T | undefined;
}

/** The expectation sentence fragment for a seconds rule, shared by the file and the flags. */
export function secondsExpectation(rule: SecondsRule): string {
  return `must be a whole number of seconds between ${rule.min} and ${rule.max}`;
}

function secondsRule(rule: SecondsRule): KeyRule<number> {
  return {
    expected: secondsExpectation(rule),
    accept: (value) => (typeof value === 'number' && Number.isInteger(value) && value >= rule.min && value <= rule.max ? value : undefined),
  };
}

/** The region rule's expectation, shared by the file, the flags, the environment and ~/.aws/config. */
export const REGION_EXPECTATION = `must be an AWS region such as ${REGION_EXAMPLES}`;

const nonEmptyString = (expected: string): KeyRule<string> => ({
  expected,
  accept: (value) => (typeof value === 'string' && value.trim() !== '' ? value : undefined),
});

/** The rule of every key. */
export const KEY_RULES = {
  'cluster.name': nonEmptyString('must be a string naming the cluster (or its ARN)'),
  'cluster.region': {
    expected: REGION_EXPECTATION,
    accept: (value: unknown) => (typeof value === 'string' && isAwsRegion(value) ? value : undefined),
  },
  'cluster.profile': nonEmptyString('must be a string naming an AWS profile'),
  'refresh.interval': secondsRule(REFRESH_INTERVAL),
  'refresh.task_definition_interval': secondsRule(TASK_DEFINITION_INTERVAL),
  'refresh.max_api_rate': {
    expected: 'must be a number of ECS calls per second greater than 0',
    accept: (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined),
  },
  'ui.mouse': {
    expected: 'must be true or false',
    accept: (value: unknown) => (typeof value === 'boolean' ? value : undefined),
  },
} satisfies { [K in ConfigKey]: KeyRule<unknown> };

/**
 * A TOML value as a user would recognise it in a message: strings quoted, tables and arrays by kind.
 * `raw` (the value's text in the file) is preferred for numbers the parser could not hold exactly.
 */
export function describeValue(value: unknown, raw?: string): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return raw ?? 'a number too large';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return `a date (${raw ?? value.toISOString()})`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'a table';
  return String(value);
}
