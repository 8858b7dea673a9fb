// The relist decision, case by case: what a later refresh lists again from ECS's counts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { planRelist } from '../../lib/aws/relist-plan.js';
import type { RelistInput } from '../../lib/aws/relist-plan.js';
import type { Task } from '../../lib/model/types.js';

let seq = 0;
function task(group: string | undefined, lastStatus = 'RUNNING', desiredStatus = 'RUNNING'): Task {
  seq++;
  const id = `t${String(seq).padStart(8, '0')}`;
  return {
    arn: `arn:aws:ecs:us-east-1:123456789012:task/c/${id}`,
    id,
    shortId: id.slice(0, 6),
    ...(group === undefined ? {} : { group }),
    lastStatus,
    desiredStatus,
    healthStatus: 'UNKNOWN',
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/f:1',
    containers: [],
  };
}

/** 250 tasks of a big service: with them the whole cluster takes 3 listing pages, a small service 1. */
const big = Array.from({ length: 250 }, () => task('service:big'));

/**
 * Services api and web of 2 running tasks each, big of 250, and one standalone task, all known and
 * matching ECS's counts. `known` given replaces the small services' and the standalone task.
 */
function steady(overrides: Partial<RelistInput> = {}): RelistInput {
  const { known, services, ...rest } = overrides;
  return {
    clusterRunning: 255,
    clusterPending: 0,
    previousServices: new Set(['api', 'web', 'big']),
    ...rest,
    services: [...(services ?? [
      { name: 'api', runningCount: 2, pendingCount: 0 },
      { name: 'web', runningCount: 2, pendingCount: 0 },
    ]), { name: 'big', runningCount: 250, pendingCount: 0 }],
    known: [...(known ?? [task('service:api'), task('service:api'), task('service:web'), task('service:web'), task('family:job')]), ...big],
  };
}

describe('planRelist', () => {
  it('lists nothing when every count matches the known tasks', () => {
    assert.deepEqual(planRelist(steady()), { wholeCluster: false, services: [] });
  });

  it('lists the one service whose running + pending count differs', () => {
    const input = steady({
      clusterPending: 1,
      services: [
        { name: 'api', runningCount: 2, pendingCount: 1 },
        { name: 'web', runningCount: 2, pendingCount: 0 },
      ],
    });
    assert.deepEqual(planRelist(input), { wholeCluster: false, services: ['api'] });
  });

  it('lists a service that was not there in the previous refresh', () => {
    const input = steady({ previousServices: new Set(['web', 'big']) });
    assert.deepEqual(planRelist(input), { wholeCluster: false, services: ['api'] });
  });

  it('does not count a known task that ECS is stopping', () => {
    const input = steady({
      known: [task('service:api'), task('service:api', 'RUNNING', 'STOPPED'), task('service:web'), task('service:web'), task('family:job')],
    });
    assert.deepEqual(planRelist(input), { wholeCluster: false, services: ['api'] });
  });

  it('lists the whole cluster when the tasks outside services do not add up', () => {
    assert.deepEqual(planRelist(steady({ clusterRunning: 256 })), { wholeCluster: true });
    assert.deepEqual(planRelist(steady({ clusterRunning: 254 })), { wholeCluster: true });
  });

  it('lists the whole cluster when ECS leaves the cluster counts out', () => {
    assert.deepEqual(planRelist(steady({ clusterRunning: undefined })), { wholeCluster: true });
  });

  it('lists the whole cluster when listing the changed services would take as many pages', () => {
    // 255 tasks: the whole cluster is 3 pages; api, web and big listed one by one would be 1 + 1 + 3.
    assert.deepEqual(planRelist(steady({ previousServices: new Set() })), { wholeCluster: true });
    // api and web alone are 2 pages, still fewer than 3.
    assert.deepEqual(planRelist(steady({ previousServices: new Set(['big']) })), { wholeCluster: false, services: ['api', 'web'] });
  });

  it('counts pending and provisioning tasks as ECS does', () => {
    const input = steady({
      clusterRunning: 254,
      clusterPending: 1,
      services: [
        { name: 'api', runningCount: 1, pendingCount: 1 },
        { name: 'web', runningCount: 2, pendingCount: 0 },
      ],
      known: [task('service:api'), task('service:api', 'PROVISIONING'), task('service:web'), task('service:web'), task('family:job')],
    });
    assert.deepEqual(planRelist(input), { wholeCluster: false, services: [] });
  });
});
