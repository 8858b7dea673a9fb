// A poller handle that exists before the real poller does. The AWS SDK takes longer to load than the
// screen takes to draw, so the dashboard paints at once against this handle, and the real poller
// (built once the SDK is loaded) takes over: calls made meanwhile are replayed, its events forwarded.
import { EventEmitter } from 'node:events';
import type { Snapshot } from '../model/types.js';
import type { PollerEvents, PollerHandle, PollerState } from './types.js';

export class DeferredPoller extends EventEmitter<PollerEvents> implements PollerHandle {
  private inner: PollerHandle | undefined;
  private started = false;
  private stopped = false;
  private refreshWanted = false;
  private focus: readonly string[] | undefined;
  private shown: readonly string[] | undefined;

  /**
   * @param create builds the real poller (not started); its rejection is rethrown as an unhandled
   * rejection, since it means the program itself failed to load.
   * @param intervalMs the configured interval, reported until the real poller exists.
   */
  constructor(create: Promise<PollerHandle>, private readonly intervalMs: number) {
    super();
    void create.then((poller) => this.adopt(poller));
  }

  get lastSnapshot(): Snapshot | undefined {
    return this.inner?.lastSnapshot;
  }

  get state(): PollerState {
    return this.inner?.state ?? { phase: this.stopped ? 'stopped' : 'loading', intervalMs: this.intervalMs, effectiveIntervalMs: this.intervalMs };
  }

  start(): void {
    this.started = true;
    this.inner?.start();
  }

  refreshNow(): void {
    if (this.inner === undefined) this.refreshWanted = true;
    else this.inner.refreshNow();
  }

  setFocus(serviceNames: readonly string[], shown?: readonly string[]): void {
    this.focus = [...serviceNames];
    this.shown = shown === undefined ? undefined : [...shown];
    this.inner?.setFocus(serviceNames, shown);
  }

  stop(): void {
    this.stopped = true;
    this.inner?.stop();
  }

  private adopt(poller: PollerHandle): void {
    if (this.stopped) return;
    this.inner = poller;
    poller.on('snapshot', (snapshot) => this.emit('snapshot', snapshot));
    poller.on('state', (state) => this.emit('state', state));
    // As the poller itself does, an error with nobody listening is not thrown.
    poller.on('error', (event) => {
      if (this.listenerCount('error') > 0) this.emit('error', event);
    });
    if (this.focus !== undefined) poller.setFocus(this.focus, this.shown);
    // start() runs the first cycle at once, which is the refresh a waiting refreshNow() asked for.
    if (this.started) poller.start();
    else if (this.refreshWanted) poller.refreshNow();
  }
}
