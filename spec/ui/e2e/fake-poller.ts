// A PollerHandle that serves fixed snapshots, so the dashboard runs without AWS or the simulator.
import { EventEmitter } from 'node:events';
import type { Snapshot } from '../../../lib/model/types.js';
import type { MonitorError } from '../../../lib/model/errors.js';
import type { PollerEvents, PollerHandle, PollerState } from '../../../lib/poller/types.js';

export class FakePoller extends EventEmitter<PollerEvents> implements PollerHandle {
  lastSnapshot: Snapshot | undefined;
  state: PollerState = { phase: 'loading', intervalMs: 10_000, effectiveIntervalMs: 10_000 };
  readonly calls: string[] = [];
  focus: readonly string[] = [];

  constructor(private readonly make: () => Snapshot) {
    super();
  }

  start(): void {
    this.calls.push('start');
    this.refreshNow();
  }

  refreshNow(): void {
    this.calls.push('refreshNow');
    // Asynchronous like a real cycle, so listeners see the event after start() returns.
    setImmediate(() => {
      const snapshot = this.make();
      this.lastSnapshot = snapshot;
      this.state = { ...this.state, phase: 'idle', nextRefreshAt: snapshot.fetchedAt + 10_000 };
      this.emit('snapshot', snapshot);
      this.emit('state', this.state);
    });
  }

  setFocus(serviceNames: readonly string[]): void {
    this.calls.push(`setFocus:${serviceNames.join(',')}`);
    this.focus = serviceNames;
  }

  /** Emits a failed cycle, as the poller does: the last good snapshot stays, now stale. */
  fail(error: MonitorError, now: number): void {
    this.emit('error', {
      error,
      lastSnapshot: this.lastSnapshot,
      staleForMs: this.lastSnapshot === undefined ? undefined : now - this.lastSnapshot.fetchedAt,
    });
  }

  stop(): void {
    this.calls.push('stop');
    this.state = { ...this.state, phase: 'stopped' };
  }
}
