import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GetMetricDataCommand, ListMetricsCommand, type CloudWatchClient, type MetricDataQuery, type MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { DescribeTasksCommand, ListTasksCommand } from '@aws-sdk/client-ecs';
import { startSimulator, type Simulator } from '../../lib/sim/index.js';
import { clientsFor, rejection, T0, TestClock } from './sim-clients.js';

const HOUR = 3_600_000;

function query(id: string, namespace: string, metricName: string, dims: Record<string, string>, stat = 'Average', period = 60): MetricDataQuery {
  return {
    Id: id,
    MetricStat: { Metric: { Namespace: namespace, MetricName: metricName, Dimensions: Object.entries(dims).map(([Name, Value]) => ({ Name, Value })) }, Period: period, Stat: stat },
  };
}

async function fetchAll(cw: CloudWatchClient, queries: MetricDataQuery[], extra: { MaxDatapoints?: number; ScanBy?: 'TimestampAscending' | 'TimestampDescending' } = {}): Promise<{ results: MetricDataResult[]; pages: number }> {
  const results: MetricDataResult[] = [];
  let NextToken: string | undefined;
  let pages = 0;
  do {
    const out = await cw.send(new GetMetricDataCommand({ StartTime: new Date(T0 - 3 * HOUR), EndTime: new Date(T0), MetricDataQueries: queries, NextToken, ...extra }));
    results.push(...(out.MetricDataResults ?? []));
    NextToken = out.NextToken;
    pages++;
  } while (NextToken);
  return { results, pages };
}

describe('simulated CloudWatch GetMetricData through the real SDK', () => {
  let sim: Simulator;
  let cw: CloudWatchClient;
  let taskId: string;
  const svc = { ClusterName: 'demo', ServiceName: 'web-frontend' };

  before(async () => {
    sim = await startSimulator({ now: new TestClock().now, tickIntervalMs: 0 });
    const clients = clientsFor(sim);
    cw = clients.cw;
    const arns = (await clients.ecs.send(new ListTasksCommand({ cluster: 'demo', serviceName: 'web-frontend' }))).taskArns ?? [];
    const task = (await clients.ecs.send(new DescribeTasksCommand({ cluster: 'demo', tasks: arns }))).tasks?.[0];
    taskId = task?.taskArn?.split('/').pop() ?? '';
    clients.ecs.destroy();
  });
  after(async () => {
    cw.destroy();
    await sim.close();
  });

  it('returns three hours of 60-second datapoints aligned to the minute, newest first, ending at the last complete minute', async () => {
    const out = await cw.send(new GetMetricDataCommand({
      StartTime: new Date(T0 - 3 * HOUR),
      EndTime: new Date(T0),
      MetricDataQueries: [query('cpu', 'AWS/ECS', 'CPUUtilization', svc)],
    }));
    const result = out.MetricDataResults?.[0];
    assert.equal(result?.Id, 'cpu');
    assert.equal(result?.Label, 'CPUUtilization');
    assert.equal(result?.StatusCode, 'Complete');
    const times = (result?.Timestamps ?? []).map((d) => d.getTime());
    assert.equal(times.length, 180);
    assert.ok(times.every((t) => t % 60_000 === 0));
    // T0 is 12:00:30, so the minute 11:59 is the newest complete one.
    assert.equal(times[0], Date.UTC(2026, 11, 4, 11, 59));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    assert.ok((result?.Values ?? []).every((v) => v > 0 && v <= 100));
  });

  it('orders oldest first with ScanBy TimestampAscending and aggregates longer periods', async () => {
    const asc = await cw.send(new GetMetricDataCommand({
      StartTime: new Date(T0 - HOUR),
      EndTime: new Date(T0),
      ScanBy: 'TimestampAscending',
      MetricDataQueries: [query('n', 'ECS/ContainerInsights', 'CpuUtilized', svc, 'SampleCount'), query('five', 'AWS/ECS', 'CPUUtilization', svc, 'Average', 300)],
    }));
    const [count, five] = asc.MetricDataResults ?? [];
    const times = (count?.Timestamps ?? []).map((d) => d.getTime());
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    assert.ok(count?.Values?.every((v) => v === 3), 'one sample per running task of web-frontend each minute');
    assert.ok((five?.Timestamps ?? []).length >= 12 && (five?.Timestamps ?? []).length <= 13);
  });

  it('publishes task and container metrics (enhanced Insights) within each container\'s limits', async () => {
    const task = { ...svc, TaskId: taskId };
    const app = { ...task, ContainerName: 'app' };
    const out = await cw.send(new GetMetricDataCommand({
      StartTime: new Date(T0 - HOUR),
      EndTime: new Date(T0),
      MetricDataQueries: [
        query('taskcpu', 'ECS/ContainerInsights', 'TaskCpuUtilization', task),
        query('appcpu', 'ECS/ContainerInsights', 'ContainerCpuUtilized', app, 'Maximum'),
        query('appmem', 'ECS/ContainerInsights', 'ContainerMemoryUtilized', app, 'Maximum'),
        query('appres', 'ECS/ContainerInsights', 'ContainerCpuReserved', app),
      ],
    }));
    const byId = new Map(out.MetricDataResults?.map((r) => [r.Id, r.Values ?? []]));
    assert.equal(byId.get('taskcpu')?.length, 60);
    assert.ok(byId.get('appcpu')?.every((v) => v > 0 && v <= 512), 'app CPU within its 512 units');
    assert.ok(byId.get('appmem')?.every((v) => v > 0 && v <= 1024), 'app memory within its 1024 MiB');
    assert.ok(byId.get('appres')?.every((v) => v === 512));
  });

  it('pages with MaxDatapoints and NextToken, giving the same datapoints as one big page', async () => {
    const queries = [query('a', 'AWS/ECS', 'CPUUtilization', svc), query('b', 'AWS/ECS', 'MemoryUtilization', svc)];
    const whole = await fetchAll(cw, queries);
    const paged = await fetchAll(cw, queries, { MaxDatapoints: 70 });
    assert.equal(whole.pages, 1);
    assert.equal(paged.pages, 6);
    const joined = (results: MetricDataResult[], id: string): number[] => results.filter((r) => r.Id === id).flatMap((r) => r.Values ?? []);
    assert.deepEqual(joined(paged.results, 'a'), joined(whole.results, 'a'));
    assert.deepEqual(joined(paged.results, 'b'), joined(whole.results, 'b'));
    assert.ok(paged.results.some((r) => r.StatusCode === 'PartialData'));
  });

  it('returns an empty series for metrics nobody publishes', async () => {
    const out = await cw.send(new GetMetricDataCommand({
      StartTime: new Date(T0 - HOUR),
      EndTime: new Date(T0),
      MetricDataQueries: [query('x', 'AWS/ECS', 'CPUUtilization', { ClusterName: 'demo', ServiceName: 'nope' })],
    }));
    assert.deepEqual(out.MetricDataResults?.[0]?.Values, []);
    assert.equal(out.MetricDataResults?.[0]?.StatusCode, 'Complete');
  });

  it('rejects more than 500 queries and a malformed Id with CloudWatch\'s errors', async () => {
    const many = Array.from({ length: 501 }, (_, i) => query(`q${i}`, 'AWS/ECS', 'CPUUtilization', svc));
    const tooMany = await rejection(cw.send(new GetMetricDataCommand({ StartTime: new Date(T0 - HOUR), EndTime: new Date(T0), MetricDataQueries: many })));
    assert.equal(tooMany.name, 'InvalidParameterValueException');
    assert.equal(tooMany.message, 'The collection MetricDataQueries must not have a size greater than 500.');
    const badId = await rejection(cw.send(new GetMetricDataCommand({ StartTime: new Date(T0 - HOUR), EndTime: new Date(T0), MetricDataQueries: [query('Cpu-1', 'AWS/ECS', 'CPUUtilization', svc)] })));
    assert.equal((badId as Error & { Code?: string }).Code, 'ValidationError');
    assert.match(badId.message, /Cpu-1 for parameter MetricDataQueries\.member\.1\.Id is not matching the expected pattern/);
    const ok = await cw.send(new GetMetricDataCommand({ StartTime: new Date(T0 - HOUR), EndTime: new Date(T0), MetricDataQueries: many.slice(0, 500) }));
    assert.equal(ok.MetricDataResults?.length, 500);
  });

  it('answers an operation it does not implement as an unknown action', async () => {
    const error = await rejection(cw.send(new ListMetricsCommand({})));
    assert.equal((error as Error & { Code?: string }).Code, 'InvalidAction');
    assert.equal(error.$metadata?.httpStatusCode, 400);
  });
});

describe('metrics per Container Insights mode', () => {
  for (const insights of ['disabled', 'enabled', 'enhanced'] as const) {
    it(`publishes only what Insights "${insights}" publishes`, async () => {
      const sim = await startSimulator({ now: () => T0, scenario: { services: 2, tasksPerService: 1, insights } });
      const { ecs, cw } = clientsFor(sim);
      try {
        const arn = (await ecs.send(new ListTasksCommand({ cluster: 'sim', serviceName: 'api-1' }))).taskArns?.[0] ?? '';
        const dims = { ClusterName: 'sim', ServiceName: 'api-1' };
        const out = await cw.send(new GetMetricDataCommand({
          StartTime: new Date(T0 - 600_000),
          EndTime: new Date(T0),
          MetricDataQueries: [
            query('ecs', 'AWS/ECS', 'CPUUtilization', dims),
            query('svc', 'ECS/ContainerInsights', 'CpuUtilized', dims),
            query('task', 'ECS/ContainerInsights', 'TaskCpuUtilization', { ...dims, TaskId: arn.split('/').pop() ?? '' }),
          ],
        }));
        const has = (id: string): boolean => (out.MetricDataResults?.find((r) => r.Id === id)?.Values?.length ?? 0) > 0;
        assert.deepEqual([has('ecs'), has('svc'), has('task')], [true, insights !== 'disabled', insights === 'enhanced']);
      } finally {
        ecs.destroy();
        cw.destroy();
        await sim.close();
      }
    });
  }
});
