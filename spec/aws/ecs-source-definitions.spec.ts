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

describe('ECS source on the simulator: task definitions of the services on screen', () => {
  it('in a cluster larger than a screenful, describes only what the screen shows', async () => {
    const sim = await startSimulator({ scenario: { services: 60, tasksPerService: 1, containersPerTask: 1 }, living: false });
    const clients = createAwsClients({ region: sim.region, endpoint: sim.endpoint, credentials, maxAttempts: 3, requestTimeoutMs: 10_000 });
    // Timers that never fire: the paced queue only grows, so what is dropped from it is visible.
    const ecs = createEcsSource(clients, {
      cluster: sim.clusterName,
      region: sim.region,
      taskDefinitionTtlMs: 600_000,
      setTimer: () => 0,
      clearTimer: () => undefined,
    });
    try {
      // Before the screen has said what it shows, a large cluster gets the burst and nothing queued.
      const first = await ecs.fetchSnapshot(new AbortController().signal);
      assert.equal(first.apiCalls['DescribeTaskDefinition'], DEFINITION_BURST);
      assert.equal(ecs.definitionBacklog(), 0);

      const names = first.services.map((s) => s.name);
      const described = new Set(first.services.flatMap((s) => s.tasks).filter((t) => t.containers.every((c) => c.hasHealthCheck !== undefined)).map((t) => t.group));
      const notYet = names.filter((n) => !described.has(`service:${n}`));
      assert.equal(notYet.length, 60 - DEFINITION_BURST);
      const onScreen = notYet.slice(0, 5);
      const second = await ecs.fetchSnapshot(new AbortController().signal, { shown: onScreen, focus: [] });
      // The five on screen are described now (as far as the burst has refilled) or queued; none of the 43
      // off screen is either.
      const calls2 = second.apiCalls['DescribeTaskDefinition'] ?? 0;
      assert.equal(calls2 + ecs.definitionBacklog(), 5);

      // A service scrolled to later is described or queued by the next refresh; one that left the screen
      // leaves the queue.
      const third = await ecs.fetchSnapshot(new AbortController().signal, { shown: [...onScreen.slice(1), notYet[5] ?? ''], focus: [] });
      const calls3 = third.apiCalls['DescribeTaskDefinition'] ?? 0;
      assert.ok(calls2 + calls3 + ecs.definitionBacklog() <= 6);
      assert.ok(calls3 + ecs.definitionBacklog() >= 1, 'the service scrolled to is on its way');
      assert.equal(sim.ledger.count('DescribeTaskDefinition'), DEFINITION_BURST + calls2 + calls3, 'nothing else was described');
    } finally {
      clients.destroy();
      await sim.close();
    }
  });
});
