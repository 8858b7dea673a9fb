import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeServicesCommand, DescribeTasksCommand, ListTasksCommand, type ECSClient, type Service } from '@aws-sdk/client-ecs';
import { startSimulator } from '../../lib/sim/index.js';
import { clientsFor, TestClock } from './sim-clients.js';

async function describeService(ecs: ECSClient, name: string): Promise<Service> {
  const service = (await ecs.send(new DescribeServicesCommand({ cluster: 'demo', services: [name] }))).services?.[0];
  assert.ok(service);
  return service;
}

describe('living data', () => {
  it('finishes the rolling deployment over a few ticks and says so in the events', async () => {
    const clock = new TestClock();
    const sim = await startSimulator({ now: clock.now, tickIntervalMs: 0 });
    const { ecs } = clientsFor(sim);
    try {
      for (let i = 0; i < 8; i++) {
        clock.advance(10_000);
        sim.tick();
      }
      const service = await describeService(ecs, 'api-gateway');
      assert.deepEqual(service.deployments?.map((d) => [d.status, d.rolloutState]), [['PRIMARY', 'COMPLETED']]);
      assert.equal(service.runningCount, 4);
      assert.ok(service.events?.some((e) => /deployment ecs-svc\/\d+ deployment completed\./.test(e.message ?? '')));
      const times = service.events?.map((e) => e.createdAt?.getTime() ?? 0) ?? [];
      assert.deepEqual(times, [...times].sort((a, b) => b - a));
    } finally {
      ecs.destroy();
      await sim.close();
    }
  });

  it('keeps failing the failed deployment, with stopped tasks listed for about an hour', async () => {
    const clock = new TestClock();
    const sim = await startSimulator({ now: clock.now, tickIntervalMs: 0 });
    const { ecs } = clientsFor(sim);
    const stopped = async (): Promise<string[]> => (await ecs.send(new ListTasksCommand({ cluster: 'demo', desiredStatus: 'STOPPED' }))).taskArns ?? [];
    try {
      const before = (await describeService(ecs, 'payments')).deployments?.[0]?.failedTasks ?? 0;
      const stoppedBefore = await stopped();
      for (let i = 0; i < 60; i++) {
        clock.advance(10_000);
        sim.tick();
      }
      assert.ok(((await describeService(ecs, 'payments')).deployments?.[0]?.failedTasks ?? 0) > before);
      const stoppedAfter = await stopped();
      assert.ok(stoppedBefore.every((arn) => stoppedAfter.includes(arn)), 'recent stopped tasks still listed');
      const described = (await ecs.send(new DescribeTasksCommand({ cluster: 'demo', tasks: stoppedAfter.slice(-5) }))).tasks ?? [];
      assert.ok(described.every((t) => t.stopCode && t.stoppedReason));
      clock.advance(61 * 60_000);
      sim.tick();
      const later = await stopped();
      assert.ok(stoppedBefore.every((arn) => !later.includes(arn)), 'tasks stopped over an hour ago are forgotten');
    } finally {
      ecs.destroy();
      await sim.close();
    }
  });

  it('moves the newest datapoint with the clock', async () => {
    const clock = new TestClock();
    const sim = await startSimulator({ now: clock.now, tickIntervalMs: 0 });
    const { cw } = clientsFor(sim);
    const newest = async (): Promise<number | undefined> => {
      const out = await cw.send(new GetMetricDataCommand({
        StartTime: new Date(clock.ms - 600_000),
        EndTime: new Date(clock.ms),
        MetricDataQueries: [{ Id: 'm', MetricStat: { Metric: { Namespace: 'AWS/ECS', MetricName: 'MemoryUtilization', Dimensions: [{ Name: 'ClusterName', Value: 'demo' }, { Name: 'ServiceName', Value: 'cart' }] }, Period: 60, Stat: 'Average' } }],
      }));
      return out.MetricDataResults?.[0]?.Timestamps?.[0]?.getTime();
    };
    try {
      const first = await newest();
      clock.advance(120_000);
      assert.equal(await newest(), (first ?? 0) + 120_000);
    } finally {
      cw.destroy();
      await sim.close();
    }
  });

  it('leaves a static world alone on tick', async () => {
    const clock = new TestClock();
    const sim = await startSimulator({ now: clock.now, tickIntervalMs: 0, living: false });
    const { ecs } = clientsFor(sim);
    try {
      const before = JSON.stringify(await describeService(ecs, 'api-gateway'));
      for (let i = 0; i < 5; i++) {
        clock.advance(10_000);
        sim.tick();
      }
      assert.equal(JSON.stringify(await describeService(ecs, 'api-gateway')), before);
    } finally {
      ecs.destroy();
      await sim.close();
    }
  });
});
