import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderHeader, type HeaderInput } from '../../../lib/ui/render/header.js';
import { formatClock } from '../../../lib/ui/render/format.js';
import { displayWidth } from '../../../lib/ui/render/text.js';
import { ThrottledError } from '../../../lib/model/errors.js';
import type { PollerState } from '../../../lib/poller/types.js';
import { cluster, NOW, service, snapshot, visible } from './builders.js';

const idle: PollerState = { phase: 'idle', nextRefreshAt: NOW + 11_200, intervalMs: 15_000, effectiveIntervalMs: 15_000 };
const snap = snapshot({
  services: [service(), service({ name: 'api', health: 'WARNING', pendingCount: 2 })],
});
const input = (over: Partial<HeaderInput> = {}): HeaderInput => ({
  snapshot: snap,
  state: idle,
  now: NOW,
  width: 140,
  callsLastMinute: 42,
  clusterName: 'prod',
  region: 'us-east-1',
  ...over,
});
const lines = (h: string): string[] => h.split('\n');
const updated = formatClock(snap.fetchedAt);

describe('renderHeader', () => {
  it('shows cluster, health totals, tasks, Insights, freshness, countdown, interval and calls', () => {
    const [one, two] = lines(renderHeader(input()));
    assert.equal(
      visible(one ?? ''),
      ' prod  us-east-1  ACTIVE │ Services 1/2 healthy │ Tasks 6 running · 2 pending │ Insights enhanced'.padEnd(140),
    );
    assert.equal(visible(two ?? ''), ` Updated ${updated} (4s ago) · next in 12s · every 15s · 42 AWS calls/min`.padEnd(140));
    assert.ok(one?.includes('{yellow-fg}1/2{/yellow-fg}'), 'a warning service makes the total yellow');
    assert.ok(!two?.includes('yellow'), 'fresh data is not yellow');
  });
  it('keeps the task totals at 80 columns in a shorter form, leaving out the Insights mode first', () => {
    const at = (width: number): string => visible(lines(renderHeader(input({ clusterName: 'production', width })))[0] ?? '');
    assert.equal(at(78), ' production  us-east-1  ACTIVE │ Services 1/2 healthy │ 6 tasks · 2 pending'.padEnd(78));
    assert.equal(at(100), ' production  us-east-1  ACTIVE │ Services 1/2 healthy │ 6 tasks · 2 pending │ Insights enhanced'.padEnd(100));
    assert.equal(at(103), ' production  us-east-1  ACTIVE │ Services 1/2 healthy │ Tasks 6 running · 2 pending │ Insights enhanced');
  });
  it('marks the data stale in yellow while an error is present', () => {
    const error = { error: new ThrottledError('AWS is throttling; slowing down.'), lastSnapshot: snap, staleForMs: 4_000 };
    const [, two] = lines(renderHeader(input({ snapshot: undefined, error, now: NOW + 120_000 })));
    assert.ok(two?.startsWith(` {yellow-fg}Updated ${updated} (2m ago, stale){/yellow-fg}`), two);
  });
  it('marks the data stale when it is older than twice the interval', () => {
    const [, two] = lines(renderHeader(input({ now: NOW + 27_000 })));
    assert.ok(two?.startsWith(` {yellow-fg}Updated ${updated} (31s ago, stale){/yellow-fg}`), two);
  });
  it('shows a stretched interval with its reason and the backoff countdown', () => {
    const state: PollerState = { phase: 'backing-off', nextRefreshAt: NOW + 45_000, intervalMs: 15_000, effectiveIntervalMs: 60_000, stretchReason: 'throttled' };
    const [, two] = lines(renderHeader(input({ state, callsLastMinute: undefined })));
    assert.equal(visible(two ?? '').trimEnd(), ` Updated ${updated} (4s ago) · retry in 45s · every 1m (stretched: throttled)`);
    assert.ok(two?.includes('{yellow-fg}every 1m (stretched: throttled){/yellow-fg}'));
  });
  it('shows a banner when Container Insights is disabled', () => {
    const s = snapshot({
      cluster: cluster({ containerInsights: 'disabled' }),
      metrics: { mode: 'disabled', metricsRequested: 0, note: 'Container Insights is disabled on this cluster' },
    });
    const [one] = lines(renderHeader(input({ snapshot: s, width: 200 })));
    assert.ok(one?.includes('{black-fg}{yellow-bg} Container Insights disabled: service CPU/memory only {/yellow-bg}{/black-fg}'), one);
    assert.ok(!one?.includes('is disabled on this cluster'), 'the note would repeat the banner');
  });
  it('shows the metrics note and the metrics error when Insights is on', () => {
    const s = snapshot({
      cluster: cluster({ containerInsights: 'enabled' }),
      metrics: { mode: 'enabled', metricsRequested: 12, note: 'container metrics need enhanced', error: 'GetMetricData was denied.' },
    });
    const [one] = lines(renderHeader(input({ snapshot: s, width: 200 })));
    assert.equal(
      visible(one ?? '').trimEnd(),
      ' prod  us-east-1  ACTIVE │ Services 1/1 healthy │ Tasks 3 running · 0 pending │ Insights enabled │ ' +
        'metrics: GetMetricData was denied. │ container metrics need enhanced',
    );
    assert.ok(one?.includes('{red-fg}metrics: GetMetricData was denied.{/red-fg}'));
  });
  it('says why containers lack their definition sizes, in full or, when narrow, as the permission to add', () => {
    const sentence = 'Access denied: add ecs:DescribeTaskDefinition to the IAM policy of profile prod.';
    const s = snapshot({ cluster: cluster({ containerInsights: 'enabled' }), definitionsWarning: sentence });
    const wide = lines(renderHeader(input({ snapshot: s, width: 220 })))[0] ?? '';
    assert.ok(wide.includes(`{red-fg}task definitions: ${sentence}{/red-fg}`), wide);
    const narrow = visible(lines(renderHeader(input({ snapshot: s, width: 120 })))[0] ?? '');
    assert.ok(narrow.includes('task definitions: missing ecs:DescribeTaskDefinition'), narrow);
    assert.ok(!narrow.includes('Access denied'), narrow);
    const vague = visible(lines(renderHeader(input({ snapshot: snapshot({ definitionsWarning: 'DescribeTaskDefinition failed.'.repeat(4) }), width: 120 })))[0] ?? '');
    assert.ok(vague.includes('task definitions unavailable'), vague);
  });
  it('leaves out whole parts, least important first, when the terminal is narrow', () => {
    const s = snapshot({
      cluster: cluster({ containerInsights: 'disabled' }),
      metrics: { mode: 'disabled', metricsRequested: 0 },
    });
    const stretched: PollerState = { ...idle, effectiveIntervalMs: 60_000, stretchReason: 'API budget' };
    assert.deepEqual(lines(visible(renderHeader(input({ snapshot: s, state: stretched, width: 80 })))).map((l) => l.trimEnd()), [
      ' prod  us-east-1  ACTIVE │ Services 1/1 healthy │  Insights off',
      ` Updated ${updated} (4s ago) · next in 12s · every 1m (stretched: API budget)`,
    ]);
    assert.deepEqual(lines(visible(renderHeader(input({ snapshot: s, state: stretched, width: 60 })))).map((l) => l.trimEnd()), [
      ' prod  us-east-1  ACTIVE │  Insights off',
      ` Updated ${updated} (4s ago) · next in 12s`,
    ]);
  });
  it('says refreshing while a cycle runs and Loading before the first snapshot', () => {
    const h = renderHeader(input({ snapshot: undefined, state: { ...idle, phase: 'loading' }, width: 60 }));
    assert.deepEqual(lines(visible(h)), [' prod  us-east-1'.padEnd(60), ' Loading… · refreshing… · every 15s · 42 AWS calls/min'.padEnd(60)]);
  });
  it('escapes a hostile cluster name and keeps both lines at the width', () => {
    const h = renderHeader(input({ clusterName: '{red-bg}\x1b]0;x\x07prod', width: 50 }));
    for (const line of lines(h)) assert.equal(displayWidth(line), 50);
    assert.ok(h.startsWith(' {bold}{open}red-bg{close}prod{/bold}'), h);
  });
});
