// A token bucket of the monitor's own, for calls that need not finish within a refresh. The first refresh
// of a 1,000-service cluster meets 1,000 task definitions; describing them all at once would empty the
// account's task-definition bucket (50 tokens, 20 a second) that deploy pipelines draw on too, and hold the
// first screen for as long. The pacer lets `burst` calls start at once and the rest follow at
// `ratePerSec`, one timer for the whole queue.

export interface CallPacerOptions {
  /** Calls that may start back to back after a quiet spell. */
  readonly burst: number;
  /** Calls per second once the burst is spent. */
  readonly ratePerSec: number;
  readonly now?: (() => number) | undefined;
  /** Timer functions (tests pass a virtual clock's); the default timer does not keep the process alive. */
  readonly setTimer?: ((callback: () => void, ms: number) => unknown) | undefined;
  readonly clearTimer?: ((handle: unknown) => void) | undefined;
}

interface Queued {
  readonly key: string;
  readonly start: () => void;
}

export class CallPacer {
  private readonly burst: number;
  private readonly ratePerMs: number;
  private readonly now: () => number;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private tokens: number;
  private refilledAt: number;
  private readonly queue: Queued[] = [];
  private readonly queuedKeys = new Set<string>();
  private timer: unknown;

  constructor(options: CallPacerOptions) {
    this.burst = Math.max(1, Math.floor(options.burst));
    this.ratePerMs = Math.max(options.ratePerSec, 0.001) / 1000;
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms).unref());
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as NodeJS.Timeout));
    this.tokens = this.burst;
    this.refilledAt = this.now();
  }

  /** Whole tokens free now (0 while calls are queued): how many calls could start at once. */
  available(): number {
    this.refill();
    return this.queue.length > 0 ? 0 : Math.floor(this.tokens);
  }

  /** Takes a token when one is free and nothing is queued before it; false means the call must queue. */
  tryNow(): boolean {
    this.refill();
    if (this.queue.length > 0 || this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Queues `start` under `key` (a key already queued is not queued twice); it runs when a token is free. */
  enqueue(key: string, start: () => void): void {
    if (this.queuedKeys.has(key)) return;
    this.queuedKeys.add(key);
    this.queue.push({ key, start });
    this.drain();
  }

  /** Whether `key` waits in the queue. */
  has(key: string): boolean {
    return this.queuedKeys.has(key);
  }

  /** Calls waiting for a token. */
  get backlog(): number {
    return this.queue.length;
  }

  /** Drops the queued calls whose key `keep` refuses. */
  retain(keep: (key: string) => boolean): void {
    const kept = this.queue.filter((q) => keep(q.key));
    if (kept.length === this.queue.length) return;
    this.queue.length = 0;
    this.queue.push(...kept);
    this.queuedKeys.clear();
    for (const q of kept) this.queuedKeys.add(q.key);
    if (kept.length === 0 && this.timer !== undefined) {
      this.clearTimer(this.timer);
      this.timer = undefined;
    }
  }

  private drain(): void {
    if (this.timer !== undefined) return;
    this.refill();
    while (this.tokens >= 1) {
      const next = this.queue.shift();
      if (next === undefined) return;
      this.queuedKeys.delete(next.key);
      this.tokens -= 1;
      next.start();
    }
    if (this.queue.length === 0) return;
    const waitMs = Math.ceil((1 - this.tokens) / this.ratePerMs);
    this.timer = this.setTimer(() => {
      this.timer = undefined;
      this.drain();
    }, waitMs);
  }

  private refill(): void {
    const at = this.now();
    this.tokens = Math.min(this.burst, this.tokens + Math.max(0, at - this.refilledAt) * this.ratePerMs);
    this.refilledAt = at;
  }
}
