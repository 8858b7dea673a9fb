// The contracts between the layers: the poller depends on these interfaces, not on the SDK, so tests
// hand it fakes or the simulated endpoint; the UI depends on the poller's events only.
import type { EventEmitter } from 'node:events';
import type { ClusterSummary, Snapshot } from '../model/types.js';
import type { MonitorError } from '../model/errors.js';

/** Where ECS data comes from: one full refresh of the cluster per call. Implemented in lib/aws. */
export interface ClusterSource {
  /**
   * Fetches one snapshot (metrics not yet attached: `metrics.metricsRequested` is 0). `scope` says what
   * the screen shows, so work only it needs (describing task definitions) can be left to the services
   * on screen. Throws a MonitorError.
   */
  fetchSnapshot(signal: AbortSignal, scope?: ScreenScope): Promise<Snapshot>;
}

/** What the screen shows, for a refresh. */
export interface ScreenScope {
  /**
   * The services on screen: in a large cluster only they (and the focus) get service-level metrics and
   * their task definitions described. Undefined means every service (the table is sorted by CPU or
   * memory, or no screen is attached).
   */
  readonly shown?: readonly string[] | undefined;
  /** The services the user is looking at. */
  readonly focus?: readonly string[] | undefined;
}

/** Where CloudWatch data comes from. Implemented in lib/aws. */
export interface MetricsSource {
  /**
   * Returns `snapshot` with metrics attached to services, tasks and containers. Fetches only what is
   * due (each series at most once per 60-second period), container-level series only for the
   * services in `focus` (or all of them in a small cluster), and in a large cluster service-level
   * series only for the services `scope` says are shown. Never throws for a CloudWatch failure:
   * metrics become undefined and `snapshot.metrics.error` says why; throws only when `signal` aborts.
   */
  attach(snapshot: Snapshot, focus: readonly string[], signal: AbortSignal, scope?: MetricsScope): Promise<Snapshot>;
}

/** What the screen shows, for a metrics pass (the focus is `attach`'s own argument). */
export type MetricsScope = Pick<ScreenScope, 'shown'>;

/** Lists the account's clusters for the picker. Implemented in lib/aws. */
export type ClusterLister = (signal: AbortSignal) => Promise<readonly ClusterSummary[]>;

export type PollerPhase = 'loading' | 'refreshing' | 'idle' | 'backing-off' | 'stopped';

export interface PollerState {
  readonly phase: PollerPhase;
  /** Epoch ms of the next scheduled refresh, when one is scheduled. */
  readonly nextRefreshAt?: number;
  /** The configured interval. */
  readonly intervalMs: number;
  /** The interval actually used (stretched by throttling back-off or the API budget). */
  readonly effectiveIntervalMs: number;
  /** Why the effective interval differs from the configured one, one short phrase. */
  readonly stretchReason?: string;
}

export interface PollerErrorEvent {
  readonly error: MonitorError;
  /** The last good snapshot, still shown, now stale. */
  readonly lastSnapshot: Snapshot | undefined;
  /** Age of the last good snapshot in ms at the time of the error. */
  readonly staleForMs: number | undefined;
}

export interface PollerEvents {
  snapshot: [Snapshot];
  error: [PollerErrorEvent];
  state: [PollerState];
}

/** What the UI needs from the poller. */
export interface PollerHandle extends EventEmitter<PollerEvents> {
  start(): void;
  /** Refresh now; coalesces with a cycle in flight. */
  refreshNow(): void;
  /**
   * Tells the poller which services the user is looking at (for container-level metrics) and which are
   * on screen (`shown`, for service-level metrics in a large cluster; undefined means all of them).
   */
  setFocus(serviceNames: readonly string[], shown?: readonly string[]): void;
  /** Aborts calls in flight and cancels the schedule. */
  stop(): void;
  readonly lastSnapshot: Snapshot | undefined;
  readonly state: PollerState;
}
