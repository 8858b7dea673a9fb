// Assembles the simulator: world from a scenario, faults, ledger, living-data timer and the HTTP server.

import { handleCloudWatch } from './cloudwatch.js';
import { handleEcs, handleEcsWithClusterDeleted } from './ecs-operations.js';
import { buildDemoCluster } from './demo-scenario.js';
import { buildHostileCluster } from './hostile-scenario.js';
import { Faults, type FaultRule, type OutageSpec } from './faults.js';
import { Ledger } from './ledger.js';
import { DEMO_RATES, tickWorld } from './living.js';
import { SeededRandom } from './rng.js';
import { parseScenario, validateScenario, type Scenario } from './scenario.js';
import { SimServer } from './server.js';
import { buildSizedCluster } from './sized-scenario.js';
import { asObject, type JsonObject } from './wire.js';
import { World } from './world.js';

/** How to start the simulator; every field is optional. */
export interface SimulatorOptions {
  /** Port on 127.0.0.1; 0 or absent = an ephemeral port. */
  readonly port?: number | undefined;
  /** `demo` (default), a sized scenario, or its string form (see `parseScenario`). */
  readonly scenario?: Scenario | string | undefined;
  /** Seed for everything random (default 1): the same seed and clock give the same world. */
  readonly seed?: number | undefined;
  /** The clock, epoch ms (default `Date.now`). */
  readonly now?: (() => number) | undefined;
  /** Default us-east-1. */
  readonly region?: string | undefined;
  /** Name of the main cluster (default `demo` for the demo, `sim` for sized scenarios). */
  readonly clusterName?: string | undefined;
  /** More clusters, each with a few steady services, for testing a cluster picker. */
  readonly extraClusters?: readonly string[] | undefined;
  /** Whether the world changes on `tick()` (default: on for the demo, off for sized scenarios). */
  readonly living?: boolean | undefined;
  /** Ticks on a timer this often while living (default 5,000 ms); 0 = only when `tick()` is called. */
  readonly tickIntervalMs?: number | undefined;
  /** Fault rules and outages in force from the start. */
  readonly faults?: readonly (FaultRule | OutageSpec)[] | undefined;
}

/** A running simulator. */
export interface Simulator {
  /** `http://127.0.0.1:PORT`, for the SDK clients' `endpoint`. */
  readonly endpoint: string;
  readonly port: number;
  readonly region: string;
  /** The main cluster. */
  readonly clusterName: string;
  readonly ledger: Ledger;
  readonly faults: Faults;
  /** The simulated world itself, for tests that start, stop or add things between two refreshes. */
  readonly world: World;
  /** Moves living data one step at the current clock time (does nothing when living is off). */
  tick(): void;
  /** The endpoint goes down: stops listening and drops open connections. */
  stopListening(): Promise<void>;
  /** Listens again on the same port. */
  resumeListening(): Promise<void>;
  /** Stops the timers and the server. */
  close(): Promise<void>;
}

const ECS_BATCH_FIELDS: Readonly<Record<string, string>> = {
  DescribeClusters: 'clusters',
  DescribeServices: 'services',
  DescribeTasks: 'tasks',
  GetMetricData: 'MetricDataQueries',
};

function batchSize(operation: string, input: JsonObject): number {
  const field = ECS_BATCH_FIELDS[operation];
  const value = field === undefined ? undefined : input[field];
  return Array.isArray(value) ? value.length : 1;
}

/**
 * Starts the simulator on 127.0.0.1.
 * @throws ScenarioError for an invalid scenario, FaultSpecError/RangeError for invalid faults, or the
 * listen error (e.g. EADDRINUSE) when the port is taken.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 1;
  const region = options.region ?? 'us-east-1';
  const scenario = typeof options.scenario === 'string' ? parseScenario(options.scenario) : options.scenario ?? 'demo';
  const world = new World(region, new SeededRandom(seed));
  const start = now();
  const clusterName = options.clusterName ?? (scenario === 'demo' || scenario === 'hostile' ? scenario : 'sim');
  if (scenario === 'demo') buildDemoCluster(world, clusterName, start);
  else if (scenario === 'hostile') buildHostileCluster(world, clusterName, start);
  else buildSizedCluster(world, clusterName, validateScenario(scenario), start);
  (options.extraClusters ?? []).forEach((name, i) => {
    buildSizedCluster(world, name, { services: 3 + (i % 3), tasksPerService: 2, insights: i % 2 === 0 ? 'disabled' : 'enabled' }, start);
  });

  const faultRandom = new SeededRandom(seed + 7919);
  const outageTimers = new Set<NodeJS.Timeout>();
  // The faults need the server for outages and the server needs the faults: the server is filled in below.
  const target: { server?: SimServer } = {};
  const faults = new Faults(() => faultRandom.next(), {
    start: (outage) => {
      if (target.server) scheduleOutage(target.server, outage, outageTimers);
    },
    cancelAll: () => {
      for (const t of outageTimers) clearTimeout(t);
      outageTimers.clear();
      void target.server?.resumeListening().catch(reportOutageError);
    },
  });
  const ledger = new Ledger();
  const server = new SimServer({
    now,
    ledger,
    faults,
    batchSize,
    answer(service, operation, input, clusterDeleted) {
      if (service === 'cloudwatch') return handleCloudWatch(world, operation, input, now(), seed);
      return clusterDeleted ? handleEcsWithClusterDeleted(world, operation, input) : handleEcs(world, operation, input);
    },
    resourceFor(service, input) {
      if (service === 'cloudwatch') return '*';
      const cluster = asObject(input)['cluster'];
      const name = typeof cluster === 'string' && cluster !== '' ? cluster : 'default';
      return name.startsWith('arn:') ? name : world.arn('cluster', name);
    },
  });
  target.server = server;
  const port = await server.listen(options.port ?? 0);

  const living = options.living ?? scenario === 'demo';
  const tick = (): void => {
    if (living) tickWorld(world, now(), DEMO_RATES);
  };
  const interval = options.tickIntervalMs ?? 5_000;
  const ticker = living && interval > 0 ? setInterval(tick, interval).unref() : undefined;
  for (const spec of options.faults ?? []) faults.set(spec);

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    region,
    clusterName,
    ledger,
    faults,
    world,
    tick,
    stopListening: () => server.stopListening(),
    resumeListening: () => server.resumeListening(),
    async close() {
      clearInterval(ticker);
      for (const t of outageTimers) clearTimeout(t);
      outageTimers.clear();
      await server.close();
    },
  };
}

/** Takes the endpoint down for `downMs` at the end of every `everyMs`, until the timers are cleared. */
function scheduleOutage(server: SimServer, outage: OutageSpec, timers: Set<NodeJS.Timeout>): void {
  const later = (ms: number, action: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, ms).unref();
    timers.add(timer);
  };
  const cycle = (): void =>
    later(outage.everyMs - outage.downMs, () => {
      server.stopListening().then(() => later(outage.downMs, () => server.resumeListening().then(cycle, reportOutageError)), reportOutageError);
    });
  cycle();
}

function reportOutageError(error: unknown): void {
  // The outage fault runs on timers with nobody awaiting it; a failure to re-listen must still be visible.
  process.emitWarning(`simulator outage fault failed: ${error instanceof Error ? error.message : String(error)}`);
}
