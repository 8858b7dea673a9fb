// What the monitor costs to leave open: CloudWatch bills GetMetricData per metric requested (about
// $0.01 per 1,000), whatever the number of datapoints returned, so the meter counts queries, not calls.

/** USD per metric requested by GetMetricData (AWS list price, us-east-1). */
export const USD_PER_METRIC_REQUESTED = 0.01 / 1000;

const HOUR_MS = 3_600_000;
const PERIOD_MS = 60_000;

/** What the help/about view shows about CloudWatch usage. */
export interface MetricCostEstimate {
  /** Metrics requested in the sliding hour before now. */
  readonly metricsRequestedLastHour: number;
  /** GetMetricData requests (pages included) in the sliding hour before now. */
  readonly callsLastHour: number;
  /** Metrics per hour at the current pace (extrapolated while the monitor has run less than an hour). */
  readonly projectedMetricsPerHour: number;
  /** projectedMetricsPerHour × 24 × price. */
  readonly estimatedCostPerDayUsd: number;
}

/** The daily cost of requesting `metricsPerHour` metrics every hour of the day. */
export function costPerDayUsd(metricsPerHour: number): number {
  return metricsPerHour * 24 * USD_PER_METRIC_REQUESTED;
}

/** Counts metrics requested over a sliding hour. Memory is one entry per recorded call within the hour. */
export class MetricCostMeter {
  #entries: { at: number; metrics: number }[] = [];
  #firstAt: number | undefined;

  /** Records one GetMetricData request carrying `metrics` queries at time `at` (epoch ms). */
  record(metrics: number, at: number): void {
    this.#entries.push({ at, metrics });
    this.#firstAt ??= at;
  }

  /**
   * The usage in the hour before `now`. Each fetch covers one 60-second period, so while the meter is
   * younger than an hour the pace is the count over the periods begun since the first request: one cycle of N metrics
   * projects to 60·N per hour, which is what a steady once-per-minute refresh costs.
   */
  estimate(now: number): MetricCostEstimate {
    this.#entries = this.#entries.filter((e) => e.at > now - HOUR_MS);
    const metricsRequestedLastHour = this.#entries.reduce((sum, e) => sum + e.metrics, 0);
    const callsLastHour = this.#entries.length;
    let projectedMetricsPerHour = metricsRequestedLastHour;
    if (this.#firstAt !== undefined && now - this.#firstAt < HOUR_MS) {
      const observedMs = (Math.floor((now - this.#firstAt) / PERIOD_MS) + 1) * PERIOD_MS;
      projectedMetricsPerHour = Math.round((metricsRequestedLastHour * HOUR_MS) / observedMs);
    }
    return {
      metricsRequestedLastHour,
      callsLastHour,
      projectedMetricsPerHour,
      estimatedCostPerDayUsd: costPerDayUsd(projectedMetricsPerHour),
    };
  }
}
