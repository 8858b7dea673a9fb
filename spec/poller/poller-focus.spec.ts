import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NetworkError } from '../../lib/model/errors.js';
import type { Snapshot } from '../../lib/model/types.js';
import { FOCUS_SETTLE_MS, Poller } from '../../lib/poller/poller.js';
import type { MetricsScope, MetricsSource } from '../../lib/poller/types.js';
import { snapshot } from '../model/builders.js';
import { FakeClock, ManualSource, settle } from './fakes.js';

/** A metrics source that records each attach and marks the snapshot with the focus it was given. */
class RecordingMetrics implements MetricsSource {
  readonly calls: string[][] = [];
  readonly shown: (readonly string[] | undefined)[] = [];
  async attach(base: Snapshot, focus: readonly string[], _signal: AbortSignal, scope?: MetricsScope): Promise<Snapshot> {
    this.calls.push([...focus]);
    this.shown.push(scope?.shown);
    return { ...base, metrics: { ...base.metrics, note: `focus ${focus.join(',')}` } };
  }
}

function setup() {
  const clock = new FakeClock();
  const source = new ManualSource();
  const metrics = new RecordingMetrics();
  const poller = new Poller({
    source,
    metrics,
    intervalMs: 30_000,
    now: () => clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    random: () => 0.5,
  });
  const snapshots: Snapshot[] = [];
  poller.on('snapshot', (s) => snapshots.push(s));
  return { clock, source, metrics, poller, snapshots };
}

describe('Poller focus', () => {
  it('fetches the metrics of a newly selected service soon, without waiting for the next refresh or calling ECS', async () => {
    const { clock, source, metrics, poller, snapshots } = setup();
    poller.start();
    source.last.resolve(snapshot({ fetchedAt: clock.now }));
    await settle();
    assert.equal(snapshots.length, 1);

    poller.setFocus(['payments']);
    await clock.advance(FOCUS_SETTLE_MS);
    await settle();
    assert.equal(source.fetches.length, 1, 'no ECS refresh for a focus change');
    assert.deepEqual(metrics.calls.at(-1), ['payments']);
    assert.equal(snapshots.length, 2);
    assert.equal(snapshots[1]?.metrics.note, 'focus payments');
    assert.equal(snapshots[1]?.fetchedAt, snapshots[0]?.fetchedAt, 'the ECS data is the same cycle');
    poller.stop();
  });

  it('fetches the metrics of services scrolled into view, and hands the services on screen to every later pass', async () => {
    const { clock, source, metrics, poller } = setup();
    poller.start();
    source.last.resolve(snapshot({ fetchedAt: clock.now }));
    await settle();
    assert.deepEqual(metrics.shown, [undefined], 'before the screen says, every service');

    poller.setFocus([], ['a', 'b']);
    await clock.advance(FOCUS_SETTLE_MS);
    await settle();
    assert.deepEqual(metrics.shown.at(-1), ['a', 'b']);
    const passes = metrics.calls.length;
    poller.setFocus([], ['a', 'b']);
    await clock.advance(FOCUS_SETTLE_MS);
    await settle();
    assert.equal(metrics.calls.length, passes, 'the same screen fetches nothing new');

    await clock.advance(30_000);
    source.last.resolve(snapshot({ fetchedAt: clock.now }));
    await settle();
    assert.deepEqual(metrics.shown.at(-1), ['a', 'b'], 'the next refresh keeps to the screen');
    poller.stop();
  });

  it('waits for the selection to settle, so scrolling through the table fetches only where it stops', async () => {
    const { clock, source, metrics, poller } = setup();
    poller.start();
    source.last.resolve(snapshot({ fetchedAt: clock.now }));
    await settle();
    const before = metrics.calls.length;
    for (const name of ['a', 'b', 'c', 'd']) {
      poller.setFocus([name]);
      await clock.advance(FOCUS_SETTLE_MS / 4);
    }
    await clock.advance(FOCUS_SETTLE_MS);
    await settle();
    assert.deepEqual(metrics.calls.slice(before), [['d']]);
    poller.stop();
  });

  it('makes no extra pass when the focus does not change, and none after stop', async () => {
    const { clock, source, metrics, poller } = setup();
    poller.start();
    source.last.resolve(snapshot({ fetchedAt: clock.now }));
    await settle();
    poller.setFocus(['a']);
    await clock.advance(FOCUS_SETTLE_MS);
    await settle();
    const after = metrics.calls.length;
    poller.setFocus(['a']);
    await clock.advance(FOCUS_SETTLE_MS);
    poller.setFocus(['b']);
    poller.stop();
    await clock.advance(FOCUS_SETTLE_MS);
    await settle();
    assert.equal(metrics.calls.length, after);
  });

  it('makes no focus pass over data a failed refresh left stale, so the failure stays on screen', async () => {
    const { clock, source, metrics, poller, snapshots } = setup();
    const errors: unknown[] = [];
    poller.on('error', (e) => errors.push(e.error));
    poller.start();
    source.last.resolve(snapshot({ fetchedAt: clock.now }));
    await settle();
    await clock.advance(30_000);
    source.last.reject(new NetworkError('The network is down.'));
    await settle();
    assert.equal(errors.length, 1);
    const before = metrics.calls.length;

    poller.setFocus(['payments']);
    await clock.advance(FOCUS_SETTLE_MS);
    await settle();
    assert.equal(metrics.calls.length, before);
    assert.equal(snapshots.length, 1, 'no snapshot event would clear the failure');

    await clock.advance(30_000);
    source.last.resolve(snapshot({ fetchedAt: clock.now }));
    await settle();
    assert.deepEqual(metrics.calls.at(-1), ['payments'], 'the next good refresh carries the new focus');
    poller.stop();
  });
});
