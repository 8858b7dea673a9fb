// The command: parse flags, load config, then either run one refresh for scripts (`--once`) or open
// the dashboard. This is the one place where the layers are wired together; nothing runs on import.
import { parseArgs, UsageError, checkTerminal } from './args.js';
import type { CliOptions } from './args.js';
import { helpText, versionText } from './help.js';
import { loadConfig, nodeConfigDeps, ConfigError } from '../config/index.js';
import type { ConfigEnv, MonitorConfig } from '../config/index.js';
import { profileUsesSso } from '../config/sso-profile.js';
import { startSimulator, parseFaultSpec, FaultSpecError, ScenarioError } from '../sim/index.js';
import type { FaultRule, OutageSpec, Simulator } from '../sim/index.js';
import { createAwsClients, createEcsSource, createClusterLister } from '../aws/index.js';
import type { AwsClients } from '../aws/index.js';
import { createMetricsSource } from '../aws/metrics.js';
import type { CloudWatchMetricsSource } from '../aws/metrics.js';
import { Poller, runOnce } from '../poller/index.js';
import { snapshotToJson } from '../model/snapshot-json.js';
import { MonitorError } from '../model/errors.js';
import type { Snapshot } from '../model/types.js';
import { startDashboard } from '../ui/dashboard.js';
import { copyText } from '../ui/clipboard.js';
import { openUrl } from '../ui/open-url.js';
import { observeClientCalls } from '../aws/call-events.js';
import { LogFile, LogFileError, startLine } from './log-file.js';

/** Where the command reads and writes; tests pass their own. */
export interface MainIo {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: ConfigEnv;
}

const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
const ONCE_CONTAINER_METRICS_SERVICES = 100;

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
  let sim: Simulator | undefined;
  if (options.demo) {
    try {
      sim = await startSimulator({
        ...(options.scenario === undefined ? {} : { scenario: options.scenario }),
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        faults: options.faults.flatMap((spec): (FaultRule | OutageSpec)[] => {
          const parsed = parseFaultSpec(spec);
          return Array.isArray(parsed) ? parsed : [parsed];
        }),
        extraClusters: ['staging', 'batch-jobs'],
        region: config.region,
      });
    } catch (error) {
      stopWarningLog?.();
      log?.close();
      if (error instanceof FaultSpecError || error instanceof ScenarioError) return fail(error.message, EXIT_USAGE);
      throw error;
    }
  }
  const clients = createAwsClients({
    region: config.region,
    profile: sim === undefined ? config.profile : undefined,
    endpoint: sim?.endpoint,
    // The simulator checks no signatures; dummy keys keep the user's real credentials out of the demo.
    credentials: sim === undefined ? undefined : { accessKeyId: 'demo', secretAccessKey: 'demo' },
  });
  if (log !== undefined) observeClientCalls(clients, (event) => log.awsCall(event));
  const usesSso = sim === undefined && config.profile !== undefined && profileUsesSso(io.env, config.profile);
  const wiring = new Wiring(clients, config, usesSso);
  // In the demo, no --cluster opens the demo cluster; elsewhere no cluster (or --pick) opens the picker.
  const configured = sim === undefined ? config.cluster : (options.cluster ?? sim.clusterName);
  const cluster = options.pick && !options.once ? undefined : configured;
  const watched = (poller: Poller, name: string): Poller => log?.watchPoller(poller, name) ?? poller;

  try {
    if (options.once) return await once(wiring, cluster, options.json, io, log);
    return await startDashboard({
      region: config.region,
      ...(cluster === undefined ? {} : { clusterName: cluster, poller: watched(wiring.poller(cluster), cluster) }),
      listClusters: createClusterLister(clients),
      openCluster: (name) => watched(wiring.poller(name), name),
      mouse: config.mouse,
      intervalSec: config.intervalSec,
      callsLastMinute: () => clients.calls.lastMinute(),
      costStats: () => wiring.costStats(),
      copyText: (text) => copyText(text, { writeToTerminal: (bytes) => io.stdout.write(bytes) }),
      openUrl: (url) => openUrl(url),
      ...(log === undefined ? {} : { log: (line: string) => log.captured(line) }),
    });
  } finally {
    clients.destroy();
    await sim?.close();
    stopWarningLog?.();
    log?.close();
    if (log?.failure !== undefined) io.stderr.write(`ecs-monitor: writing the log file ${log.path} failed: ${log.failure.message}\n`);
  }
}

/** Builds pollers on shared clients, and remembers the metrics sources for the cost view. */
class Wiring {
  private readonly metricsSources: CloudWatchMetricsSource[] = [];

  constructor(
    private readonly clients: AwsClients,
    private readonly config: MonitorConfig,
    private readonly usesSso: boolean,
  ) {}

  sources(cluster: string, smallClusterServiceLimit?: number): { ecs: ReturnType<typeof createEcsSource>; metrics: CloudWatchMetricsSource } {
    const ecs = createEcsSource(this.clients, {
      cluster,
      region: this.config.region,
      taskDefinitionTtlMs: this.config.taskDefinitionIntervalSec * 1000,
      profile: this.config.profile,
      usesSso: this.usesSso,
    });
    const metrics = createMetricsSource(this.clients.cloudwatch, {
      cluster,
      ...(smallClusterServiceLimit === undefined ? {} : { smallClusterServiceLimit }),
    });
    this.metricsSources.splice(0, this.metricsSources.length, metrics);
    return { ecs, metrics };
  }

  poller(cluster: string): Poller {
    const { ecs, metrics } = this.sources(cluster);
    return new Poller({
      source: ecs,
      metrics,
      intervalMs: this.config.intervalSec * 1000,
      maxApiRate: this.config.maxApiRate,
    });
  }

  costStats(): { metricsRequestedLastHour: number; estimatedCostPerDayUsd: number } {
    const stats = this.metricsSources[0]?.stats();
    return {
      metricsRequestedLastHour: stats?.metricsRequestedLastHour ?? 0,
      estimatedCostPerDayUsd: stats?.estimatedCostPerDayUsd ?? 0,
    };
  }
}

/** `--once`: one refresh, printed as JSON (or a short table), then exit. */
async function once(wiring: Wiring, cluster: string | undefined, json: boolean, io: MainIo, log: LogFile | undefined): Promise<number> {
  if (cluster === undefined) {
    io.stderr.write('ecs-monitor: --once needs a cluster: pass --cluster NAME or set [cluster] name in the config file\n');
    return EXIT_USAGE;
  }
  // One-shot output is for scripts: container metrics for up to 100 services rather than the focus.
  const { ecs, metrics } = wiring.sources(cluster, ONCE_CONTAINER_METRICS_SERVICES);
  let snapshot: Snapshot;
  const started = performance.now();
  try {
    snapshot = await runOnce(ecs, metrics);
    log?.snapshot(snapshot, performance.now() - started);
  } catch (error) {
    if (error instanceof MonitorError) {
      log?.refreshFailed(error, performance.now() - started);
      io.stderr.write(`ecs-monitor: ${error.message}\n`);
      return EXIT_FAILURE;
    }
    throw error;
  }
  io.stdout.write(json ? `${JSON.stringify(snapshotToJson(snapshot), null, 2)}\n` : summaryText(snapshot));
  return EXIT_OK;
}

function summaryText(snapshot: Snapshot): string {
  const width = Math.max(4, ...snapshot.services.map((s) => s.name.length));
  const lines = snapshot.services.map(
    (s) => `${s.name.padEnd(width)}  ${s.status.padEnd(8)}  ${`${s.runningCount}/${s.desiredCount}`.padEnd(7)}  ${s.health}`,
  );
  return `${[`${'NAME'.padEnd(width)}  STATUS    TASKS    HEALTH`, ...lines].join('\n')}\n`;
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
