import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currentValue } from '../../lib/model/metric-freshness.js';
import { periodStart } from '../../lib/model/metric-period.js';

const MIN = 60_000;
const NOW = Date.UTC(2026, 11, 4, 12, 0, 30);

test('the newest datapoint is current while its period ended at most two periods ago', () => {
  const points = [{ t: NOW - 4 * MIN, v: 10 }, { t: NOW - 3 * MIN, v: 42 }];
  assert.equal(currentValue(points, NOW), 42);
});

test('a datapoint older than two periods is not shown as current, and nothing older is carried forward', () => {
  const points = [{ t: NOW - 5 * MIN, v: 10 }, { t: NOW - 3 * MIN - 1, v: 42 }];
  assert.equal(currentValue(points, NOW), undefined);
});

test('no datapoints means no current value', () => {
  assert.equal(currentValue([], NOW), undefined);
});

test('windows are aligned to the minute', () => {
  assert.equal(periodStart(NOW), Date.UTC(2026, 11, 4, 12, 0, 0));
  assert.equal(periodStart(Date.UTC(2026, 11, 4, 12, 1, 0)), Date.UTC(2026, 11, 4, 12, 1, 0));
});
