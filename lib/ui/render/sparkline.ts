// Sparklines of 60-second metric series, one cell per period, aligned to the clock so that a missing
// period shows as a gap instead of shifting older values to the right.
import type { MetricPoint } from '../../model/types.js';

const BARS = '▁▂▃▄▅▆▇█';
/** The period of every series the dashboard requests from CloudWatch. */
export const PERIOD_MS = 60_000;

export interface SparklineOptions {
  /** The value drawn as a full bar; default the largest value shown (100 suits percentages). */
  readonly max?: number;
  /** The current time: the rightmost cell is the last complete period before it. */
  readonly now: number;
}

/**
 * Exactly `width` cells of ▁▂▃▄▅▆▇█, newest at the right. The rightmost cell is the period that ended
 * last before `now` (the period still running has no datapoint yet); each cell to the left is one
 * period older. A period without a datapoint, or with a non-finite value, is a space. Values at or
 * below 0 draw ▁, at or above `max` draw █. Pure; never throws.
 */
export function sparkline(points: readonly MetricPoint[], width: number, opts: SparklineOptions): string {
  const w = Math.max(0, Math.floor(width));
  if (w === 0) return '';
  if (!Number.isFinite(opts.now)) return ' '.repeat(w);
  const newest = Math.floor(opts.now / PERIOD_MS) - 1;
  const oldest = newest - w + 1;
  const cells: (number | undefined)[] = new Array<number | undefined>(w).fill(undefined);
  let seenMax = 0;
  for (const p of points) {
    if (!Number.isFinite(p.v) || !Number.isFinite(p.t)) continue;
    const period = Math.floor(p.t / PERIOD_MS);
    if (period < oldest || period > newest) continue;
    cells[period - oldest] = p.v;
  }
  for (const v of cells) if (v !== undefined && v > seenMax) seenMax = v;
  const max = opts.max !== undefined && Number.isFinite(opts.max) && opts.max > 0 ? opts.max : seenMax;
  let out = '';
  for (const v of cells) {
    if (v === undefined) out += ' ';
    else out += BARS[level(v, max)];
  }
  return out;
}

function level(v: number, max: number): number {
  if (max <= 0 || v <= 0) return 0;
  const ratio = Math.min(1, v / max);
  return Math.round(ratio * (BARS.length - 1));
}
