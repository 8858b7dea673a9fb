// The pacer on a hand-driven clock: how many calls start at once, and how far apart the rest follow.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CallPacer } from '../../lib/aws/call-pacer.js';

/** A clock and one-shot timers moved by hand. */
function manualClock() {
  let time = 0;
  const timers: { at: number; callback: () => void }[] = [];
  return {
    now: () => time,
    setTimer: (callback: () => void, ms: number): unknown => {
      const timer = { at: time + ms, callback };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle: unknown): void => {
      const i = timers.indexOf(handle as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
    /** Moves time forward, firing due timers in order. */
    advance(ms: number): void {
      const end = time + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (next === undefined || next.at > end) break;
        timers.shift();
        time = next.at;
        next.callback();
      }
      time = end;
    },
    get pending(): number {
      return timers.length;
    },
  };
}

describe('CallPacer', () => {
  it('lets the burst start at once, then one call per 1/rate seconds', () => {
    const clock = manualClock();
    const pacer = new CallPacer({ burst: 3, ratePerSec: 2, ...clock });
    const started: number[] = [];
    assert.equal(pacer.tryNow(), true);
    assert.equal(pacer.tryNow(), true);
    for (let i = 0; i < 5; i++) pacer.enqueue(`arn-${i}`, () => started.push(clock.now()));
    // One token was left: the first queued call starts at once, the others wait 500 ms each.
    assert.deepEqual(started, [0]);
    assert.equal(pacer.backlog, 4);
    clock.advance(2_000);
    assert.deepEqual(started, [0, 500, 1_000, 1_500, 2_000]);
    assert.equal(pacer.backlog, 0);
    assert.equal(clock.pending, 0, 'no timer is left once the queue is empty');
  });

  it('does not let a call jump the queue', () => {
    const clock = manualClock();
    const pacer = new CallPacer({ burst: 1, ratePerSec: 1, ...clock });
    assert.equal(pacer.tryNow(), true);
    pacer.enqueue('a', () => undefined);
    clock.advance(1_000);
    pacer.enqueue('b', () => undefined);
    assert.equal(pacer.tryNow(), false, 'b waits, so nothing else may start');
  });

  it('queues a key once and refills to the burst after a quiet spell', () => {
    const clock = manualClock();
    const pacer = new CallPacer({ burst: 2, ratePerSec: 1, ...clock });
    let runs = 0;
    pacer.tryNow();
    pacer.tryNow();
    pacer.enqueue('same', () => runs++);
    pacer.enqueue('same', () => runs++);
    assert.equal(pacer.has('same'), true);
    clock.advance(1_000);
    assert.equal(runs, 1);
    assert.equal(pacer.has('same'), false);
    clock.advance(60_000);
    assert.equal(pacer.tryNow(), true);
    assert.equal(pacer.tryNow(), true);
    assert.equal(pacer.tryNow(), false, 'never more than the burst');
  });
});
