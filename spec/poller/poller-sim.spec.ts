// The poller driving the real ECS source against the simulator, with the poller's timers faked.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createAwsClients } from '../../lib/aws/clients.js';
import { createEcsSource } from '../../lib/aws/ecs-source.js';
import { Poller, runOnce } from '../../lib/poller/poller.js';
import type { PollerErrorEvent } from '../../lib/poller/types.js';
import { snapshotToJson } from '../../lib/model/snapshot-json.js';
import type { Snapshot } from '../../lib/model/types.js';
import { startSimulator } from '../../lib/sim/index.js';
import { FakeClock, settle } from './fakes.js';

async function setup() {
  const sim = await startSimulator({ scenario: { services: 12, tasksPerService: 2 }, living: false });
  const clients = createAwsClients({
    region: sim.region,
    endpoint: sim.endpoint,
    credentials: { accessKeyId: 'AKIDSIMULATOR', secretAccessKey: 'simulator-secret' },
    maxAttempts: 1,
  });
  const source = createEcsSource(clients, { cluster: sim.clusterName, region: sim.region, taskDefinitionTtlMs: 600_000 });
  const clock = new FakeClock();
  const poller = new Poller({
    source,
    intervalMs: 15_000,
    now: () => clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    random: () => 0,
  });
  const close = async (): Promise<void> => {
    poller.stop();
    clients.destroy();
    await sim.close();
  };
  return { sim, clients, source, clock, poller, close };
}

describe('Poller on the simulator', () => {
  it('emits snapshots, backs off when throttled and comes back after a success', async () => {
    const { sim, clock, poller, close } = await setup();
    try {
      const first = once(poller, 'snapshot') as Promise<[Snapshot]>;
      poller.start();
      const [snapshot] = await first;
      assert.equal(snapshot.services.length, 12);
      assert.equal(poller.state.phase, 'idle');

      sim.faults.set({ kind: 'throttle', operation: 'DescribeClusters', rate: 1 });
      const failed = once(poller, 'error') as Promise<[PollerErrorEvent]>;
      await clock.advance(15_000);
      const [event] = await failed;
      await settle();
      assert.equal(event.error.kind, 'throttled');
      assert.equal(event.lastSnapshot, snapshot);
      assert.equal(event.staleForMs, 15_000);
      assert.equal(poller.state.phase, 'backing-off');
      const backoff = poller.state.effectiveIntervalMs;
      assert.ok(backoff >= 7_500 && backoff <= 15_000, `back-off ${backoff}`);

      sim.faults.clear();
      const recovered = once(poller, 'snapshot') as Promise<[Snapshot]>;
      await clock.advance(backoff);
      await recovered;
      await settle();
      assert.equal(poller.state.phase, 'idle');
      assert.equal(poller.state.effectiveIntervalMs, 15_000);
    } finally {
      await close();
    }
  });

  it('aborts the AWS calls in flight on stop and emits nothing more', async () => {
    const { sim, poller, close } = await setup();
    try {
      // Long enough to be caught in flight; short, because the simulator's delay timers outlive the test.
      sim.faults.set({ kind: 'latency', ms: 1_000 });
      let events = 0;
      poller.on('snapshot', () => events++);
      poller.on('error', () => events++);
      poller.start();
      // Wait until a call is in flight, however slowly a loaded machine gets there.
      for (let waited = 0; sim.ledger.inFlight === 0 && waited < 10_000; waited += 10) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      assert.ok(sim.ledger.inFlight > 0, 'calls are in flight');
      poller.stop();
      await settle();
      assert.equal(events, 0);
      assert.equal(poller.state.phase, 'stopped');
    } finally {
      await close();
    }
  });

  it('runs one cycle for --once --json with the documented fields', async () => {
    const { source, close } = await setup();
    try {
      const json = JSON.parse(JSON.stringify(snapshotToJson(await runOnce(source)))) as ReturnType<typeof snapshotToJson>;
      assert.equal(json.services.length, 12);
      assert.equal(json.apiCalls['DescribeClusters'], 1);
      assert.equal(typeof json.fetchedAt, 'string');
      const c = json.services[0]?.tasks[0]?.containers[0];
      assert.equal(c?.cpuUsed, null);
      assert.equal(typeof c?.cpuLimit, 'number');
    } finally {
      await close();
    }
  });
});
