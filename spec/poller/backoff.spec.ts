import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { budgetIntervalMs, throttleBackoffMs } from '../../lib/poller/backoff.js';

describe('throttleBackoffMs', () => {
  it('doubles with each consecutive throttled refresh, jittered within the upper half', () => {
    assert.deepEqual([1, 2, 3].map((n) => throttleBackoffMs(n, 10_000, () => 0)), [10_000, 20_000, 40_000]);
    assert.deepEqual([1, 2, 3].map((n) => throttleBackoffMs(n, 10_000, () => 0.999999)), [20_000, 40_000, 80_000]);
  });

  it('never retries sooner than the normal interval, even when that interval is above the cap', () => {
    assert.ok(throttleBackoffMs(1, 10_000, () => 0) >= 10_000);
    assert.equal(throttleBackoffMs(1, 200_000, () => 0), 200_000);
    assert.equal(throttleBackoffMs(3, 600_000, () => 0.5), 600_000);
  });

  it('never exceeds the cap', () => {
    assert.equal(throttleBackoffMs(50, 30_000, () => 0.999999), 300_000);
  });
});

describe('budgetIntervalMs', () => {
  it('keeps the interval when the refresh fits the budget', () => {
    assert.equal(budgetIntervalMs(30_000, 100, 10), 30_000);
  });

  it('stretches the interval to calls / rate seconds', () => {
    assert.equal(budgetIntervalMs(30_000, 1_100, 20), 55_000);
  });

  it('ignores a missing or non-positive rate', () => {
    assert.equal(budgetIntervalMs(30_000, 1_100, undefined), 30_000);
    assert.equal(budgetIntervalMs(30_000, 1_100, 0), 30_000);
  });
});
