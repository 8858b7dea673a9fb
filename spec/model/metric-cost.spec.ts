import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MetricCostMeter, costPerDayUsd } from '../../lib/model/metric-cost.js';

const MIN = 60_000;

test('1,000 metrics an hour cost 24 cents a day at $0.01 per 1,000', () => {
  assert.ok(Math.abs(costPerDayUsd(1000) - 0.24) < 1e-9);
});

test('one cycle of N metrics projects to 60·N per hour, the cost of a once-a-minute refresh', () => {
  const meter = new MetricCostMeter();
  meter.record(110, 0);
  const e = meter.estimate(30_000);
  assert.equal(e.metricsRequestedLastHour, 110);
  assert.equal(e.projectedMetricsPerHour, 6600);
  // 110 metrics every minute: 158,400 a day, $1.58.
  assert.ok(Math.abs(e.estimatedCostPerDayUsd - 1.584) < 1e-9);
});

test('the hour slides: requests older than an hour no longer count', () => {
  const meter = new MetricCostMeter();
  for (let m = 0; m < 90; m++) meter.record(10, m * MIN);
  const e = meter.estimate(89 * MIN + 1);
  assert.equal(e.metricsRequestedLastHour, 600);
  assert.equal(e.callsLastHour, 60);
  assert.equal(e.projectedMetricsPerHour, 600);
});
