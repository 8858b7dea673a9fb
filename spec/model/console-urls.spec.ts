import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  clusterConsoleUrl,
  consoleOrigin,
  containerConsoleUrl,
  partitionOfRegion,
  serviceConsoleUrl,
  taskConsoleUrl,
  taskDefinitionArnConsoleUrl,
  taskDefinitionConsoleUrl,
} from '../../lib/model/console-urls.js';

const prod = { region: 'eu-west-1', cluster: 'prod' };
const base = 'https://eu-west-1.console.aws.amazon.com/ecs/v2';

describe('console URLs', () => {
  it('link a cluster to its services list', () => {
    assert.equal(clusterConsoleUrl(prod), `${base}/clusters/prod/services?region=eu-west-1`);
  });

  it('link a service to its health page', () => {
    assert.equal(serviceConsoleUrl(prod, 'web'), `${base}/clusters/prod/services/web/health?region=eu-west-1`);
  });

  it('link a task to its configuration, from its id or its ARN', () => {
    const id = '0a1b2c3d4e5f64718293a4b5c6d7e8f9';
    const expected = `${base}/clusters/prod/tasks/${id}/configuration?region=eu-west-1`;
    assert.equal(taskConsoleUrl(prod, id), expected);
    assert.equal(taskConsoleUrl(prod, `arn:aws:ecs:eu-west-1:123456789012:task/prod/${id}`), expected);
  });

  it('link a container inside its task', () => {
    assert.equal(
      containerConsoleUrl(prod, 'arn:aws:ecs:eu-west-1:123456789012:task/prod/abc123', 'nginx'),
      `${base}/clusters/prod/tasks/abc123/configuration/containers/nginx?region=eu-west-1`,
    );
  });

  it('link a task definition revision, from family and revision or from its ARN', () => {
    const expected = `${base}/task-definitions/web/42/containers?region=eu-west-1`;
    assert.equal(taskDefinitionConsoleUrl('eu-west-1', 'web', 42), expected);
    assert.equal(taskDefinitionArnConsoleUrl('eu-west-1', 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:42'), expected);
    assert.equal(taskDefinitionArnConsoleUrl('eu-west-1', 'web:42'), expected);
  });

  it('link a task definition without a revision to its family page', () => {
    assert.equal(taskDefinitionConsoleUrl('eu-west-1', 'web', undefined), `${base}/task-definitions/web?region=eu-west-1`);
    assert.equal(taskDefinitionArnConsoleUrl('eu-west-1', 'web'), `${base}/task-definitions/web?region=eu-west-1`);
  });

  it('accept a cluster ARN where a cluster name is expected', () => {
    assert.equal(
      clusterConsoleUrl({ region: 'eu-west-1', cluster: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod' }),
      `${base}/clusters/prod/services?region=eu-west-1`,
    );
  });

  it('use the console host of the region’s partition', () => {
    assert.equal(partitionOfRegion('us-east-1'), 'aws');
    assert.equal(partitionOfRegion('cn-north-1'), 'aws-cn');
    assert.equal(partitionOfRegion('us-gov-west-1'), 'aws-us-gov');
    assert.equal(consoleOrigin('us-east-1'), 'https://us-east-1.console.aws.amazon.com');
    assert.equal(
      clusterConsoleUrl({ region: 'cn-northwest-1', cluster: 'prod' }),
      'https://cn-northwest-1.console.amazonaws.cn/ecs/v2/clusters/prod/services?region=cn-northwest-1',
    );
    assert.equal(
      serviceConsoleUrl({ region: 'us-gov-west-1', cluster: 'prod' }, 'web'),
      'https://us-gov-west-1.console.amazonaws-us-gov.com/ecs/v2/clusters/prod/services/web/health?region=us-gov-west-1',
    );
  });

  it('encode names that are not URL-safe, one path segment each', () => {
    assert.equal(
      serviceConsoleUrl({ region: 'eu-west-1', cluster: 'a b' }, 'x/y?z#w&v'),
      `${base}/clusters/a%20b/services/x%2Fy%3Fz%23w%26v/health?region=eu-west-1`,
    );
    assert.equal(
      containerConsoleUrl(prod, 'abc', 'ünïcode%'),
      `${base}/clusters/prod/tasks/abc/configuration/containers/%C3%BCn%C3%AFcode%25?region=eu-west-1`,
    );
  });
});
