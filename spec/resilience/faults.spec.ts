// Faults through the whole data path: the poller, the real SDK clients and the ECS and CloudWatch sources
// against the simulator, on a virtual clock (30 s between refreshes costs nothing). For every fault: the
// poller keeps running, the last good snapshot is kept and reported with its age, the error is one sentence
// saying what is wrong and what to do, the monitor recovers by itself when the fault clears, refreshes never
// overlap and no call retries without bound.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FaultRule } from '../../lib/sim/index.js';
import { assertBoundedRetries, assertSequentialCycles, RIG_INTERVAL_MS, startRig } from './rig.js';
import type { Rig } from './rig.js';

/** Small enough to be quick, big enough to need every ECS operation. */
const SMALL = { services: 3, tasksPerService: 2, containersPerTask: 2, insights: 'enhanced' } as const;

/** Runs `body` on a fresh rig whose first refresh succeeded; always closes the rig. */
async function withGoodStart(
  body: (rig: Rig) => Promise<void>,
  options: { requestTimeoutMs?: number; scenario?: typeof SMALL | 'demo'; living?: boolean } = {},
): Promise<void> {
  const rig = await startRig({
    scenario: options.scenario ?? SMALL,
    ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
    ...(options.living === undefined ? {} : { living: options.living }),
  });
  try {
    assert.equal(await rig.start(), 'snapshot', 'the first refresh, before any fault, succeeds');
    await body(rig);
  } finally {
    await rig.close();
  }
}

/** Requests of one healthy refresh after the first (task definitions cached): the unit for call bounds. */
function healthyCycleCalls(rig: Rig): number {
  return rig.sim.ledger.entries().length;
}

/**
 * The common contract while a fault lasts: two refreshes fail with `message`, each keeps the last good
 * snapshot and reports its age growing by the interval, the poller stays scheduled; once `clear` runs, the
 * next refresh succeeds with newer data.
 */
async function assertFaultContract(
  rig: Rig,
  fault: readonly FaultRule[] | (() => Promise<void>),
  message: string | RegExp,
  clear: () => Promise<void> | void,
): Promise<void> {
  const same = (actual: string): void => (typeof message === 'string' ? assert.equal(actual, message) : assert.match(actual, message));
  const good = rig.snapshots[rig.snapshots.length - 1];
  assert.ok(good, 'a good snapshot before the fault');
  if (typeof fault === 'function') await fault();
  else rig.sim.faults.set(fault);

  assert.equal(await rig.next(), 'error');
  const first = rig.lastError();
  same(first.error.message);
  assert.equal(first.lastSnapshot, good, 'the last good snapshot is kept');
  assert.ok(first.staleForMs !== undefined && first.staleForMs >= RIG_INTERVAL_MS, `stale for ${first.staleForMs} ms`);

  assert.equal(await rig.next(), 'error', 'the fault persists and so does the error');
  const second = rig.lastError();
  same(second.error.message);
  assert.equal(second.lastSnapshot, good);
  assert.ok((second.staleForMs ?? 0) >= (first.staleForMs ?? 0) + RIG_INTERVAL_MS, 'the age keeps growing');
  assert.notEqual(rig.poller.state.phase, 'stopped');
  assert.ok(rig.poller.state.nextRefreshAt !== undefined, 'another refresh is scheduled');

  await clear();
  assert.equal(await rig.next(), 'snapshot', 'recovers by itself once the fault clears');
  const recovered = rig.snapshots[rig.snapshots.length - 1];
  assert.ok(recovered && recovered.fetchedAt > good.fetchedAt);
  assert.equal(recovered.services.length, good.services.length);
  assert.equal(rig.poller.state.effectiveIntervalMs, RIG_INTERVAL_MS, 'the interval is back to normal');
}

/** Calls whose failure is final (denied, expired, not found) must not be retried: each made one attempt. */
function assertNotRetried(rig: Rig, operation: string): void {
  const calls = rig.calls.filter((c) => c.operation === operation);
  assert.ok(calls.length > 0);
  const retried = calls.filter((c) => c.attempts > 1);
  // Calls made before the fault may have been retried for other reasons; none here were.
  assert.deepEqual(retried, [], `${operation} calls retried a final error`);
}

describe('resilience: faults through poller, SDK and simulator', () => {
  it('throttling of half the calls for two minutes: data keeps flowing, no runaway retries, interval restored', async () => {
    await withGoodStart(async (rig) => {
      const perCycle = healthyCycleCalls(rig);
      rig.sim.faults.set({ kind: 'throttle', rate: 0.5 });
      const faultStart = rig.clock.now();
      let cycles = 0;
      while (rig.clock.now() - faultStart < 120_000) {
        const outcome = await rig.next();
        cycles++;
        if (outcome === 'error') {
          const event = rig.lastError();
          assert.equal(event.error.kind, 'throttled');
          assert.match(event.error.message, /^AWS is throttling API calls.*backing off, and a longer refresh interval will help\.$/);
          assert.ok(event.lastSnapshot, 'the last good snapshot is kept while throttled');
          assert.equal(rig.poller.state.phase, 'backing-off');
        }
      }
      assert.ok(cycles >= 3, `${cycles} refreshes in two minutes`);
      // Half the calls failing is absorbed by the SDK's retries: most refreshes still bring fresh data.
      assert.ok(rig.snapshots.length >= 3, `${rig.snapshots.length} snapshots`);
      const throttled = rig.sim.ledger.count(undefined, 'ThrottlingException') + rig.sim.ledger.count(undefined, 'Throttling');
      assert.ok(throttled > 0, 'the fault really throttled calls');

      rig.sim.faults.clear();
      assert.equal(await rig.next(), 'snapshot');
      assert.equal(rig.poller.state.effectiveIntervalMs, RIG_INTERVAL_MS);
      assert.equal(rig.poller.state.stretchReason, undefined);
      assertSequentialCycles(rig);
      // Each call at most 10 attempts; in all, no more than 10 attempts per call of a healthy refresh.
      assertBoundedRetries(rig, perCycle * 10 * (cycles + 2));
    });
  });

  it('10 s latency within the request timeout: slow refreshes succeed one after another, never overlapping', async () => {
    // Scaled down 1:50 — 200 ms of latency against the production ratio of a 15 s per-attempt timeout (300 ms).
    await withGoodStart(
      async (rig) => {
        rig.sim.faults.set({ kind: 'latency', ms: 200 });
        for (let i = 0; i < 3; i++) assert.equal(await rig.next(), 'snapshot');
        const slow = rig.snapshots[rig.snapshots.length - 1];
        assert.ok(slow && slow.durationMs >= 200, `a refresh took ${slow?.durationMs} ms`);
        assert.equal(rig.errors.length, 0);
        assertSequentialCycles(rig);
        assert.deepEqual(rig.calls.filter((c) => c.attempts > 1), [], 'no call was retried');
      },
      { requestTimeoutMs: 300 },
    );
  });

  it('latency beyond the request timeout: each refresh gives up after its attempts and says the endpoint is unreachable', async () => {
    await withGoodStart(
      async (rig) => {
        await assertFaultContract(
          rig,
          [{ kind: 'latency', operation: 'DescribeClusters', ms: 400 }],
          'Cannot reach AWS (DescribeClusters): ETIMEDOUT; check the network, VPN or proxy and the endpoint.',
          () => rig.sim.faults.clear(),
        );
        const timedOut = rig.calls.filter((c) => c.operation === 'DescribeClusters' && c.attempts > 1);
        assert.ok(timedOut.length > 0, 'timeouts are retried');
        assertBoundedRetries(rig, 500);
        assertSequentialCycles(rig);
      },
      { requestTimeoutMs: 100 },
    );
  });

  it('a short burst of 5xx is absorbed by retries: no error, fresh data', async () => {
    await withGoodStart(async (rig) => {
      rig.sim.faults.set({ kind: 'error', count: 4 });
      assert.equal(await rig.next(), 'snapshot');
      assert.equal(rig.errors.length, 0);
      assert.equal(rig.sim.ledger.count(undefined, 'ServerException') + rig.sim.ledger.count(undefined, 'InternalFailure'), 4);
      assertSequentialCycles(rig);
    });
  });

  it('a long burst of 5xx fails refreshes with AWS\'s own words, then ends and the monitor recovers unaided', async () => {
    await withGoodStart(async (rig) => {
      const good = rig.snapshots[0];
      // Every call of the next refreshes fails until 60 failures have been served.
      rig.sim.faults.set({ kind: 'error', count: 60 });
      let failed = 0;
      let outcome: 'snapshot' | 'error' = 'error';
      for (let i = 0; i < 12 && outcome === 'error'; i++) {
        outcome = await rig.next();
        if (outcome === 'error') {
          failed++;
          const event = rig.lastError();
          assert.match(event.error.message, /^AWS call failed \(\w+\): Service Unavailable\.$/);
          assert.equal(event.lastSnapshot, good);
        }
      }
      assert.ok(failed >= 1, 'the burst failed at least one refresh');
      assert.equal(outcome, 'snapshot', 'recovered once the burst ended');
      assert.equal(rig.sim.faults.list().length, 0);
      assertSequentialCycles(rig);
      assertBoundedRetries(rig, 400);
    });
  });

  it('the endpoint down (connection refused) and back', async () => {
    await withGoodStart(async (rig) => {
      await assertFaultContract(
        rig,
        () => rig.sim.stopListening(),
        // Which call notices first depends on timing; the sentence is otherwise fixed.
        /^Cannot reach AWS \(\w+\): ECONNREFUSED; check the network, VPN or proxy and the endpoint\.$/,
        () => rig.sim.resumeListening(),
      );
      assertSequentialCycles(rig);
      // The SDK's retry quota runs dry during an outage, so later refreshes fail fast instead of retrying.
      assertBoundedRetries(rig, 300);
    });
  });

  it('AccessDenied on one ECS operation names the missing permission and the policy file', async () => {
    await withGoodStart(async (rig) => {
      await assertFaultContract(
        rig,
        [{ kind: 'deny', operation: 'DescribeServices' }],
        'Access denied: the credentials lack `ecs:DescribeServices`; add it to the IAM policy (see docs/iam-policy.json).',
        () => rig.sim.faults.clear(),
      );
      assertNotRetried(rig, 'DescribeServices');
      assertSequentialCycles(rig);
    });
  });

  it('AccessDenied on cloudwatch:GetMetricData only: ECS data keeps flowing, metrics are absent and the reason names the permission', async () => {
    await withGoodStart(async (rig) => {
      const before = rig.snapshots[0];
      assert.ok(before, 'a first snapshot');
      assert.ok(before.services.some((s) => s.metrics?.cpuPct !== undefined), 'metrics before the fault');
      rig.sim.faults.set({ kind: 'deny', operation: 'GetMetricData' });
      // Metrics are asked for once a minute: two refreshes 30 s apart reach the next minute.
      assert.equal(await rig.next(), 'snapshot');
      assert.equal(await rig.next(), 'snapshot');
      const denied = rig.snapshots[rig.snapshots.length - 1];
      assert.ok(denied);
      assert.equal(rig.errors.length, 0, 'not an error of the refresh: ECS data is fine');
      assert.equal(denied.services.length, before.services.length);
      assert.ok(denied.fetchedAt > before.fetchedAt, 'fresh ECS data');
      assert.match(denied.metrics.error ?? '', /cloudwatch:GetMetricData/);
      assert.ok(rig.sim.ledger.count('GetMetricData', 'AccessDenied') > 0);
      assertNotRetried(rig, 'GetMetricData');

      rig.sim.faults.clear();
      for (let i = 0; i < 3 && rig.snapshots[rig.snapshots.length - 1]?.metrics.error !== undefined; i++) {
        assert.equal(await rig.next(), 'snapshot');
      }
      const healed = rig.snapshots[rig.snapshots.length - 1];
      assert.equal(healed?.metrics.error, undefined, 'the metrics error goes once GetMetricData is allowed again');
      assert.ok(healed?.services.some((s) => s.metrics?.cpuPct !== undefined), 'metrics are back');
      assertSequentialCycles(rig);
    });
  });

  it('credentials expiring mid-run: says so and how to refresh them, and picks up new ones', async () => {
    await withGoodStart(async (rig) => {
      await assertFaultContract(
        rig,
        [{ kind: 'expired' }],
        'The AWS credentials have expired; refresh them (or log in again) and the monitor will pick them up.',
        () => rig.sim.faults.clear(),
      );
      assertNotRetried(rig, 'DescribeClusters');
      assertSequentialCycles(rig);
    });
  });

  it('the cluster deleted mid-run: names the cluster and region, and comes back if it reappears', async () => {
    await withGoodStart(async (rig) => {
      await assertFaultContract(
        rig,
        [{ kind: 'notfound' }],
        'Cluster "sim" was not found in us-east-1; check --cluster and --region, or omit --cluster to pick one.',
        () => rig.sim.faults.clear(),
      );
      assertSequentialCycles(rig);
      assertBoundedRetries(rig, 200);
    });
  });

  it('a new task definition that cannot be described: data stays fresh, its tasks show their own sizes, the header names the permission', async () => {
    await withGoodStart(
      async (rig) => {
        const known = new Set(rig.snapshots[0]?.services.flatMap((s) => s.tasks.map((t) => t.taskDefinitionArn)));
        rig.sim.faults.set({ kind: 'deny', operation: 'DescribeTaskDefinition' });
        // Definitions in use stay cached; a deployment of a new revision needs one described. Five minutes
        // of the living world (seeded) start a deployment and launch its first tasks.
        for (let i = 0; i < 60; i++) {
          rig.clock.advance(5_000);
          rig.sim.tick();
        }
        assert.equal(await rig.next(), 'snapshot', 'not an error of the refresh');
        const denied = rig.snapshots[rig.snapshots.length - 1];
        assert.ok(denied);
        const message = 'Access denied: the credentials lack `ecs:DescribeTaskDefinition`; add it to the IAM policy (see docs/iam-policy.json).';
        assert.equal(denied.definitionsWarning, message);
        const fresh = denied.services.flatMap((s) => s.tasks).filter((t) => !known.has(t.taskDefinitionArn));
        assert.ok(fresh.length > 0, 'tasks of the new revision are shown');
        for (const c of fresh.flatMap((t) => t.containers)) {
          assert.ok(c.cpuLimit !== undefined && c.memoryLimit !== undefined, 'with the sizes the task reports');
        }
        assertNotRetried(rig, 'DescribeTaskDefinition');

        // Within the minute the definition is not asked for again; the warning stays.
        const denials = rig.sim.ledger.count('DescribeTaskDefinition');
        assert.equal(await rig.next(), 'snapshot');
        assert.equal(rig.snapshots[rig.snapshots.length - 1]?.definitionsWarning, message);
        assert.equal(rig.sim.ledger.count('DescribeTaskDefinition'), denials);

        rig.sim.faults.clear();
        for (let i = 0; i < 4 && rig.snapshots[rig.snapshots.length - 1]?.definitionsWarning !== undefined; i++) {
          assert.equal(await rig.next(), 'snapshot');
        }
        const healed = rig.snapshots[rig.snapshots.length - 1];
        assert.equal(healed?.definitionsWarning, undefined, 'the warning goes once the permission is back');
        const healedFresh = healed?.services.flatMap((s) => s.tasks).filter((t) => !known.has(t.taskDefinitionArn)) ?? [];
        assert.ok(healedFresh.flatMap((t) => t.containers).every((c) => c.hasHealthCheck !== undefined), 'definitions described');
        assert.equal(rig.errors.length, 0);
        assertSequentialCycles(rig);
      },
      { living: true },
    );
  });
});
