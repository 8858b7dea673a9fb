// The heavy half of the command: the simulator, the AWS SDK clients, sources and pollers. main.ts
// loads it with a dynamic import, after the dashboard has drawn its first frame, because the SDK alone
// takes longer to load than the whole screen takes to draw.
import type { CliOptions } from './args.js';
import type { ConfigEnv, MonitorConfig } from '../config/index.js';
import { profileUsesSso } from '../config/sso-profile.js';
import { startSimulator, parseFaultSpec } from '../sim/index.js';
import type { FaultRule, OutageSpec, Simulator } from '../sim/index.js';
import { createAwsClients, createEcsSource, createClusterLister } from '../aws/index.js';
import type { AwsClients } from '../aws/index.js';
import { createMetricsSource } from '../aws/metrics.js';
import type { CloudWatchMetricsSource } from '../aws/metrics.js';
import { observeClientCalls } from '../aws/call-events.js';
import { Poller, runOnce } from '../poller/index.js';
import type { ClusterLister } from '../poller/types.js';
import { snapshotToJson } from '../model/snapshot-json.js';
import { MonitorError } from '../model/errors.js';
import type { Snapshot } from '../model/types.js';
import type { LogFile } from './log-file.js';
import { chooseCluster, DEMO_CLUSTER } from './cluster-choice.js';
import { quietHeapBetweenRefreshes } from './heap-settings.js';

const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
const ONCE_CONTAINER_METRICS_SERVICES = 100;

/** What the dashboard and `--once` need from AWS (or the simulator standing in for it). */
export interface Backend {
  readonly listClusters: ClusterLister;
  poller(cluster: string): Poller;
  callsLastMinute(): number;
  costStats(): { metricsRequestedLastHour: number; estimatedCostPerDayUsd: number };
  /** `--once`: one refresh printed on stdout; resolves with the exit code. */
  once(json: boolean, io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts the simulator for `--demo`, creates the AWS clients and returns the backend.
 * @throws FaultSpecError / ScenarioError for demo flags that did not parse (parseArgs checks them first).
 */
export async function connect(options: CliOptions, config: MonitorConfig, env: ConfigEnv, log: LogFile | undefined): Promise<Backend> {
  let sim: Simulator | undefined;
  if (options.demo) {
    sim = await startSimulator({
      ...(options.scenario === undefined ? {} : { scenario: options.scenario }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      faults: options.faults.flatMap((spec): (FaultRule | OutageSpec)[] => {
        const parsed = parseFaultSpec(spec);
        return Array.isArray(parsed) ? parsed : [parsed];
      }),
      clusterName: DEMO_CLUSTER,
      extraClusters: ['staging', 'batch-jobs'],
      region: config.region,
    });
  }
  const clients = createAwsClients({
    region: config.region,
    profile: sim === undefined ? config.profile : undefined,
    endpoint: sim?.endpoint,
    // The simulator checks no signatures; dummy keys keep the user's real credentials out of the demo.
    credentials: sim === undefined ? undefined : { accessKeyId: 'demo', secretAccessKey: 'demo' },
  });
  if (log !== undefined) observeClientCalls(clients, (event) => log.awsCall(event));
  const usesSso = sim === undefined && config.profile !== undefined && profileUsesSso(env, config.profile);
  const wiring = new Wiring(clients, config, usesSso);
  const cluster = chooseCluster(options, config);
  const watched = (poller: Poller, name: string): Poller => log?.watchPoller(poller, name) ?? poller;
  return {
    // The picker's credential errors name `aws sso login` for an SSO profile, as the dashboard's do.
    listClusters: createClusterLister(clients, { usesSso }),
    poller: (name) => watched(wiring.poller(name), name),
    callsLastMinute: () => clients.calls.lastMinute(),
    costStats: () => wiring.costStats(),
    once: (json, io) => once(wiring, cluster, json, io, log),
    async close() {
      clients.destroy();
      await sim?.close();
    },
  };
}

type Sources = { ecs: ReturnType<typeof createEcsSource>; metrics: CloudWatchMetricsSource };

/** Builds pollers on shared clients, and remembers the open dashboard's metrics source for the cost view. */
class Wiring {
  private current: CloudWatchMetricsSource | undefined;
  /**
   * The dashboard's sources per cluster, kept when the user goes back to the picker: opening the cluster
   * again reuses the described task definitions and the metric histories (and the once-per-minute rule)
   * instead of describing and backfilling everything again. One poller runs at a time.
   */
  private readonly dashboardSources = new Map<string, Sources>();

  constructor(
    private readonly clients: AwsClients,
    private readonly config: MonitorConfig,
    private readonly usesSso: boolean,
  ) {}

  sources(cluster: string, smallClusterServiceLimit?: number): Sources {
    const ecs = createEcsSource(this.clients, {
      cluster,
      region: this.config.region,
      taskDefinitionTtlMs: this.config.taskDefinitionIntervalSec * 1000,
      maxApiRate: this.config.maxApiRate,
      profile: this.config.profile,
      usesSso: this.usesSso,
    });
    const metrics = createMetricsSource(this.clients.cloudwatch, {
      cluster,
      ...(smallClusterServiceLimit === undefined ? {} : { smallClusterServiceLimit }),
    });
    return { ecs, metrics };
  }

  poller(cluster: string): Poller {
    let sources = this.dashboardSources.get(cluster);
    if (sources === undefined) {
      sources = this.sources(cluster);
      this.dashboardSources.set(cluster, sources);
    }
    const { ecs, metrics } = sources;
    this.current = metrics;
    const poller = new Poller({
      source: ecs,
      metrics,
      intervalMs: this.config.intervalSec * 1000,
      maxApiRate: this.config.maxApiRate,
    });
    quietHeapBetweenRefreshes(poller);
    return poller;
  }

  costStats(): { metricsRequestedLastHour: number; estimatedCostPerDayUsd: number } {
    const stats = this.current?.stats();
    return {
      metricsRequestedLastHour: stats?.metricsRequestedLastHour ?? 0,
      estimatedCostPerDayUsd: stats?.estimatedCostPerDayUsd ?? 0,
    };
  }
}

/** `--once`: one refresh, printed as JSON (or a short table), then exit. */
async function once(wiring: Wiring, cluster: string | undefined, json: boolean, io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }, log: LogFile | undefined): Promise<number> {
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
