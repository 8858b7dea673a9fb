// One scenario, in a process of its own so its RSS is the monitor's alone: the simulator runs in a
// further child process. Prints one JSON line (ScenarioMeasurement) on stdout.
import { performance } from 'node:perf_hooks';
import { createAwsClients, createEcsSource } from '../../lib/aws/index.js';
import { PACED_DEFINITIONS } from '../../lib/aws/ecs-source.js';
import { createMetricsSource } from '../../lib/aws/metrics.js';
import { applyHeapSettings } from '../../lib/cli/heap-settings.js';
import type { Snapshot } from '../../lib/model/types.js';
import { isEntryPoint } from './entry.js';
import { measureMetricsHour } from './metrics-hour.js';
import type { MetricsHour } from './metrics-hour.js';
import { measureRender } from './render-timing.js';
import type { RenderTimes } from './render-timing.js';
import { minimumCalls, refreshLowerBoundMs, SCENARIOS, scenarioSpec, total } from './scenarios.js';
import type { BenchScenario, RefreshShape } from './scenarios.js';
import { SimProcess } from './sim-handle.js';
import { worstBucketShare } from './throttling.js';

/** The simulated latency of every call, as in the issue. */
export const LATENCY_MS = 50;
/** The ECS source's default concurrency. */
export const CONCURRENCY = 8;

/** One refresh of the ECS source. */
export interface RefreshMeasurement {
  readonly ms: number;
  readonly lowerBoundMs: number;
  /** Calls the refresh made (paced task-definition describes left out: they are not part of it). */
  readonly calls: Record<string, number>;
  readonly minCalls: Record<string, number>;
  /** Paced task-definition describes made since the previous refresh. */
  readonly pacedCalls: number;
  /** Calls the simulator answered (cross-check of the client's count). */
  readonly simCalls: number;
  readonly maxConcurrency: number;
  /** Per ECS throttling category, the share of the account's bucket left at the worst moment of the refresh. */
  readonly bucketLeft: Record<string, number>;
}

export interface ScenarioMeasurement {
  readonly name: string;
  readonly services: number;
  readonly tasks: number;
  readonly containers: number;
  /** The first refresh: every task definition is described once. */
  readonly cold: RefreshMeasurement;
  /** A later refresh: task definitions come from the cache. */
  readonly warm: RefreshMeasurement;
  /** GetMetricData for the first attach (30 minutes of backfill), at the same latency. */
  readonly metricsAttachMs: number;
  readonly metricsCalls: number;
  readonly render: RenderTimes;
  readonly rssMB: number;
  readonly heapUsedMB: number;
  /** The most RSS the process had at any moment up to the memory reading (the first refresh's peak). */
  readonly peakRssMB: number;
  readonly metricsHour: MetricsHour;
}

function shapeOf(snapshot: Snapshot, uncachedTaskDefinitions: number, steady = false): RefreshShape {
  const runningTasks = snapshot.services.reduce((n, s) => n + s.tasks.length, snapshot.standaloneTasks.length);
  const stoppedTasks = snapshot.services.reduce((n, s) => n + s.stoppedTasks.length, snapshot.stoppedTasks.length);
  return { services: snapshot.services.length, runningTasks, uncachedTaskDefinitions, stoppedTasks, steady };
}

const MB = 1024 * 1024;

async function measure(scenario: BenchScenario): Promise<ScenarioMeasurement> {
  const sim = await SimProcess.start(scenarioSpec(scenario));
  const clients = createAwsClients({ region: sim.region, endpoint: sim.endpoint, credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } });
  try {
    const ecs = createEcsSource(clients, { cluster: sim.clusterName, region: sim.region, taskDefinitionTtlMs: 300_000, concurrency: CONCURRENCY });
    const metrics = createMetricsSource(clients.cloudwatch, { cluster: sim.clusterName });
    const signal = new AbortController().signal;
    await sim.setLatency(LATENCY_MS);

    const refresh = async (): Promise<{ snapshot: Snapshot; ms: number; simCalls: number; maxConcurrency: number; bucketLeft: Record<string, number> }> => {
      await sim.resetLedger();
      const start = performance.now();
      const snapshot = await ecs.fetchSnapshot(signal);
      const ms = performance.now() - start;
      const ledger = await sim.ledger();
      return { snapshot, ms, simCalls: total(ledger.counts), maxConcurrency: ledger.maxConcurrency, bucketLeft: worstBucketShare(ledger.calls) };
    };
    const describe = (r: Awaited<ReturnType<typeof refresh>>, uncached: number, steady: boolean): RefreshMeasurement => {
      const shape = shapeOf(r.snapshot, uncached, steady);
      return {
        ms: Math.round(r.ms),
        lowerBoundMs: refreshLowerBoundMs(shape, LATENCY_MS, CONCURRENCY),
        calls: Object.fromEntries(Object.entries(r.snapshot.apiCalls).filter(([op]) => op !== PACED_DEFINITIONS)),
        pacedCalls: r.snapshot.apiCalls[PACED_DEFINITIONS] ?? 0,
        minCalls: minimumCalls(shape),
        simCalls: r.simCalls,
        maxConcurrency: r.maxConcurrency,
        bucketLeft: r.bucketLeft,
      };
    };

    // The monitor hands each snapshot on and keeps at most the current one and the incoming one (plus the
    // metrics copy of the current): the first is dropped once described, as the poller drops it.
    let first: Awaited<ReturnType<typeof refresh>> | undefined = await refresh();
    const definitions = new Set(first.snapshot.services.flatMap((s) => s.tasks.map((t) => t.taskDefinitionArn))).size;
    const cold = describe(first, definitions, false);
    first = undefined;
    const second = await refresh();
    const warm = describe(second, 0, true);

    await sim.resetLedger();
    const metricsStart = performance.now();
    const focus = [second.snapshot.services[0]?.name ?? ''];
    const attached = await metrics.attach(second.snapshot, focus, signal);
    const metricsAttachMs = Math.round(performance.now() - metricsStart);
    const metricsCalls = (await sim.ledger()).counts['GetMetricData'] ?? 0;

    const render = measureRender(attached, Date.now(), scenario.services >= 5_000 ? 100 : 200);
    const memory = process.memoryUsage();
    const peakRssKB = process.resourceUsage().maxRSS;
    const tasks = shapeOf(attached, 0).runningTasks;
    const containers = attached.services.reduce((n, s) => n + s.tasks.reduce((m, t) => m + t.containers.length, 0), 0);
    // The in-process simulator of the hour below would inflate RSS, so memory is read first.
    const metricsHour = await measureMetricsHour(scenario, scenario.name === 'S' ? 'poller' : 'replay');
    return {
      name: scenario.name,
      services: attached.services.length,
      tasks,
      containers,
      cold,
      warm,
      metricsAttachMs,
      metricsCalls,
      render,
      rssMB: Math.round((memory.rss / MB) * 10) / 10,
      heapUsedMB: Math.round((memory.heapUsed / MB) * 10) / 10,
      peakRssMB: Math.round((peakRssKB / 1024) * 10) / 10,
      metricsHour,
    };
  } finally {
    clients.destroy();
    await sim.stop();
  }
}

if (isEntryPoint(import.meta.url)) {
  const name = process.argv[2] ?? '';
  const scenario = SCENARIOS.find((s) => s.name === name);
  if (scenario === undefined) {
    process.stderr.write(`unknown scenario "${name}"; known: ${SCENARIOS.map((s) => s.name).join(', ')}\n`);
    process.exit(2);
  }
  // The executable's V8 settings (bin/ecs-monitor.js), so the memory figures are the monitor's own.
  applyHeapSettings();
  measure(scenario).then(
    (result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`scenario ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
