// Fakes for poller tests: a manual clock with timers, and a cluster source whose refreshes the test
// finishes by hand.
import type { Snapshot } from '../../lib/model/types.js';
import type { ClusterSource } from '../../lib/poller/types.js';

interface Timer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

export class FakeClock {
  now = 1_000_000;
  private timers: Timer[] = [];
  private nextId = 1;

  readonly setTimer = (callback: () => void, ms: number): unknown => {
    const timer = { id: this.nextId++, at: this.now + ms, callback };
    this.timers.push(timer);
    return timer.id;
  };

  readonly clearTimer = (handle: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };

  /** Delays of the timers now pending, from the current time. */
  pendingDelays(): number[] {
    return this.timers.map((t) => t.at - this.now);
  }

  /** Moves time forward, firing due timers in order. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.now = Math.max(this.now, due.at);
      due.callback();
      await settle();
    }
    this.now = end;
  }
}

/** Lets pending promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

interface PendingFetch {
  readonly signal: AbortSignal;
  resolve(snapshot: Snapshot): void;
  reject(error: unknown): void;
}

/** A source whose every fetch waits until the test resolves or rejects it. */
export class ManualSource implements ClusterSource {
  readonly fetches: PendingFetch[] = [];
  inFlight = 0;
  maxInFlight = 0;

  fetchSnapshot(signal: AbortSignal): Promise<Snapshot> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    return new Promise<Snapshot>((resolve, reject) => {
      const done = (): void => {
        this.inFlight--;
      };
      signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })), { once: true });
      this.fetches.push({
        signal,
        resolve: (s) => {
          done();
          resolve(s);
        },
        reject: (e) => {
          done();
          reject(e);
        },
      });
    });
  }

  /** The most recent fetch, which the test finishes. */
  get last(): PendingFetch {
    const fetch = this.fetches[this.fetches.length - 1];
    if (fetch === undefined) throw new Error('no fetch was started');
    return fetch;
  }
}
