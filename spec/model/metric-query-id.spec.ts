import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidMetricQueryId, metricQueryId } from '../../lib/model/metric-query-id.js';

test('every query id of a 500-query call is valid for CloudWatch and unique', () => {
  const ids = Array.from({ length: 500 }, (_, i) => metricQueryId(i));
  assert.ok(ids.every(isValidMetricQueryId));
  assert.equal(new Set(ids).size, 500);
});

test('ids CloudWatch would reject are recognised', () => {
  assert.equal(isValidMetricQueryId('0abc'), false);
  assert.equal(isValidMetricQueryId('Abc'), false);
  assert.equal(isValidMetricQueryId('svc-web'), false);
  assert.equal(isValidMetricQueryId('m_1'), true);
});

test('a negative query index is refused', () => {
  assert.throws(() => metricQueryId(-1), RangeError);
});
