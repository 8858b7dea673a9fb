// The CloudWatch side of the monitor: a MetricsSource that keeps one small history per series, fetches
// only what is due (each series at most once per 60-second period) and attaches it to each snapshot.
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import pLimit from 'p-limit';
import type { LimitFunction } from 'p-limit';
import type { MetricPoint, MetricsStatus, Snapshot } from '../model/types.js';
import type { MetricsScope, MetricsSource } from '../poller/types.js';
import { attachMetrics } from '../model/metric-attach.js';
import { MetricCostMeter } from '../model/metric-cost.js';
import type { MetricCostEstimate } from '../model/metric-cost.js';
import { METRIC_PERIOD_MS, periodStart } from '../model/metric-period.js';
import {
  DEFAULT_SMALL_CLUSTER_SERVICE_LIMIT,
  detailedServices,
  insightsNote,
  isDue,
  planMetricRequests,
  SCREENFUL_SERVICE_LIMIT,
  serviceScope,
  wantedSeries,
  windowStart,
} from '../model/metric-plan.js';
import { DEFAULT_RING_CAPACITY, MetricRing } from '../model/metric-ring.js';
import type { MetricSeriesSpec } from '../model/metric-series.js';
import { CallTally } from './call-counter.js';
import { getMetricData } from './cloudwatch-get-metric-data.js';
import { describeMetricsFailure } from './metrics-failure.js';

export interface MetricsSourceOptions {
  /**
   * The cluster the source serves. The ClusterName dimension is taken from each snapshot, so series of
   * another cluster are pruned rather than mixed in if the caller switches clusters.
   */
  readonly cluster: string;
  /** Clock in epoch ms (tests and the simulator's clock). Defaults to Date.now. */
  readonly now?: () => number;
  /** Task and container series for every service up to this many services, else for focus only. Default 10. */
  readonly smallClusterServiceLimit?: number;
  /** Service series for every service up to this many services, else for those shown and in focus. Default 40. */
  readonly screenfulServiceLimit?: number;
  /** Backfill window for a series seen for the first time, in minutes. Default 30. */
  readonly historyMinutes?: number;
  /** Points kept per series (one per minute). Default 60. */
  readonly ringCapacity?: number;
  /** Concurrency limit shared with the ECS calls; when omitted, a private limit of `concurrency`. */
  readonly limit?: LimitFunction;
  /** GetMetricData calls in flight at once when no shared `limit` is given. Default 4. */
  readonly concurrency?: number;
  /**
   * Told the operation name of every request sent (pages included, retries not). Clients from
   * createAwsClients count their attempts themselves; this is for other clients.
   */
  readonly onCall?: (operation: string) => void;
}

/** CloudWatch usage of the source, for the help/about view. */
export interface MetricsSourceStats extends MetricCostEstimate {
  /** Series currently held in memory. */
  readonly trackedSeries: number;
  /** The current failure sentence, when the last attempt of some wanted series failed. */
  readonly lastError: string | undefined;
}

export interface CloudWatchMetricsSource extends MetricsSource {
  stats(): MetricsSourceStats;
}

/**
 * A series no attach has wanted for this long is forgotten. The first refresh of a large cluster fetches
 * every service, and every service the user focuses adds its tasks' and containers' series: kept, each
 * would hold its history for as long as its tasks live (at 5,000 services, ~20 MB that no screen shows).
 * Wanted again later, it is backfilled like a new series.
 */
export const UNWANTED_SERIES_KEEP_MS = 10 * METRIC_PERIOD_MS;

interface SeriesState {
  readonly spec: MetricSeriesSpec;
  readonly ring: MetricRing;
  /** The period end of the last attach that wanted the series. */
  lastWantedEnd: number;
  /** End of the last window attempted: the series is not fetched again before the next period. */
  lastAttemptEnd: number | undefined;
  /** End of the last window fetched successfully: bounds how far back a gappy series re-asks. */
  lastSuccessEnd: number | undefined;
  /** The failure sentence of the last attempt, when it failed. */
  failure: string | undefined;
}

/**
 * Creates the metrics source for one cluster. Each `attach` (see MetricsSource) issues GetMetricData
 * calls only for series due in the current minute; it throws only when its signal aborts.
 */
export function createMetricsSource(cloudwatch: CloudWatchClient, options: MetricsSourceOptions): CloudWatchMetricsSource {
  const clock = options.now ?? Date.now;
  const smallLimit = options.smallClusterServiceLimit ?? DEFAULT_SMALL_CLUSTER_SERVICE_LIMIT;
  const screenfulLimit = options.screenfulServiceLimit ?? SCREENFUL_SERVICE_LIMIT;
  const historyMs = (options.historyMinutes ?? 30) * METRIC_PERIOD_MS;
  const ringCapacity = options.ringCapacity ?? DEFAULT_RING_CAPACITY;
  const limit = options.limit ?? pLimit(Math.max(1, Math.floor(options.concurrency ?? 4)));
  const meter = new MetricCostMeter();
  const states = new Map<string, SeriesState>();
  let lastWanted: readonly MetricSeriesSpec[] = [];

  /**
   * Drops series of services, tasks and containers that are gone, and series unwanted for
   * UNWANTED_SERIES_KEEP_MS, so memory follows the cluster and what is on screen.
   */
  function prune(snapshot: Snapshot, end: number): void {
    const alive = new Set<string>();
    for (const s of snapshot.services) {
      alive.add(s.name);
      for (const t of s.tasks) {
        alive.add(`${s.name}/${t.id}`);
        for (const c of t.containers) alive.add(`${s.name}/${t.id}/${c.name}`);
      }
    }
    for (const [key, { spec, lastWantedEnd }] of states) {
      const path = [spec.service, spec.taskId, spec.container].filter((p) => p !== undefined).join('/');
      if (spec.cluster !== snapshot.cluster.name || !alive.has(path) || end - lastWantedEnd > UNWANTED_SERIES_KEEP_MS) states.delete(key);
    }
  }

  function currentFailure(wanted: readonly MetricSeriesSpec[]): string | undefined {
    for (const s of wanted) {
      const failure = states.get(s.key)?.failure;
      if (failure !== undefined) return failure;
    }
    return undefined;
  }

  async function attach(snapshot: Snapshot, focus: readonly string[], signal: AbortSignal, scope: MetricsScope = {}): Promise<Snapshot> {
    signal.throwIfAborted();
    const now = clock();
    const end = periodStart(now);
    prune(snapshot, end);
    const detailed = detailedServices(snapshot, focus, smallLimit);
    const wanted = wantedSeries(snapshot, detailed, serviceScope(snapshot, focus, scope.shown, screenfulLimit));
    lastWanted = wanted;

    const due: { series: MetricSeriesSpec; start: number }[] = [];
    for (const series of wanted) {
      let state = states.get(series.key);
      if (state === undefined) {
        state = {
          spec: series,
          ring: new MetricRing(ringCapacity),
          lastWantedEnd: end,
          lastAttemptEnd: undefined,
          lastSuccessEnd: undefined,
          failure: undefined,
        };
        states.set(series.key, state);
      }
      state.lastWantedEnd = end;
      if (isDue(state.lastAttemptEnd, end)) due.push({ series, start: windowStart(state.ring.newest()?.t, state.lastSuccessEnd, end, historyMs) });
    }
    const requests = planMetricRequests(due, end);

    let metricsRequested = 0;
    const tally = new CallTally();
    const results = await Promise.allSettled(
      requests.map((request) =>
        limit(() =>
          getMetricData(cloudwatch, request, signal, (metrics) => {
            metricsRequested += metrics;
            meter.record(metrics, now);
            options.onCall?.('GetMetricData');
          }, tally),
        ),
      ),
    );
    if (signal.aborted) throw signal.reason;

    // Failed series are marked attempted too: a denied or throttled call is retried next period, not on
    // every refresh.
    for (const d of due) {
      const state = states.get(d.series.key);
      if (state !== undefined) {
        state.lastAttemptEnd = end;
        state.failure = undefined;
      }
    }
    results.forEach((result, i) => {
      const request = requests[i];
      if (request === undefined) return;
      if (result.status === 'rejected') {
        const failure = describeMetricsFailure(result.reason);
        for (const s of request.series) {
          const state = states.get(s.key);
          if (state !== undefined) state.failure = failure;
        }
        return;
      }
      for (const [key, points] of result.value) {
        const state = states.get(key);
        state?.ring.add(points);
        if (state !== undefined) state.lastSuccessEnd = end;
      }
    });

    const since = end - ringCapacity * METRIC_PERIOD_MS;
    const histories = new Map<string, readonly MetricPoint[]>();
    for (const s of wanted) {
      const state = states.get(s.key);
      if (state !== undefined && state.failure === undefined) histories.set(s.key, state.ring.points(since));
    }
    const mode = snapshot.cluster.containerInsights;
    const note = insightsNote(mode);
    const error = currentFailure(wanted);
    const status: MetricsStatus = {
      mode,
      ...(note === undefined ? {} : { note }),
      ...(error === undefined ? {} : { error }),
      metricsRequested,
    };
    return attachMetrics(snapshot, {
      histories,
      now,
      status,
      detailedServices: detailed,
      getMetricDataCalls: tally.toRecord()['GetMetricData'] ?? 0,
    });
  }

  return {
    attach,
    stats(): MetricsSourceStats {
      return { ...meter.estimate(clock()), trackedSeries: states.size, lastError: currentFailure(lastWanted) };
    },
  };
}
