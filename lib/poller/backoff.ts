// Back-off after throttling: the account's token bucket refills at about 20 calls/s for everyone in it,
// so the monitor must give way quickly and come back slowly.

/** Longest wait between refreshes while throttled. */
export const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * Delay before the next attempt after `failures` consecutive throttled refreshes (1 or more): up to
 * `base * 2^failures`, capped at `capMs`, with "equal jitter" (uniformly in the upper half) so several
 * monitors on one account do not retry in step, and never less than `baseMs`: backing off must not
 * refresh more often than the normal interval. `random` returns [0, 1).
 */
export function throttleBackoffMs(
  failures: number,
  baseMs: number,
  random: () => number,
  capMs: number = MAX_BACKOFF_MS,
): number {
  const base = Math.max(baseMs, 1);
  const exponent = Math.min(Math.max(failures, 1), 30);
  const ceiling = Math.min(capMs, base * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.max(base, Math.round(ceiling / 2 + (ceiling / 2) * r));
}

/**
 * The interval the API budget allows: a refresh that made `calls` ECS calls in its busiest throttling
 * category may run at most every `calls / maxApiRate` seconds, and never more often than `intervalMs`.
 */
export function budgetIntervalMs(intervalMs: number, calls: number, maxApiRate: number | undefined): number {
  if (maxApiRate === undefined || !(maxApiRate > 0)) return intervalMs;
  return Math.max(intervalMs, Math.ceil((calls / maxApiRate) * 1000));
}
