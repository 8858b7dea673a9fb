// Where every setting comes from. Precedence, highest first:
//   flags > config file > environment (AWS_PROFILE; AWS_REGION, AWS_DEFAULT_REGION)
//         > the profile's region in the AWS shared config file > defaults.
// The config file beats the environment because it is written for this tool on purpose, while
// AWS_PROFILE/AWS_REGION are often left exported for other tools; flags beat both for one-off runs.
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseIni, profileSetting } from './aws-shared-config.js';
import { ConfigError } from './config-error.js';
import { parseConfigFile } from './config-file.js';
import type { FileConfig } from './config-file.js';
import { isAwsRegion } from './region.js';
import {
  DEFAULT_MAX_API_RATE,
  DEFAULT_MOUSE,
  REFRESH_INTERVAL,
  REGION_EXPECTATION,
  TASK_DEFINITION_INTERVAL,
  secondsExpectation,
} from './schema.js';

/** The region the demo's simulated cluster uses when nothing else names one. */
export const DEMO_REGION = 'us-east-1';

/** What loadConfig needs from the machine, injected so tests need no real home directory. */
export interface ConfigDeps {
  /** Reads a UTF-8 file like `fs.readFileSync(path, 'utf8')`: throws an error with `code` ENOENT when it is missing. */
  readFile(path: string): string;
  homedir(): string;
  cwd(): string;
}

/** Environment variables (process.env or a test's record). */
export type ConfigEnv = Readonly<Record<string, string | undefined>>;

/** The command-line settings that feed the config (a subset of the parsed flags). */
export interface ConfigFlags {
  readonly cluster?: string | undefined;
  readonly region?: string | undefined;
  readonly profile?: string | undefined;
  readonly intervalSec?: number | undefined;
  readonly configPath?: string | undefined;
  readonly demo?: boolean | undefined;
  readonly noMouse?: boolean | undefined;
}

/** Where a value came from, for `--help`-style explanations and the log. */
export type ConfigSource =
  | 'flag'
  | 'config-file'
  | 'AWS_PROFILE'
  | 'AWS_REGION'
  | 'AWS_DEFAULT_REGION'
  | 'aws-config'
  | 'demo'
  | 'default';

export type ConfigField = 'cluster' | 'region' | 'profile' | 'intervalSec' | 'taskDefinitionIntervalSec' | 'maxApiRate' | 'mouse';

/** The settings the monitor runs with. */
export interface MonitorConfig {
  /** Absent: the dashboard opens the cluster picker. */
  readonly cluster?: string;
  readonly region: string;
  /** Absent: the SDK's default credential chain. */
  readonly profile?: string;
  readonly intervalSec: number;
  readonly taskDefinitionIntervalSec: number;
  /** ECS read calls per second, averaged over a refresh. */
  readonly maxApiRate: number;
  readonly mouse: boolean;
  /** Absolute path of the config file used, when one was found. */
  readonly configPath?: string;
  /** Where each value came from; unset optional values have no entry. */
  readonly sources: Readonly<Partial<Record<ConfigField, ConfigSource>>>;
}

interface FoundFile {
  readonly path: string;
  readonly shown: string;
  readonly values: FileConfig;
}

/**
 * Resolves the configuration from flags, the first config file found (`--config PATH`, then
 * `./config.toml`, then `$XDG_CONFIG_HOME/ecs-monitor/config.toml` or `~/.config/ecs-monitor/config.toml`),
 * the environment and the AWS shared config file. No file at all is fine. With `demo`, the environment
 * and the AWS config are not consulted (the demo never depends on the user's AWS setup) and the region
 * defaults to {@link DEMO_REGION}.
 * @throws ConfigError when `--config` names a missing file, a file cannot be read or is invalid, a
 *   region from any source is not shaped like an AWS region, or no region is given at all.
 */
export function loadConfig(flags: ConfigFlags, env: ConfigEnv, deps: ConfigDeps): MonitorConfig {
  const home = deps.homedir();
  const cwd = deps.cwd();
  const found = findConfigFile(flags.configPath, env, deps, home, cwd);
  const file: FileConfig = found?.values ?? {};
  const useEnvironment = flags.demo !== true;
  const sources: Partial<Record<ConfigField, ConfigSource>> = {};

  const pick = <T>(field: ConfigField, candidates: ReadonlyArray<readonly [T | undefined, ConfigSource]>): T | undefined => {
    for (const [value, source] of candidates) {
      if (value !== undefined) {
        sources[field] = source;
        return value;
      }
    }
    return undefined;
  };
  const envValue = (name: string): string | undefined => {
    const value = useEnvironment ? env[name]?.trim() : undefined;
    return value === '' ? undefined : value;
  };

  if (flags.region !== undefined && !isAwsRegion(flags.region)) {
    throw new ConfigError(`--region ${REGION_EXPECTATION}, got ${JSON.stringify(flags.region)}`, { key: '--region' });
  }
  if (flags.intervalSec !== undefined && !(Number.isInteger(flags.intervalSec) && flags.intervalSec >= REFRESH_INTERVAL.min && flags.intervalSec <= REFRESH_INTERVAL.max)) {
    throw new ConfigError(`--interval ${secondsExpectation(REFRESH_INTERVAL)}, got ${flags.intervalSec}`, { key: '--interval' });
  }

  const cluster = pick('cluster', [[flags.cluster, 'flag'], [file.cluster, 'config-file']]);
  const profile = pick('profile', [[flags.profile, 'flag'], [file.profile, 'config-file'], [envValue('AWS_PROFILE'), 'AWS_PROFILE']]);
  const region =
    pick('region', [
      [flags.region, 'flag'],
      [file.region, 'config-file'],
      [checkedEnvRegion(envValue, 'AWS_REGION'), 'AWS_REGION'],
      [checkedEnvRegion(envValue, 'AWS_DEFAULT_REGION'), 'AWS_DEFAULT_REGION'],
      [useEnvironment ? profileRegion(profile ?? 'default', env, deps, home, cwd) : undefined, 'aws-config'],
      [flags.demo === true ? DEMO_REGION : undefined, 'demo'],
    ]) ?? missingRegion(profile, found, env, home, cwd);

  const config: { -readonly [K in keyof MonitorConfig]: MonitorConfig[K] } = {
    region,
    intervalSec: pick('intervalSec', [[flags.intervalSec, 'flag'], [file.intervalSec, 'config-file'], [REFRESH_INTERVAL.default, 'default']]) ?? REFRESH_INTERVAL.default,
    taskDefinitionIntervalSec:
      pick('taskDefinitionIntervalSec', [[file.taskDefinitionIntervalSec, 'config-file'], [TASK_DEFINITION_INTERVAL.default, 'default']]) ?? TASK_DEFINITION_INTERVAL.default,
    maxApiRate: pick('maxApiRate', [[file.maxApiRate, 'config-file'], [DEFAULT_MAX_API_RATE, 'default']]) ?? DEFAULT_MAX_API_RATE,
    mouse: pick('mouse', [[flags.noMouse === true ? false : undefined, 'flag'], [file.mouse, 'config-file'], [DEFAULT_MOUSE, 'default']]) ?? DEFAULT_MOUSE,
    sources,
  };
  if (cluster !== undefined) config.cluster = cluster;
  if (profile !== undefined) config.profile = profile;
  if (found !== undefined) config.configPath = found.path;
  return config;
}

function checkedEnvRegion(envValue: (name: string) => string | undefined, name: 'AWS_REGION' | 'AWS_DEFAULT_REGION'): string | undefined {
  const value = envValue(name);
  if (value !== undefined && !isAwsRegion(value)) {
    throw new ConfigError(`the environment variable ${name} ${REGION_EXPECTATION}, got ${JSON.stringify(value)}`, { key: name });
  }
  return value;
}

function missingRegion(profile: string | undefined, found: FoundFile | undefined, env: ConfigEnv, home: string, cwd: string): never {
  const where = found === undefined ? 'config.toml' : found.shown;
  const inProfile = profile === undefined ? 'give the default profile a region' : `give profile ${profile} a region`;
  const awsConfig = shownPath(awsConfigPath(env, home, cwd), cwd, home);
  throw new ConfigError(
    `no AWS region given: pass --region (e.g. --region us-east-1), set AWS_REGION, add region = "us-east-1" under [cluster] in ${where}, or ${inProfile} in ${awsConfig}`,
    { key: 'cluster.region' },
  );
}

/** The profile's `region` from the AWS shared config file (AWS_CONFIG_FILE or ~/.aws/config), if any. */
function profileRegion(profile: string, env: ConfigEnv, deps: ConfigDeps, home: string, cwd: string): string | undefined {
  const path = awsConfigPath(env, home, cwd);
  const text = readIfExists(deps, path, shownPath(path, cwd, home));
  if (text === undefined) return undefined;
  const setting = profileSetting(parseIni(text), profile, 'region');
  if (setting !== undefined && !isAwsRegion(setting.value)) {
    throw new ConfigError(`region of profile ${profile} ${REGION_EXPECTATION}, got ${JSON.stringify(setting.value)}`, {
      file: shownPath(path, cwd, home),
      key: 'region',
      line: setting.line,
      col: setting.col,
    });
  }
  return setting?.value;
}

function awsConfigPath(env: ConfigEnv, home: string, cwd: string): string {
  const configured = env['AWS_CONFIG_FILE']?.trim();
  return configured ? resolve(cwd, expandHome(configured, home)) : join(home, '.aws', 'config');
}

function findConfigFile(configPath: string | undefined, env: ConfigEnv, deps: ConfigDeps, home: string, cwd: string): FoundFile | undefined {
  if (configPath !== undefined) {
    const path = resolve(cwd, expandHome(configPath, home));
    const shown = shownPath(path, cwd, home);
    const text = readIfExists(deps, path, shown);
    if (text === undefined) throw new ConfigError('the config file given by --config does not exist', { file: shown, key: '--config' });
    return { path, shown, values: parseConfigFile(text, shown) };
  }
  const xdg = env['XDG_CONFIG_HOME'];
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const configHome = xdg !== undefined && isAbsolute(xdg) ? xdg : join(home, '.config');
  for (const path of [join(cwd, 'config.toml'), join(configHome, 'ecs-monitor', 'config.toml')]) {
    const shown = shownPath(path, cwd, home);
    const text = readIfExists(deps, path, shown);
    if (text !== undefined) return { path, shown, values: parseConfigFile(text, shown) };
  }
  return undefined;
}

/** Reads a file; undefined when it does not exist. @throws ConfigError when it exists but cannot be read. */
function readIfExists(deps: ConfigDeps, path: string, shown: string): string | undefined {
  try {
    return deps.readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : error instanceof Error ? error.message : String(error);
    throw new ConfigError(`the file cannot be read (${why})`, { file: shown, cause: error });
  }
}

function expandHome(path: string, home: string): string {
  return path === '~' ? home : path.startsWith('~/') ? join(home, path.slice(2)) : path;
}

/** A path as the user would write it: relative inside the working directory, `~/...` inside home. */
export function shownPath(path: string, cwd: string, home: string): string {
  const inside = (base: string): string | undefined => {
    const rel = relative(base, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : undefined;
  };
  const fromCwd = inside(cwd);
  if (fromCwd !== undefined) return fromCwd;
  const fromHome = inside(home);
  if (fromHome !== undefined) return `~${sep}${fromHome}`;
  return path;
}
