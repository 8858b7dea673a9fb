// The refresh loop: one cycle at a time, the next scheduled when one ends, backing off when AWS
// throttles. It knows sources only through interfaces, so tests drive it with fakes and fake timers.
import { EventEmitter } from 'node:events';
import { MonitorError, UnknownAwsError } from '../model/errors.js';
import { callsByCategory } from '../model/throttling.js';
import type { Snapshot } from '../model/types.js';
import { budgetIntervalMs, MAX_BACKOFF_MS, throttleBackoffMs } from './backoff.js';
import type {
  ClusterSource,
  MetricsScope,
  MetricsSource,
  PollerErrorEvent,
  PollerEvents,
  PollerHandle,
  PollerPhase,
  PollerState,
} from './types.js';

export interface PollerOptions {
  readonly source: ClusterSource;
  readonly metrics?: MetricsSource | undefined;
  /** The configured refresh interval. */
  readonly intervalMs: number;
  /**
   * ECS calls per second the monitor may average over an interval; a refresh that needed more
   * stretches the interval to `calls / maxApiRate` seconds. Unlimited when undefined.
   */
  readonly maxApiRate?: number | undefined;
  /** Longest back-off while throttled (default 5 minutes). */
  readonly maxBackoffMs?: number | undefined;
  readonly now?: (() => number) | undefined;
  readonly setTimer?: ((callback: () => void, ms: number) => unknown) | undefined;
  readonly clearTimer?: ((handle: unknown) => void) | undefined;
  /** [0, 1) source for the back-off jitter. */
  readonly random?: (() => number) | undefined;
}

/** How long the focus must stay put before its metrics are fetched outside a refresh. */
export const FOCUS_SETTLE_MS = 400;

/** Whether two name lists are the same, in order (undefined only equals undefined). */
function sameNames(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

function asMonitorError(error: unknown): MonitorError {
  if (error instanceof MonitorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new UnknownAwsError(`Refresh failed: ${message}`, { cause: error });
}

/**
 * Attaches metrics to `snapshot` when a metrics source is given. A metrics failure other than the
 * abort leaves the ECS data intact and records the reason in `snapshot.metrics.error`; throws only when
 * `signal` aborts.
 */
async function withMetrics(
  snapshot: Snapshot,
  metrics: MetricsSource | undefined,
  focus: readonly string[],
  signal: AbortSignal,
  scope: MetricsScope = {},
): Promise<Snapshot> {
  if (metrics === undefined) return snapshot;
  try {
    return await metrics.attach(snapshot, focus, signal, scope);
  } catch (error) {
    if (signal.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    return { ...snapshot, metrics: { ...snapshot.metrics, error: `Metrics unavailable: ${reason}` } };
  }
}

/**
 * Runs one refresh for `--once --json`: the ECS snapshot with metrics attached. Rejects with a
 * MonitorError when the ECS refresh fails (a metrics failure only sets `metrics.error`).
 */
export async function runOnce(
  source: ClusterSource,
  metrics?: MetricsSource,
  options: { signal?: AbortSignal; focus?: readonly string[] } = {},
): Promise<Snapshot> {
  const signal = options.signal ?? new AbortController().signal;
  let snapshot: Snapshot;
  try {
    snapshot = await source.fetchSnapshot(signal);
  } catch (error) {
    if (signal.aborted) throw error;
    throw asMonitorError(error);
  }
  return withMetrics(snapshot, metrics, options.focus ?? [], signal);
}

/**
 * The poller. Emits `snapshot` once per successful cycle, `error` (with the last good snapshot and its
 * age; only when someone listens, since an unheard `error` event would throw) and `state` on every
 * phase change.
 *
 * Scheduling rules:
 * - the next cycle is scheduled when one ends, so two never overlap;
 * - `refreshNow()` while idle runs at once; during a cycle it queues exactly one follow-up, run as soon
 *   as the cycle ends (further calls fold into it); while backing off after throttling it is ignored,
 *   because the throttled token bucket is shared with the account's deployments;
 * - throttling: exponential back-off with jitter, capped (5 min), shown as the effective interval with
 *   a `stretchReason`; the first success restores the interval;
 * - any other error: the next attempt follows the normal (effective) interval;
 * - `stop()` aborts the calls in flight and cancels the timer; nothing is emitted afterwards.
 */
export class Poller extends EventEmitter<PollerEvents> implements PollerHandle {
  private readonly source: ClusterSource;
  private readonly metrics: MetricsSource | undefined;
  private readonly intervalMs: number;
  private readonly maxApiRate: number | undefined;
  private readonly maxBackoffMs: number;
  private readonly now: () => number;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly random: () => number;

  private phase: PollerPhase = 'loading';
  private started = false;
  private stopped = false;
  private timer: unknown = undefined;
  private nextRefreshAt: number | undefined;
  private controller: AbortController | undefined;
  private inFlight = false;
  private followUp = false;
  private throttleFailures = 0;
  /** The interval the API budget allows, from the last successful refresh. */
  private budgetMs: number;
  /** The throttling category the last successful refresh used most, and how many calls it made in it. */
  private busiest: { readonly category: string; readonly calls: number } | undefined;
  private effectiveIntervalMs: number;
  private stretchReason: string | undefined;
  private focus: readonly string[] = [];
  /** The services on screen (undefined: every service), for the metrics source's scope. */
  private shown: readonly string[] | undefined;
  private snapshot: Snapshot | undefined;
  /**
   * The last cycle's ECS data before metrics were attached, for a metrics-only pass; undefined after a
   * failed cycle, since a pass over stale data would emit a snapshot that reads as a recovery.
   */
  private ecsSnapshot: Snapshot | undefined;
  private focusTimer: unknown = undefined;
  private focusController: AbortController | undefined;
  /** When the last good snapshot arrived, on this poller's clock (the source may use another). */
  private snapshotAt = 0;

  constructor(options: PollerOptions) {
    super();
    this.source = options.source;
    this.metrics = options.metrics;
    this.intervalMs = options.intervalMs;
    this.maxApiRate = options.maxApiRate;
    this.maxBackoffMs = options.maxBackoffMs ?? MAX_BACKOFF_MS;
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    this.random = options.random ?? Math.random;
    this.budgetMs = options.intervalMs;
    this.effectiveIntervalMs = options.intervalMs;
  }

  get lastSnapshot(): Snapshot | undefined {
    return this.snapshot;
  }

  get state(): PollerState {
    return {
      phase: this.phase,
      ...(this.nextRefreshAt === undefined ? {} : { nextRefreshAt: this.nextRefreshAt }),
      intervalMs: this.intervalMs,
      effectiveIntervalMs: this.effectiveIntervalMs,
      ...(this.stretchReason === undefined ? {} : { stretchReason: this.stretchReason }),
    };
  }

  /** Starts the first cycle at once. Calling it again, or after stop(), does nothing. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    void this.runCycle();
  }

  refreshNow(): void {
    if (this.stopped) return;
    if (!this.started) {
      this.start();
      return;
    }
    if (this.inFlight) {
      this.followUp = true;
      return;
    }
    if (this.phase === 'backing-off') return;
    this.cancelTimer();
    void this.runCycle();
  }

  /**
   * A new focus fetches its metrics soon (after FOCUS_SETTLE_MS without another change, so scrolling
   * through the table costs nothing) in a metrics-only pass over the last ECS data: drilling into a
   * service shows its containers' numbers without waiting for the next refresh or making ECS calls.
   * After a failed refresh the new focus waits for the next good one.
   */
  setFocus(serviceNames: readonly string[], shown?: readonly string[]): void {
    const changed = !sameNames(serviceNames, this.focus) || !sameNames(shown, this.shown);
    this.focus = [...serviceNames];
    this.shown = shown === undefined ? undefined : [...shown];
    if (!changed || this.metrics === undefined || this.stopped) return;
    if (this.focusTimer !== undefined) this.clearTimer(this.focusTimer);
    this.focusTimer = this.setTimer(() => {
      this.focusTimer = undefined;
      void this.runFocusPass();
    }, FOCUS_SETTLE_MS);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.cancelTimer();
    this.cancelFocusPass();
    this.controller?.abort(new Error('poller stopped'));
    this.controller = undefined;
    this.phase = 'stopped';
    this.nextRefreshAt = undefined;
  }

  private cancelFocusPass(): void {
    if (this.focusTimer !== undefined) this.clearTimer(this.focusTimer);
    this.focusTimer = undefined;
    this.focusController?.abort(new Error('focus pass superseded'));
    this.focusController = undefined;
  }

  /** Attaches metrics for the current focus to the last ECS data and emits it; skipped during a cycle. */
  private async runFocusPass(): Promise<void> {
    const base = this.ecsSnapshot;
    if (this.stopped || this.inFlight || base === undefined || this.metrics === undefined) return;
    this.focusController?.abort(new Error('focus pass superseded'));
    const controller = new AbortController();
    this.focusController = controller;
    let snapshot: Snapshot;
    try {
      snapshot = await withMetrics(base, this.metrics, this.focus, controller.signal, { shown: this.shown });
    } catch {
      // Aborted by a newer pass, a cycle or stop(): the newer work supersedes this one.
      return;
    } finally {
      if (this.focusController === controller) this.focusController = undefined;
    }
    // A cycle that finished meanwhile carries newer data; this pass's result would turn the clock back.
    if (this.stopped || controller.signal.aborted || this.ecsSnapshot !== base) return;
    this.snapshot = snapshot;
    this.emit('snapshot', snapshot);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
    this.nextRefreshAt = undefined;
  }

  private setPhase(phase: PollerPhase): void {
    this.phase = phase;
    this.emit('state', this.state);
  }

  private schedule(delayMs: number): void {
    this.cancelTimer();
    this.nextRefreshAt = this.now() + delayMs;
    this.timer = this.setTimer(() => {
      this.timer = undefined;
      void this.runCycle();
    }, delayMs);
  }

  /** The configured interval, stretched only as far as the API budget demands. */
  private useBudgetInterval(): void {
    this.effectiveIntervalMs = this.budgetMs;
    this.stretchReason =
      this.budgetMs > this.intervalMs && this.busiest !== undefined
        ? `API budget: ${this.busiest.calls} ${this.busiest.category} calls per refresh at ${this.maxApiRate ?? 0}/s`
        : undefined;
  }

  private async runCycle(): Promise<void> {
    if (this.stopped || this.inFlight) return;
    this.inFlight = true;
    this.followUp = false;
    this.nextRefreshAt = undefined;
    const controller = new AbortController();
    this.controller = controller;
    this.setPhase(this.snapshot === undefined ? 'loading' : 'refreshing');
    this.cancelFocusPass();

    let outcome: { snapshot: Snapshot; ecs: Snapshot } | { error: MonitorError };
    try {
      const ecs = await this.source.fetchSnapshot(controller.signal, { shown: this.shown, focus: this.focus });
      const snapshot = await withMetrics(ecs, this.metrics, this.focus, controller.signal, { shown: this.shown });
      // Each throttling category is its own bucket: the busiest one sets the pace.
      this.busiest = callsByCategory(ecs.apiCalls)[0];
      this.budgetMs = budgetIntervalMs(this.intervalMs, this.busiest?.calls ?? 0, this.maxApiRate);
      outcome = { snapshot, ecs };
    } catch (error) {
      outcome = { error: asMonitorError(error) };
    } finally {
      this.inFlight = false;
      if (this.controller === controller) this.controller = undefined;
    }
    if (this.stopped || controller.signal.aborted) return;

    if ('snapshot' in outcome) {
      this.snapshot = outcome.snapshot;
      this.ecsSnapshot = outcome.ecs;
      this.snapshotAt = this.now();
      this.throttleFailures = 0;
      this.useBudgetInterval();
      this.schedule(this.followUp ? 0 : this.effectiveIntervalMs);
      this.emit('snapshot', outcome.snapshot);
      this.setPhase('idle');
      return;
    }

    const error = outcome.error;
    this.ecsSnapshot = undefined;
    if (error.kind === 'throttled') {
      this.throttleFailures += 1;
      this.effectiveIntervalMs = throttleBackoffMs(this.throttleFailures, this.budgetMs, this.random, this.maxBackoffMs);
      this.stretchReason = 'throttled by AWS: backing off';
      this.schedule(this.effectiveIntervalMs);
    } else {
      this.useBudgetInterval();
      this.schedule(this.followUp ? 0 : this.effectiveIntervalMs);
    }
    const event: PollerErrorEvent = {
      error,
      lastSnapshot: this.snapshot,
      staleForMs: this.snapshot === undefined ? undefined : Math.max(0, this.now() - this.snapshotAt),
    };
    if (this.listenerCount('error') > 0) this.emit('error', event);
    this.setPhase(error.kind === 'throttled' ? 'backing-off' : 'idle');
  }
}

/** Creates a Poller (not started). */
export function createPoller(options: PollerOptions): Poller {
  return new Poller(options);
}
