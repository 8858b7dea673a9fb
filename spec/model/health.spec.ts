import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deriveServiceHealth, hasHealthCheck, isDeploymentInProgress } from '../../lib/model/health.js';
import type { ServiceHealthInput } from '../../lib/model/health.js';
import type { Container } from '../../lib/model/types.js';
import { container, deployment, task } from './builders.js';

function input(overrides: Partial<ServiceHealthInput> = {}): ServiceHealthInput {
  return {
    desiredCount: 2,
    runningCount: 2,
    deployments: [deployment()],
    tasks: [task(), task({ id: 'b' })],
    ...overrides,
  };
}

/** The container as seen when its task definition is not known. */
function withoutDefinition(c: Container): Container {
  const copy: { hasHealthCheck?: boolean } & Omit<Container, 'hasHealthCheck'> = { ...c };
  delete copy.hasHealthCheck;
  return copy;
}

const unhealthyTask = task({ containers: [container({ healthStatus: 'UNHEALTHY' })] });

describe('deriveServiceHealth', () => {
  it('is HEALTHY when every checked container is HEALTHY and running equals desired', () => {
    assert.equal(deriveServiceHealth(input()), 'HEALTHY');
  });

  it('is UNHEALTHY when the primary rollout FAILED, even with healthy containers', () => {
    assert.equal(deriveServiceHealth(input({ deployments: [deployment({ rolloutState: 'FAILED' })] })), 'UNHEALTHY');
  });

  it('ignores a FAILED rollout of an INACTIVE deployment', () => {
    const deployments = [deployment(), deployment({ id: 'old', status: 'INACTIVE', rolloutState: 'FAILED' })];
    assert.equal(deriveServiceHealth(input({ deployments })), 'HEALTHY');
  });

  it('is UNHEALTHY when tasks are wanted and none runs', () => {
    assert.equal(deriveServiceHealth(input({ runningCount: 0, tasks: [] })), 'UNHEALTHY');
  });

  it('is UNHEALTHY when every checked container is UNHEALTHY', () => {
    assert.equal(deriveServiceHealth(input({ tasks: [unhealthyTask, unhealthyTask] })), 'UNHEALTHY');
  });

  it('is WARNING when only some checked containers are UNHEALTHY', () => {
    assert.equal(deriveServiceHealth(input({ tasks: [task(), unhealthyTask] })), 'WARNING');
  });

  it('is WARNING when running differs from desired', () => {
    assert.equal(deriveServiceHealth(input({ desiredCount: 3 })), 'WARNING');
  });

  it('is WARNING while a deployment is in progress', () => {
    const deployments = [deployment({ rolloutState: 'IN_PROGRESS' })];
    assert.equal(deriveServiceHealth(input({ deployments })), 'WARNING');
  });

  it('is WARNING while two deployments are live (rolling from one revision to the next)', () => {
    const deployments = [deployment(), deployment({ id: 'old', status: 'ACTIVE' })];
    assert.equal(deriveServiceHealth(input({ deployments })), 'WARNING');
  });

  it('is UNKNOWN when no container has a health check', () => {
    const plain = task({ containers: [container({ hasHealthCheck: false, healthStatus: 'UNKNOWN' })] });
    assert.equal(deriveServiceHealth(input({ tasks: [plain, plain] })), 'UNKNOWN');
  });

  it('is not UNHEALTHY for a service scaled to 0 with no tasks', () => {
    assert.equal(deriveServiceHealth(input({ desiredCount: 0, runningCount: 0, tasks: [] })), 'UNKNOWN');
  });

  it('is UNKNOWN for a service scaled to 0 whose only task left is STOPPED, even during a rollout', () => {
    const stopped = task({ lastStatus: 'STOPPED', containers: [container({ healthStatus: 'UNHEALTHY' })] });
    const deployments = [deployment({ rolloutState: 'IN_PROGRESS' })];
    assert.equal(deriveServiceHealth(input({ desiredCount: 0, runningCount: 0, deployments, tasks: [] })), 'UNKNOWN');
    assert.equal(deriveServiceHealth(input({ desiredCount: 0, runningCount: 0, deployments, tasks: [stopped] })), 'UNKNOWN');
  });

  it('is WARNING when a checked container has not reported yet', () => {
    const starting = task({ containers: [container({ healthStatus: 'UNKNOWN' })] });
    assert.equal(deriveServiceHealth(input({ tasks: [task(), starting] })), 'WARNING');
  });

  it('counts containers with no task definition known as checked only when ECS reports a status', () => {
    const reported = task({ containers: [withoutDefinition(container({ healthStatus: 'UNHEALTHY' }))] });
    assert.equal(deriveServiceHealth(input({ tasks: [reported, reported] })), 'UNHEALTHY');
  });

  it('ignores containers of STOPPED tasks', () => {
    const stopped = task({ lastStatus: 'STOPPED', containers: [container({ healthStatus: 'UNHEALTHY' })] });
    assert.equal(deriveServiceHealth(input({ tasks: [task(), task(), stopped] })), 'HEALTHY');
  });

  it('puts UNHEALTHY before WARNING when all checked containers fail during a rollout', () => {
    const deployments = [deployment({ rolloutState: 'IN_PROGRESS' })];
    assert.equal(deriveServiceHealth(input({ deployments, tasks: [unhealthyTask] })), 'UNHEALTHY');
  });
});

describe('hasHealthCheck', () => {
  it('trusts the task definition when known', () => {
    assert.equal(hasHealthCheck(container({ hasHealthCheck: false, healthStatus: 'HEALTHY' })), false);
    assert.equal(hasHealthCheck(container({ hasHealthCheck: true, healthStatus: 'UNKNOWN' })), true);
  });

  it('falls back to the reported status when the definition is unknown', () => {
    assert.equal(hasHealthCheck(withoutDefinition(container({ healthStatus: 'UNKNOWN' }))), false);
    assert.equal(hasHealthCheck(withoutDefinition(container({ healthStatus: 'HEALTHY' }))), true);
  });
});

describe('isDeploymentInProgress', () => {
  it('is false for one completed deployment', () => {
    assert.equal(isDeploymentInProgress([deployment()]), false);
  });
  it('is true for an IN_PROGRESS rollout', () => {
    assert.equal(isDeploymentInProgress([deployment({ rolloutState: 'IN_PROGRESS' })]), true);
  });
});
