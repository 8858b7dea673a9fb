// Counts AWS call attempts (retries included: each one spends a token of the account's bucket).

const WINDOW_MS = 60_000;

/** A per-operation tally; `record` is what the counting middleware calls once per attempt. */
export class CallTally {
  private readonly counts = new Map<string, number>();

  record(operation: string): void {
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
  }

  /** Calls per operation name, as a fresh object. */
  toRecord(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  get total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }
}

/**
 * Every attempt made by a set of clients: totals per operation since the last `takeCycle()`, and a
 * sliding count of the last 60 seconds for the header's "AWS calls in the last minute".
 */
export class CallCounter {
  private cycle = new CallTally();
  /** Attempt times, oldest first; trimmed to the window on every read and write. */
  private readonly times: number[] = [];
  private readonly now: () => number;

  constructor(options: { now?: () => number } = {}) {
    this.now = options.now ?? Date.now;
  }

  record(operation: string): void {
    this.cycle.record(operation);
    this.times.push(this.now());
    this.trim();
  }

  /** Calls per operation since the previous call to `takeCycle()`, then starts a new count. */
  takeCycle(): Record<string, number> {
    const counts = this.cycle.toRecord();
    this.cycle = new CallTally();
    return counts;
  }

  /** Calls per operation since the previous `takeCycle()`, without resetting. */
  peekCycle(): Record<string, number> {
    return this.cycle.toRecord();
  }

  /** Attempts made in the last 60 seconds. */
  lastMinute(): number {
    this.trim();
    return this.times.length;
  }

  private trim(): void {
    const cutoff = this.now() - WINDOW_MS;
    let drop = 0;
    while (drop < this.times.length && (this.times[drop] ?? Infinity) <= cutoff) drop++;
    if (drop > 0) this.times.splice(0, drop);
  }
}
