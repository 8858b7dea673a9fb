// Call events through the real SDK clients against the simulator: one event per call, retries counted as
// attempts, failures named, and nothing from the request (keys, tokens, signatures) in the event.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { observeClientCalls } from '../../lib/aws/call-events.js';
import type { AwsCallEvent } from '../../lib/aws/call-events.js';
import { createAwsClients } from '../../lib/aws/clients.js';
import type { AwsClients } from '../../lib/aws/clients.js';
import { createClusterLister } from '../../lib/aws/cluster-lister.js';
import { createMetricsSource } from '../../lib/aws/metrics.js';
import { createEcsSource } from '../../lib/aws/ecs-source.js';
import { startSimulator } from '../../lib/sim/index.js';
import type { FaultRule, Simulator } from '../../lib/sim/index.js';

const credentials = { accessKeyId: 'AKIDSECRETEVENT', secretAccessKey: 'SECRETxyz', sessionToken: 'TOKENxyz' };

async function withSim(faults: FaultRule[], run: (sim: Simulator, clients: AwsClients, events: AwsCallEvent[]) => Promise<void>): Promise<void> {
  const sim = await startSimulator({ scenario: 'demo', living: false, faults });
  // Retries without waiting: the adaptive back-off would only slow the test down.
  const clients = createAwsClients({ region: sim.region, endpoint: sim.endpoint, credentials, maxAttempts: 3 });
  const events: AwsCallEvent[] = [];
  observeClientCalls(clients, (event) => events.push(event));
  try {
    await run(sim, clients, events);
  } finally {
    clients.destroy();
    await sim.close();
  }
}

describe('observeClientCalls', () => {
  it('reports each call once, with its service, operation, outcome, attempts and request id', async () => {
    await withSim([], async (_sim, clients, events) => {
      const clusters = await createClusterLister(clients)(new AbortController().signal);
      assert.ok(clusters.length >= 1);
      assert.deepEqual(events.map((e) => `${e.service}.${e.operation} ${e.outcome}`), ['ECS.ListClusters ok', 'ECS.DescribeClusters ok']);
      for (const event of events) {
        assert.equal(event.attempts, 1);
        assert.equal(event.httpStatus, 200);
        assert.ok(event.durationMs >= 0);
        assert.equal(typeof event.requestId, 'string');
      }
    });
  });

  it('counts retries of a throttled call as attempts of one call', async () => {
    await withSim([{ kind: 'throttle', operation: 'ListClusters', count: 2 }], async (_sim, clients, events) => {
      await createClusterLister(clients)(new AbortController().signal);
      const list = events.filter((e) => e.operation === 'ListClusters');
      assert.equal(list.length, 1);
      assert.equal(list[0]?.outcome, 'ok');
      assert.equal(list[0]?.attempts, 3);
    });
  });

  it('names the error of a failed call, and carries nothing of the request', async () => {
    await withSim([{ kind: 'deny', operation: 'DescribeServices' }], async (sim, clients, events) => {
      const source = createEcsSource(clients, { cluster: sim.clusterName, region: sim.region, taskDefinitionTtlMs: 600_000 });
      await assert.rejects(source.fetchSnapshot(new AbortController().signal));
      const denied = events.find((e) => e.operation === 'DescribeServices');
      assert.equal(denied?.outcome, 'error');
      assert.equal(denied?.errorName, 'AccessDeniedException');
      assert.equal(denied?.httpStatus, 400);
      const text = JSON.stringify(events);
      for (const secret of ['SECRETxyz', 'TOKENxyz', 'AKIDSECRETEVENT', 'Signature', 'Authorization']) assert.ok(!text.includes(secret), `${secret} is not in the events`);
    });
  });

  it('reports CloudWatch calls under their own service', async () => {
    await withSim([], async (sim, clients, events) => {
      const source = createEcsSource(clients, { cluster: sim.clusterName, region: sim.region, taskDefinitionTtlMs: 600_000 });
      const snapshot = await source.fetchSnapshot(new AbortController().signal);
      await createMetricsSource(clients.cloudwatch, { cluster: sim.clusterName }).attach(snapshot, [], new AbortController().signal);
      assert.ok(events.some((e) => e.service === 'CloudWatch' && e.operation === 'GetMetricData' && e.outcome === 'ok'));
      assert.ok(events.every((e) => (e.service === 'CloudWatch') === (e.operation === 'GetMetricData')));
    });
  });

  it('keeps the call\'s result when the listener throws, and hands the listener\'s error over', async () => {
    const sim = await startSimulator({ scenario: 'demo', living: false });
    const clients = createAwsClients({ region: sim.region, endpoint: sim.endpoint, credentials });
    const listenerErrors: unknown[] = [];
    observeClientCalls(clients, () => { throw new Error('disk full'); }, { onListenerError: (error) => listenerErrors.push(error) });
    try {
      const clusters = await createClusterLister(clients)(new AbortController().signal);
      assert.ok(clusters.length >= 1);
      assert.equal(listenerErrors.length, 2);
    } finally {
      clients.destroy();
      await sim.close();
    }
  });
});
