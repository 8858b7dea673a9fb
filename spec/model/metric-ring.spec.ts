import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MetricRing } from '../../lib/model/metric-ring.js';

const MIN = 60_000;

test('a ring keeps points oldest first whatever order they arrive in', () => {
  const ring = new MetricRing(10);
  ring.add([{ t: 3 * MIN, v: 3 }, { t: 1 * MIN, v: 1 }]);
  ring.add([{ t: 2 * MIN, v: 2 }]);
  assert.deepEqual(ring.points().map((p) => p.v), [1, 2, 3]);
  assert.equal(ring.newest()?.v, 3);
});

test('a ring never holds more than its capacity and drops the oldest points', () => {
  const ring = new MetricRing(60);
  ring.add(Array.from({ length: 90 }, (_, i) => ({ t: i * MIN, v: i })));
  assert.equal(ring.size, 60);
  assert.equal(ring.points()[0]?.v, 30);
  assert.equal(ring.newest()?.v, 89);
});

test('a revised datapoint for the same minute replaces the old one instead of duplicating it', () => {
  const ring = new MetricRing(5);
  ring.add([{ t: MIN, v: 10 }]);
  ring.add([{ t: MIN, v: 12 }]);
  assert.deepEqual(ring.points(), [{ t: MIN, v: 12 }]);
});

test('gaps stay visible: points keep their real timestamps', () => {
  const ring = new MetricRing(5);
  ring.add([{ t: 1 * MIN, v: 1 }, { t: 5 * MIN, v: 5 }]);
  assert.deepEqual(ring.points().map((p) => p.t), [1 * MIN, 5 * MIN]);
  assert.deepEqual(ring.points(2 * MIN).map((p) => p.t), [5 * MIN]);
});

test('a ring refuses a capacity that is not a positive integer', () => {
  assert.throws(() => new MetricRing(0), RangeError);
});

test('whatever is added, a ring stays sorted, unique per timestamp and bounded', () => {
  fc.assert(
    fc.property(fc.array(fc.array(fc.record({ t: fc.integer({ min: 0, max: 200 }), v: fc.double({ noNaN: true, noDefaultInfinity: true }) }))), (batches) => {
      const ring = new MetricRing(20);
      for (const b of batches) ring.add(b.map((p) => ({ t: p.t * MIN, v: p.v })));
      const ts = ring.points().map((p) => p.t);
      assert.ok(ts.length <= 20);
      for (let i = 1; i < ts.length; i++) assert.ok((ts[i] ?? 0) > (ts[i - 1] ?? 0));
    }),
  );
});
