import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListClustersCommand,
  ListContainerInstancesCommand,
  ListServicesCommand,
  ListTasksCommand,
  type ECSClient,
  type Service,
} from '@aws-sdk/client-ecs';
import { startSimulator, type Simulator } from '../../lib/sim/index.js';
import { clientsFor, rejection, TestClock } from './sim-clients.js';

describe('simulated ECS, demo scenario, through the real SDK', () => {
  let sim: Simulator;
  let ecs: ECSClient;
  let services: Service[];

  before(async () => {
    sim = await startSimulator({ now: new TestClock().now, tickIntervalMs: 0, extraClusters: ['staging', 'tools'] });
    ecs = clientsFor(sim).ecs;
    const arns = (await ecs.send(new ListServicesCommand({ cluster: 'demo', maxResults: 100 }))).serviceArns ?? [];
    services = [];
    for (let i = 0; i < arns.length; i += 10) {
      services.push(...((await ecs.send(new DescribeServicesCommand({ cluster: 'demo', services: arns.slice(i, i + 10) }))).services ?? []));
    }
  });
  after(async () => {
    ecs.destroy();
    await sim.close();
  });

  const service = (name: string): Service => {
    const found = services.find((s) => s.serviceName === name);
    assert.ok(found, `service ${name} exists`);
    return found;
  };

  it('lists the demo cluster and the extra clusters', async () => {
    const out = await ecs.send(new ListClustersCommand({}));
    assert.deepEqual(out.clusterArns?.map((a) => a.split('/').pop()), ['demo', 'staging', 'tools']);
  });

  it('describes clusters with Insights settings and statistics, and reports unknown ones as MISSING', async () => {
    const out = await ecs.send(new DescribeClustersCommand({ clusters: ['demo', 'gone'], include: ['SETTINGS', 'STATISTICS'] }));
    const demo = out.clusters?.[0];
    assert.equal(demo?.clusterName, 'demo');
    assert.deepEqual(demo?.settings, [{ name: 'containerInsights', value: 'enhanced' }]);
    assert.equal(demo?.activeServicesCount, 12);
    assert.ok(demo?.statistics?.some((s) => s.name === 'runningFargateTasksCount'));
    assert.deepEqual(out.failures, [{ arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/gone', reason: 'MISSING' }]);
    const plain = await ecs.send(new DescribeClustersCommand({ clusters: ['staging'] }));
    assert.equal(plain.clusters?.[0]?.settings, undefined, 'settings only when included');
  });

  it('pages ListServices by 10 unless asked for up to 100', async () => {
    const first = await ecs.send(new ListServicesCommand({ cluster: 'demo' }));
    assert.equal(first.serviceArns?.length, 10);
    assert.ok(first.nextToken);
    const second = await ecs.send(new ListServicesCommand({ cluster: 'demo', nextToken: first.nextToken }));
    assert.equal(second.serviceArns?.length, 2);
    assert.equal(second.nextToken, undefined);
    assert.equal(services.length, 12);
  });

  it('accepts the cluster by ARN and rejects an unknown cluster with ClusterNotFoundException', async () => {
    const byArn = await ecs.send(new ListServicesCommand({ cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo', maxResults: 100 }));
    assert.equal(byArn.serviceArns?.length, 12);
    const error = await rejection(ecs.send(new ListTasksCommand({ cluster: 'nope' })));
    assert.equal(error.name, 'ClusterNotFoundException');
    assert.equal(error.message, 'Cluster not found.');
  });

  it('shows a rolling deployment as PRIMARY in progress plus the ACTIVE one it replaces', () => {
    const deployments = service('api-gateway').deployments ?? [];
    assert.deepEqual(deployments.map((d) => [d.status, d.rolloutState]), [['PRIMARY', 'IN_PROGRESS'], ['ACTIVE', 'COMPLETED']]);
    assert.ok(deployments[0]?.createdAt instanceof Date);
  });

  it('shows a failed deployment with failed tasks, a service scaled to 0 and one with pending tasks', () => {
    const failed = service('payments').deployments?.[0];
    assert.equal(failed?.rolloutState, 'FAILED');
    assert.ok((failed?.failedTasks ?? 0) > 0);
    assert.match(failed?.rolloutStateReason ?? '', /circuit breaker/);
    assert.equal(service('batch-worker').desiredCount, 0);
    assert.equal(service('batch-worker').runningCount, 0);
    assert.ok((service('reports').pendingCount ?? 0) > 0);
  });

  it('returns events newest first, at most 100', () => {
    for (const s of services) {
      const times = (s.events ?? []).map((e) => e.createdAt?.getTime() ?? 0);
      assert.ok(times.length <= 100);
      assert.deepEqual(times, [...times].sort((a, b) => b - a), `${s.serviceName} events newest first`);
    }
    assert.match(service('payments').events?.[0]?.message ?? '', /^\(service payments\) /);
  });

  it('rejects DescribeServices with 11 names using ECS wording, and reports unknown services as MISSING', async () => {
    const error = await rejection(ecs.send(new DescribeServicesCommand({ cluster: 'demo', services: Array.from({ length: 11 }, (_, i) => `s${i}`) })));
    assert.equal(error.name, 'InvalidParameterException');
    assert.equal(error.message, 'service names can have at most 10 items.');
    const out = await ecs.send(new DescribeServicesCommand({ cluster: 'demo', services: ['web-frontend', 'ghost'] }));
    assert.equal(out.services?.length, 1);
    assert.deepEqual(out.failures, [{ arn: 'arn:aws:ecs:us-east-1:123456789012:service/demo/ghost', reason: 'MISSING' }]);
  });

  it('lists tasks cluster-wide or per service, running by default and stopped on request', async () => {
    const all = (await ecs.send(new ListTasksCommand({ cluster: 'demo' }))).taskArns ?? [];
    const search = (await ecs.send(new ListTasksCommand({ cluster: 'demo', serviceName: 'search' }))).taskArns ?? [];
    assert.equal(search.length, 3);
    assert.ok(all.length > search.length && search.every((a) => all.includes(a)));
    const stopped = (await ecs.send(new ListTasksCommand({ cluster: 'demo', serviceName: 'payments', desiredStatus: 'STOPPED' }))).taskArns ?? [];
    const described = (await ecs.send(new DescribeTasksCommand({ cluster: 'demo', tasks: stopped }))).tasks ?? [];
    assert.ok(described.length >= 3);
    assert.ok(described.every((t) => t.lastStatus === 'STOPPED' && t.stoppedAt instanceof Date));
    assert.deepEqual(new Set(described.map((t) => t.stopCode)), new Set(['TaskFailedToStart', 'EssentialContainerExited']));
    assert.ok(described.some((t) => t.containers?.some((c) => c.exitCode === 1)));
  });

  it('describes tasks with their service group, deployment, size and container health', async () => {
    const arns = (await ecs.send(new ListTasksCommand({ cluster: 'demo', serviceName: 'search' }))).taskArns ?? [];
    const tasks = (await ecs.send(new DescribeTasksCommand({ cluster: 'demo', tasks: arns }))).tasks ?? [];
    const primary = service('search').deployments?.[0]?.id;
    for (const t of tasks) {
      assert.equal(t.group, 'service:search');
      assert.equal(t.startedBy, primary);
      assert.equal(t.cpu, '2048');
      assert.equal(t.memory, '4096');
      assert.deepEqual(t.containers?.map((c) => c.name).sort(), ['app', 'envoy', 'log-router']);
      assert.ok(t.containers?.every((c) => c.runtimeId));
    }
    assert.ok(tasks.some((t) => t.healthStatus === 'UNHEALTHY' && t.containers?.some((c) => c.healthStatus === 'UNHEALTHY')));
    const logRouter = tasks[0]?.containers?.find((c) => c.name === 'log-router');
    assert.equal(logRouter?.healthStatus, 'UNKNOWN', 'no health check, UNKNOWN');
  });

  it('rejects DescribeTasks with 101 tasks and reports unknown tasks as MISSING', async () => {
    const error = await rejection(ecs.send(new DescribeTasksCommand({ cluster: 'demo', tasks: Array.from({ length: 101 }, (_, i) => `t${i}`) })));
    assert.equal(error.name, 'InvalidParameterException');
    assert.equal(error.message, 'Tasks can have at most 100 items.');
    const out = await ecs.send(new DescribeTasksCommand({ cluster: 'demo', tasks: ['0123'] }));
    assert.deepEqual(out.failures, [{ arn: 'arn:aws:ecs:us-east-1:123456789012:task/demo/0123', reason: 'MISSING' }]);
  });

  it('describes a task definition by family or ARN with container limits and health checks', async () => {
    const latest = (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'web-frontend' }))).taskDefinition;
    assert.equal(latest?.cpu, '1024');
    const app = latest?.containerDefinitions?.find((c) => c.name === 'app');
    assert.equal(app?.cpu, 512);
    assert.equal(app?.memory, 1024);
    assert.deepEqual(app?.healthCheck?.command?.[0], 'CMD-SHELL');
    const envoy = latest?.containerDefinitions?.find((c) => c.name === 'envoy');
    assert.equal(envoy?.memoryReservation, 128);
    const byArn = (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: latest?.taskDefinitionArn }))).taskDefinition;
    assert.equal(byArn?.revision, latest?.revision);
    const error = await rejection(ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'nope:1' })));
    assert.equal(error.name, 'ClientException');
  });

  it('answers an operation it does not implement the way AWS answers an unknown one', async () => {
    const error = await rejection(ecs.send(new ListContainerInstancesCommand({ cluster: 'demo' })));
    assert.equal(error.name, 'UnknownOperationException');
    assert.equal(error.$metadata?.httpStatusCode, 400);
  });
});
