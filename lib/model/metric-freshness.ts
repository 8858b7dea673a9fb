// The never-stale rule: a value is current only when CloudWatch delivered it recently. No interpolation
// and no carrying an old value forward, because a frozen number on a dashboard reads as "all is well".
import type { MetricPoint } from './types.js';
import { FRESH_PERIODS, METRIC_PERIOD_MS } from './metric-period.js';

/**
 * The newest datapoint's value when its period ended at most two periods before `now`, else
 * undefined. Measured from the period's end because CloudWatch publishes a minute only after it
 * closes, usually a minute or so late: from the start, a healthy feed would flicker to `-`.
 * `points` must be oldest first.
 */
export function currentValue(points: readonly MetricPoint[], now: number): number | undefined {
  const newest = points[points.length - 1];
  if (newest === undefined) return undefined;
  const age = now - (newest.t + METRIC_PERIOD_MS);
  return age <= FRESH_PERIODS * METRIC_PERIOD_MS ? newest.v : undefined;
}
