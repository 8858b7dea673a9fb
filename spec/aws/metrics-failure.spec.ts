import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeMetricsFailure } from '../../lib/aws/metrics-failure.js';
import { MetricQueryFailure } from '../../lib/aws/cloudwatch-get-metric-data.js';

function awsError(name: string, message = 'x'): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

test('access denied is reported with the missing permission in both spellings', () => {
  const expected = 'CloudWatch metrics unavailable: missing IAM permission cloudwatch:GetMetricData; ECS data is unaffected';
  assert.equal(describeMetricsFailure(awsError('AccessDenied')), expected);
  assert.equal(describeMetricsFailure(awsError('AccessDeniedException')), expected);
  assert.equal(describeMetricsFailure(new MetricQueryFailure('Forbidden', 'no access')), expected);
});

test('throttling is reported as throttling in both spellings', () => {
  for (const name of ['Throttling', 'ThrottlingException', 'TooManyRequestsException']) {
    assert.match(describeMetricsFailure(awsError(name)), /GetMetricData is throttled by AWS/);
  }
});

test('expired credentials and unknown errors each make one sentence with the cause', () => {
  assert.match(describeMetricsFailure(awsError('ExpiredToken')), /credentials have expired/);
  assert.equal(
    describeMetricsFailure(awsError('InvalidParameterValue', 'The parameter StartTime is bad.\nmore')),
    'CloudWatch metrics unavailable: InvalidParameterValue: The parameter StartTime is bad; ECS data is unaffected',
  );
});
