import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Snapshot } from '../../lib/model/types.js';
import { NetworkError } from '../../lib/model/errors.js';
import { DeferredPoller } from '../../lib/poller/deferred-poller.js';
import { Poller } from '../../lib/poller/poller.js';
import type { PollerErrorEvent } from '../../lib/poller/types.js';
import { snapshot } from '../model/builders.js';
import { FakeClock, ManualSource, settle } from './fakes.js';

function realPoller(clock: FakeClock, source: ManualSource): Poller {
  return new Poller({ source, intervalMs: 30_000, now: () => clock.now, setTimer: clock.setTimer, clearTimer: clock.clearTimer });
}

describe('DeferredPoller', () => {
  it('reports loading until the real poller exists, then starts it and forwards its snapshots', async () => {
    const clock = new FakeClock();
    const source = new ManualSource();
    let resolve!: (p: Poller) => void;
    const deferred = new DeferredPoller(new Promise<Poller>((r) => { resolve = r; }), 30_000);
    const seen: Snapshot[] = [];
    deferred.on('snapshot', (s) => seen.push(s));
    deferred.setFocus(['payments']);
    deferred.start();
    assert.equal(deferred.state.phase, 'loading');
    assert.equal(deferred.state.intervalMs, 30_000);
    assert.equal(source.fetches.length, 0);

    resolve(realPoller(clock, source));
    await settle();
    assert.equal(source.fetches.length, 1, 'started on arrival');
    source.last.resolve(snapshot({ fetchedAt: clock.now }));
    await settle();
    assert.equal(seen.length, 1);
    assert.equal(deferred.lastSnapshot, seen[0]);
    assert.equal(deferred.state.phase, 'idle');
    deferred.stop();
    assert.equal(deferred.state.phase, 'stopped');
  });

  it('forwards errors to its listeners', async () => {
    const clock = new FakeClock();
    const source = new ManualSource();
    const deferred = new DeferredPoller(Promise.resolve(realPoller(clock, source)), 30_000);
    const errors: PollerErrorEvent[] = [];
    deferred.on('error', (e) => errors.push(e));
    deferred.start();
    await settle();
    source.last.reject(new NetworkError('Cannot reach AWS: check the network.'));
    await settle();
    assert.equal(errors[0]?.error.message, 'Cannot reach AWS: check the network.');
    deferred.stop();
  });

  it('never starts a poller that arrives after stop()', async () => {
    const clock = new FakeClock();
    const source = new ManualSource();
    let resolve!: (p: Poller) => void;
    const deferred = new DeferredPoller(new Promise<Poller>((r) => { resolve = r; }), 30_000);
    deferred.start();
    deferred.stop();
    resolve(realPoller(clock, source));
    await settle();
    assert.equal(source.fetches.length, 0);
  });
});
