// Assembles the simulator: world from a scenario, faults, ledger, living-data timer and the HTTP server.

import { handleCloudWatch } from './cloudwatch.js';
import { handleEcs, handleEcsWithClusterDeleted } from './ecs-operations.js';
import { buildDemoCluster } from './demo-scenario.js';
import { Faults, type FaultRule, type OutageSpec } from './faults.js';
import { Ledger } from './ledger.js';
import { DEMO_RATES, tickWorld } from './living.js';
import { SeededRandom } from './rng.js';
import { parseScenario, validateScenario, type Scenario } from './scenario.js';
import { SimServer } from './server.js';
import { buildSizedCluster } from './sized-scenario.js';
import { asObject, type JsonObject } from './wire.js';
import { World } from './world.js';

export interface SimulatorOptions {
  /** Port on 127.0.0.1; 0 or absent = an ephemeral port. */
  readonly port?: number;
  /** `demo` (default), a sized scenario, or its string form (see `parseScenario`). */
  readonly scenario?: Scenario | string;
  /** Seed for everything random (default 1): the same seed and clock give the same world. */
  readonly seed?: number;
  /** The clock, epoch ms (default `Date.now`). */
  readonly now?: () => number;
  /** Default us-east-1. */
  readonly region?: string;
  /** Name of the main cluster (default `demo` for the demo, `sim` for sized scenarios). */
  readonly clusterName?: string;
  /** More clusters, each with a few steady services, for testing a cluster picker. */
  readonly extraClusters?: readonly string[];
  /** Whether the world changes on `tick()` (default: on for the demo, off for sized scenarios). */
  readonly living?: boolean;
  /** Ticks on a timer this often while living (default 5,000 ms); 0 = only when `tick()` is called. */
  readonly tickIntervalMs?: number;
  /** Fault rules and outages in force from the start. */
  readonly faults?: readonly (FaultRule | OutageSpec)[];
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
  const clusterName = options.clusterName ?? (scenario === 'demo' ? 'demo' : 'sim');
  if (scenario === 'demo') buildDemoCluster(world, clusterName, start);
  else buildSizedCluster(world, clusterName, validateScenario(scenario), start);
  (options.extraClusters ?? []).forEach((name, i) => {
    buildSizedCluster(world, name, { services: 3 + (i % 3), tasksPerService: 2, insights: i % 2 === 0 ? 'disabled' : 'enabled' }, start);
  });

  const faultRandom = new SeededRandom(seed + 7919);
  const faults = new Faults(() => faultRandom.next());
  const outages: OutageSpec[] = [];
  for (const spec of options.faults ?? []) {
    if (spec.kind === 'down') outages.push(spec);
    else faults.set(spec);
  }
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
  const port = await server.listen(options.port ?? 0);

  const living = options.living ?? scenario === 'demo';
  const tick = (): void => {
    if (living) tickWorld(world, now(), DEMO_RATES);
  };
  const timers: NodeJS.Timeout[] = [];
  const interval = options.tickIntervalMs ?? 5_000;
  if (living && interval > 0) timers.push(setInterval(tick, interval).unref());
  for (const outage of outages) scheduleOutage(server, outage, timers);

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    region,
    clusterName,
    ledger,
    faults,
    tick,
    stopListening: () => server.stopListening(),
    resumeListening: () => server.resumeListening(),
    async close() {
      for (const t of timers) clearTimeout(t);
      await server.stopListening();
    },
  };
}

/** Takes the endpoint down for `downMs` at the end of every `everyMs`. */
function scheduleOutage(server: SimServer, outage: OutageSpec, timers: NodeJS.Timeout[]): void {
  const cycle = (): void => {
    timers.push(
      setTimeout(() => {
        void server.stopListening().then(() => {
          timers.push(setTimeout(() => void server.resumeListening().then(cycle, reportOutageError), outage.downMs).unref());
        }, reportOutageError);
      }, outage.everyMs - outage.downMs).unref(),
    );
  };
  cycle();
}

function reportOutageError(error: unknown): void {
  // The outage fault runs on timers with nobody awaiting it; a failure to re-listen must still be visible.
  process.emitWarning(`simulator outage fault failed: ${error instanceof Error ? error.message : String(error)}`);
}
