// The metrics source against a stub CloudWatch endpoint whose data is shaped per test: gaps, stale
// series, paging, errors. The simulator-backed spec (metrics-sim.spec.ts) covers the Insights modes end to end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMetricsSource, UNWANTED_SERIES_KEEP_MS } from '../../lib/aws/metrics.js';
import { startCloudWatchStub } from './metrics-stub-cloudwatch.js';
import type { StubData, StubQuery } from './metrics-stub-cloudwatch.js';
import { manyServices, testSnapshot } from '../model/metric-test-snapshot.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 4, 12, 0, 0);

/** One point per minute in [start, end), value derived from the metric, skipping `skip` minutes and nothing after `until`. */
function everyMinute(opts: { skip?: (t: number) => boolean; until?: number; value?: (q: StubQuery, t: number) => number } = {}): StubData {
  return (q, start, end) => {
    const out: { t: number; v: number }[] = [];
    for (let t = start; t < end; t += MIN) {
      if (opts.skip?.(t) === true || (opts.until !== undefined && t > opts.until)) continue;
      out.push({ t, v: opts.value?.(q, t) ?? (q.metricName.startsWith('Container') ? 256 : 40) });
    }
    return out;
  };
}

function clock(start: number): { now: () => number; set: (t: number) => void } {
  let t = start;
  return { now: () => t, set: (v) => { t = v; } };
}

const web = [{ name: 'web', tasks: ['aaaa1111'], containers: ['app'] }];

test('the first attach backfills 30 minutes in one call so sparklines are full on the first frame', async (t) => {
  const stub = await startCloudWatchStub(everyMinute());
  t.after(() => stub.close());
  const c = clock(T0 + 30_000);
  const source = createMetricsSource(stub.client(), { cluster: 'prod', now: c.now });
  const out = await source.attach(testSnapshot('prod', 'enhanced', web), [], AbortSignal.timeout(10_000));
  assert.equal(stub.requests.length, 1);
  assert.equal(stub.requests[0]?.start, T0 - 30 * MIN);
  assert.equal(stub.requests[0]?.end, T0);
  assert.ok(stub.requests[0]?.queries.every((q) => q.period === 60 && /^[a-z][a-zA-Z0-9_]*$/.test(q.id)));
  const svc = out.services[0];
  assert.equal(svc?.metrics?.cpuHistory.length, 30);
  assert.equal(svc?.metrics?.cpuPct, 40);
  assert.equal(svc?.tasks[0]?.containers[0]?.metrics?.cpuUsed, 256);
  assert.equal(out.metrics.metricsRequested, 6);
  assert.equal(out.apiCalls['GetMetricData'], 1);
});

test('afterwards only new datapoints are asked for: StartTime is just after the newest known point', async (t) => {
  const stub = await startCloudWatchStub(everyMinute({ value: (_q, t) => (t - T0) / MIN + 100 }));
  t.after(() => stub.close());
  const c = clock(T0 + 30_000);
  const source = createMetricsSource(stub.client(), { cluster: 'prod', now: c.now });
  const snap = testSnapshot('prod', 'disabled', web);
  await source.attach(snap, [], AbortSignal.timeout(10_000));
  c.set(T0 + MIN + 5_000);
  const out = await source.attach(snap, [], AbortSignal.timeout(10_000));
  assert.equal(stub.requests.length, 2);
  assert.equal(stub.requests[1]?.start, T0, 'the newest known point was 11:59, so the window starts at 12:00');
  assert.equal(stub.requests[1]?.end, T0 + MIN);
  assert.equal(out.services[0]?.metrics?.cpuPct, 100, 'the 12:00 datapoint is now current');
  assert.equal(out.services[0]?.metrics?.cpuHistory.length, 31);
});

test('two refreshes within one minute make one GetMetricData call; the second still shows the values', async (t) => {
  const stub = await startCloudWatchStub(everyMinute());
  t.after(() => stub.close());
  const c = clock(T0 + 10_000);
  const calls: string[] = [];
  const source = createMetricsSource(stub.client(), { cluster: 'prod', now: c.now, onCall: (op) => calls.push(op) });
  const snap = testSnapshot('prod', 'enhanced', web);
  await source.attach(snap, [], AbortSignal.timeout(10_000));
  c.set(T0 + 15_000);
  const second = await source.attach(snap, [], AbortSignal.timeout(10_000));
  assert.equal(stub.requests.length, 1);
  assert.deepEqual(calls, ['GetMetricData']);
  assert.equal(second.metrics.metricsRequested, 0);
  assert.equal(second.apiCalls['GetMetricData'], undefined);
  assert.equal(second.services[0]?.metrics?.cpuPct, 40);
});

test('gaps in the data stay gaps: no interpolation, real timestamps in the history', async (t) => {
  const gap = (t: number): boolean => t >= T0 - 20 * MIN && t < T0 - 10 * MIN;
  const stub = await startCloudWatchStub(everyMinute({ skip: gap }));
  t.after(() => stub.close());
  const source = createMetricsSource(stub.client(), { cluster: 'prod', now: () => T0 + 30_000 });
  const out = await source.attach(testSnapshot('prod', 'disabled', web), [], AbortSignal.timeout(10_000));
  const history = out.services[0]?.metrics?.cpuHistory ?? [];
  assert.equal(history.length, 20);
  assert.ok(history.every((p) => !gap(p.t)));
  assert.equal(out.services[0]?.metrics?.cpuPct, 40);
});

test('a series whose data stopped more than two periods ago has no current value, only history', async (t) => {
  const stub = await startCloudWatchStub(everyMinute({ until: T0 - 5 * MIN }));
  t.after(() => stub.close());
  const source = createMetricsSource(stub.client(), { cluster: 'prod', now: () => T0 + 30_000 });
  const out = await source.attach(testSnapshot('prod', 'enhanced', web), [], AbortSignal.timeout(10_000));
  const svc = out.services[0];
  assert.equal(svc?.metrics?.cpuPct, undefined);
  assert.equal(svc?.metrics?.memPct, undefined);
  assert.equal(svc?.tasks[0]?.containers[0]?.metrics?.cpuUsed, undefined);
  assert.equal(svc?.metrics?.cpuHistory.at(-1)?.t, T0 - 5 * MIN);
});

test('a value that was current turns undefined when newer data does not arrive', async (t) => {
  const stub = await startCloudWatchStub(everyMinute({ until: T0 }));
  t.after(() => stub.close());
  const c = clock(T0 + MIN + 10_000);
  const source = createMetricsSource(stub.client(), { cluster: 'prod', now: c.now });
  const snap = testSnapshot('prod', 'disabled', web);
  assert.equal((await source.attach(snap, [], AbortSignal.timeout(10_000))).services[0]?.metrics?.cpuPct, 40);
  c.set(T0 + 3 * MIN + 10_000);
  const later = await source.attach(snap, [], AbortSignal.timeout(10_000));
  assert.equal(later.services[0]?.metrics?.cpuPct, undefined, 'the 12:00 point is 3 minutes old: not carried forward');
  assert.equal(stub.requests[1]?.start, T0 + MIN);
});

test('answers split over pages are followed through NextToken', async (t) => {
  const stub = await startCloudWatchStub(everyMinute());
  t.after(() => stub.close());
  stub.pageSize = 7;
  const source = createMetricsSource(stub.client(), { cluster: 'prod', now: () => T0 + 30_000 });
  const out = await source.attach(testSnapshot('prod', 'disabled', manyServices(10, 0)), [], AbortSignal.timeout(10_000));
  assert.equal(stub.requests.length, 3);
  assert.deepEqual(stub.requests.map((r) => r.nextToken), [undefined, '7', '14']);
  assert.ok(out.services.every((s) => s.metrics?.cpuPct === 40 && s.metrics.memPct === 40));
  assert.equal(out.apiCalls['GetMetricData'], 3);
});

test('AccessDenied leaves metrics undefined, names the missing permission, and is retried next minute only', async (t) => {
  const stub = await startCloudWatchStub(everyMinute());
  t.after(() => stub.close());
  const c = clock(T0 + 10_000);
  const source = createMetricsSource(stub.client(), { cluster: 'prod', now: c.now });
  const snap = testSnapshot('prod', 'enhanced', web);
  await source.attach(snap, [], AbortSignal.timeout(10_000));
  c.set(T0 + MIN + 10_000);
  stub.failWith('AccessDenied', 403);
  const denied = await source.attach(snap, [], AbortSignal.timeout(10_000));
  const expected = 'CloudWatch metrics unavailable: missing IAM permission cloudwatch:GetMetricData; ECS data is unaffected';
  assert.equal(denied.metrics.error, expected);
  assert.equal(denied.services[0]?.metrics, undefined, 'no old values');
  assert.equal(denied.services[0]?.tasks[0]?.containers[0]?.metrics, undefined);
  assert.equal(denied.services[0]?.tasks.length, 1, 'ECS data is untouched');
  c.set(T0 + MIN + 20_000);
  const again = await source.attach(snap, [], AbortSignal.timeout(10_000));
  assert.equal(stub.requests.length, 2, 'no retry within the same minute');
  assert.equal(again.metrics.error, expected);
  assert.equal(source.stats().lastError, expected);
  stub.failWith(undefined);
  c.set(T0 + 2 * MIN + 10_000);
  const back = await source.attach(snap, [], AbortSignal.timeout(10_000));
  assert.equal(back.metrics.error, undefined);
  assert.equal(back.services[0]?.metrics?.cpuPct, 40);
  assert.equal(stub.requests[2]?.start, T0, 'the missed minute is caught up');
});

test('throttling and an unreachable endpoint are named in the error', async (t) => {
  const stub = await startCloudWatchStub(everyMinute());
  t.after(() => stub.close());
  stub.failWith('Throttling', 400);
  const snap = testSnapshot('prod', 'disabled', web);
  const throttled = await createMetricsSource(stub.client(), { cluster: 'prod', now: () => T0 }).attach(snap, [], AbortSignal.timeout(10_000));
  assert.match(throttled.metrics.error ?? '', /^CloudWatch metrics unavailable: GetMetricData is throttled/);
  const client = stub.client();
  await stub.close();
  const offline = await createMetricsSource(client, { cluster: 'prod', now: () => T0 }).attach(snap, [], AbortSignal.timeout(10_000));
  assert.match(offline.metrics.error ?? '', /cannot be reached \(ECONNREFUSED\); ECS data is unaffected$/);
  assert.equal(offline.services[0]?.metrics, undefined);
});

test('an aborted signal rejects with the abort instead of reporting a metrics error', async (t) => {
  const stub = await startCloudWatchStub(everyMinute());
  t.after(() => stub.close());
  const source = createMetricsSource(stub.client(), { cluster: 'prod', now: () => T0 });
  const controller = new AbortController();
  controller.abort(new Error('refresh cancelled'));
  await assert.rejects(source.attach(testSnapshot('prod', 'disabled', web), [], controller.signal), /refresh cancelled/);
});

test('series of tasks that stopped are dropped from memory', async (t) => {
  const stub = await startCloudWatchStub(everyMinute());
  t.after(() => stub.close());
  const c = clock(T0);
  const source = createMetricsSource(stub.client(), { cluster: 'prod', now: c.now });
  await source.attach(testSnapshot('prod', 'enhanced', [{ name: 'web', tasks: ['t1', 't2'], containers: ['app'] }]), [], AbortSignal.timeout(10_000));
  assert.equal(source.stats().trackedSeries, 2 + 2 * 4);
  c.set(T0 + MIN);
  await source.attach(testSnapshot('prod', 'enhanced', [{ name: 'web', tasks: ['t2'], containers: ['app'] }]), [], AbortSignal.timeout(10_000));
  assert.equal(source.stats().trackedSeries, 2 + 4);
});

test('the cost estimate counts metrics requested per hour at $0.01 per 1,000', async (t) => {
  const stub = await startCloudWatchStub(everyMinute());
  t.after(() => stub.close());
  const c = clock(T0 + 5_000);
  const source = createMetricsSource(stub.client(), { cluster: 'prod', now: c.now });
  const snap = testSnapshot('prod', 'enhanced', manyServices(5, 2, ['app', 'envoy']));
  const first = await source.attach(snap, [], AbortSignal.timeout(10_000));
  // 5 services × (2 service + 2 tasks × 2 + 2 tasks × 2 containers × 2) = 70 metrics a minute.
  assert.equal(first.metrics.metricsRequested, 70);
  c.set(T0 + MIN + 5_000);
  await source.attach(snap, [], AbortSignal.timeout(10_000));
  const stats = source.stats();
  assert.equal(stats.metricsRequestedLastHour, 140);
  assert.equal(stats.projectedMetricsPerHour, 4200);
  assert.ok(Math.abs(stats.estimatedCostPerDayUsd - 4200 * 24 * 0.00001) < 1e-9);
});

test('in a large cluster only the focused service gets container queries; a new focus adds only its series', async (t) => {
  const stub = await startCloudWatchStub(everyMinute());
  t.after(() => stub.close());
  const c = clock(T0 + 5_000);
  const source = createMetricsSource(stub.client(), { cluster: 'prod', now: c.now });
  const snap = testSnapshot('prod', 'enhanced', manyServices(12, 2));
  const out = await source.attach(snap, ['svc-03'], AbortSignal.timeout(10_000));
  const detailed = stub.requests.flatMap((r) => r.queries).filter((q) => q.namespace === 'ECS/ContainerInsights');
  assert.equal(detailed.length, 2 * 2 + 2 * 2);
  assert.ok(detailed.every((q) => q.dimensions['ServiceName'] === 'svc-03'));
  assert.equal(out.services[3]?.tasks[0]?.containers[0]?.metrics?.cpuUsed, 256);
  assert.equal(out.services[4]?.tasks[0]?.containers[0]?.metrics, undefined);
  assert.equal(out.services[4]?.metrics?.cpuPct, 40, 'service level for every service');

  c.set(T0 + 20_000);
  const moved = await source.attach(snap, ['svc-05'], AbortSignal.timeout(10_000));
  assert.equal(moved.metrics.metricsRequested, 8, 'only the newly focused service, nothing already fetched this minute');
  assert.ok(stub.requests.at(-1)?.queries.every((q) => q.dimensions['ServiceName'] === 'svc-05'));
  assert.equal(moved.services[5]?.tasks[1]?.metrics?.cpuPct, 40);
});

test('600 series go out as two calls of 500 and 100 queries', async (t) => {
  const stub = await startCloudWatchStub(everyMinute());
  t.after(() => stub.close());
  const source = createMetricsSource(stub.client(), { cluster: 'prod', now: () => T0 + 5_000 });
  const out = await source.attach(testSnapshot('prod', 'disabled', manyServices(300, 0)), [], AbortSignal.timeout(20_000));
  assert.deepEqual(stub.requests.map((r) => r.queries.length).sort((a, b) => b - a), [500, 100]);
  assert.equal(out.metrics.metricsRequested, 600);
  assert.ok(out.services.every((s) => s.metrics?.cpuPct === 40));
});

test('with standard Insights container values are undefined and the header says why', async (t) => {
  const stub = await startCloudWatchStub(everyMinute());
  t.after(() => stub.close());
  const source = createMetricsSource(stub.client(), { cluster: 'prod', now: () => T0 + 5_000 });
  const out = await source.attach(testSnapshot('prod', 'enabled', web), ['web'], AbortSignal.timeout(10_000));
  assert.equal(out.metrics.note, 'container metrics need Container Insights with enhanced observability');
  assert.equal(out.metrics.mode, 'enabled');
  assert.ok(stub.requests.flatMap((r) => r.queries).every((q) => q.namespace === 'AWS/ECS'));
  assert.equal(out.services[0]?.metrics?.cpuPct, 40);
  assert.equal(out.services[0]?.tasks[0]?.metrics, undefined);
  assert.equal(out.services[0]?.tasks[0]?.containers[0]?.metrics, undefined);
});

test('switching to another cluster drops the first cluster\'s series', async (t) => {
  const stub = await startCloudWatchStub(everyMinute());
  t.after(() => stub.close());
  const source = createMetricsSource(stub.client(), { cluster: 'prod', now: () => T0 });
  await source.attach(testSnapshot('prod', 'disabled', web), [], AbortSignal.timeout(10_000));
  const other = await source.attach(testSnapshot('staging', 'disabled', web), [], AbortSignal.timeout(10_000));
  assert.equal(source.stats().trackedSeries, 2);
  assert.equal(other.metrics.metricsRequested, 2, 'same service name, other cluster: fetched, not reused');
  assert.equal(stub.requests[1]?.queries[0]?.dimensions['ClusterName'], 'staging');
});

test('series no attach wanted for ten minutes are forgotten: a focus moved on, a large cluster\'s first full fetch', async (t) => {
  const stub = await startCloudWatchStub(everyMinute());
  t.after(() => stub.close());
  const c = clock(T0 + 5_000);
  const source = createMetricsSource(stub.client(), { cluster: 'prod', now: c.now, screenfulServiceLimit: 10 });
  const snap = testSnapshot('prod', 'enhanced', manyServices(12, 2));
  const shown = ['svc-00', 'svc-01', 'svc-02', 'svc-03'];
  // The first refresh knows nothing of the screen yet: every service, plus the focus's tasks and containers.
  await source.attach(snap, ['svc-03'], AbortSignal.timeout(10_000));
  assert.equal(source.stats().trackedSeries, 12 * 2 + 8);

  c.set(T0 + 5 * MIN + 5_000);
  await source.attach(snap, ['svc-01'], AbortSignal.timeout(10_000), { shown });
  assert.equal(source.stats().trackedSeries, 12 * 2 + 8 + 8, 'within ten minutes nothing is forgotten');

  c.set(T0 + 5_000 + UNWANTED_SERIES_KEEP_MS + MIN);
  const out = await source.attach(snap, ['svc-01'], AbortSignal.timeout(10_000), { shown });
  assert.equal(source.stats().trackedSeries, shown.length * 2 + 8, 'the services on screen and the focus\'s detail');
  assert.equal(out.services[1]?.tasks[0]?.containers[0]?.metrics?.cpuUsed, 256);
  assert.equal(out.services[2]?.metrics?.cpuPct, 40);

  // Back on svc-03 after it was forgotten: backfilled like a new series, 30 minutes in one go.
  c.set(T0 + 5_000 + UNWANTED_SERIES_KEEP_MS + 2 * MIN);
  const back = await source.attach(snap, ['svc-03'], AbortSignal.timeout(10_000), { shown });
  assert.equal(back.services[3]?.tasks[0]?.containers[0]?.metrics?.cpuHistory.length, 30);
});
