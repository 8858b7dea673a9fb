// The ECS throttling categories (aws-facts.md) and how hard a run of calls hits them.

import { categoryOf, ECS_THROTTLING_CATEGORIES } from '../../lib/model/throttling.js';
import type { ThrottlingCategory } from '../../lib/model/throttling.js';

export const ECS_CATEGORIES = ECS_THROTTLING_CATEGORIES;
export type { ThrottlingCategory };

/**
 * The lowest a full bucket would fall if only these calls (arrival times in ms) spent it: how much of
 * the account's burst the monitor takes at its worst moment. Below 0 the calls themselves would be
 * throttled, and so would everything else in the account meanwhile.
 */
export function lowestBucketLevel(times: readonly number[], burst: number, refillPerSec: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let level = burst;
  let lowest = burst;
  let last = sorted[0] ?? 0;
  for (const at of sorted) {
    level = Math.min(burst, level + ((at - last) / 1000) * refillPerSec) - 1;
    last = at;
    lowest = Math.min(lowest, level);
  }
  return lowest;
}

/** Arrival times per category of a list of calls. */
export function timesByCategory(calls: readonly { readonly operation: string; readonly at: number }[]): Map<ThrottlingCategory, number[]> {
  const map = new Map<ThrottlingCategory, number[]>(ECS_CATEGORIES.map((c) => [c, []]));
  for (const call of calls) {
    const category = categoryOf(call.operation);
    if (category !== undefined) map.get(category)?.push(call.at);
  }
  return map;
}

/** The share of each bucket the calls leave at the worst moment, e.g. `{ 'service read': 0.4 }` (1 = untouched). */
export function worstBucketShare(calls: readonly { readonly operation: string; readonly at: number }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [category, times] of timesByCategory(calls)) {
    out[category.name] = Math.round((lowestBucketLevel(times, category.burst, category.refillPerSec) / category.burst) * 100) / 100;
  }
  return out;
}
