import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeServicesCommand, ListServicesCommand } from '@aws-sdk/client-ecs';
import { startSimulator } from '../../lib/sim/index.js';
import { clientsFor, T0 } from './sim-clients.js';

describe('the ledger', () => {
  it('counts requests per operation and per batch size, with the clock time and outcome of each', async () => {
    const sim = await startSimulator({ now: () => T0, tickIntervalMs: 0 });
    const { ecs, cw } = clientsFor(sim);
    try {
      const first = await ecs.send(new ListServicesCommand({ cluster: 'demo' }));
      const second = await ecs.send(new ListServicesCommand({ cluster: 'demo', nextToken: first.nextToken }));
      await ecs.send(new DescribeServicesCommand({ cluster: 'demo', services: first.serviceArns }));
      await ecs.send(new DescribeServicesCommand({ cluster: 'demo', services: second.serviceArns }));
      await ecs.send(new ListServicesCommand({ cluster: 'missing' })).catch((e: Error) => e);
      const query = (Id: string) => ({ Id, MetricStat: { Metric: { Namespace: 'AWS/ECS', MetricName: 'CPUUtilization' }, Period: 60, Stat: 'Average' } });
      await cw.send(new GetMetricDataCommand({ StartTime: new Date(T0 - 600_000), EndTime: new Date(T0), MetricDataQueries: [query('a'), query('b'), query('c')] }));

      assert.deepEqual(sim.ledger.countsByOperation(), { ListServices: 3, DescribeServices: 2, GetMetricData: 1 });
      assert.deepEqual(sim.ledger.batchSizes('DescribeServices'), { 10: 1, 2: 1 });
      assert.equal(sim.ledger.totalBatch('GetMetricData'), 3);
      assert.equal(sim.ledger.count('ListServices', 'ClusterNotFoundException'), 1);
      assert.ok(sim.ledger.entries().every((e) => e.at === T0));
      assert.equal(sim.ledger.maxConcurrency, 1);
      assert.equal(sim.ledger.inFlight, 0);

      sim.ledger.reset();
      assert.equal(sim.ledger.count(), 0);
      assert.deepEqual(sim.ledger.countsByOperation(), {});
    } finally {
      ecs.destroy();
      cw.destroy();
      await sim.close();
    }
  });
});
