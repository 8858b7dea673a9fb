// The query planner: which series a cycle wants, which of them are due, and how they are packed into
// GetMetricData calls. Pure, so the cost rules are tested without a network.
import type { InsightsMode, Snapshot } from './types.js';
import { METRIC_PERIOD_MS } from './metric-period.js';
import { containerSeries, serviceSeries, taskSeries } from './metric-series.js';
import type { MetricSeriesSpec } from './metric-series.js';

/** GetMetricData accepts at most this many MetricDataQuery per call. */
export const MAX_QUERIES_PER_CALL = 500;

/**
 * Clusters with at most this many services get task and container series for every service; larger
 * ones only for the services in focus. Ten services with two tasks of two containers each cost
 * 10 × (2 + 2·2 + 2·2·2) = 140 metrics per minute, about $2 a day; beyond that it grows with the
 * cluster, so the user's selection decides.
 */
export const DEFAULT_SMALL_CLUSTER_SERVICE_LIMIT = 10;

/**
 * Clusters with at most this many services get service-level series for every service; larger ones
 * only for the services on screen and in focus, unless the table is sorted by CPU or memory (which needs
 * every service's value, so the screen then asks for all). A screenful of 40 services is 40 × 2 × 60 =
 * 4,800 metrics an hour, about $1.15 a day; every service of a 1,000-service cluster would be 120,000,
 * about $29 a day for one open dashboard.
 */
export const SCREENFUL_SERVICE_LIMIT = 40;

/** Header notes explaining why some numbers are missing in a given Insights mode. */
export const INSIGHTS_NOTES = {
  disabled: 'Container Insights is disabled on this cluster: only service-level CPU and memory are shown',
  enabled: 'container metrics need Container Insights with enhanced observability',
} as const;

/** The note for the header in `mode`, or undefined when every level is available. */
export function insightsNote(mode: InsightsMode): string | undefined {
  return mode === 'enhanced' ? undefined : INSIGHTS_NOTES[mode];
}

/** The services whose tasks and containers get their own series: all in a small cluster, else those in focus. */
export function detailedServices(snapshot: Snapshot, focus: readonly string[], smallClusterServiceLimit: number): Set<string> {
  if (snapshot.cluster.containerInsights !== 'enhanced') return new Set();
  const names = snapshot.services.map((s) => s.name);
  if (names.length <= smallClusterServiceLimit) return new Set(names);
  const focused = new Set(focus);
  return new Set(names.filter((n) => focused.has(n)));
}

/**
 * The services whose service-level series are wanted: undefined (every service) in a cluster of at
 * most `limit` services or when `shown` is undefined (the screen needs them all); else those shown and
 * those in focus.
 */
export function serviceScope(
  snapshot: Snapshot,
  focus: readonly string[],
  shown: readonly string[] | undefined,
  limit: number = SCREENFUL_SERVICE_LIMIT,
): ReadonlySet<string> | undefined {
  if (shown === undefined || snapshot.services.length <= limit) return undefined;
  return new Set([...shown, ...focus]);
}

/**
 * Every series the cycle wants: service CPU and memory for the services in `scope` (every service when
 * undefined) and the detailed ones; with enhanced Insights, task and container CPU and memory for the
 * detailed services' running tasks.
 */
export function wantedSeries(snapshot: Snapshot, detailed: ReadonlySet<string>, scope?: ReadonlySet<string>): MetricSeriesSpec[] {
  const cluster = snapshot.cluster.name;
  const wanted: MetricSeriesSpec[] = [];
  for (const service of snapshot.services) {
    if (scope === undefined || scope.has(service.name) || detailed.has(service.name)) {
      wanted.push(serviceSeries(cluster, service.name, 'cpu'), serviceSeries(cluster, service.name, 'mem'));
    }
    if (!detailed.has(service.name)) continue;
    for (const task of service.tasks) {
      wanted.push(taskSeries(cluster, service.name, task.id, 'cpu'), taskSeries(cluster, service.name, task.id, 'mem'));
      for (const c of task.containers) {
        wanted.push(
          containerSeries(cluster, service.name, task.id, c.name, 'cpu'),
          containerSeries(cluster, service.name, task.id, c.name, 'mem'),
        );
      }
    }
  }
  return wanted;
}

/**
 * Whether a series last attempted with a window ending at `lastEnd` must be fetched again for a window
 * ending at `end`: at most once per 60-second period, whatever the refresh interval.
 */
export function isDue(lastEnd: number | undefined, end: number): boolean {
  return lastEnd === undefined || lastEnd < end;
}

/**
 * How many periods before the end of the last successful window a series is asked again: CloudWatch
 * may publish a minute's datapoint a little late, and a series with a gap would otherwise re-ask its
 * whole history every minute (and split the calls by many different start times).
 */
export const LATE_PERIODS = 2;

/**
 * Where a series' window starts: right after its newest known point (only new datapoints), never
 * before the history window (the backfill for a series seen for the first time), and never more than
 * LATE_PERIODS before the end of its last successful window.
 */
export function windowStart(newestT: number | undefined, lastSuccessEnd: number | undefined, end: number, historyMs: number): number {
  let floor = end - historyMs;
  if (lastSuccessEnd !== undefined) floor = Math.max(floor, lastSuccessEnd - LATE_PERIODS * METRIC_PERIOD_MS);
  return newestT === undefined ? floor : Math.max(floor, newestT + METRIC_PERIOD_MS);
}

/** One GetMetricData call to make: a window and at most MAX_QUERIES_PER_CALL series. */
export interface MetricRequest {
  readonly start: number;
  readonly end: number;
  readonly series: readonly MetricSeriesSpec[];
}

/**
 * Packs due series into calls. StartTime is per call, so series are grouped by their window start
 * (minute-aligned: in steady state one group, plus one per late or gappy age and one for new series'
 * backfill), then split into chunks of `maxPerCall`. Series whose window is empty are left out.
 */
export function planMetricRequests(
  due: readonly { readonly series: MetricSeriesSpec; readonly start: number }[],
  end: number,
  maxPerCall: number = MAX_QUERIES_PER_CALL,
): MetricRequest[] {
  const byStart = new Map<number, MetricSeriesSpec[]>();
  for (const d of due) {
    if (d.start >= end) continue;
    const group = byStart.get(d.start);
    if (group === undefined) byStart.set(d.start, [d.series]);
    else group.push(d.series);
  }
  const requests: MetricRequest[] = [];
  for (const start of [...byStart.keys()].sort((a, b) => a - b)) {
    const group = byStart.get(start) ?? [];
    for (let i = 0; i < group.length; i += maxPerCall) {
      requests.push({ start, end, series: group.slice(i, i + maxPerCall) });
    }
  }
  return requests;
}
