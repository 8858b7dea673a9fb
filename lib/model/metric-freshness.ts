// The never-stale rule: a value is current only when CloudWatch delivered it recently. No interpolation
// and no carrying an old value forward, because a frozen number on a dashboard reads as "all is well".
import type { MetricPoint } from './types.js';
import { FRESH_PERIODS, METRIC_PERIOD_MS } from './metric-period.js';

/**
 * The newest datapoint's value when its period started at most two periods before `now`, else
 * undefined. `points` must be oldest first.
 */
export function currentValue(points: readonly MetricPoint[], now: number): number | undefined {
  const newest = points[points.length - 1];
  if (newest === undefined) return undefined;
  const age = now - newest.t;
  return age <= FRESH_PERIODS * METRIC_PERIOD_MS ? newest.v : undefined;
}
