// Task definitions by ARN. An ARN names an immutable revision, so the TTL only bounds memory and picks
// up deletions; concurrent requests for one ARN share a single DescribeTaskDefinition.
import type { TaskDefinitionInfo } from '../model/task-definition.js';

interface Entry {
  readonly value: TaskDefinitionInfo;
  readonly fetchedAt: number;
}

export class TaskDefinitionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<TaskDefinitionInfo>>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: { ttlMs: number; now?: () => number }) {
    this.ttlMs = options.ttlMs;
    this.now = options.now ?? Date.now;
  }

  /** The cached definition when still fresh, else undefined. Never calls AWS. */
  peek(arn: string): TaskDefinitionInfo | undefined {
    const entry = this.entries.get(arn);
    if (entry === undefined) return undefined;
    if (this.now() - entry.fetchedAt >= this.ttlMs) {
      this.entries.delete(arn);
      return undefined;
    }
    return entry.value;
  }

  /**
   * The definition for `arn`: from the cache when fresh, else from `load` (shared with any request for
   * the same ARN already in flight). Rejects when `load` rejects; a failure is not cached.
   */
  get(arn: string, load: (arn: string) => Promise<TaskDefinitionInfo>): Promise<TaskDefinitionInfo> {
    const cached = this.peek(arn);
    if (cached !== undefined) return Promise.resolve(cached);
    const pending = this.inFlight.get(arn);
    if (pending !== undefined) return pending;
    const loading = load(arn).then(
      (value) => {
        this.entries.set(arn, { value, fetchedAt: this.now() });
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

  /** Drops expired entries (called once per refresh so the map does not grow without bound). */
  prune(): void {
    for (const arn of [...this.entries.keys()]) this.peek(arn);
  }

  get size(): number {
    return this.entries.size;
  }
}
