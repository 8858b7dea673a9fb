// One concurrency bound for every call of a refresh, with listing calls served first: a ListServices or
// ListTasks page unlocks a whole batch of describes, so it must not wait behind a thousand
// DescribeTaskDefinition calls that were queued earlier.
import pLimit from 'p-limit';

export type CallPriority = 'list' | 'describe';

interface Job {
  readonly run: () => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Runs calls at most `concurrency` at a time; when a slot frees, the oldest `list` call goes first. */
export class CallQueue {
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly lists: Job[] = [];
  private readonly describes: Job[] = [];

  constructor(concurrency: number) {
    this.limit = pLimit(Math.max(1, Math.floor(concurrency)));
  }

  /** Resolves or rejects as `fn` does, once a slot is free and no more urgent call is waiting. */
  run<T>(priority: CallPriority, fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Job = { run: fn, resolve: resolve as (value: unknown) => void, reject };
      (priority === 'list' ? this.lists : this.describes).push(job);
      // Each job adds exactly one slot request; the slot runs whichever job is most urgent by then.
      void this.limit(() => this.runNext());
    });
  }

  private async runNext(): Promise<void> {
    const job = this.lists.shift() ?? this.describes.shift();
    if (job === undefined) return;
    try {
      job.resolve(await job.run());
    } catch (error) {
      job.reject(error);
    }
  }
}
