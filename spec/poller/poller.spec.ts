import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ThrottledError, NetworkError } from '../../lib/model/errors.js';
import type { Snapshot } from '../../lib/model/types.js';
import { Poller, runOnce } from '../../lib/poller/poller.js';
import type { PollerErrorEvent, PollerState } from '../../lib/poller/types.js';
import { snapshot } from '../model/builders.js';
import { FakeClock, ManualSource, settle } from './fakes.js';

function setup(options: { intervalMs?: number; maxApiRate?: number } = {}) {
  const clock = new FakeClock();
  const source = new ManualSource();
  const poller = new Poller({
    source,
    intervalMs: options.intervalMs ?? 10_000,
    maxApiRate: options.maxApiRate,
    now: () => clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    random: () => 0.5,
  });
  const snapshots: Snapshot[] = [];
  const errors: PollerErrorEvent[] = [];
  const states: PollerState[] = [];
  poller.on('snapshot', (s) => snapshots.push(s));
  poller.on('error', (e) => errors.push(e));
  poller.on('state', (s) => states.push(s));
  const snap = (apiCalls: Record<string, number> = { DescribeClusters: 1 }): Snapshot =>
    snapshot({ fetchedAt: clock.now, apiCalls });
  return { clock, source, poller, snapshots, errors, states, snap };
}

describe('Poller', () => {
  it('loads at start, emits the snapshot and schedules the next refresh one interval after the cycle ends', async () => {
    const { clock, source, poller, snapshots, states, snap } = setup();
    poller.start();
    assert.equal(poller.state.phase, 'loading');
    await clock.advance(3_000); // a slow refresh
    source.last.resolve(snap());
    await settle();
    assert.equal(snapshots.length, 1);
    assert.equal(poller.lastSnapshot, snapshots[0]);
    assert.equal(poller.state.phase, 'idle');
    assert.equal(poller.state.nextRefreshAt, clock.now + 10_000);
    assert.deepEqual(clock.pendingDelays(), [10_000]);
    assert.deepEqual(states.map((s) => s.phase), ['loading', 'idle']);

    await clock.advance(10_000);
    assert.equal(source.fetches.length, 2);
    assert.equal(poller.state.phase, 'refreshing');
    poller.stop();
  });

  it('never runs two cycles at once, however long a refresh takes', async () => {
    const { clock, source, poller, snap } = setup();
    poller.start();
    await clock.advance(60_000);
    assert.equal(source.fetches.length, 1);
    source.last.resolve(snap());
    await settle();
    await clock.advance(10_000);
    assert.equal(source.fetches.length, 2);
    assert.equal(source.maxInFlight, 1);
    poller.stop();
  });

  it('runs refreshNow at once when idle, cancelling the scheduled refresh', async () => {
    const { clock, source, poller, snap } = setup();
    poller.start();
    source.last.resolve(snap());
    await settle();
    poller.refreshNow();
    assert.equal(source.fetches.length, 2);
    source.last.resolve(snap());
    await settle();
    assert.deepEqual(clock.pendingDelays(), [10_000]);
    poller.stop();
  });

  it('folds refreshNow calls during a cycle into one follow-up, run when the cycle ends', async () => {
    const { clock, source, poller, snapshots, snap } = setup();
    poller.start();
    poller.refreshNow();
    poller.refreshNow();
    poller.refreshNow();
    assert.equal(source.fetches.length, 1);
    source.last.resolve(snap());
    await settle();
    assert.deepEqual(clock.pendingDelays(), [0]);
    await clock.advance(0);
    assert.equal(source.fetches.length, 2);
    source.last.resolve(snap());
    await settle();
    assert.equal(snapshots.length, 2);
    assert.deepEqual(clock.pendingDelays(), [10_000], 'no second follow-up');
    poller.stop();
  });

  it('keeps the last good snapshot on error and reports how stale it is', async () => {
    const { clock, source, poller, errors, snap } = setup();
    poller.start();
    const good = snap();
    source.last.resolve(good);
    await settle();
    await clock.advance(10_000);
    await clock.advance(2_000);
    source.last.reject(new NetworkError('Cannot reach AWS: ECONNREFUSED; check the network.'));
    await settle();
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.error.kind, 'network');
    assert.equal(errors[0]?.lastSnapshot, good);
    assert.equal(errors[0]?.staleForMs, 12_000);
    assert.equal(poller.lastSnapshot, good);
    assert.deepEqual(clock.pendingDelays(), [10_000], 'other errors retry at the normal interval');
    poller.stop();
  });

  it('backs off exponentially while throttled, then restores the interval after a success', async () => {
    const { clock, source, poller, states, snap } = setup();
    poller.start();
    const throttled = (): ThrottledError => new ThrottledError('AWS is throttling API calls.');
    source.last.reject(throttled());
    await settle();
    // random 0.5 → three quarters of the ceiling: 20 s, 40 s, 80 s ceilings, never below the 10 s interval.
    assert.deepEqual(clock.pendingDelays(), [15_000]);
    assert.equal(poller.state.phase, 'backing-off');
    assert.equal(poller.state.effectiveIntervalMs, 15_000);
    assert.match(poller.state.stretchReason ?? '', /throttl/);

    await clock.advance(15_000);
    source.last.reject(throttled());
    await settle();
    assert.deepEqual(clock.pendingDelays(), [30_000]);

    await clock.advance(30_000);
    source.last.reject(throttled());
    await settle();
    assert.deepEqual(clock.pendingDelays(), [60_000]);

    await clock.advance(60_000);
    source.last.resolve(snap());
    await settle();
    assert.deepEqual(clock.pendingDelays(), [10_000]);
    assert.equal(poller.state.effectiveIntervalMs, 10_000);
    assert.equal(poller.state.stretchReason, undefined);
    assert.equal(states.at(-1)?.phase, 'idle');
    poller.stop();
  });

  it('caps the back-off at five minutes', async () => {
    const { clock, source, poller } = setup({ intervalMs: 60_000 });
    poller.start();
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      source.last.reject(new ThrottledError('throttled'));
      await settle();
      const delay = clock.pendingDelays()[0] ?? 0;
      delays.push(delay);
      await clock.advance(delay);
    }
    // Ceilings 120 s, 240 s, then 300 s; jitter 0.5 lands at three quarters of each.
    assert.deepEqual(delays, [90_000, 180_000, 225_000, 225_000, 225_000, 225_000, 225_000, 225_000]);
    poller.stop();
  });

  it('does not let refreshNow jump the queue while backing off from throttling', async () => {
    const { source, poller } = setup();
    poller.start();
    source.last.reject(new ThrottledError('throttled'));
    await settle();
    poller.refreshNow();
    assert.equal(source.fetches.length, 1);
    poller.stop();
  });

  it('stretches the interval when a refresh needs more calls than the API budget allows', async () => {
    const { clock, source, poller, snap } = setup({ maxApiRate: 5 });
    poller.start();
    source.last.resolve(snap({ ListServices: 10, DescribeServices: 140, DescribeTasks: 50, 'ListTasks:STOPPED': 1 }));
    await settle();
    // Each throttling category is its own bucket: 150 service-read calls at 5 per second set the pace
    // (one refresh every 30 s), not the 201 calls of all categories together.
    assert.deepEqual(clock.pendingDelays(), [30_000]);
    assert.equal(poller.state.effectiveIntervalMs, 30_000);
    assert.equal(poller.state.stretchReason, 'API budget: 150 service read calls per refresh at 5/s');
    poller.stop();
  });

  it('aborts the refresh in flight on stop and emits nothing afterwards', async () => {
    const { clock, source, poller, snapshots, errors, states, snap } = setup();
    poller.start();
    const statesBefore = states.length;
    const fetch = source.last;
    poller.stop();
    assert.equal(fetch.signal.aborted, true);
    fetch.resolve(snap());
    await settle();
    await clock.advance(60_000);
    assert.equal(snapshots.length, 0);
    assert.equal(errors.length, 0);
    assert.equal(states.length, statesBefore);
    assert.deepEqual(clock.pendingDelays(), []);
    assert.equal(poller.state.phase, 'stopped');
    poller.refreshNow();
    assert.equal(source.fetches.length, 1);
  });

  it('cancels the scheduled refresh on stop', async () => {
    const { clock, source, poller, snap } = setup();
    poller.start();
    source.last.resolve(snap());
    await settle();
    poller.stop();
    await clock.advance(60_000);
    assert.equal(source.fetches.length, 1);
  });

  it('hands the focus to the metrics source and still emits the ECS data when metrics fail', async () => {
    const clock = new FakeClock();
    const source = new ManualSource();
    const focuses: (readonly string[])[] = [];
    const poller = new Poller({
      source,
      metrics: {
        attach: async (_s, focus) => {
          focuses.push(focus);
          throw new Error('GetMetricData exploded');
        },
      },
      intervalMs: 10_000,
      now: () => clock.now,
      setTimer: clock.setTimer,
      clearTimer: clock.clearTimer,
    });
    const snapshots: Snapshot[] = [];
    poller.on('snapshot', (s) => snapshots.push(s));
    poller.setFocus(['web', 'worker']);
    poller.start();
    source.last.resolve(snapshot());
    await settle();
    assert.deepEqual(focuses, [['web', 'worker']]);
    assert.equal(snapshots.length, 1);
    assert.match(snapshots[0]?.metrics.error ?? '', /GetMetricData exploded/);
    poller.stop();
  });

  it('wraps a non-MonitorError failure so the status line still gets one sentence', async () => {
    const { source, poller, errors } = setup();
    poller.start();
    source.last.reject(new TypeError('boom'));
    await settle();
    assert.equal(errors[0]?.error.kind, 'unknown');
    assert.match(errors[0]?.error.message ?? '', /boom/);
    poller.stop();
  });
});

describe('runOnce', () => {
  it('returns the snapshot with metrics attached', async () => {
    const result = await runOnce(
      { fetchSnapshot: async () => snapshot() },
      { attach: async (s) => ({ ...s, metrics: { ...s.metrics, metricsRequested: 4 } }) },
    );
    assert.equal(result.metrics.metricsRequested, 4);
  });

  it('rejects with the classified error when the refresh fails', async () => {
    await assert.rejects(
      runOnce({ fetchSnapshot: async () => Promise.reject(new ThrottledError('AWS is throttling API calls.')) }),
      (error: unknown) => error instanceof ThrottledError,
    );
  });
});
