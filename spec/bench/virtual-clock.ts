// A clock for running the poller through hours in seconds: time passes for real while calls are in
// flight, and jumps ahead when the poller waits for its next refresh.

interface PendingTimer {
  readonly id: number;
  readonly dueAt: number;
  readonly callback: () => void;
}

/**
 * Virtual time for `Poller` (`now`, `setTimer`, `clearTimer`) and the simulator (`now`). `now()` is the
 * real clock plus every jump made so far, so timestamps within a refresh keep their real spacing (the
 * ledger sees the real pace of calls), while the waits between refreshes cost nothing.
 */
export class VirtualClock {
  private skippedMs: number;
  private nextId = 1;
  private timers: PendingTimer[] = [];

  /** @param startAt where virtual time starts (epoch ms); default the real time. */
  constructor(
    startAt: number = Date.now(),
    private readonly realNow: () => number = Date.now,
  ) {
    this.skippedMs = startAt - realNow();
  }

  readonly now = (): number => this.realNow() + this.skippedMs;

  readonly setTimer = (callback: () => void, ms: number): unknown => {
    const timer = { id: this.nextId++, dueAt: this.now() + Math.max(0, ms), callback };
    this.timers.push(timer);
    return timer.id;
  };

  readonly clearTimer = (handle: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };

  /** Timers waiting to fire. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms` without firing anything. */
  advance(ms: number): void {
    this.skippedMs += Math.max(0, ms);
  }

  /**
   * Jumps to the earliest timer, fires it and returns the virtual time it fired at; undefined when
   * no timer is waiting.
   */
  fireNext(): number | undefined {
    let earliest: PendingTimer | undefined;
    for (const t of this.timers) if (earliest === undefined || t.dueAt < earliest.dueAt) earliest = t;
    if (earliest === undefined) return undefined;
    const wait = earliest.dueAt - this.now();
    if (wait > 0) this.skippedMs += wait;
    const fired = earliest;
    this.timers = this.timers.filter((t) => t !== fired);
    fired.callback();
    return fired.dueAt;
  }
}
