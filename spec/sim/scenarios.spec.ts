import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeClustersCommand, DescribeServicesCommand, DescribeTasksCommand, ListClustersCommand, ListServicesCommand, ListTasksCommand } from '@aws-sdk/client-ecs';
import { parseScenario, ScenarioError, startSimulator, type SimulatorOptions } from '../../lib/sim/index.js';
import { clientsFor, T0 } from './sim-clients.js';

describe('parseScenario', () => {
  it('reads the demo and sized scenarios', () => {
    assert.equal(parseScenario('demo'), 'demo');
    assert.deepEqual(parseScenario('services=1000,tasksPerService=5'), { services: 1000, tasksPerService: 5 });
    assert.deepEqual(parseScenario('services=10, containersPerTask=3, insights=enhanced'), { services: 10, containersPerTask: 3, insights: 'enhanced' });
  });

  it('refuses unknown keys, bad values and sizes beyond 5,000 services or 25,000 tasks', () => {
    assert.throws(() => parseScenario('big'), ScenarioError);
    assert.throws(() => parseScenario('services=10,color=red'), ScenarioError);
    assert.throws(() => parseScenario('services=ten'), /not a whole number/);
    assert.throws(() => parseScenario('services=5001'), /0 to 5000/);
    assert.throws(() => parseScenario('services=5000,tasksPerService=6'), /at most 25000 tasks/);
    assert.throws(() => parseScenario('services=5,containersPerTask=0'), /from 1 to 10/);
    assert.throws(() => parseScenario('services=5,insights=full'), /disabled, enabled, enhanced/);
  });
});

describe('sized scenarios', () => {
  it('serves 5,000 services and 25,000 tasks, paging like ECS', async () => {
    const sim = await startSimulator({ now: () => T0, scenario: 'services=5000,tasksPerService=5,containersPerTask=2' });
    const { ecs } = clientsFor(sim);
    try {
      const cluster = (await ecs.send(new DescribeClustersCommand({ clusters: [sim.clusterName], include: ['SETTINGS'] }))).clusters?.[0];
      assert.equal(cluster?.activeServicesCount, 5000);
      assert.equal(cluster?.runningTasksCount, 25000);
      assert.deepEqual(cluster?.settings, [{ name: 'containerInsights', value: 'enabled' }]);
      const names = new Set<string>();
      let nextToken: string | undefined;
      do {
        const page = await ecs.send(new ListServicesCommand({ cluster: sim.clusterName, maxResults: 100, nextToken }));
        for (const arn of page.serviceArns ?? []) names.add(arn);
        nextToken = page.nextToken;
      } while (nextToken);
      assert.equal(names.size, 5000);
      const firstTasks = await ecs.send(new ListTasksCommand({ cluster: sim.clusterName }));
      assert.equal(firstTasks.taskArns?.length, 100);
      assert.ok(firstTasks.nextToken);
      const described = await ecs.send(new DescribeTasksCommand({ cluster: sim.clusterName, tasks: firstTasks.taskArns }));
      assert.equal(described.tasks?.length, 100);
      assert.ok(described.tasks?.every((t) => t.containers?.length === 2 && t.lastStatus === 'RUNNING'));
    } finally {
      ecs.destroy();
      await sim.close();
    }
  });

  it('adds extra clusters for a cluster picker', async () => {
    const sim = await startSimulator({ now: () => T0, scenario: { services: 3 }, clusterName: 'prod', extraClusters: ['staging', 'dev'] });
    const { ecs } = clientsFor(sim);
    try {
      const arns = (await ecs.send(new ListClustersCommand({}))).clusterArns ?? [];
      assert.deepEqual(arns.map((a) => a.split('/').pop()), ['prod', 'staging', 'dev']);
      assert.ok(((await ecs.send(new ListServicesCommand({ cluster: 'staging' }))).serviceArns?.length ?? 0) > 0);
    } finally {
      ecs.destroy();
      await sim.close();
    }
  });

  it('refuses a scenario beyond the limits', async () => {
    await assert.rejects(startSimulator({ scenario: { services: 6000 } }), ScenarioError);
  });
});

describe('determinism', () => {
  async function picture(options: SimulatorOptions): Promise<string> {
    const sim = await startSimulator({ now: () => T0, tickIntervalMs: 0, ...options });
    const { ecs, cw } = clientsFor(sim);
    try {
      const arns = (await ecs.send(new ListServicesCommand({ cluster: 'demo', maxResults: 100 }))).serviceArns ?? [];
      const services = (await ecs.send(new DescribeServicesCommand({ cluster: 'demo', services: arns.slice(0, 10) }))).services;
      const taskArns = (await ecs.send(new ListTasksCommand({ cluster: 'demo' }))).taskArns ?? [];
      const tasks = (await ecs.send(new DescribeTasksCommand({ cluster: 'demo', tasks: taskArns }))).tasks;
      const metrics = await cw.send(new GetMetricDataCommand({
        StartTime: new Date(T0 - 3_600_000),
        EndTime: new Date(T0),
        MetricDataQueries: [{ Id: 'm', MetricStat: { Metric: { Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'ClusterName', Value: 'demo' }, { Name: 'ServiceName', Value: 'orders' }] }, Period: 60, Stat: 'Average' } }],
      }));
      return JSON.stringify({ services, tasks, values: metrics.MetricDataResults?.[0]?.Values });
    } finally {
      ecs.destroy();
      cw.destroy();
      await sim.close();
    }
  }

  it('builds the same world and metrics from the same seed and clock, and a different one from another seed', async () => {
    const a = await picture({ seed: 42 });
    const b = await picture({ seed: 42 });
    const c = await picture({ seed: 43 });
    assert.equal(a, b);
    assert.notEqual(a, c);
  });
});
