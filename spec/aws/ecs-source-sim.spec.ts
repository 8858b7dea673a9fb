// The ECS source against the simulated endpoint, through the real SDK clients: the call counts of one
// refresh, complete paging, pipelining, the task-definition cache, and failures as the user sees them.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createAwsClients } from '../../lib/aws/clients.js';
import type { AwsClients } from '../../lib/aws/clients.js';
import { createClusterLister } from '../../lib/aws/cluster-lister.js';
import { createEcsSource, DEFINITION_BURST, PACED_DEFINITIONS } from '../../lib/aws/ecs-source.js';
import type { EcsSourceOptions } from '../../lib/aws/ecs-source.js';
import { AccessDeniedError, ClusterNotFoundError, CredentialsExpiredError, NetworkError, ThrottledError } from '../../lib/model/errors.js';
import type { Snapshot } from '../../lib/model/types.js';
import { startSimulator } from '../../lib/sim/index.js';
import type { LedgerEntry, Simulator, SizedScenario } from '../../lib/sim/index.js';

const credentials = { accessKeyId: 'AKIDSIMULATOR', secretAccessKey: 'simulator-secret' };

async function withSim<T>(
  scenario: SizedScenario | 'demo',
  run: (sim: Simulator, clients: AwsClients) => Promise<T>,
  options: { clusterName?: string; extraClusters?: string[]; maxAttempts?: number } = {},
): Promise<T> {
  const sim = await startSimulator({
    scenario,
    living: false,
    ...(options.clusterName === undefined ? {} : { clusterName: options.clusterName }),
    ...(options.extraClusters === undefined ? {} : { extraClusters: options.extraClusters }),
  });
  const clients = createAwsClients({
    region: sim.region,
    endpoint: sim.endpoint,
    credentials,
    maxAttempts: options.maxAttempts ?? 10,
    requestTimeoutMs: 10_000,
  });
  try {
    return await run(sim, clients);
  } finally {
    clients.destroy();
    await sim.close();
  }
}

function source(sim: Simulator, clients: AwsClients, overrides: Partial<EcsSourceOptions> = {}) {
  return createEcsSource(clients, { cluster: sim.clusterName, region: sim.region, taskDefinitionTtlMs: 600_000, ...overrides });
}

const ceil = (n: number, size: number): number => Math.ceil(n / size);

function allTasks(snapshot: Snapshot) {
  return [...snapshot.services.flatMap((s) => s.tasks), ...snapshot.standaloneTasks];
}

describe('ECS source on the simulator: the fewest calls', () => {
  for (const services of [0, 1, 10, 11, 100, 101, 1000]) {
    it(`makes the minimum calls for ${services} services, then none for known task definitions`, async () => {
      // One container per task keeps the 1,000-service case quick; the call counts do not depend on it.
      await withSim({ services, tasksPerService: 2, containersPerTask: 1 }, async (sim, clients) => {
        const ecs = source(sim, clients);
        const snapshot = await ecs.fetchSnapshot(new AbortController().signal);
        const tasks = 2 * services;
        const definitions = new Set(allTasks(snapshot).map((t) => t.taskDefinitionArn)).size;
        const expected = {
          DescribeClusters: 1,
          ListServices: Math.max(1, ceil(services, 100)),
          DescribeServices: ceil(services, 10),
          ListTasks: Math.max(1, ceil(tasks, 100)),
          DescribeTasks: ceil(tasks, 100),
          // Beyond the burst, definitions are described between refreshes, at a pace (see below).
          DescribeTaskDefinition: Math.min(definitions, DEFINITION_BURST),
        };
        const stopped = { 'ListTasks:STOPPED': 1 };
        assert.equal(snapshot.services.length, services);
        assert.equal(allTasks(snapshot).length, tasks);
        // Zero-count operations are simply absent from the tally.
        const wanted = Object.fromEntries(Object.entries({ ...expected, ...stopped }).filter(([, n]) => n > 0));
        const { [PACED_DEFINITIONS]: paced = 0, ...inRefresh } = snapshot.apiCalls;
        assert.deepEqual(inRefresh, wanted);
        // The simulator's own ledger agrees (it cannot tell stopped ListTasks or paced describes apart).
        const { DescribeTaskDefinition: definitionCalls = 0, ...ledger } = sim.ledger.countsByOperation();
        assert.deepEqual(ledger, Object.fromEntries(
          Object.entries({ ...expected, ListTasks: expected.ListTasks + 1 }).filter(([op, n]) => n > 0 && op !== 'DescribeTaskDefinition'),
        ));
        assert.ok(definitionCalls >= expected.DescribeTaskDefinition + paced && definitionCalls <= definitions);
        assert.ok(Object.keys(sim.ledger.batchSizes('DescribeServices')).every((size) => Number(size) <= 10));
        assert.ok(Object.keys(sim.ledger.batchSizes('DescribeTasks')).every((size) => Number(size) <= 100));

        const again = await ecs.fetchSnapshot(new AbortController().signal);
        assert.equal(again.apiCalls['DescribeTaskDefinition'], undefined, 'known or paced task definitions are not described within a refresh');
      });
    });
  }

  it('drops no page: 250 tasks in one service', async () => {
    await withSim({ services: 1, tasksPerService: 250 }, async (sim, clients) => {
      const snapshot = await source(sim, clients).fetchSnapshot(new AbortController().signal);
      const service = snapshot.services[0];
      assert.equal(service?.tasks.length, 250);
      assert.equal(new Set(service?.tasks.map((t) => t.id)).size, 250);
      assert.equal(snapshot.apiCalls['ListTasks'], 3);
      assert.equal(snapshot.apiCalls['DescribeTasks'], 3);
    });
  });
});

describe('ECS source on the simulator: 250 services listed slowly, at most 4 calls at once', () => {
  let snapshot: Snapshot | undefined;
  let entries: readonly LedgerEntry[] = [];
  let maxConcurrency = 0;

  before(async () => {
    await withSim({ services: 250, tasksPerService: 2, containersPerTask: 1 }, async (sim, clients) => {
      // Slow pages make the overlap visible on the simulator's arrival times.
      sim.faults.set([
        { kind: 'latency', operation: 'ListServices', ms: 40 },
        { kind: 'latency', operation: 'ListTasks', ms: 40 },
      ]);
      snapshot = await source(sim, clients, { concurrency: 4 }).fetchSnapshot(new AbortController().signal);
      entries = sim.ledger.entries();
      maxConcurrency = sim.ledger.maxConcurrency;
    });
  });

  it('drops no service page: every service is described exactly once', () => {
    assert.equal(new Set(snapshot?.services.map((s) => s.name)).size, 250);
    const described = entries.filter((e) => e.operation === 'DescribeServices').reduce((n, e) => n + e.batchSize, 0);
    assert.equal(described, 250);
    assert.ok(snapshot?.services.every((s) => s.tasks.length === 2));
  });

  it('sorts services by name', () => {
    const names = snapshot?.services.map((s) => s.name) ?? [];
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
  });

  it('starts describing services and tasks while later pages are still being listed', () => {
    const arrivals = (op: string): number[] => entries.filter((e) => e.operation === op).map((e) => e.at);
    assert.ok(Math.min(...arrivals('DescribeServices')) < Math.max(...arrivals('ListServices')));
    assert.ok(Math.min(...arrivals('DescribeTasks')) < Math.max(...arrivals('ListTasks')));
  });

  it('keeps calls in flight within the concurrency bound', () => {
    assert.ok(maxConcurrency <= 4, `max ${maxConcurrency}`);
    assert.ok(maxConcurrency >= 2, 'calls do run concurrently');
  });
});

describe('ECS source on the simulator: the demo cluster', () => {
  it('groups tasks by service, fills containers from task definitions and lists stopped tasks', async () => {
    await withSim('demo', async (sim, clients) => {
      const snapshot = await source(sim, clients).fetchSnapshot(new AbortController().signal);
      assert.equal(snapshot.cluster.name, sim.clusterName);
      assert.ok(snapshot.services.length > 0);
      for (const service of snapshot.services) {
        for (const task of service.tasks) assert.equal(task.group, `service:${service.name}`);
      }
      const containers = snapshot.services.flatMap((s) => s.tasks.flatMap((t) => t.containers));
      assert.ok(containers.length > 0);
      assert.ok(containers.every((c) => c.hasHealthCheck !== undefined), 'definitions known for running tasks');
      assert.ok(containers.every((c) => c.memoryLimit !== undefined));
      const stopped = [...snapshot.stoppedTasks, ...snapshot.services.flatMap((s) => s.stoppedTasks)];
      assert.ok(stopped.length <= 100);
      assert.equal(snapshot.apiCalls['ListTasks:STOPPED'], 1);
      assert.ok((snapshot.apiCalls['DescribeTasks:STOPPED'] ?? 0) <= 1);
    });
  });
});

describe('ECS source on the simulator: failures', () => {
  it('reports a missing cluster by name and region', async () => {
    await withSim({ services: 1 }, async (sim, clients) => {
      const missing = source(sim, clients, { cluster: 'no-such-cluster' });
      await assert.rejects(missing.fetchSnapshot(new AbortController().signal), (error: unknown) => {
        assert.ok(error instanceof ClusterNotFoundError);
        assert.match(error.message, /"no-such-cluster" was not found in us-east-1/);
        return true;
      });
    });
  });

  it('names the denied IAM action', async () => {
    await withSim({ services: 3 }, async (sim, clients) => {
      sim.faults.set({ kind: 'deny', operation: 'DescribeTasks' });
      await assert.rejects(source(sim, clients).fetchSnapshot(new AbortController().signal), (error: unknown) => {
        assert.ok(error instanceof AccessDeniedError);
        assert.equal(error.action, 'ecs:DescribeTasks');
        return true;
      });
    });
  });

  it('reports expired credentials', async () => {
    await withSim({ services: 3 }, async (sim, clients) => {
      sim.faults.set({ kind: 'expired', operation: 'ListServices' });
      await assert.rejects(source(sim, clients).fetchSnapshot(new AbortController().signal), CredentialsExpiredError);
    });
  });

  it('reports throttling once the SDK has spent its attempts', async () => {
    await withSim(
      { services: 3 },
      async (sim, clients) => {
        sim.faults.set({ kind: 'throttle', operation: 'DescribeServices', rate: 1 });
        await assert.rejects(source(sim, clients).fetchSnapshot(new AbortController().signal), ThrottledError);
        assert.equal(sim.ledger.count('DescribeServices'), 1);
        assert.equal(clients.calls.peekCycle()['DescribeServices'], 1);
      },
      { maxAttempts: 1 },
    );
  });

  it('recovers from a throttled call within the SDK retries and counts the retry', async () => {
    await withSim({ services: 3 }, async (sim, clients) => {
      sim.faults.set({ kind: 'throttle', operation: 'DescribeClusters', count: 1 });
      const snapshot = await source(sim, clients).fetchSnapshot(new AbortController().signal);
      assert.equal(snapshot.apiCalls['DescribeClusters'], 2);
      assert.equal(clients.calls.lastMinute(), sim.ledger.entries().length);
    });
  });

  it('reports a dropped connection as a network problem', async () => {
    await withSim(
      { services: 3 },
      async (sim, clients) => {
        sim.faults.set({ kind: 'reset', operation: 'ListTasks', rate: 1 });
        await assert.rejects(source(sim, clients).fetchSnapshot(new AbortController().signal), NetworkError);
      },
      { maxAttempts: 1 },
    );
  });

  it('stops promptly when aborted, without classifying the abort as a failure', async () => {
    await withSim({ services: 3 }, async (sim, clients) => {
      sim.faults.set({ kind: 'latency', ms: 5_000 });
      const controller = new AbortController();
      const pending = source(sim, clients).fetchSnapshot(controller.signal);
      setTimeout(() => controller.abort(), 50);
      await assert.rejects(pending, (error: unknown) => {
        assert.equal((error as Error).name, 'AbortError');
        return true;
      });
    });
  });
});

describe('cluster lister on the simulator', () => {
  it('lists every cluster with its counts, sorted by name', async () => {
    await withSim(
      { services: 4, tasksPerService: 2 },
      async (sim, clients) => {
        const clusters = await createClusterLister(clients)(new AbortController().signal);
        assert.deepEqual(clusters.map((c) => c.name), ['alpha', 'beta', 'main']);
        const main = clusters.find((c) => c.name === 'main');
        assert.equal(main?.activeServicesCount, 4);
        assert.equal(main?.runningTasksCount, 8);
        assert.equal(sim.ledger.count('DescribeClusters'), 1);
      },
      { clusterName: 'main', extraClusters: ['beta', 'alpha'] },
    );
  });
});
