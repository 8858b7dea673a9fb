import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseTaskDefinitionArn, serviceNameFromGroup, shortTaskId, taskIdFromArn } from '../../lib/model/arn.js';

describe('task ids', () => {
  it('takes the id from a new-format task ARN (with the cluster name)', () => {
    assert.equal(taskIdFromArn('arn:aws:ecs:eu-west-1:123456789012:task/prod/9f3c2a1b0d8e4f5a'), '9f3c2a1b0d8e4f5a');
  });

  it('takes the id from an old-format task ARN (without the cluster name)', () => {
    assert.equal(taskIdFromArn('arn:aws:ecs:us-east-1:123456789012:task/1a2b3c4d-5e6f'), '1a2b3c4d-5e6f');
  });

  it('returns a bare id unchanged', () => {
    assert.equal(taskIdFromArn('9f3c2a1b'), '9f3c2a1b');
  });

  it('shortens an id to its first 6 characters', () => {
    assert.equal(shortTaskId('9f3c2a1b0d8e4f5a'), '9f3c2a');
    assert.equal(shortTaskId('abc'), 'abc');
  });
});

describe('parseTaskDefinitionArn', () => {
  it('reads family and revision', () => {
    assert.deepEqual(parseTaskDefinitionArn('arn:aws:ecs:eu-west-1:123456789012:task-definition/web-api:42'), {
      family: 'web-api',
      revision: 42,
    });
  });

  it('reads a family:revision string', () => {
    assert.deepEqual(parseTaskDefinitionArn('worker:3'), { family: 'worker', revision: 3 });
  });

  it('leaves the revision undefined when there is none', () => {
    assert.deepEqual(parseTaskDefinitionArn('arn:aws:ecs:eu-west-1:123456789012:task-definition/web'), {
      family: 'web',
      revision: undefined,
    });
  });
});

describe('serviceNameFromGroup', () => {
  it('names the service of a service task', () => {
    assert.equal(serviceNameFromGroup('service:checkout'), 'checkout');
  });

  it('is undefined for standalone and missing groups', () => {
    assert.equal(serviceNameFromGroup('family:batch'), undefined);
    assert.equal(serviceNameFromGroup(undefined), undefined);
  });
});
