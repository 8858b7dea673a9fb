// The metrics source end to end against the simulated ECS + CloudWatch endpoint: the snapshot comes from
// the real ECS source, metrics from the real SDK CloudWatch client, and the simulator's ledger counts
// every GetMetricData call and its number of queries.
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createAwsClients, createEcsSource } from '../../lib/aws/index.js';
import { createMetricsSource } from '../../lib/aws/metrics.js';
import type { MetricsSourceOptions } from '../../lib/aws/metrics.js';
import { startSimulator } from '../../lib/sim/index.js';
import type { FaultRule, SimulatorOptions } from '../../lib/sim/index.js';
import type { Snapshot } from '../../lib/model/types.js';
import { manyServices, testSnapshot } from '../model/metric-test-snapshot.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 4, 12, 0, 0);

interface Rig {
  readonly clock: { now: () => number; set: (t: number) => void };
  readonly sim: Awaited<ReturnType<typeof startSimulator>>;
  readonly snapshot: () => Promise<Snapshot>;
  readonly metrics: ReturnType<typeof createMetricsSource>;
}

async function rig(t: TestContext, options: { scenario: NonNullable<SimulatorOptions['scenario']>; faults?: readonly FaultRule[]; metrics?: Partial<MetricsSourceOptions> }): Promise<Rig> {
  let now = T0 + 5_000;
  const clock = { now: () => now, set: (v: number) => { now = v; } };
  const sim = await startSimulator({ scenario: options.scenario, now: clock.now, living: false, ...(options.faults ? { faults: options.faults } : {}) });
  const clients = createAwsClients({
    region: sim.region,
    endpoint: sim.endpoint,
    credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
    maxAttempts: 1,
    now: clock.now,
  });
  t.after(async () => {
    clients.destroy();
    await sim.close();
  });
  const ecs = createEcsSource(clients, { cluster: sim.clusterName, region: sim.region, taskDefinitionTtlMs: 10 * MIN, now: clock.now });
  const metrics = createMetricsSource(clients.cloudwatch, { cluster: sim.clusterName, now: clock.now, ...options.metrics });
  return { clock, sim, metrics, snapshot: () => ecs.fetchSnapshot(AbortSignal.timeout(20_000)) };
}

const signal = (): AbortSignal => AbortSignal.timeout(20_000);

test('Insights disabled: service CPU and memory only, with a note saying Container Insights is off', async (t) => {
  const r = await rig(t, { scenario: { services: 3, tasksPerService: 2, containersPerTask: 2, insights: 'disabled' } });
  const out = await r.metrics.attach(await r.snapshot(), [], signal());
  assert.equal(out.metrics.mode, 'disabled');
  assert.match(out.metrics.note ?? '', /Container Insights is disabled/);
  assert.deepEqual(r.sim.ledger.batchSizes('GetMetricData'), { 6: 1 });
  for (const s of out.services) {
    assert.ok(s.metrics?.cpuPct !== undefined && s.metrics.memPct !== undefined, s.name);
    assert.equal(s.metrics?.cpuHistory.length, 30, 'backfilled on the first frame');
    assert.ok(s.tasks.every((task) => task.metrics === undefined && task.containers.every((c) => c.metrics === undefined)));
  }
});

test('standard Insights: container values are missing and the header says enhanced observability is needed', async (t) => {
  const r = await rig(t, { scenario: { services: 3, tasksPerService: 2, containersPerTask: 2, insights: 'enabled' } });
  const out = await r.metrics.attach(await r.snapshot(), [], signal());
  assert.equal(out.metrics.note, 'container metrics need Container Insights with enhanced observability');
  assert.deepEqual(r.sim.ledger.batchSizes('GetMetricData'), { 6: 1 });
  const task = out.services[0]?.tasks[0];
  assert.ok(out.services[0]?.metrics?.cpuPct !== undefined);
  assert.equal(task?.metrics, undefined);
  assert.equal(task?.containers[0]?.metrics, undefined);
});

test('enhanced Insights: task percentages and container CPU units and MiB, within the containers\' limits', async (t) => {
  const r = await rig(t, { scenario: { services: 3, tasksPerService: 2, containersPerTask: 2, insights: 'enhanced' } });
  const out = await r.metrics.attach(await r.snapshot(), [], signal());
  assert.equal(out.metrics.note, undefined);
  // 3 services × (2 service + 2 tasks × 2 + 2 tasks × 2 containers × 2) = 42 metrics, one call.
  assert.deepEqual(r.sim.ledger.batchSizes('GetMetricData'), { 42: 1 });
  assert.equal(out.metrics.metricsRequested, 42);
  for (const task of out.services.flatMap((s) => s.tasks)) {
    assert.ok(task.metrics?.cpuPct !== undefined && task.metrics.cpuPct >= 0 && task.metrics.cpuPct <= 100);
    for (const c of task.containers) {
      assert.ok(c.metrics?.cpuUsed !== undefined && c.metrics.memoryUsed !== undefined, c.name);
      if (c.cpuLimit !== undefined) assert.ok(c.metrics.cpuUsed <= c.cpuLimit);
      if (c.memoryLimit !== undefined) assert.ok(c.metrics.memoryUsed <= c.memoryLimit);
      assert.equal(c.metrics.cpuHistory.length, 30);
    }
  }
});

test('two refreshes within one minute make one GetMetricData call; the next minute asks for one new point', async (t) => {
  const r = await rig(t, { scenario: { services: 2, tasksPerService: 1, containersPerTask: 1, insights: 'enhanced' } });
  const snap = await r.snapshot();
  const first = await r.metrics.attach(snap, [], signal());
  r.clock.set(T0 + 35_000);
  const second = await r.metrics.attach(snap, [], signal());
  assert.equal(r.sim.ledger.count('GetMetricData'), 1);
  assert.equal(second.metrics.metricsRequested, 0);
  assert.deepEqual(second.services[0]?.metrics?.cpuHistory, first.services[0]?.metrics?.cpuHistory);
  r.clock.set(T0 + MIN + 5_000);
  const third = await r.metrics.attach(snap, [], signal());
  assert.equal(r.sim.ledger.count('GetMetricData'), 2);
  const history = third.services[0]?.metrics?.cpuHistory ?? [];
  assert.equal(history.length, 31);
  assert.equal(history.at(-1)?.t, T0);
  assert.equal(third.services[0]?.metrics?.cpuPct, history.at(-1)?.v);
});

test('more than 500 queries are split into calls of at most 500', async (t) => {
  const r = await rig(t, { scenario: { services: 260, tasksPerService: 1, containersPerTask: 1, insights: 'disabled' } });
  const out = await r.metrics.attach(await r.snapshot(), [], signal());
  assert.deepEqual(r.sim.ledger.batchSizes('GetMetricData'), { 500: 1, 20: 1 });
  assert.equal(out.metrics.metricsRequested, 520);
  assert.ok(out.services.every((s) => s.metrics?.cpuPct !== undefined));
});

test('in a cluster above the threshold, container queries only for the focused service', async (t) => {
  const r = await rig(t, { scenario: { services: 12, tasksPerService: 2, containersPerTask: 2, insights: 'enhanced' } });
  const snap = await r.snapshot();
  const focus = snap.services[4]?.name ?? '';
  const out = await r.metrics.attach(snap, [focus], signal());
  // 12 × 2 service series + one service's 2 tasks × (2 + 2 containers × 2).
  assert.deepEqual(r.sim.ledger.batchSizes('GetMetricData'), { [24 + 12]: 1 });
  assert.ok(out.services[4]?.tasks[0]?.containers[0]?.metrics?.cpuUsed !== undefined);
  assert.equal(out.services[5]?.tasks[0]?.containers[0]?.metrics, undefined);
});

test('AccessDenied on GetMetricData: ECS data intact, metrics undefined, the missing permission named', async (t) => {
  const r = await rig(t, {
    scenario: { services: 2, tasksPerService: 1, containersPerTask: 1, insights: 'enhanced' },
    faults: [{ kind: 'deny', operation: 'GetMetricData' }],
  });
  const snap = await r.snapshot();
  const out = await r.metrics.attach(snap, [], signal());
  assert.equal(out.metrics.error, 'CloudWatch metrics unavailable: missing IAM permission cloudwatch:GetMetricData; ECS data is unaffected');
  assert.deepEqual(out.services.map((s) => s.name), snap.services.map((s) => s.name));
  assert.ok(out.services.every((s) => s.metrics === undefined && s.tasks.every((task) => task.metrics === undefined)));
  assert.equal(out.apiCalls['GetMetricData'], 1);
  r.sim.faults.clear();
  r.clock.set(T0 + MIN + 5_000);
  const back = await r.metrics.attach(snap, [], signal());
  assert.equal(back.metrics.error, undefined);
  assert.ok(back.services[0]?.metrics?.cpuPct !== undefined);
});

test('throttling that outlasts the retries is reported as throttling, not as stale numbers', async (t) => {
  const r = await rig(t, {
    scenario: { services: 1, tasksPerService: 1, containersPerTask: 1, insights: 'disabled' },
    faults: [{ kind: 'throttle', operation: 'GetMetricData' }],
  });
  const out = await r.metrics.attach(await r.snapshot(), [], signal());
  assert.match(out.metrics.error ?? '', /GetMetricData is throttled by AWS/);
  assert.equal(out.services[0]?.metrics, undefined);
});

test('aborting a refresh mid-call rejects with the abort and leaves the series due for the next refresh', async (t) => {
  const r = await rig(t, {
    scenario: { services: 1, tasksPerService: 1, containersPerTask: 1, insights: 'disabled' },
    faults: [{ kind: 'latency', operation: 'GetMetricData', ms: 2_000 }],
  });
  const snap = await r.snapshot();
  const controller = new AbortController();
  const pending = r.metrics.attach(snap, [], controller.signal);
  setTimeout(() => controller.abort(new Error('refresh cancelled')), 50);
  await assert.rejects(pending, /refresh cancelled/);
  r.sim.faults.clear();
  const out = await r.metrics.attach(snap, [], signal());
  assert.equal(out.metrics.metricsRequested, 2, 'asked again in the same minute: the aborted call did not count as done');
  assert.ok(out.services[0]?.metrics?.cpuPct !== undefined);
});

test('calls run concurrently, but never more at once than the concurrency allows', async (t) => {
  const r = await rig(t, {
    scenario: { services: 1, tasksPerService: 1, containersPerTask: 1, insights: 'disabled' },
    faults: [{ kind: 'latency', operation: 'GetMetricData', ms: 100 }],
    metrics: { concurrency: 2 },
  });
  // 760 services × 2 = 1,520 series: four calls (500, 500, 500, 20) through two slots.
  const out = await r.metrics.attach(testSnapshot(r.sim.clusterName, 'disabled', manyServices(760, 0)), [], signal());
  assert.equal(out.metrics.metricsRequested, 1520);
  assert.deepEqual(r.sim.ledger.batchSizes('GetMetricData'), { 500: 3, 20: 1 });
  assert.equal(r.sim.ledger.maxConcurrency, 2);
});

test('a large cluster: service metrics only for the services on screen, the rest as soon as they are scrolled to', async (t) => {
  const r = await rig(t, { scenario: { services: 100, tasksPerService: 1, containersPerTask: 1, insights: 'disabled' } });
  const snapshot = await r.snapshot();
  const names = snapshot.services.map((s) => s.name);
  const firstScreen = names.slice(0, 30);
  const out = await r.metrics.attach(snapshot, [], signal(), { shown: firstScreen });
  assert.equal(out.metrics.metricsRequested, 60, 'CPU and memory of 30 services, not 100');
  const withValues = out.services.filter((s) => s.metrics?.cpuPct !== undefined).map((s) => s.name);
  assert.deepEqual(withValues, firstScreen);

  // Scrolling down within the minute fetches only the services that came into view.
  const secondScreen = names.slice(20, 50);
  const scrolled = await r.metrics.attach(snapshot, [], signal(), { shown: secondScreen });
  assert.equal(scrolled.metrics.metricsRequested, 40);
  for (const name of secondScreen) assert.ok(scrolled.services.find((s) => s.name === name)?.metrics?.cpuPct !== undefined, name);

  // Sorted by CPU the screen needs every value.
  const all = await r.metrics.attach(snapshot, [], signal());
  assert.equal(all.metrics.metricsRequested, 2 * (100 - 50));
});
