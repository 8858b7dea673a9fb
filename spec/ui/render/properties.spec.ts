// Random and hostile data fed to every render function: no throw, exact widths, no control
// characters, and no markup other than the tags the renderer itself adds.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Container, Deployment, MetricPoint, Service, ServiceEvent, Task } from '../../../lib/model/types.js';
import { renderServiceHeader, renderServiceRow, selectServices, serviceColumns, SORT_KEYS } from '../../../lib/ui/render/service-table.js';
import { renderTaskTree } from '../../../lib/ui/render/tree.js';
import { renderHeader } from '../../../lib/ui/render/header.js';
import { renderContainerDetails, renderServiceDetails, renderTaskDetails } from '../../../lib/ui/render/details.js';
import { renderClusterRows } from '../../../lib/ui/render/cluster-picker.js';
import { sparkline } from '../../../lib/ui/render/sparkline.js';
import { clean, displayWidth, pad, truncate } from '../../../lib/ui/render/text.js';
import { fixturePath } from '../../support/paths.js';
import { NOW, snapshot } from './builders.js';

const hostile: string[] = (JSON.parse(readFileSync(fixturePath('ui', 'hostile-strings.json'), 'utf8')) as { strings: string[] }).strings;

const text = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constantFrom(...hostile)), {
    maxLength: 4,
  })
  .map((parts) => parts.join(''));
const num = fc.oneof(
  fc.integer({ min: -5, max: 5000 }),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, 1e300, -1e300, Number.NaN, Number.POSITIVE_INFINITY),
);
const count = fc.oneof(fc.nat({ max: 20 }), fc.constantFrom(0, 99999, Number.MAX_SAFE_INTEGER));
const time = fc.oneof(fc.integer({ min: NOW - 400 * 86_400_000, max: NOW + 3_600_000 }), fc.constantFrom(0, Number.NaN, 8.64e15));
const point: fc.Arbitrary<MetricPoint> = fc.record({
  t: fc.oneof(fc.integer({ min: NOW - 30 * 60_000, max: NOW + 120_000 }), time),
  v: num,
});
const history = fc.array(point, { maxLength: 30 });
const health = fc.constantFrom('HEALTHY', 'UNHEALTHY', 'WARNING', 'UNKNOWN') as fc.Arbitrary<Service['health']>;
const ecsHealth = fc.constantFrom('HEALTHY', 'UNHEALTHY', 'UNKNOWN') as fc.Arbitrary<Task['healthStatus']>;
const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });
const optional = { requiredKeys: [] as never[] };

const container: fc.Arbitrary<Container> = fc
  .record({
    name: text,
    healthStatus: ecsHealth,
    lastStatus: text,
    hasHealthCheck: fc.boolean(),
    exitCode: num,
    reason: text,
    image: text,
    runtimeId: text,
    cpuLimit: num,
    memoryLimit: num,
    metrics: fc.record({ cpuUsed: maybe(num), memoryUsed: maybe(num), cpuHistory: history, memHistory: history }),
  }, { requiredKeys: ['name', 'healthStatus'] });

const utilization = fc.record({ cpuPct: maybe(num), memPct: maybe(num), cpuHistory: history, memHistory: history });

const task: fc.Arbitrary<Task> = fc
  .tuple(
    fc.record({ id: text, lastStatus: text, healthStatus: ecsHealth, taskDefinitionArn: text, containers: fc.array(container, { maxLength: 3 }) }),
    fc.record(
      {
        group: text, desiredStatus: text, launchType: text, revision: num, startedBy: text, createdAt: time, startedAt: time,
        stoppingAt: time, stoppedAt: time, stopCode: text, stoppedReason: text, cpu: num, memory: num, metrics: utilization,
      },
      optional,
    ),
  )
  .map(([req, opt]) => ({ ...opt, ...req, arn: `arn/${req.id}`, shortId: req.id.slice(0, 6) }));

const deployment: fc.Arbitrary<Deployment> = fc
  .tuple(
    fc.record({ id: text, status: fc.oneof(fc.constantFrom('PRIMARY', 'ACTIVE', 'INACTIVE'), text), desiredCount: count, runningCount: count, pendingCount: count, failedTasks: count, taskDefinition: text }),
    fc.record({ rolloutState: fc.oneof(fc.constantFrom('COMPLETED', 'IN_PROGRESS', 'FAILED'), text), rolloutStateReason: text, createdAt: time, updatedAt: time }, optional),
  )
  .map(([req, opt]) => ({ ...opt, ...req }));

const event: fc.Arbitrary<ServiceEvent> = fc.record({ id: text, createdAt: time, message: text });

const service: fc.Arbitrary<Service> = fc
  .tuple(
    fc.record({
      name: text, status: text, desiredCount: count, runningCount: count, pendingCount: count, health,
      deployments: fc.array(deployment, { maxLength: 4 }), events: fc.array(event, { maxLength: 8 }),
      tasks: fc.array(task, { maxLength: 4 }), stoppedTasks: fc.array(task, { maxLength: 3 }),
    }),
    fc.record({ launchType: text, taskDefinition: text, createdAt: time, metrics: utilization }, optional),
  )
  .map(([req, opt]) => ({ ...opt, ...req, arn: `arn/${req.name}` }));

const width = fc.integer({ min: 0, max: 220 });

const OWN_TAG = /\{(?:open|close|\/?(?:bold|(?:green|yellow|red|gray|cyan|black)-fg|yellow-bg))\}/g;

/** What reaches the terminal is safe: no control characters, no braces except the renderer's tags. */
function assertSafe(out: string, allowNewlines = false): void {
  const body = allowNewlines ? out.replace(/\n/g, '') : out;
  assert.doesNotMatch(body, /[\x00-\x1f\x7f-\x9f]|\p{Cf}/u, JSON.stringify(out));
  assert.doesNotMatch(body.replace(OWN_TAG, ''), /[{}]/, JSON.stringify(out));
}

const runs = { numRuns: 150 };

describe('render functions on random and hostile data', () => {
  it('text primitives: clean output is safe and pad is exact', () => {
    fc.assert(
      fc.property(text, width, (s, w) => {
        const c = clean(s);
        assertSafe(c);
        assert.equal(displayWidth(pad(c, w)), w);
        assert.ok(displayWidth(truncate(c, w)) <= w);
      }),
      { numRuns: 500 },
    );
  });

  it('service rows and header are exactly the layout width', () => {
    fc.assert(
      fc.property(service, width, (s, w) => {
        const layout = serviceColumns(w);
        if (w >= 25) assert.equal(layout.width, w);
        const row = renderServiceRow(s, layout, NOW);
        assert.equal(displayWidth(row), layout.width);
        assertSafe(row);
        assert.equal(displayWidth(renderServiceHeader(layout)), layout.width);
      }),
      runs,
    );
  });

  it('selectServices keeps every service whose name contains the filter, in every sort', () => {
    fc.assert(
      fc.property(fc.array(service, { maxLength: 12 }), fc.constantFrom(...SORT_KEYS), text, (list, sort, filter) => {
        const out = selectServices(list, { sort, filter });
        const needle = filter.trim();
        for (const s of list) if (s.name.includes(needle)) assert.ok(out.includes(s));
        for (const s of out) assert.ok(list.includes(s));
        assert.equal(new Set(out).size, out.length);
      }),
      runs,
    );
  });

  it('selectServices filters ASCII names ignoring case, whatever the sort', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...'abcABC-_1.*[('), maxLength: 6 });
    const named = fc.tuple(service, ascii).map(([s, name]) => ({ ...s, name }));
    fc.assert(
      fc.property(fc.array(named, { maxLength: 12 }), fc.constantFrom(...SORT_KEYS), ascii, (list, sort, filter) => {
        const needle = filter.trim().toLowerCase();
        const expected = list.filter((s) => s.name.toLowerCase().includes(needle));
        const out = selectServices(list, { sort, filter });
        assert.deepEqual([...out].sort((a, b) => list.indexOf(a) - list.indexOf(b)), expected);
      }),
      runs,
    );
  });

  it('task tree lines are exactly the width, whatever is expanded', () => {
    fc.assert(
      fc.property(service, width, fc.boolean(), fc.boolean(), (s, w, expandAll, stopped) => {
        const expanded = new Set(expandAll ? s.tasks.map((t) => t.id) : []);
        const lines = renderTaskTree(s, { expanded, stoppedExpanded: stopped, now: NOW, width: w });
        assert.ok(lines.length >= 1);
        for (const l of lines) {
          assert.equal(displayWidth(l.text), w);
          assertSafe(l.text);
        }
        assert.equal(new Set(lines.map((l) => l.id)).size <= lines.length, true);
      }),
      runs,
    );
  });

  it('header lines are exactly the width with any snapshot, state and numbers', () => {
    const state = fc.record(
      {
        phase: fc.constantFrom('loading', 'refreshing', 'idle', 'backing-off', 'stopped') as fc.Arbitrary<'idle'>,
        intervalMs: num,
        effectiveIntervalMs: num,
        nextRefreshAt: time,
        stretchReason: text,
      },
      { requiredKeys: ['phase', 'intervalMs', 'effectiveIntervalMs'] },
    );
    fc.assert(
      fc.property(fc.array(service, { maxLength: 4 }), maybe(state), text, text, width, maybe(num), (services, st, name, region, w, calls) => {
        const snap = snapshot({ services, fetchedAt: NOW - 1000 });
        const out = renderHeader({ snapshot: snap, state: st, now: NOW, width: w, callsLastMinute: calls, clusterName: name, region });
        const lines = out.split('\n');
        assert.equal(lines.length, 2);
        for (const l of lines) assert.equal(displayWidth(l), w);
        assertSafe(out, true);
      }),
      runs,
    );
  });

  it('details panes are safe and every line is exactly the width', () => {
    fc.assert(
      fc.property(service, task, container, fc.integer({ min: 1, max: 200 }), (s, t, c, w) => {
        for (const out of [renderServiceDetails(s, NOW, w), renderTaskDetails(t, NOW, w), renderContainerDetails(c, t, NOW, w)]) {
          for (const l of out.split('\n')) assert.equal(displayWidth(l), w);
          assertSafe(out, true);
        }
      }),
      runs,
    );
  });

  it('survives 10,000 hostile events', () => {
    fc.assert(
      fc.property(service, text, (s, message) => {
        const events = Array.from({ length: 10_000 }, (_, i) => ({ id: String(i), createdAt: NOW - i, message }));
        const out = renderServiceDetails({ ...s, events }, NOW, 80);
        assertSafe(out, true);
        assert.equal(displayWidth(renderServiceRow({ ...s, events }, serviceColumns(120), NOW)), 120);
      }),
      { numRuns: 20 },
    );
  });

  it('cluster picker rows are exactly the width', () => {
    const summary = fc.record({ name: text, arn: text, status: text, activeServicesCount: num, runningTasksCount: num, pendingTasksCount: num });
    fc.assert(
      fc.property(fc.array(summary, { maxLength: 5 }), width, (clusters, w) => {
        const { header, rows } = renderClusterRows(clusters, w);
        for (const l of [header, ...rows]) {
          assert.equal(displayWidth(l), w);
          assertSafe(l);
        }
      }),
      runs,
    );
  });

  it('sparklines are exactly the width for any series', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 120 }), maybe(num), (points, w, max) => {
        const line = sparkline(points, w, max === undefined ? { now: NOW } : { now: NOW, max });
        assert.equal(displayWidth(line), w);
        assert.match(line, /^[ ▁▂▃▄▅▆▇█]*$/);
      }),
      { numRuns: 300 },
    );
  });
});
