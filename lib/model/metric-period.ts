// Time arithmetic shared by the metric planner and the freshness rule. CloudWatch standard-resolution
// metrics have one datapoint per 60-second period; everything here works in epoch milliseconds.

/** Length of one CloudWatch period as the monitor requests it (Period 60). */
export const METRIC_PERIOD_MS = 60_000;

/** A datapoint older than this many periods is stale: shown as missing, never as current. */
export const FRESH_PERIODS = 2;

/** The start of the period containing `t` (windows sent to CloudWatch are aligned to the minute). */
export function periodStart(t: number): number {
  return Math.floor(t / METRIC_PERIOD_MS) * METRIC_PERIOD_MS;
}
