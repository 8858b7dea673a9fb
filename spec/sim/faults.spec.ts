import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GetMetricDataCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DescribeClustersCommand, DescribeTasksCommand, ListServicesCommand, ListTasksCommand, type ECSClient } from '@aws-sdk/client-ecs';
import { parseFaultSpec, FaultSpecError, startSimulator, type OutageSpec, type Simulator } from '../../lib/sim/index.js';
import { clientsFor, rejection, T0 } from './sim-clients.js';

const metricQuery = {
  StartTime: new Date(T0 - 600_000),
  EndTime: new Date(T0),
  MetricDataQueries: [{ Id: 'cpu', MetricStat: { Metric: { Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'ClusterName', Value: 'demo' }, { Name: 'ServiceName', Value: 'cart' }] }, Period: 60, Stat: 'Average' } }],
};

describe('parseFaultSpec', () => {
  it('reads rates, counts, latency, operation lists and outages', () => {
    assert.deepEqual(parseFaultSpec('throttle=0.3'), [{ kind: 'throttle', rate: 0.3 }]);
    assert.deepEqual(parseFaultSpec('latency=50'), [{ kind: 'latency', ms: 50 }]);
    assert.deepEqual(parseFaultSpec('deny=DescribeTasks'), [{ kind: 'deny', operation: 'DescribeTasks' }]);
    assert.deepEqual(parseFaultSpec('throttle:ListTasks=3'), [{ kind: 'throttle', operation: 'ListTasks', count: 3 }]);
    assert.deepEqual(parseFaultSpec('error:ListTasks+GetMetricData'), [
      { kind: 'error', operation: 'ListTasks' },
      { kind: 'error', operation: 'GetMetricData' },
    ]);
    assert.deepEqual(parseFaultSpec('down=5000/30000'), { kind: 'down', downMs: 5000, everyMs: 30000 });
  });

  it('refuses specs outside the grammar with a sentence naming the problem', () => {
    assert.throws(() => parseFaultSpec('slow=5'), FaultSpecError);
    assert.throws(() => parseFaultSpec('throttle:DescribeTask=1'), /unknown operation "DescribeTask"/);
    assert.throws(() => parseFaultSpec('throttle=1.5'), /rate like 0.3/);
    assert.throws(() => parseFaultSpec('latency'), /latency=MILLISECONDS/);
    assert.throws(() => parseFaultSpec('down=500/100'), /DOWN_MS smaller than EVERY_MS/);
  });
});

describe('injected faults seen through the real SDK', () => {
  let sim: Simulator;
  let ecs: ECSClient;
  let cw: CloudWatchClient;

  beforeEach(async () => {
    sim = await startSimulator({ now: () => T0, tickIntervalMs: 0, seed: 5 });
    ({ ecs, cw } = clientsFor(sim, 3));
  });
  afterEach(async () => {
    ecs.destroy();
    cw.destroy();
    await sim.close();
  });

  it('throttles the next N calls with ThrottlingException, which the SDK retries until it succeeds', async () => {
    sim.faults.set(parseFaultSpec('throttle:ListServices=2'));
    const out = await ecs.send(new ListServicesCommand({ cluster: 'demo' }));
    assert.equal(out.serviceArns?.length, 10);
    assert.equal(out.$metadata.attempts, 3);
    assert.equal(sim.ledger.count('ListServices', 'ThrottlingException'), 2);
    assert.equal(sim.ledger.count('ListServices', 'ok'), 1);
  });

  it('throttles CloudWatch as Throttling, which the SDK also retries', async () => {
    sim.faults.set({ kind: 'throttle', operation: 'GetMetricData', count: 1 });
    const out = await cw.send(new GetMetricDataCommand(metricQuery));
    assert.equal(out.MetricDataResults?.[0]?.Values?.length, 10);
    assert.equal(sim.ledger.count('GetMetricData', 'Throttling'), 1);
  });

  it('throttles a share of calls at a rate, reproducibly from the seed', async () => {
    const single = clientsFor(sim, 1).ecs;
    sim.faults.set({ kind: 'throttle', rate: 0.5 });
    const outcomes: string[] = [];
    for (let i = 0; i < 30; i++) {
      outcomes.push(await single.send(new ListServicesCommand({ cluster: 'demo' })).then(() => 'ok', (e: Error) => e.name));
    }
    single.destroy();
    const throttled = outcomes.filter((o) => o === 'ThrottlingException').length;
    assert.ok(throttled > 3 && throttled < 27, `${throttled} of 30 throttled`);
    assert.equal(outcomes.filter((o) => o === 'ok').length, 30 - throttled);
  });

  it('denies chosen operations with AccessDeniedException naming the IAM action, leaving others alone', async () => {
    sim.faults.set(parseFaultSpec('deny=DescribeTasks'));
    const arns = (await ecs.send(new ListTasksCommand({ cluster: 'demo' }))).taskArns ?? [];
    const error = await rejection(ecs.send(new DescribeTasksCommand({ cluster: 'demo', tasks: arns.slice(0, 5) })));
    assert.equal(error.name, 'AccessDeniedException');
    assert.match(error.message, /^User: arn:aws:iam::123456789012:user\/\S+ is not authorized to perform: ecs:DescribeTasks on resource: arn:aws:ecs:us-east-1:123456789012:cluster\/demo because no identity-based policy allows the ecs:DescribeTasks action$/);
    assert.equal(sim.ledger.count('DescribeTasks'), 1, 'not retried');
    sim.faults.set({ kind: 'deny', operation: 'GetMetricData' });
    const cwError = await rejection(cw.send(new GetMetricDataCommand(metricQuery)));
    assert.equal((cwError as Error & { Code?: string }).Code, 'AccessDenied');
    assert.match(cwError.message, /cloudwatch:GetMetricData/);
  });

  it('reports expired credentials in each service\'s spelling', async () => {
    sim.faults.set(parseFaultSpec('expired'));
    assert.equal((await rejection(ecs.send(new ListServicesCommand({ cluster: 'demo' })))).name, 'ExpiredTokenException');
    const cwError = await rejection(cw.send(new GetMetricDataCommand(metricQuery)));
    assert.equal((cwError as Error & { Code?: string }).Code, 'ExpiredToken');
  });

  it('answers 500 ServerException / InternalFailure for the error fault', async () => {
    const once = clientsFor(sim, 1);
    sim.faults.set(parseFaultSpec('error'));
    const error = await rejection(once.ecs.send(new ListServicesCommand({ cluster: 'demo' })));
    assert.equal(error.name, 'ServerException');
    assert.equal(error.$metadata?.httpStatusCode, 500);
    const cwError = await rejection(once.cw.send(new GetMetricDataCommand(metricQuery)));
    assert.equal((cwError as Error & { Code?: string }).Code, 'InternalFailure');
    assert.equal(cwError.$metadata?.httpStatusCode, 500);
    once.ecs.destroy();
    once.cw.destroy();
  });

  it('pretends the cluster was deleted: ClusterNotFoundException, and MISSING in DescribeClusters', async () => {
    sim.faults.set(parseFaultSpec('notfound'));
    assert.equal((await rejection(ecs.send(new ListServicesCommand({ cluster: 'demo' })))).name, 'ClusterNotFoundException');
    const out = await ecs.send(new DescribeClustersCommand({ clusters: ['demo'] }));
    assert.deepEqual(out.failures?.map((f) => f.reason), ['MISSING']);
    sim.faults.clear();
    assert.equal((await ecs.send(new ListServicesCommand({ cluster: 'demo' }))).serviceArns?.length, 10);
  });

  it('drops the connection for the reset fault, and the SDK retries it', async () => {
    const once = clientsFor(sim, 1).ecs;
    sim.faults.set({ kind: 'reset', operation: 'ListServices', count: 1 });
    const error = await rejection(once.send(new ListServicesCommand({ cluster: 'demo' })));
    assert.match(`${(error as Error & { code?: string }).code ?? ''} ${error.message}`, /ECONNRESET|socket hang up/);
    once.destroy();
    sim.faults.set({ kind: 'reset', operation: 'ListServices', count: 1 });
    const out = await ecs.send(new ListServicesCommand({ cluster: 'demo' }));
    assert.equal(out.serviceArns?.length, 10);
    assert.equal(sim.ledger.count('ListServices', 'reset'), 2);
  });

  it('goes down and comes back on the same port', async () => {
    const once = clientsFor(sim, 1).ecs;
    await sim.stopListening();
    const error = await rejection(once.send(new ListServicesCommand({ cluster: 'demo' })));
    assert.match(`${(error as Error & { code?: string }).code ?? ''} ${error.message}`, /ECONNREFUSED/);
    await sim.resumeListening();
    assert.equal((await once.send(new ListServicesCommand({ cluster: 'demo' }))).serviceArns?.length, 10);
    once.destroy();
  });

  it('takes the endpoint down periodically for the down fault, until the faults are cleared', async () => {
    const once = clientsFor(sim, 1).ecs;
    sim.faults.set(parseFaultSpec('down=40/80'));
    // Kept-alive connections are dropped when it goes down (ECONNRESET); new ones are then refused.
    let refused: Error | undefined;
    for (let i = 0; i < 200 && !refused; i++) {
      const error = await once.send(new ListServicesCommand({ cluster: 'demo' })).then(
        () => undefined,
        (e: Error & { code?: string }) => e,
      );
      if (error && /ECONNREFUSED/.test(`${(error as Error & { code?: string }).code ?? ''} ${error.message}`)) refused = error;
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.ok(refused, 'the endpoint refused connections at some point');
    sim.faults.clear();
    await sim.resumeListening();
    assert.equal((await once.send(new ListServicesCommand({ cluster: 'demo' }))).serviceArns?.length, 10);
    once.destroy();
  });

  it('adds latency, which lets overlapping requests show in the ledger\'s concurrency', async () => {
    sim.faults.set(parseFaultSpec('latency:ListServices=40'));
    await Promise.all([ecs.send(new ListServicesCommand({ cluster: 'demo' })), ecs.send(new ListServicesCommand({ cluster: 'demo' }))]);
    assert.equal(sim.ledger.maxConcurrency, 2);
    sim.ledger.reset();
    await ecs.send(new ListServicesCommand({ cluster: 'demo' }));
    await ecs.send(new ListServicesCommand({ cluster: 'demo' }));
    assert.equal(sim.ledger.maxConcurrency, 1);
  });
});

describe('closing the simulator', () => {
  it('stays closed even when faults are cleared afterwards', async () => {
    const sim = await startSimulator({ now: () => T0, tickIntervalMs: 0, faults: [parseFaultSpec('down=1000/60000') as OutageSpec] });
    await sim.close();
    sim.faults.clear();
    const ecs = clientsFor(sim, 1).ecs;
    const error = await rejection(ecs.send(new ListServicesCommand({ cluster: 'demo' })));
    assert.match(`${(error as Error & { code?: string }).code ?? ''} ${error.message}`, /ECONNREFUSED/);
    ecs.destroy();
  });
});
