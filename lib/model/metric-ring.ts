// A fixed-size history of one metric series. Memory per series is bounded whatever the uptime; points
// keep their real timestamps so a gap in CloudWatch data stays visible as a gap.
import type { MetricPoint } from './types.js';

/** Default number of 60-second points kept per series: one hour. */
export const DEFAULT_RING_CAPACITY = 60;

/** Holds at most `capacity` points of one series, oldest first, one point per timestamp. */
export class MetricRing {
  readonly capacity: number;
  #points: MetricPoint[] = [];

  /** Throws a RangeError when `capacity` is not a positive integer. */
  constructor(capacity: number = DEFAULT_RING_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`ring capacity must be a positive integer, got ${capacity}`);
    this.capacity = capacity;
  }

  /**
   * Merges datapoints in any order. A point for a timestamp already held replaces it (CloudWatch may
   * revise a period that was still filling); beyond capacity the oldest points are dropped.
   */
  add(points: readonly MetricPoint[]): void {
    if (points.length === 0) return;
    const byTime = new Map<number, MetricPoint>();
    for (const p of this.#points) byTime.set(p.t, p);
    for (const p of points) {
      if (Number.isFinite(p.t) && Number.isFinite(p.v)) byTime.set(p.t, { t: p.t, v: p.v });
    }
    const merged = [...byTime.values()].sort((a, b) => a.t - b.t);
    this.#points = merged.slice(Math.max(0, merged.length - this.capacity));
  }

  /** The newest point, or undefined when empty. */
  newest(): MetricPoint | undefined {
    return this.#points[this.#points.length - 1];
  }

  /** A copy of the points with `t >= since` (all when omitted), oldest first. */
  points(since = Number.NEGATIVE_INFINITY): MetricPoint[] {
    return this.#points.filter((p) => p.t >= since);
  }

  get size(): number {
    return this.#points.length;
  }
}
