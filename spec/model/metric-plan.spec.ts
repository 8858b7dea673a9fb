import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  INSIGHTS_NOTES,
  detailedServices,
  insightsNote,
  isDue,
  planMetricRequests,
  SCREENFUL_SERVICE_LIMIT,
  serviceScope,
  wantedSeries,
  windowStart,
} from '../../lib/model/metric-plan.js';
import { serviceSeries } from '../../lib/model/metric-series.js';
import { manyServices, testSnapshot } from './metric-test-snapshot.js';

const MIN = 60_000;
const END = Date.UTC(2026, 11, 4, 12, 0, 0);

test('service CPU and memory are always wanted; tasks and containers only with enhanced Insights', () => {
  const shape = [{ name: 'web', tasks: ['t1'], containers: ['app', 'envoy'] }];
  for (const mode of ['disabled', 'enabled'] as const) {
    const snap = testSnapshot('prod', mode, shape);
    const names = wantedSeries(snap, detailedServices(snap, ['web'], 10)).map((s) => s.metricName);
    assert.deepEqual(names, ['CPUUtilization', 'MemoryUtilization'], mode);
  }
  const snap = testSnapshot('prod', 'enhanced', shape);
  const wanted = wantedSeries(snap, detailedServices(snap, [], 10));
  assert.deepEqual(wanted.map((s) => s.metricName), [
    'CPUUtilization', 'MemoryUtilization', 'TaskCpuUtilization', 'TaskMemoryUtilization',
    'ContainerCpuUtilized', 'ContainerMemoryUtilized', 'ContainerCpuUtilized', 'ContainerMemoryUtilized',
  ]);
  const envoy = wanted.find((s) => s.container === 'envoy' && s.field === 'mem');
  assert.deepEqual(envoy?.dimensions, [
    { name: 'ClusterName', value: 'prod' }, { name: 'ServiceName', value: 'web' },
    { name: 'TaskId', value: 't1' }, { name: 'ContainerName', value: 'envoy' },
  ]);
  assert.equal(envoy?.namespace, 'ECS/ContainerInsights');
});

test('in a cluster above the threshold only focused services get task and container series', () => {
  const snap = testSnapshot('prod', 'enhanced', manyServices(11, 2));
  assert.deepEqual([...detailedServices(snap, ['svc-03'], 10)], ['svc-03']);
  const wanted = wantedSeries(snap, detailedServices(snap, ['svc-03'], 10));
  assert.equal(wanted.filter((s) => s.level === 'service').length, 22);
  assert.ok(wanted.filter((s) => s.level !== 'service').every((s) => s.service === 'svc-03'));
  assert.equal(wanted.length, 22 + 2 * 2 + 2 * 2);
  assert.equal(detailedServices(snap, [], 10).size, 0);
});

test('a small cluster gets task and container series for every service without focus', () => {
  const snap = testSnapshot('prod', 'enhanced', manyServices(10, 1));
  assert.equal(detailedServices(snap, [], 10).size, 10);
});

test('the header note explains what each Insights mode cannot show', () => {
  assert.equal(insightsNote('enabled'), 'container metrics need Container Insights with enhanced observability');
  assert.equal(insightsNote('disabled'), INSIGHTS_NOTES.disabled);
  assert.match(INSIGHTS_NOTES.disabled, /Container Insights is disabled/);
  assert.equal(insightsNote('enhanced'), undefined);
});

test('a series is due once per period: not again before the window end moves to the next minute', () => {
  assert.equal(isDue(undefined, END), true);
  assert.equal(isDue(END, END), false);
  assert.equal(isDue(END, END + MIN), true);
});

test('a new series backfills the history window; a known one starts right after its newest point', () => {
  assert.equal(windowStart(undefined, undefined, END, 30 * MIN), END - 30 * MIN);
  assert.equal(windowStart(END - 2 * MIN, END - MIN, END, 30 * MIN), END - MIN);
  assert.equal(windowStart(END - 3 * 60 * MIN, undefined, END, 30 * MIN), END - 30 * MIN);
});

test('a series with a gap re-asks only the last two periods, not its whole history, every minute', () => {
  assert.equal(windowStart(END - 20 * MIN, END - MIN, END, 30 * MIN), END - 3 * MIN);
  assert.equal(windowStart(undefined, END - MIN, END, 30 * MIN), END - 3 * MIN);
  assert.equal(windowStart(END - 11 * MIN, END - 10 * MIN, END, 30 * MIN), END - 10 * MIN, 'after ten failed minutes all ten are caught up');
});

test('more than 500 due series are split into calls of at most 500, grouped by window start', () => {
  const series = Array.from({ length: 1100 }, (_, i) => serviceSeries('prod', `s${i}`, 'cpu'));
  const due = series.map((s, i) => ({ series: s, start: i < 1050 ? END - 30 * MIN : END - MIN }));
  const requests = planMetricRequests(due, END);
  assert.deepEqual(requests.map((r) => [r.series.length, (END - r.start) / MIN]), [[500, 30], [500, 30], [50, 30], [50, 1]]);
  assert.equal(new Set(requests.flatMap((r) => r.series.map((s) => s.key))).size, 1100);
});

test('a series whose window is empty is not requested', () => {
  assert.deepEqual(planMetricRequests([{ series: serviceSeries('prod', 'web', 'cpu'), start: END }], END), []);
});

test('a large cluster wants service series only for the services on screen and in focus', () => {
  const snap = testSnapshot('prod', 'disabled', manyServices(SCREENFUL_SERVICE_LIMIT + 10, 1));
  const scope = serviceScope(snap, ['svc-45'], ['svc-00', 'svc-01']);
  const services = new Set(wantedSeries(snap, new Set(), scope).map((s) => s.dimensions.find((d) => d.name === 'ServiceName')?.value));
  assert.deepEqual([...services].sort(), ['svc-00', 'svc-01', 'svc-45']);
});

test('every service is wanted when the screen asks for all (sorted by CPU) or the cluster is a screenful', () => {
  const large = testSnapshot('prod', 'disabled', manyServices(SCREENFUL_SERVICE_LIMIT + 10, 1));
  assert.equal(serviceScope(large, [], undefined), undefined);
  assert.equal(wantedSeries(large, new Set(), serviceScope(large, [], undefined)).length, 2 * (SCREENFUL_SERVICE_LIMIT + 10));
  const screenful = testSnapshot('prod', 'disabled', manyServices(SCREENFUL_SERVICE_LIMIT, 1));
  assert.equal(serviceScope(screenful, [], ['svc-00']), undefined);
});
