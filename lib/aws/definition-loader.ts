// Task definitions for the tasks of a refresh, without letting them hold the screen or the account's
// task-definition bucket: cached ones are reused, a burst is described within the refresh, the rest
// follow between refreshes at a steady pace (CallPacer). A definition that cannot be described (a
// missing ecs:DescribeTaskDefinition permission, a deleted revision) does not fail the refresh: its
// tasks show the sizes DescribeTasks reports, the refresh carries one sentence saying why, and the
// definition is asked for again a minute later.
import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { MonitorError } from '../model/errors.js';
import type { TaskDefinitionInfo } from '../model/task-definition.js';
import { CallTally } from './call-counter.js';
import { CallPacer } from './call-pacer.js';
import type { CallQueue } from './call-queue.js';
import { isAbortError } from './classify-error.js';
import { countCommandInto } from './clients.js';
import { parseTaskDefinition } from './parse-ecs.js';
import type { TaskDefinitionCache } from './task-definition-cache.js';

/**
 * Task definitions described at once before the rest are paced: a quarter of the account's
 * task-definition bucket (50 tokens, aws-facts.md).
 */
export const DEFINITION_BURST = 12;
/** How paced task-definition describes are counted in a snapshot's `apiCalls`. */
export const PACED_DEFINITIONS = 'DescribeTaskDefinition:paced';
/** How long a definition that could not be described is left alone before it is asked for again. */
export const DEFINITION_RETRY_MS = 60_000;

/** Which task definitions one refresh asks for. */
export interface DefinitionScope {
  /** Whether tasks of `service` (undefined: a standalone task) need their definition. */
  wants(service: string | undefined): boolean;
  /** Whether definitions beyond the burst are queued for paced describes. */
  readonly queue: boolean;
  /** Whether queued definitions this refresh did not want are dropped after it. */
  readonly narrowed: boolean;
}

/**
 * The policy, by what the screen shows. A cluster of at most a screenful of services: every definition,
 * the rest paced. A larger one with the screen's rows known (`shown`, focus included): the definitions of
 * those services and of standalone tasks, the queue trimmed to them. A larger one without rows (before the
 * screen reports, a sort by CPU or memory, --once): the burst on the first refresh, then nothing new.
 * Pure.
 */
export function definitionScope(options: {
  readonly large: boolean;
  readonly firstRefresh: boolean;
  readonly shown: ReadonlySet<string> | undefined;
}): DefinitionScope {
  const { large, firstRefresh, shown } = options;
  if (!large) return { wants: () => true, queue: true, narrowed: false };
  if (shown !== undefined) return { wants: (service) => service === undefined || shown.has(service), queue: true, narrowed: true };
  return { wants: () => firstRefresh, queue: false, narrowed: false };
}

export interface DefinitionLoaderOptions {
  readonly ecs: ECSClient;
  /** The source's concurrency bound, shared with its refreshes. */
  readonly queue: CallQueue;
  readonly cache: TaskDefinitionCache;
  /** Paced describes per second. */
  readonly ratePerSec: number;
  /** Turns an SDK error into the model's error (names the IAM action, the SSO login, ...). */
  readonly classify: (error: unknown) => MonitorError;
  readonly now: () => number;
  readonly setTimer?: ((callback: () => void, ms: number) => unknown) | undefined;
  readonly clearTimer?: ((handle: unknown) => void) | undefined;
}

/** What one refresh hands the loader: where its own calls are counted and what aborts them. */
export interface RefreshContext {
  readonly tally: CallTally;
  readonly signal: AbortSignal;
  /** Failures met by this refresh's lookups, one sentence each. */
  readonly failures: Set<string>;
  /**
   * Describes this refresh may still make (set from `available()` when it starts), so a refresh makes a
   * known number of them however long it takes; the pacer's tokens bound them too.
   */
  allowance: number;
}

export class DefinitionLoader {
  private readonly pacer: CallPacer;
  /** Every paced describe; each snapshot reports those made since the previous one. */
  private readonly pacedTally = new CallTally();
  private pacedReported = 0;
  private readonly pacedInFlight = new Set<string>();
  private readonly failed = new Map<string, { readonly message: string; readonly at: number }>();

  constructor(private readonly options: DefinitionLoaderOptions) {
    this.pacer = new CallPacer({
      burst: DEFINITION_BURST,
      ratePerSec: options.ratePerSec,
      now: options.now,
      setTimer: options.setTimer,
      clearTimer: options.clearTimer,
    });
  }

  /**
   * The definition of `arn` for a refresh: cached; else described now while the burst lasts; else left
   * to the paced describes (unless `queue` is false) or to the retry after a failure, and undefined for
   * now. A failure of the definition's own call resolves undefined and is added to `refresh.failures`.
   * @throws the abort error when the refresh is aborted.
   */
  lookup(arn: string, refresh: RefreshContext, options: { readonly queue?: boolean } = {}): Promise<TaskDefinitionInfo | undefined> | TaskDefinitionInfo | undefined {
    const cached = this.options.cache.peek(arn);
    if (cached !== undefined) return cached;
    const failure = this.failed.get(arn);
    if (failure !== undefined) {
      if (this.options.now() - failure.at < DEFINITION_RETRY_MS) {
        refresh.failures.add(failure.message);
        return undefined;
      }
      this.failed.delete(arn);
    }
    if (this.pacer.has(arn) || this.pacedInFlight.has(arn)) return undefined;
    if (refresh.allowance <= 0 || !this.pacer.tryNow()) {
      if (options.queue ?? true) this.pacer.enqueue(arn, () => this.describePaced(arn));
      return undefined;
    }
    refresh.allowance -= 1;
    return this.options.cache.get(arn, () => this.describe(arn, refresh.tally, undefined, refresh.signal)).catch((error: unknown) => {
      if (refresh.signal.aborted || isAbortError(error)) throw error;
      refresh.failures.add(this.noteFailure(arn, error));
      return undefined;
    });
  }

  /** Forgets the queued describes of definitions `keep` refuses (no longer on screen). */
  retain(keep: (arn: string) => boolean): void {
    this.pacer.retain(keep);
  }

  /** Describes a refresh starting now may make at once. */
  available(): number {
    return this.pacer.available();
  }

  /** Paced describes made since the previous call, for the next snapshot's `apiCalls`. */
  takePacedCalls(): number {
    const total = this.pacedTally.total;
    const made = total - this.pacedReported;
    this.pacedReported = total;
    return made;
  }

  /** Definitions waiting for, or in, a paced describe. */
  get backlog(): number {
    return this.pacer.backlog + this.pacedInFlight.size;
  }

  private describePaced(arn: string): void {
    this.pacedInFlight.add(arn);
    this.options.cache.get(arn, () => this.describe(arn, this.pacedTally, PACED_DEFINITIONS, undefined)).then(
      () => this.pacedInFlight.delete(arn),
      (error: unknown) => {
        this.pacedInFlight.delete(arn);
        // The next refresh that shows tasks of this definition reports the sentence.
        this.noteFailure(arn, error);
      },
    );
  }

  /** DescribeTaskDefinition for one ARN, through the shared bound. */
  private describe(arn: string, tally: CallTally, label: string | undefined, signal: AbortSignal | undefined): Promise<TaskDefinitionInfo> {
    return this.options.queue
      .run('describe', async () => {
        signal?.throwIfAborted();
        const command = countCommandInto(new DescribeTaskDefinitionCommand({ taskDefinition: arn }), tally, label);
        return this.options.ecs.send(command, signal === undefined ? {} : { abortSignal: signal });
      })
      .then((out) => {
        if (out.taskDefinition === undefined) throw new Error(`DescribeTaskDefinition returned nothing for ${arn}`);
        return parseTaskDefinition(out.taskDefinition, arn);
      });
  }

  private noteFailure(arn: string, error: unknown): string {
    const message = this.options.classify(error).message;
    this.failed.set(arn, { message, at: this.options.now() });
    return message;
  }
}
