import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CloudWatchServiceException } from '@aws-sdk/client-cloudwatch';
import { AccessDeniedException, ClusterNotFoundException, ECSServiceException } from '@aws-sdk/client-ecs';
import { classifyAwsError } from '../../lib/aws/classify-error.js';
import {
  AccessDeniedError,
  ClusterNotFoundError,
  CredentialsExpiredError,
  NetworkError,
  NoCredentialsError,
  ThrottledError,
  UnknownAwsError,
} from '../../lib/model/errors.js';

const metadata = { httpStatusCode: 400, requestId: 'c0ffee00-1111-2222-3333-444455556666', attempts: 1, totalRetryDelay: 0 };

/** A service error as the SDK's deserializer builds it for a code it has no class for. */
function ecsError(name: string, message: string): ECSServiceException {
  return new ECSServiceException({ name, $fault: 'client', $metadata: metadata, message });
}

function cloudwatchError(name: string, message: string): CloudWatchServiceException {
  return new CloudWatchServiceException({ name, $fault: 'client', $metadata: metadata, message });
}

/** A Node socket error as the HTTP handler rejects with it. */
function socketError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, errno: -111, syscall: 'connect' });
}

/** What a message must never contain. */
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('classifyAwsError', () => {
  it('classifies ECS ThrottlingException', () => {
    const error = classifyAwsError(ecsError('ThrottlingException', 'Rate exceeded'), { operation: 'DescribeServices' });
    assert.ok(error instanceof ThrottledError);
    assert.equal(error.operation, 'DescribeServices');
    assert.match(error.message, /throttling.*DescribeServices/);
  });

  it('classifies CloudWatch Throttling (the query-compatible spelling)', () => {
    const error = classifyAwsError(cloudwatchError('Throttling', 'Rate exceeded'), { operation: 'GetMetricData' });
    assert.ok(error instanceof ThrottledError);
  });

  it('names the missing IAM action on AccessDeniedException and points at the policy', () => {
    const sdk = new AccessDeniedException({
      $metadata: metadata,
      message:
        'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecs:DescribeTasks on resource: * because no identity-based policy allows the ecs:DescribeTasks action',
    });
    const error = classifyAwsError(sdk, { operation: 'DescribeTasks' });
    assert.ok(error instanceof AccessDeniedError);
    assert.equal(error.action, 'ecs:DescribeTasks');
    assert.equal(
      error.message,
      'Access denied: the credentials lack `ecs:DescribeTasks`; add it to the IAM policy (see docs/iam-policy.json).',
    );
  });

  it('names the CloudWatch action for CloudWatch AccessDenied', () => {
    const error = classifyAwsError(cloudwatchError('AccessDenied', 'not authorized'), { operation: 'GetMetricData' });
    assert.ok(error instanceof AccessDeniedError);
    assert.equal(error.action, 'cloudwatch:GetMetricData');
  });

  it('reads the action from the message when the operation is unknown', () => {
    const error = classifyAwsError(
      ecsError('AccessDeniedException', 'User: x is not authorized to perform: ecs:ListClusters on resource: *'),
    );
    assert.ok(error instanceof AccessDeniedError);
    assert.equal(error.action, 'ecs:ListClusters');
  });

  it('classifies ExpiredTokenException and ExpiredToken as expired credentials', () => {
    for (const error of [
      ecsError('ExpiredTokenException', 'The security token included in the request is expired'),
      cloudwatchError('ExpiredToken', 'The security token included in the request is expired'),
    ]) {
      const classified = classifyAwsError(error, { operation: 'ListServices' });
      assert.ok(classified instanceof CredentialsExpiredError, error.name);
      assert.match(classified.message, /refresh them/);
    }
  });

  it('suggests aws sso login with the profile when the profile uses SSO', () => {
    const error = classifyAwsError(ecsError('ExpiredTokenException', 'The security token included in the request is expired'), {
      profile: 'prod-admin',
      usesSso: true,
    });
    assert.ok(error instanceof CredentialsExpiredError);
    assert.match(error.message, /`aws sso login --profile prod-admin`/);
  });

  it('recognises the SSO provider message without being told the profile uses SSO', () => {
    const sdk = Object.assign(
      new Error('The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.'),
      { name: 'CredentialsProviderError', tryNextLink: false },
    );
    const error = classifyAwsError(sdk, { profile: 'dev' });
    assert.ok(error instanceof CredentialsExpiredError);
    assert.equal(error.message, 'The SSO session has expired; run `aws sso login --profile dev` and the monitor will pick it up.');
  });

  it('tells how to configure credentials when none are found', () => {
    const sdk = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
      tryNextLink: false,
    });
    const error = classifyAwsError(sdk);
    assert.ok(error instanceof NoCredentialsError);
    assert.match(error.message, /aws configure/);
    assert.match(error.message, /AWS_PROFILE/);
  });

  it('classifies UnrecognizedClientException and InvalidClientTokenId as bad credentials', () => {
    for (const error of [
      ecsError('UnrecognizedClientException', 'The security token included in the request is invalid.'),
      cloudwatchError('InvalidClientTokenId', 'The security token included in the request is invalid.'),
    ]) {
      assert.ok(classifyAwsError(error) instanceof NoCredentialsError, error.name);
    }
  });

  it('names cluster and region when the cluster is not found', () => {
    const sdk = new ClusterNotFoundException({ $metadata: metadata, message: 'Cluster not found.' });
    const error = classifyAwsError(sdk, { operation: 'ListServices', cluster: 'prod', region: 'eu-west-1' });
    assert.ok(error instanceof ClusterNotFoundError);
    assert.equal(
      error.message,
      'Cluster "prod" was not found in eu-west-1; check --cluster and --region, or omit --cluster to pick one.',
    );
  });

  it('classifies refused, reset, timed out and unresolved connections as network errors', () => {
    const cases: unknown[] = [
      socketError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:4566'),
      socketError('ECONNRESET', 'read ECONNRESET'),
      socketError('ETIMEDOUT', 'connect ETIMEDOUT'),
      socketError('ENOTFOUND', 'getaddrinfo ENOTFOUND ecs.eu-west-1.amazonaws.com'),
      Object.assign(new Error('Request timed out after 15000 ms'), { name: 'TimeoutError' }),
      new Error('socket hang up'),
      new Error('fetch failed', { cause: socketError('ECONNREFUSED', 'connect ECONNREFUSED') }),
    ];
    for (const error of cases) {
      const classified = classifyAwsError(error, { operation: 'ListTasks' });
      assert.ok(classified instanceof NetworkError, String(error));
      assert.match(classified.message, /check the network, VPN or proxy and the endpoint/);
    }
  });

  it('keeps AWS text for anything else, as one sentence', () => {
    const error = classifyAwsError(ecsError('InvalidParameterException', 'Too many services. Only 10 allowed.'), {
      operation: 'DescribeServices',
    });
    assert.ok(error instanceof UnknownAwsError);
    assert.equal(error.message, 'AWS call failed (DescribeServices): Too many services.');
  });

  it('keeps the original error as the cause', () => {
    const sdk = ecsError('ThrottlingException', 'Rate exceeded');
    assert.equal(classifyAwsError(sdk).cause, sdk);
  });

  it('never puts credentials in a message', () => {
    const sdk = ecsError('SomethingOdd', `Signature mismatch for AKIAIOSFODNN7EXAMPLE with secret=${SECRET}`);
    const message = classifyAwsError(sdk).message;
    assert.doesNotMatch(message, /AKIAIOSFODNN7EXAMPLE/);
    assert.ok(!message.includes(SECRET));
  });

  it('returns a MonitorError unchanged', () => {
    const error = new ThrottledError('already classified');
    assert.equal(classifyAwsError(error), error);
  });
});
