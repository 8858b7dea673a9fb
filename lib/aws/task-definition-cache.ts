// Task definitions by ARN. An ARN names an immutable revision, so a definition in use never needs
// describing again: an entry is kept while the last refresh used it or for the TTL after its last use,
// which only bounds memory (definitions no task on screen refers to are forgotten). Re-describing every
// definition each TTL would cost a 5,000-service cluster 5,000 calls per refresh once the API budget
// stretches the interval past the TTL. Concurrent requests for one ARN share a single call.
import type { TaskDefinitionInfo } from '../model/task-definition.js';

interface Entry {
  readonly value: TaskDefinitionInfo;
  usedAt: number;
}

export class TaskDefinitionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<TaskDefinitionInfo>>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  /** When the current and the previous refresh began (see `prune`); entries used since `previousRefreshAt` are in use. */
  private currentRefreshAt = Number.POSITIVE_INFINITY;
  private previousRefreshAt = Number.POSITIVE_INFINITY;

  constructor(options: { ttlMs: number; now?: () => number }) {
    this.ttlMs = options.ttlMs;
    this.now = options.now ?? Date.now;
  }

  /** The cached definition unless unused for the TTL, else undefined; counts as a use. Never calls AWS. */
  peek(arn: string): TaskDefinitionInfo | undefined {
    const entry = this.live(arn);
    if (entry === undefined) return undefined;
    entry.usedAt = this.now();
    return entry.value;
  }

  /**
   * The definition for `arn`: from the cache unless unused for the TTL, else from `load` (shared with
   * any request for the same ARN already in flight). Rejects when `load` rejects; a failure is not cached.
   */
  get(arn: string, load: (arn: string) => Promise<TaskDefinitionInfo>): Promise<TaskDefinitionInfo> {
    const cached = this.peek(arn);
    if (cached !== undefined) return Promise.resolve(cached);
    const pending = this.inFlight.get(arn);
    if (pending !== undefined) return pending;
    const loading = load(arn).then(
      (value) => {
        this.entries.set(arn, { value, usedAt: this.now() });
        this.inFlight.delete(arn);
        return value;
      },
      (error: unknown) => {
        this.inFlight.delete(arn);
        throw error;
      },
    );
    this.inFlight.set(arn, loading);
    return loading;
  }

  /**
   * Marks the start of a refresh and drops entries that the previous refresh did not use and that were
   * unused for the TTL. Called once per refresh so the map does not grow without bound.
   */
  prune(): void {
    this.previousRefreshAt = this.currentRefreshAt;
    this.currentRefreshAt = this.now();
    for (const arn of [...this.entries.keys()]) this.live(arn);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The entry when the previous refresh used it or it was used within the TTL; else it is dropped. Not a use. */
  private live(arn: string): Entry | undefined {
    const entry = this.entries.get(arn);
    if (entry === undefined) return undefined;
    const inUse = entry.usedAt >= this.previousRefreshAt;
    if (!inUse && this.now() - entry.usedAt >= this.ttlMs) {
      this.entries.delete(arn);
      return undefined;
    }
    return entry;
  }
}
