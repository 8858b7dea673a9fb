// CloudWatch metrics requested in one hour at the defaults, with an injected clock: the simulator,
// the sources and the poller share a VirtualClock, so an hour of 30-second refreshes runs in seconds.
import { createAwsClients, createEcsSource } from '../../lib/aws/index.js';
import { createMetricsSource } from '../../lib/aws/metrics.js';
import { DEFAULT_MAX_API_RATE, REFRESH_INTERVAL, TASK_DEFINITION_INTERVAL } from '../../lib/config/schema.js';
import { callsByCategory } from '../../lib/model/throttling.js';
import type { Snapshot } from '../../lib/model/types.js';
import { budgetIntervalMs, Poller } from '../../lib/poller/index.js';
import { startSimulator } from '../../lib/sim/index.js';
import { computeLayout } from '../../lib/ui/layout.js';
import { innerHeight } from '../../lib/ui/view-model.js';
import type { BenchScenario } from './scenarios.js';
import { scenarioSpec } from './scenarios.js';
import { VirtualClock } from './virtual-clock.js';

const HOUR_MS = 3_600_000;
// The defaults a user gets: the bench measures what an unconfigured dashboard costs.
const INTERVAL_MS = REFRESH_INTERVAL.default * 1000;
const TASK_DEFINITION_TTL_MS = TASK_DEFINITION_INTERVAL.default * 1000;

export interface MetricsHour {
  /** Metrics requested in the hour (the metrics source's own count). */
  readonly metricsPerHour: number;
  /** GetMetricData calls in the hour. */
  readonly getMetricDataCalls: number;
  /** Refreshes in the hour. */
  readonly refreshes: number;
  /** `poller` drove the real Poller; `replay` re-attached metrics to one snapshot at the poller's pace. */
  readonly method: 'poller' | 'replay';
}

/** Service rows the table shows at the bench's 120×40 (its first inner row is the column header). */
const SCREEN_ROWS = innerHeight(computeLayout(120, 40).services) - 1;

/** The services on screen when the dashboard opens: the first rows, sorted by name. */
function firstScreen(snapshot: Snapshot): string[] {
  return snapshot.services.map((s) => s.name).sort().slice(0, SCREEN_ROWS);
}

function firstServiceName(snapshot: Snapshot): string[] {
  const names = snapshot.services.map((s) => s.name).sort();
  return names.length === 0 ? [] : [names[0] ?? ''];
}

/**
 * One hour of the monitor against an in-process simulator. `mode: 'poller'` runs the real Poller
 * (ECS and metrics) through 120 refreshes at 30 s; `'replay'` (for big clusters, where an hour of ECS
 * refreshes would take minutes) fetches the ECS snapshot once and attaches metrics at the interval the
 * poller would use (stretched by the API budget), which is what the poller hands the metrics source in
 * a cluster that does not change. The focus is the first service, as the dashboard selects it, and the
 * services on screen are the table's first rows at 120×40, as the dashboard reports them.
 */
export async function measureMetricsHour(scenario: BenchScenario, mode: 'poller' | 'replay'): Promise<MetricsHour> {
  const clock = new VirtualClock();
  const sim = await startSimulator({ scenario: scenarioSpec(scenario), living: false, now: clock.now });
  const clients = createAwsClients({
    region: sim.region,
    endpoint: sim.endpoint,
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    now: clock.now,
  });
  try {
    const ecs = createEcsSource(clients, { cluster: sim.clusterName, region: sim.region, taskDefinitionTtlMs: TASK_DEFINITION_TTL_MS, now: clock.now });
    const metrics = createMetricsSource(clients.cloudwatch, { cluster: sim.clusterName, now: clock.now });
    const start = clock.now();
    let refreshes = 0;
    if (mode === 'poller') {
      const poller = new Poller({
        source: ecs,
        metrics,
        intervalMs: INTERVAL_MS,
        maxApiRate: DEFAULT_MAX_API_RATE,
        now: clock.now,
        setTimer: clock.setTimer,
        clearTimer: clock.clearTimer,
      });
      const done = new Promise<void>((resolve, reject) => {
        poller.on('error', (e) => reject(e.error));
        poller.on('snapshot', (snapshot) => {
          refreshes++;
          if (refreshes === 1) poller.setFocus(firstServiceName(snapshot), firstScreen(snapshot));
          // The timer for the next refresh is set before the event; fire it from a fresh task.
          if (clock.now() - start + INTERVAL_MS >= HOUR_MS) resolve();
          else setImmediate(() => clock.fireNext());
        });
      });
      poller.start();
      await done;
      poller.stop();
    } else {
      const signal = new AbortController().signal;
      await ecs.fetchSnapshot(signal);
      // The second refresh has the steady call count (task definitions cached) the budget stretches by.
      const snapshot = await ecs.fetchSnapshot(signal);
      const focus = firstServiceName(snapshot);
      const shown = firstScreen(snapshot);
      // The poller stretches the interval by the busiest throttling category's calls.
      const interval = budgetIntervalMs(INTERVAL_MS, callsByCategory(snapshot.apiCalls)[0]?.calls ?? 0, DEFAULT_MAX_API_RATE);
      for (let at = start; at < start + HOUR_MS; at += interval) {
        clock.advance(at - clock.now());
        // The first refresh comes before anything is on screen: it asks for every service, as the poller does.
        await metrics.attach(snapshot, focus, signal, refreshes === 0 ? {} : { shown });
        refreshes++;
      }
    }
    const stats = metrics.stats();
    return { metricsPerHour: stats.metricsRequestedLastHour, getMetricDataCalls: stats.callsLastHour, refreshes, method: mode };
  } finally {
    clients.destroy();
    await sim.close();
  }
}
