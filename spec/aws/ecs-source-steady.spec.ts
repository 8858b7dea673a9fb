// Later refreshes on the simulator: the known running tasks are described by ARN, and only what ECS's
// counts say changed is listed again. Each case is checked against what a fresh source (the full
// listing) sees in the same world, so a missed task or a kept stopped one fails here.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createAwsClients } from '../../lib/aws/clients.js';
import type { AwsClients } from '../../lib/aws/clients.js';
import { createEcsSource } from '../../lib/aws/ecs-source.js';
import type { EcsSource } from '../../lib/aws/ecs-source.js';
import type { Snapshot } from '../../lib/model/types.js';
import { startSimulator } from '../../lib/sim/index.js';
import type { Simulator, SizedScenario } from '../../lib/sim/index.js';
import type { SimCluster, SimService } from '../../lib/sim/world-types.js';

const credentials = { accessKeyId: 'AKIDSIMULATOR', secretAccessKey: 'simulator-secret' };
const signal = (): AbortSignal => new AbortController().signal;

async function withSim(scenario: SizedScenario | 'demo', run: (sim: Simulator, clients: AwsClients) => Promise<void>): Promise<void> {
  const sim = await startSimulator({ scenario, living: scenario === 'demo', tickIntervalMs: 0 });
  const clients = createAwsClients({ region: sim.region, endpoint: sim.endpoint, credentials, maxAttempts: 3, requestTimeoutMs: 10_000 });
  try {
    await run(sim, clients);
  } finally {
    clients.destroy();
    await sim.close();
  }
}

const source = (sim: Simulator, clients: AwsClients): EcsSource =>
  createEcsSource(clients, { cluster: sim.clusterName, region: sim.region, taskDefinitionTtlMs: 600_000 });

/** Running task ARNs per service name ('' for standalone), sorted: what the dashboard lists. */
function runningTasks(snapshot: Snapshot): Record<string, string[]> {
  const out: Record<string, string[]> = { '': snapshot.standaloneTasks.map((t) => t.arn).sort() };
  for (const s of snapshot.services) out[s.name] = s.tasks.map((t) => t.arn).sort();
  return out;
}

/** What the full listing sees now: a fresh source's first refresh. */
async function truth(sim: Simulator, clients: AwsClients): Promise<Snapshot> {
  return source(sim, clients).fetchSnapshot(signal());
}

function mainCluster(sim: Simulator): SimCluster {
  const cluster = sim.world.findCluster(sim.clusterName);
  assert.ok(cluster);
  return cluster;
}

function firstService(cluster: SimCluster): SimService {
  const service = cluster.services[0];
  assert.ok(service);
  return service;
}

describe('ECS source, later refreshes on the simulator', () => {
  it('lists no running tasks when nothing changed: 300 known tasks are described in 3 calls', async () => {
    await withSim({ services: 150, tasksPerService: 2, containersPerTask: 1 }, async (sim, clients) => {
      const ecs = source(sim, clients);
      const first = await ecs.fetchSnapshot(signal());
      assert.equal(first.apiCalls['ListTasks'], 3);
      const second = await ecs.fetchSnapshot(signal());
      assert.equal(second.apiCalls['ListTasks'], undefined, 'no running-task listing');
      assert.equal(second.apiCalls['DescribeTasks'], 3);
      assert.equal(second.apiCalls['ListTasks:STOPPED'], 1, 'stopped tasks are still looked for');
      assert.deepEqual(runningTasks(second), runningTasks(first));
    });
  });

  it('lists again only the service whose task was replaced, and shows the new task', async () => {
    await withSim({ services: 150, tasksPerService: 2, containersPerTask: 1 }, async (sim, clients) => {
      const ecs = source(sim, clients);
      await ecs.fetchSnapshot(signal());
      const cluster = mainCluster(sim);
      const service = firstService(cluster);
      const [victim] = service.tasks;
      assert.ok(victim);
      const now = Date.now();
      sim.world.stopTask(victim, now, 'EssentialContainerExited', 'Essential container in task exited');
      const replacement = sim.world.launchTask(cluster, service, service.deployments[0], service.taskDef, now, now);

      const after = await ecs.fetchSnapshot(signal());
      assert.equal(after.apiCalls['ListTasks'], 1, 'one page for the one service');
      const tasks = after.services.find((s) => s.name === service.name)?.tasks.map((t) => t.id) ?? [];
      assert.ok(tasks.includes(replacement.id), 'the replacement is shown');
      assert.ok(!tasks.includes(victim.id), 'the stopped task is no longer among the running ones');
      assert.deepEqual(runningTasks(after), runningTasks(await truth(sim, clients)));
    });
  });

  it('drops a stopped task without listing when ECS has not replaced it yet', async () => {
    await withSim({ services: 20, tasksPerService: 3, containersPerTask: 1 }, async (sim, clients) => {
      const ecs = source(sim, clients);
      await ecs.fetchSnapshot(signal());
      const service = firstService(mainCluster(sim));
      const [victim] = service.tasks;
      assert.ok(victim);
      sim.world.stopTask(victim, Date.now(), 'UserInitiated', 'Task stopped by user');
      const after = await ecs.fetchSnapshot(signal());
      assert.equal(after.apiCalls['ListTasks'], undefined);
      assert.equal(after.services.find((s) => s.name === service.name)?.tasks.length, 2);
      assert.deepEqual(runningTasks(after), runningTasks(await truth(sim, clients)));
    });
  });

  it('lists the whole cluster again when a standalone task starts, and shows it', async () => {
    await withSim({ services: 150, tasksPerService: 2, containersPerTask: 1 }, async (sim, clients) => {
      const ecs = source(sim, clients);
      await ecs.fetchSnapshot(signal());
      const cluster = mainCluster(sim);
      const now = Date.now();
      const job = sim.world.launchTask(cluster, undefined, undefined, firstService(cluster).taskDef, now, now);
      const after = await ecs.fetchSnapshot(signal());
      assert.equal(after.apiCalls['ListTasks'], 4, 'every page of the cluster: 301 tasks');
      assert.equal(after.apiCalls['DescribeTasks'], 4, '3 for the known tasks, 1 for the new one');
      assert.deepEqual(after.standaloneTasks.map((t) => t.id), [job.id]);
      assert.deepEqual(runningTasks(after), runningTasks(await truth(sim, clients)));
    });
  });

  it('lists a service that appeared since the last refresh', async () => {
    await withSim({ services: 20, tasksPerService: 2, containersPerTask: 1 }, async (sim, clients) => {
      const ecs = source(sim, clients);
      await ecs.fetchSnapshot(signal());
      const cluster = mainCluster(sim);
      const now = Date.now();
      const taskDef = firstService(cluster).taskDef;
      const added = sim.world.addService(cluster, { name: 'zz-new-service', taskDef, desiredCount: 2, createdAt: now });
      const deployment = sim.world.addDeployment(added, taskDef, now, 'COMPLETED');
      sim.world.launchTask(cluster, added, deployment, taskDef, now, now);
      sim.world.launchTask(cluster, added, deployment, taskDef, now, now);
      const after = await ecs.fetchSnapshot(signal());
      assert.equal(after.apiCalls['ListTasks'], 1);
      assert.equal(after.services.find((s) => s.name === 'zz-new-service')?.tasks.length, 2);
      assert.deepEqual(runningTasks(after), runningTasks(await truth(sim, clients)));
    });
  });

  it('agrees with a full listing through 40 steps of the living demo (rollouts, crashes, failing tasks)', async () => {
    await withSim('demo', async (sim, clients) => {
      const ecs = source(sim, clients);
      await ecs.fetchSnapshot(signal());
      let quietRefreshes = 0;
      for (let step = 0; step < 40; step++) {
        sim.tick();
        const next = await ecs.fetchSnapshot(signal());
        if (next.apiCalls['ListTasks'] === undefined) quietRefreshes++;
        assert.deepEqual(runningTasks(next), runningTasks(await truth(sim, clients)), `step ${step}`);
      }
      assert.ok(quietRefreshes > 0, 'some steps change nothing that needs listing');
    });
  });
});
