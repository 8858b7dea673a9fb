// Task definitions on a first refresh of many services: a burst is described within the refresh, the
// rest follow at a pace between refreshes, and the screen never waits for them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createAwsClients } from '../../lib/aws/clients.js';
import { createEcsSource, DEFINITION_BURST, PACED_DEFINITIONS } from '../../lib/aws/ecs-source.js';
import { startSimulator } from '../../lib/sim/index.js';

const credentials = { accessKeyId: 'AKIDSIMULATOR', secretAccessKey: 'simulator-secret' };

describe('ECS source on the simulator: paced task definitions', () => {
  it('shows 40 services at once, describes 12 definitions within the refresh and the other 28 afterwards', async () => {
    const sim = await startSimulator({ scenario: { services: 40, tasksPerService: 2, containersPerTask: 2 }, living: false });
    const clients = createAwsClients({ region: sim.region, endpoint: sim.endpoint, credentials, maxAttempts: 3, requestTimeoutMs: 10_000 });
    const waits: number[] = [];
    try {
      const ecs = createEcsSource(clients, {
        cluster: sim.clusterName,
        region: sim.region,
        taskDefinitionTtlMs: 600_000,
        // A high budget keeps the spec quick; the pace itself is CallPacer's spec.
        maxApiRate: 200,
        setTimer: (callback, ms) => {
          waits.push(ms);
          return setTimeout(callback, ms);
        },
        clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
      });
      const first = await ecs.fetchSnapshot(new AbortController().signal);
      const tasks = first.services.flatMap((s) => s.tasks);
      const definitions = new Set(tasks.map((t) => t.taskDefinitionArn)).size;
      assert.equal(definitions, 40);
      assert.equal(first.apiCalls['DescribeTaskDefinition'], DEFINITION_BURST);
      // Without their definition, containers still show the limits the task itself carries.
      const containers = tasks.flatMap((t) => t.containers);
      assert.ok(containers.every((c) => c.cpuLimit !== undefined && c.memoryLimit !== undefined));
      assert.ok(containers.some((c) => c.hasHealthCheck === undefined), 'some definitions are still to come');
      assert.ok(waits.length > 0, 'the rest wait for the pacer');

      for (let i = 0; i < 500 && ecs.definitionBacklog() > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(ecs.definitionBacklog(), 0);

      const later = await ecs.fetchSnapshot(new AbortController().signal);
      assert.equal(later.apiCalls['DescribeTaskDefinition'], undefined);
      const paced = (first.apiCalls[PACED_DEFINITIONS] ?? 0) + (later.apiCalls[PACED_DEFINITIONS] ?? 0);
      assert.equal(paced, definitions - DEFINITION_BURST, 'each remaining definition described once, and counted');
      assert.equal(sim.ledger.count('DescribeTaskDefinition'), definitions);
      assert.ok(later.services.flatMap((s) => s.tasks).flatMap((t) => t.containers).every((c) => c.hasHealthCheck !== undefined));
    } finally {
      clients.destroy();
      await sim.close();
    }
  });
});
