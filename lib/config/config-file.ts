// Reads the text of a config.toml into typed settings, refusing anything it does not understand with
// one sentence that names the place, the key and what was expected.
import TOML from '@iarna/toml';
import { ConfigError } from './config-error.js';
import { CONFIG_KEYS, CONFIG_SECTIONS, KEY_RULES, describeValue } from './schema.js';
import type { ConfigKey, ConfigSection } from './schema.js';
import { closestMatch } from './suggest.js';
import { locateKey } from './toml-locate.js';

/** The settings a config file gave; a key absent from the file is absent here. */
export interface FileConfig {
  readonly cluster?: string;
  readonly region?: string;
  readonly profile?: string;
  readonly intervalSec?: number;
  readonly taskDefinitionIntervalSec?: number;
  readonly maxApiRate?: number;
  readonly mouse?: boolean;
}

type Table = Record<string, unknown>;

const isTable = (value: unknown): value is Table =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

const isSection = (name: string): name is ConfigSection => Object.hasOwn(CONFIG_SECTIONS, name);

const isKey = (name: string): name is ConfigKey => (CONFIG_KEYS as readonly string[]).includes(name);

const leaf = (key: string): string => key.slice(key.lastIndexOf('.') + 1);

/** "a, b and c" */
function listWords(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * Parses and checks the text of a config file. `file` is the name shown in messages.
 * @throws ConfigError for a TOML syntax error (with the parser's line:column), an unknown section or
 *   key (naming the nearest valid one), or a value of the wrong type or out of range.
 */
export function parseConfigFile(text: string, file: string): FileConfig {
  // Some Windows editors save a byte-order mark, which the TOML parser rejects as an unknown character.
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const doc = parseToml(source, file);
  const where = (path: readonly string[], at: 'key' | 'value'): { file: string; line?: number; col?: number } => {
    const position = locateKey(source, path);
    if (position === undefined) return { file };
    return { file, line: position.line, col: at === 'value' ? (position.valueCol ?? position.col) : position.col };
  };

  const values: Partial<Record<ConfigKey, unknown>> = {};
  for (const [name, body] of Object.entries(doc)) {
    if (!isSection(name)) {
      if (isTable(body)) {
        const suggestion = closestMatch(name, Object.keys(CONFIG_SECTIONS));
        const hint = suggestion === undefined
          ? `the sections are ${listWords(Object.keys(CONFIG_SECTIONS).map((s) => `[${s}]`))}`
          : `did you mean [${suggestion}]?`;
        throw new ConfigError(`unknown section [${name}]; ${hint}`, { ...where([name], 'key'), key: `[${name}]` });
      }
      throw unknownKey(name, where([name], 'key'));
    }
    if (!isTable(body)) {
      throw new ConfigError(`${name} must be a section written [${name}], got ${describeValue(body)}`, {
        ...where([name], 'value'),
        key: name,
      });
    }
    for (const [keyName, value] of Object.entries(body)) {
      const key = `${name}.${keyName}`;
      if (!isKey(key)) throw unknownKey(key, where([name, keyName], 'key'));
      values[key] = value;
    }
  }

  const take = <K extends ConfigKey>(key: K): ReturnType<(typeof KEY_RULES)[K]['accept']> | undefined => {
    if (!(key in values)) return undefined;
    const value = values[key];
    const accepted = KEY_RULES[key].accept(value) as ReturnType<(typeof KEY_RULES)[K]['accept']>;
    if (accepted !== undefined) return accepted;
    const path = key.split('.');
    const location = where(path, 'value');
    throw new ConfigError(`${key} ${KEY_RULES[key].expected}, got ${describeValue(value, rawValueAt(source, location))}`, {
      ...location,
      key,
    });
  };

  // Checked in file order of the schema so the first problem reported is stable.
  const result: { -readonly [K in keyof FileConfig]: FileConfig[K] } = {};
  const cluster = take('cluster.name');
  if (cluster !== undefined) result.cluster = cluster;
  const region = take('cluster.region');
  if (region !== undefined) result.region = region;
  const profile = take('cluster.profile');
  if (profile !== undefined) result.profile = profile;
  const interval = take('refresh.interval');
  if (interval !== undefined) result.intervalSec = interval;
  const taskDefinitionInterval = take('refresh.task_definition_interval');
  if (taskDefinitionInterval !== undefined) result.taskDefinitionIntervalSec = taskDefinitionInterval;
  const maxApiRate = take('refresh.max_api_rate');
  if (maxApiRate !== undefined) result.maxApiRate = maxApiRate;
  const mouse = take('ui.mouse');
  if (mouse !== undefined) result.mouse = mouse;
  return result;
}

function unknownKey(key: string, location: { file: string; line?: number; col?: number }): ConfigError {
  // A typo in the name (refresh.intervall), else the right name in the wrong section (refresh.region).
  const suggestion = closestMatch(key, CONFIG_KEYS) ?? closestMatch(leaf(key), CONFIG_KEYS, (candidate) => [leaf(candidate)]);
  const section = key.includes('.') ? key.slice(0, key.indexOf('.')) : undefined;
  const otherwise = section !== undefined && isSection(section)
    ? CONFIG_SECTIONS[section].length === 1
      ? `the only key of [${section}] is ${CONFIG_SECTIONS[section].join('')}`
      : `the keys of [${section}] are ${listWords(CONFIG_SECTIONS[section])}`
    : `every key belongs in a section: ${listWords(Object.keys(CONFIG_SECTIONS).map((s) => `[${s}]`))}`;
  const hint = suggestion === undefined ? otherwise : `did you mean ${suggestion}?`;
  return new ConfigError(`unknown key ${key}; ${hint}`, { ...location, key });
}

interface TomlSyntaxError extends Error {
  line: number;
  col: number;
}

const isTomlSyntaxError = (error: unknown): error is TomlSyntaxError =>
  error instanceof Error && typeof (error as Partial<TomlSyntaxError>).line === 'number' && typeof (error as Partial<TomlSyntaxError>).col === 'number';

function parseToml(source: string, file: string): Table {
  try {
    return TOML.parse(source);
  } catch (error) {
    if (!isTomlSyntaxError(error)) throw error;
    // The parser appends " at row R, col C, pos P:" and a source excerpt; keep only its own words.
    const words = error.message.replace(/ at row \d+, col \d+, pos \d+:[\s\S]*$/, '').trim();
    const sentence = clearerSyntaxMessage(words);
    throw new ConfigError(`not valid TOML: ${sentence}`, { file, line: error.line + 1, col: error.col + 1, cause: error });
  }
}

/** The parser's words, reworded where they do not say what was expected. */
function clearerSyntaxMessage(words: string): string {
  if (/redefine/i.test(words)) return 'this key or section is already defined above; expected each key once';
  if (/^Unterminated string/i.test(words)) return 'this string is not closed; expected a closing quote on the same line';
  if (/^Key without value/i.test(words)) return 'this key has no value; expected = and a value';
  if (/expecting string, number, datetime, boolean, inline array or inline table/.test(words)) {
    return 'expected a value after = (a "string", a number, true or false, a date, an [array] or an { inline table })';
  }
  return words.charAt(0).toLowerCase() + words.slice(1);
}

/** The literal text of a value in the file, for numbers the parser cannot represent exactly. */
function rawValueAt(source: string, location: { line?: number; col?: number }): string | undefined {
  if (location.line === undefined || location.col === undefined) return undefined;
  const text = source.split(/\r?\n/)[location.line - 1]?.slice(location.col - 1);
  return text?.match(/^[^\s#,}\]]+/)?.[0];
}
