import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  DescribeClustersResponse,
  DescribeServicesResponse,
  DescribeTaskDefinitionResponse,
  DescribeTasksResponse,
} from '@aws-sdk/client-ecs';
import { parseCluster, parseService, parseTask, parseTaskDefinition } from '../../lib/aws/parse-ecs.js';
import { readAwsFixture } from './fixtures.js';

const tasks = readAwsFixture<DescribeTasksResponse>('describe-tasks').tasks ?? [];
const definitionResponse = readAwsFixture<DescribeTaskDefinitionResponse>('describe-task-definition');
const definition = parseTaskDefinition(definitionResponse.taskDefinition ?? {}, 'web:42');
const [running, stopped] = [tasks[0] ?? {}, tasks[1] ?? {}];

describe('parseCluster', () => {
  it('reads the Container Insights mode and the counts', () => {
    const sdk = readAwsFixture<DescribeClustersResponse>('describe-clusters').clusters?.[0] ?? {};
    assert.deepEqual(parseCluster(sdk, 'eu-west-1'), {
      name: 'prod',
      arn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod',
      region: 'eu-west-1',
      status: 'ACTIVE',
      containerInsights: 'enhanced',
      activeServicesCount: 1,
      runningTasksCount: 2,
      pendingTasksCount: 1,
      registeredContainerInstancesCount: 0,
    });
  });

  it('treats a missing containerInsights setting as disabled', () => {
    assert.equal(parseCluster({ clusterName: 'x', settings: [] }, 'us-east-1').containerInsights, 'disabled');
  });
});

describe('parseTaskDefinition', () => {
  it('keeps sizes and whether each container has a health check', () => {
    assert.deepEqual(definition, {
      arn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:42',
      family: 'web',
      revision: 42,
      cpu: 1024,
      memory: 2048,
      containers: [
        {
          name: 'app',
          cpu: 768,
          memory: 1536,
          hasHealthCheck: true,
          image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2',
        },
        {
          name: 'log-router',
          memoryReservation: 50,
          hasHealthCheck: false,
          image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
        },
      ],
    });
  });
});

describe('parseTask', () => {
  const task = parseTask(running, definition);

  it('derives ids, revision and times', () => {
    assert.equal(task.id, '4f1e2d3c4b5a69788796a5b4c3d2e1f0');
    assert.equal(task.shortId, '4f1e2d');
    assert.equal(task.revision, 42);
    assert.equal(task.group, 'service:web');
    assert.equal(task.startedBy, 'ecs-svc/8832011930123');
    assert.equal(task.startedAt, 1764849660500);
    assert.equal(task.cpu, 1024);
    assert.equal(task.memory, 2048);
  });

  it('takes container limits from the task definition, falling back to the task size', () => {
    const [app, router] = task.containers;
    assert.deepEqual([app?.cpuLimit, app?.memoryLimit], [768, 1536]);
    // cpu 0 means "no reservation": the task size is the ceiling.
    assert.deepEqual([router?.cpuLimit, router?.memoryLimit], [1024, 50]);
  });

  it('marks which containers have a health check', () => {
    assert.deepEqual(
      task.containers.map((c) => [c.name, c.healthStatus, c.hasHealthCheck]),
      [
        ['app', 'HEALTHY', true],
        ['log-router', 'UNKNOWN', false],
      ],
    );
  });

  it('uses the sizes ECS copied into the task when the definition is not known', () => {
    const [app] = parseTask(running, undefined).containers;
    assert.deepEqual([app?.cpuLimit, app?.memoryLimit, app?.hasHealthCheck], [768, 1536, undefined]);
  });

  it('keeps why a task stopped', () => {
    const t = parseTask(stopped, undefined);
    assert.equal(t.stopCode, 'EssentialContainerExited');
    assert.equal(t.stoppedReason, 'Essential container in task exited');
    assert.equal(t.stoppedAt, 1764849030000);
    assert.equal(t.containers[0]?.exitCode, 137);
    assert.match(t.containers[0]?.reason ?? '', /OutOfMemoryError/);
  });
});

describe('parseService', () => {
  const sdk = readAwsFixture<DescribeServicesResponse>('describe-services').services?.[0] ?? {};
  const service = parseService(sdk, [parseTask(running, definition)], [parseTask(stopped, undefined)]);

  it('keeps counts, deployments and events in AWS order', () => {
    assert.deepEqual([service.name, service.desiredCount, service.runningCount, service.pendingCount], ['web', 3, 2, 1]);
    assert.deepEqual(service.deployments.map((d) => [d.status, d.rolloutState, d.failedTasks]), [
      ['PRIMARY', 'IN_PROGRESS', 1],
      ['ACTIVE', 'COMPLETED', 0],
    ]);
    assert.deepEqual(service.events.map((e) => e.id), ['e2', 'e1']);
    assert.equal(service.events[0]?.createdAt, 1764849700000);
  });

  it('derives health (a rollout in progress is a warning)', () => {
    assert.equal(service.health, 'WARNING');
  });

  it('attaches running and stopped tasks', () => {
    assert.equal(service.tasks.length, 1);
    assert.equal(service.stoppedTasks[0]?.stopCode, 'EssentialContainerExited');
  });
});
