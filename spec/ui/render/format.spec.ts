import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatClock,
  formatCpuUnits,
  formatDuration,
  formatMiB,
  formatPercent,
  formatUsedOfLimit,
  taskDefinitionName,
} from '../../../lib/ui/render/format.js';
import { healthSegment } from '../../../lib/ui/render/health.js';
import type { HealthStatus } from '../../../lib/model/types.js';

describe('formatDuration', () => {
  it('uses the largest two units', () => {
    assert.equal(formatDuration(45_000), '45s');
    assert.equal(formatDuration(12 * 60_000 + 59_000), '12m');
    assert.equal(formatDuration((3 * 60 + 12) * 60_000), '3h12m');
    assert.equal(formatDuration((2 * 24 + 4) * 3_600_000 + 5), '2d4h');
  });
  it('prints clock skew as 0s and nonsense as -', () => {
    assert.equal(formatDuration(-5_000), '0s');
    assert.equal(formatDuration(Number.NaN), '-');
  });
});

describe('numbers', () => {
  it('prints a missing percent as - and rounds the rest', () => {
    assert.equal(formatPercent(undefined), '-');
    assert.equal(formatPercent(37.4), '37%');
    assert.equal(formatPercent(1e20), '>999%');
  });
  it('prints used of limit with - for whichever is missing', () => {
    assert.equal(formatUsedOfLimit(256, 512, 'cpu'), '256/512');
    assert.equal(formatUsedOfLimit(undefined, 512, 'MiB'), '-/512');
    assert.equal(formatUsedOfLimit(200.6, undefined, 'MiB'), '201/-');
    assert.equal(formatUsedOfLimit(undefined, undefined, 'cpu'), '-');
  });
  it('keeps huge numbers short', () => {
    assert.equal(formatCpuUnits(123_456), '123k');
    assert.equal(formatMiB(Number.MAX_SAFE_INTEGER), '>99G');
  });
  it('formats the local clock and task definition names', () => {
    assert.equal(formatClock(new Date(2026, 11, 4, 9, 5, 7).getTime()), '09:05:07');
    assert.equal(taskDefinitionName('arn:aws:ecs:us-east-1:123456789012:task-definition/web:42'), 'web:42');
  });
});

describe('health symbols', () => {
  it('colours each health status with blessed tags neo-blessed knows, and an unknown value as ?', () => {
    assert.deepEqual(healthSegment('HEALTHY'), { text: '✓', tags: ['green-fg'] });
    assert.deepEqual(healthSegment('WARNING'), { text: '⚠', tags: ['yellow-fg'] });
    assert.deepEqual(healthSegment('UNHEALTHY'), { text: '✗', tags: ['red-fg'] });
    assert.deepEqual(healthSegment('UNKNOWN'), { text: '?', tags: ['gray-fg'] });
    assert.deepEqual(healthSegment('BOGUS' as HealthStatus), { text: '?', tags: ['gray-fg'] });
  });
});
