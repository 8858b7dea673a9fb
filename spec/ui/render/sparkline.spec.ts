import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sparkline } from '../../../lib/ui/render/sparkline.js';

const MIN = 60_000;
// 12:05:30 on some day: the last complete period starts at 12:04:00.
const now = Date.UTC(2026, 11, 4, 12, 5, 30);
const at = (minutesAgo: number): number => Date.UTC(2026, 11, 4, 12, 4) - minutesAgo * MIN;

describe('sparkline', () => {
  it('draws one cell per period, newest at the right, scaled to max', () => {
    const points = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({ t: at(7 - i), v: (i * 100) / 7 }));
    assert.equal(sparkline(points, 8, { now, max: 100 }), '▁▂▃▄▅▆▇█');
  });
  it('leaves a gap for a period without a datapoint and for periods before the data', () => {
    const points = [{ t: at(3), v: 100 }, { t: at(1), v: 50 }, { t: at(0), v: 0 }];
    assert.equal(sparkline(points, 6, { now, max: 100 }), '  █ ▅▁');
  });
  it('shows a stale series as blanks on the right', () => {
    assert.equal(sparkline([{ t: at(4), v: 100 }], 5, { now, max: 100 }), '█    ');
  });
  it('ignores points of the running period and older than the width', () => {
    assert.equal(sparkline([{ t: at(-1), v: 90 }, { t: at(9), v: 90 }], 3, { now, max: 100 }), '   ');
  });
  it('scales to the largest value shown when no max is given, and clamps above max', () => {
    assert.equal(sparkline([{ t: at(1), v: 5 }, { t: at(0), v: 10 }], 2, { now }), '▅█');
    assert.equal(sparkline([{ t: at(0), v: 250 }], 1, { now, max: 100 }), '█');
  });
  it('is exactly width cells for any input', () => {
    assert.equal(sparkline([], 0, { now }), '');
    assert.equal(sparkline([{ t: Number.NaN, v: Number.POSITIVE_INFINITY }], 4, { now }), '    ');
  });
});
