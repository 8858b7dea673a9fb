import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attachMetrics, reageMetrics } from '../../lib/model/metric-attach.js';
import { containerSeries, serviceSeries, taskSeries } from '../../lib/model/metric-series.js';
import type { MetricPoint } from '../../lib/model/types.js';
import { testSnapshot } from './metric-test-snapshot.js';

const MIN = 60_000;
const NOW = Date.UTC(2026, 11, 4, 12, 0, 30);
const fresh: MetricPoint[] = [{ t: NOW - 3 * MIN, v: 20 }, { t: NOW - 90_000, v: 25 }];
const stale: MetricPoint[] = [{ t: NOW - 10 * MIN, v: 99 }];

test('services, tasks and containers get current values and histories from their series', () => {
  const snap = testSnapshot('prod', 'enhanced', [{ name: 'web', tasks: ['t1'], containers: ['app'] }]);
  const histories = new Map<string, readonly MetricPoint[]>([
    [serviceSeries('prod', 'web', 'cpu').key, fresh],
    [serviceSeries('prod', 'web', 'mem').key, stale],
    [taskSeries('prod', 'web', 't1', 'cpu').key, fresh],
    [taskSeries('prod', 'web', 't1', 'mem').key, fresh],
    [containerSeries('prod', 'web', 't1', 'app', 'cpu').key, [{ t: NOW - 90_000, v: 256 }]],
    [containerSeries('prod', 'web', 't1', 'app', 'mem').key, [{ t: NOW - 90_000, v: 300 }]],
  ]);
  const out = attachMetrics(snap, { histories, now: NOW, status: { mode: 'enhanced', metricsRequested: 6 }, getMetricDataCalls: 1 });
  const web = out.services[0];
  assert.equal(web?.metrics?.cpuPct, 25);
  assert.equal(web?.metrics?.memPct, undefined, 'a 10-minute-old value is not current');
  assert.deepEqual(web?.metrics?.memHistory, stale, 'the history still shows it, at its real time');
  assert.equal(web?.tasks[0]?.metrics?.cpuPct, 25);
  assert.equal(web?.tasks[0]?.containers[0]?.metrics?.cpuUsed, 256);
  assert.equal(web?.tasks[0]?.containers[0]?.metrics?.memoryUsed, 300);
  assert.deepEqual(out.apiCalls, { ListServices: 1, GetMetricData: 1 });
  assert.equal(out.metrics.metricsRequested, 6);
  assert.equal(snap.services[0]?.metrics, undefined, 'the input snapshot is not modified');
});

test('a level without its series gets no metrics at all, even when the input carried some', () => {
  const snap = testSnapshot('prod', 'enabled', [{ name: 'web', tasks: ['t1'] }]);
  const withOld = attachMetrics(snap, {
    histories: new Map([[serviceSeries('prod', 'web', 'cpu').key, fresh], [serviceSeries('prod', 'web', 'mem').key, fresh]]),
    now: NOW,
    status: { mode: 'enabled', metricsRequested: 2 },
    getMetricDataCalls: 1,
  });
  assert.ok(withOld.services[0]?.metrics !== undefined);
  const out = attachMetrics(withOld, { histories: new Map(), now: NOW, status: { mode: 'enabled', metricsRequested: 0, error: 'x' }, getMetricDataCalls: 0 });
  assert.equal(out.services[0]?.metrics, undefined);
  assert.equal(out.services[0]?.tasks[0]?.containers[0]?.metrics, undefined);
  assert.equal('GetMetricData' in out.apiCalls, true, 'earlier calls already merged stay');
  assert.equal(out.apiCalls['GetMetricData'], 1);
});

test('tasks of services that are not detailed lose any container metrics they carried', () => {
  const snap = testSnapshot('prod', 'enhanced', [{ name: 'web', tasks: ['t1'], containers: ['app'] }]);
  const histories = new Map<string, readonly MetricPoint[]>([
    [taskSeries('prod', 'web', 't1', 'cpu').key, fresh],
    [taskSeries('prod', 'web', 't1', 'mem').key, fresh],
    [containerSeries('prod', 'web', 't1', 'app', 'cpu').key, fresh],
    [containerSeries('prod', 'web', 't1', 'app', 'mem').key, fresh],
  ]);
  const status = { mode: 'enhanced' as const, metricsRequested: 0 };
  const detailed = attachMetrics(snap, { histories, now: NOW, status, getMetricDataCalls: 0, detailedServices: new Set(['web']) });
  assert.equal(detailed.services[0]?.tasks[0]?.containers[0]?.metrics?.cpuUsed, 25);
  const focusMoved = attachMetrics(detailed, { histories, now: NOW, status, getMetricDataCalls: 0, detailedServices: new Set() });
  assert.equal(focusMoved.services[0]?.tasks[0]?.metrics, undefined);
  assert.equal(focusMoved.services[0]?.tasks[0]?.containers[0]?.metrics, undefined);
});

test('a snapshot kept over failed refreshes shows - once its values age past two periods, histories kept', () => {
  const snap = testSnapshot('prod', 'enhanced', [{ name: 'web', tasks: ['t1'], containers: ['app'] }]);
  const point: MetricPoint[] = [{ t: NOW - 90_000, v: 40 }];
  const histories = new Map<string, readonly MetricPoint[]>([
    [serviceSeries('prod', 'web', 'cpu').key, point],
    [serviceSeries('prod', 'web', 'mem').key, point],
    [taskSeries('prod', 'web', 't1', 'cpu').key, point],
    [taskSeries('prod', 'web', 't1', 'mem').key, point],
    [containerSeries('prod', 'web', 't1', 'app', 'cpu').key, point],
    [containerSeries('prod', 'web', 't1', 'app', 'mem').key, point],
  ]);
  const shown = attachMetrics(snap, { histories, now: NOW, status: { mode: 'enhanced', metricsRequested: 6 }, getMetricDataCalls: 1 });
  assert.equal(shown.services[0]?.metrics?.cpuPct, 40);

  const soon = reageMetrics(shown, NOW + 30_000);
  assert.equal(soon.services[0]?.metrics?.cpuPct, 40, 'still within two periods');

  const later = reageMetrics(shown, NOW + 5 * MIN);
  const web = later.services[0];
  assert.equal(web?.metrics?.cpuPct, undefined);
  assert.equal(web?.metrics?.memPct, undefined);
  assert.deepEqual(web?.metrics?.cpuHistory, point);
  assert.equal(web?.tasks[0]?.metrics?.cpuPct, undefined);
  assert.equal(web?.tasks[0]?.containers[0]?.metrics?.cpuUsed, undefined);
  assert.equal(web?.tasks[0]?.containers[0]?.metrics?.memoryUsed, undefined);
  assert.deepEqual(web?.tasks[0]?.containers[0]?.metrics?.memHistory, point);
  assert.equal(shown.services[0]?.metrics?.cpuPct, 40, 'the input snapshot is not modified');
});
