// The command: parse flags, load config, then either run one refresh for scripts (`--once`) or open
// the dashboard. This is the one place where the layers are wired together; nothing runs on import.
// The AWS SDK and the simulator live in backend.ts, loaded only once the screen has drawn.
import { parseArgs, UsageError, checkTerminal } from './args.js';
import type { CliOptions } from './args.js';
import { helpText, versionText } from './help.js';
import { loadConfig, nodeConfigDeps, ConfigError } from '../config/index.js';
import type { ConfigEnv, MonitorConfig } from '../config/index.js';
// Not sim/index.js: that would load the whole simulator before the first frame, for two error classes.
import { FaultSpecError } from '../sim/faults.js';
import { ScenarioError } from '../sim/scenario.js';
import { DeferredPoller } from '../poller/deferred-poller.js';
import { startDashboard } from '../ui/dashboard.js';
import { copyText } from '../ui/clipboard.js';
import { openUrl } from '../ui/open-url.js';
import { LogFile, LogFileError, startLine } from './log-file.js';
import type { Backend } from './backend.js';
import { chooseCluster } from './cluster-choice.js';
import { applyHeapSettings } from './heap-settings.js';

/** Where the command reads and writes; tests pass their own. */
export interface MainIo {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: ConfigEnv;
}

const EXIT_OK = 0;
const EXIT_USAGE = 2;

/** Runs ecs-monitor with `argv` (without node and the script); resolves with the process exit code. */
export async function main(
  argv: readonly string[],
  io: MainIo = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  const fail = (message: string, code: number): number => {
    // Messages that already name the program (the terminal check) are not prefixed twice.
    io.stderr.write(message.startsWith('ecs-monitor ') ? `${message}\n` : `ecs-monitor: ${message}\n`);
    return code;
  };
  let options: CliOptions;
  let config: MonitorConfig;
  let log: LogFile | undefined;
  try {
    options = parseArgs(argv);
    if (options.help) {
      io.stdout.write(`${helpText()}\n`);
      return EXIT_OK;
    }
    if (options.version) {
      io.stdout.write(`${versionText()}\n`);
      return EXIT_OK;
    }
    // Config first: a broken config file is the more useful message even when output is piped.
    config = loadConfig(options, io.env, nodeConfigDeps());
    checkTerminal(io.stdout.isTTY, options);
    log = options.logFile === undefined ? undefined : LogFile.open(options.logFile, { env: io.env });
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof LogFileError) return fail(error.message, EXIT_USAGE);
    throw error;
  }

  quietSdkNodeVersionWarning();
  log?.info(startLine(versionText(), config, options.demo));
  const stopWarningLog = log?.captureProcessWarnings();
  const finish = async (backend: Backend | undefined): Promise<void> => {
    await backend?.close();
    stopWarningLog?.();
    log?.close();
    if (log?.failure !== undefined) io.stderr.write(`ecs-monitor: writing the log file ${log.path} failed: ${log.failure.message}\n`);
  };

  if (options.once) {
    let backend: Backend | undefined;
    try {
      backend = await loadBackend(options, config, io.env, log);
      return await backend.once(options.json, io);
    } catch (error) {
      if (error instanceof FaultSpecError || error instanceof ScenarioError) return fail(error.message, EXIT_USAGE);
      throw error;
    } finally {
      await finish(backend);
    }
  }
  return dashboard(options, config, io, log, finish);
}

function loadBackend(options: CliOptions, config: MonitorConfig, env: ConfigEnv, log: LogFile | undefined): Promise<Backend> {
  return import('./backend.js').then((module) => {
    // Before the first refresh, after start-up has compiled its modules: V8 checks its flags before it
    // reuses a code cache, so a flag changed earlier slowed the first frame.
    applyHeapSettings();
    return module.connect(options, config, env, log);
  });
}

/**
 * Opens the dashboard at once, on deferred pollers, and loads the backend after the first frame
 * (two turns of the event loop: the dashboard draws on the first).
 */
async function dashboard(
  options: CliOptions,
  config: MonitorConfig,
  io: MainIo,
  log: LogFile | undefined,
  finish: (backend: Backend | undefined) => Promise<void>,
): Promise<number> {
  let loaded: Backend | undefined;
  const backend = new Promise<Backend>((resolve, reject) => {
    setImmediate(() => setImmediate(() => loadBackend(options, config, io.env, log).then(resolve, reject)));
  }).then((b) => (loaded = b));
  const intervalMs = config.intervalSec * 1000;
  const deferred = (name: string): DeferredPoller => new DeferredPoller(backend.then((b) => b.poller(name)), intervalMs);
  const cluster = chooseCluster(options, config);
  try {
    return await startDashboard({
      region: config.region,
      ...(cluster === undefined ? {} : { clusterName: cluster, poller: deferred(cluster) }),
      listClusters: async (signal) => (await backend).listClusters(signal),
      openCluster: (name) => deferred(name),
      mouse: config.mouse,
      intervalSec: config.intervalSec,
      callsLastMinute: () => loaded?.callsLastMinute() ?? 0,
      costStats: () => loaded?.costStats() ?? { metricsRequestedLastHour: 0, estimatedCostPerDayUsd: 0 },
      copyText: (text) => copyText(text, { writeToTerminal: (bytes) => io.stdout.write(bytes) }),
      openUrl: (url) => openUrl(url),
      ...(log === undefined ? {} : { log: (line: string) => log.captured(line) }),
    });
  } finally {
    await finish(loaded ?? (await backend.catch(() => undefined)));
  }
}

/**
 * The SDK warns once per process that its 2027 releases need Node 22. The warning is about the SDK's
 * future, not about anything the user can act on in this tool, and on stderr it would garble scripts
 * reading `--once` output, so it is dropped; every other warning passes through.
 */
function quietSdkNodeVersionWarning(): void {
  const emitWarning = process.emitWarning.bind(process);
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if (type === 'NodeVersionSupportWarning' || text.startsWith('NodeVersionSupportWarning')) return;
    (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
  }) as typeof process.emitWarning;
}
