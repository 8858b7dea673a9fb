import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  renderServiceHeader,
  renderServiceRow,
  selectServices,
  serviceColumns,
} from '../../../lib/ui/render/service-table.js';
import { displayWidth } from '../../../lib/ui/render/text.js';
import { deployment, NOW, service, utilization, visible, without } from './builders.js';

const layout = serviceColumns(100);


describe('serviceColumns', () => {
  it('fills the width exactly with the full column set from 80 columns', () => {
    for (const w of [80, 100, 120, 200]) {
      const l = serviceColumns(w);
      assert.equal(l.width, w);
      assert.equal(l.compact, false);
      assert.deepEqual(l.columns.map((c) => c.key), ['name', 'status', 'tasks', 'health', 'deployments', 'cpu', 'memory']);
    }
  });
  it('at 80 columns fits a long name and two deployments by titling the health column H', () => {
    const narrow = serviceColumns(80);
    assert.equal(visible(renderServiceHeader(narrow)), 'Name            Status   Tasks       H Deployments               CPU      Memory');
    const row = renderServiceRow(
      service({
        name: 'recommendations',
        health: 'WARNING',
        deployments: [deployment({ status: 'PRIMARY', runningCount: 2, desiredCount: 4, rolloutState: 'IN_PROGRESS' }), deployment({ status: 'ACTIVE', runningCount: 3, desiredCount: 3, rolloutState: 'IN_PROGRESS' })],
      }),
      narrow,
      NOW,
    );
    assert.match(visible(row), /^recommendations +ACTIVE .* ⚠ P 2\/4 ↻ · A 3\/3 ↻ /);
    assert.equal(displayWidth(row), 80);
  });
  it('on a very wide terminal gives the spare room to the sparklines, not to a blank before CPU', () => {
    const wide = serviceColumns(200);
    const deployments = wide.columns.find((c) => c.key === 'deployments');
    assert.equal(wide.sparkWidth, 30);
    assert.ok((deployments?.width ?? 0) >= 44 && (deployments?.width ?? 0) <= 50, JSON.stringify(deployments));
    assert.equal(serviceColumns(120).sparkWidth, 8, 'unchanged where there is no spare room');
  });
  it('drops status, deployments and sparklines below 80 columns', () => {
    const l = serviceColumns(70);
    assert.equal(l.compact, true);
    assert.equal(l.width, 70);
    assert.deepEqual(l.columns.map((c) => c.key), ['name', 'tasks', 'health', 'cpu', 'memory']);
  });
});

describe('renderServiceHeader', () => {
  it('titles the columns in bold at their widths', () => {
    assert.equal(
      visible(renderServiceHeader(layout)),
      'Name                   Status   Tasks       Health Deployments                       CPU      Memory',
    );
    assert.equal(displayWidth(renderServiceHeader(layout)), 100);
  });
});

describe('renderServiceRow', () => {
  it('shows a healthy service with its deployment, sparklines and percentages', () => {
    const s = service({ metrics: utilization(37, 52, [10, 40, 90]) });
    assert.equal(
      renderServiceRow(s, layout, NOW),
      'web                    ACTIVE   3/3         {green-fg}✓{/green-fg}      PRIMARY 3/3 {green-fg}✓{/green-fg}' +
        '             {cyan-fg}  ▂▄▇{/cyan-fg}   37% {cyan-fg}  ▂▄▇{/cyan-fg}   52%',
    );
  });
  it('shows a warning service with pending tasks, a rollout in progress and hot metrics', () => {
    const s = service({
      name: 'checkout',
      runningCount: 2,
      pendingCount: 1,
      health: 'WARNING',
      deployments: [
        deployment({ rolloutState: 'IN_PROGRESS', runningCount: 2, desiredCount: 3 }),
        deployment({ status: 'ACTIVE', rolloutState: 'COMPLETED', runningCount: 1, desiredCount: 0 }),
      ],
      metrics: utilization(80, 95),
    });
    assert.equal(
      renderServiceRow(s, layout, NOW),
      'checkout               ACTIVE   {yellow-fg}2/3{/yellow-fg}{cyan-fg} (+1){/cyan-fg}    {yellow-fg}⚠{/yellow-fg}      ' +
        'P 2/3 {cyan-fg}↻{/cyan-fg}{gray-fg} · {/gray-fg}A 1/0 {cyan-fg}↻{/cyan-fg}               {yellow-fg}  80%{/yellow-fg}       {red-fg}  95%{/red-fg}',
    );
  });
  it('spells deployment statuses out when the column is wide enough for all of them', () => {
    const s = service({
      deployments: [
        deployment({ rolloutState: 'IN_PROGRESS', runningCount: 2, desiredCount: 3 }),
        deployment({ status: 'ACTIVE', rolloutState: 'COMPLETED', runningCount: 1, desiredCount: 0 }),
      ],
    });
    assert.ok(visible(renderServiceRow(s, serviceColumns(120), NOW)).includes(' PRIMARY 2/3 ↻ · ACTIVE 1/0 ↻ '));
  });
  it('renders every deployment when there is room, a failed rollout with ✗', () => {
    const wide = serviceColumns(160);
    const s = service({
      health: 'UNHEALTHY',
      runningCount: 0,
      deployments: [
        deployment({ rolloutState: 'FAILED', runningCount: 0, failedTasks: 5 }),
        deployment({ status: 'ACTIVE', runningCount: 1, desiredCount: 0 }),
        without(deployment({ status: 'ACTIVE', runningCount: 2, desiredCount: 0 }), 'rolloutState'),
      ],
    });
    const row = renderServiceRow(s, wide, NOW);
    assert.ok(visible(row).includes(' ✗      PRIMARY 0/3 ✗ · ACTIVE 1/0 ↻ · ACTIVE 2/0 ↻ '), visible(row));
    assert.ok(row.includes('{red-fg}✗{/red-fg}      PRIMARY 0/3 {red-fg}✗{/red-fg}'), row);
    assert.equal(displayWidth(row), 160);
  });
  it('shows a service scaled to 0 in gray with - for its missing metrics', () => {
    const s = service({
      name: 'batch',
      desiredCount: 0,
      runningCount: 0,
      health: 'UNKNOWN',
      deployments: [deployment({ desiredCount: 0, runningCount: 0 })],
      metrics: utilization(undefined, undefined),
    });
    assert.equal(
      renderServiceRow(s, layout, NOW),
      'batch                  ACTIVE   {gray-fg}0/0{/gray-fg}         {gray-fg}?{/gray-fg}      PRIMARY 0/0 {green-fg}✓{/green-fg}' +
        '                   {gray-fg}    -{/gray-fg}       {gray-fg}    -{/gray-fg}',
    );
  });
  it('prints - when a service has no metrics at all', () => {
    const rest = without(service(), 'metrics');
    assert.equal(
      visible(renderServiceRow(rest, layout, NOW)),
      'web                    ACTIVE   3/3         ✓      PRIMARY 3/3 ✓                       -           -',
    );
  });
  it('truncates a long name with … and keeps the columns aligned', () => {
    const s = service({ name: 'payments-reconciliation-worker-blue' });
    const row = renderServiceRow(s, layout, NOW);
    assert.ok(visible(row).startsWith('payments-reconciliati… ACTIVE   3/3'), row);
    assert.equal(displayWidth(row), 100);
  });
  it('measures wide CJK names by cells so the next column starts in the same place', () => {
    const ascii = visible(renderServiceRow(service({ name: 'web' }), layout, NOW));
    const fits = visible(renderServiceRow(service({ name: '支払いサービス本番環境' }), layout, NOW));
    const cut = visible(renderServiceRow(service({ name: '支払いサービス本番環境です' }), layout, NOW));
    assert.ok(fits.startsWith('支払いサービス本番環境 ACTIVE'), fits);
    assert.ok(cut.startsWith('支払いサービス本番環 … ACTIVE'), cut);
    for (const row of [fits, cut]) {
      assert.equal(displayWidth(row), 100);
      assert.equal(row.slice(row.indexOf(' ACTIVE')), ascii.slice(ascii.indexOf(' ACTIVE')));
    }
  });
  it('keeps the width exact when a wide character meets the cut', () => {
    const odd = visible(renderServiceRow(service({ name: 'a支払いサービス本番環境です' }), layout, NOW));
    assert.ok(odd.startsWith('a支払いサービス本番環… ACTIVE'), odd);
    assert.equal(displayWidth(odd), 100);
  });
  it('shows hostile names as plain text, never as markup or control sequences', () => {
    const row = renderServiceRow(service({ name: '{red-fg}x\x1b]0;pwn\x07\nname' }), layout, NOW);
    assert.ok(row.startsWith('{open}red-fg{close}x name         ACTIVE'), row);
    assert.equal(displayWidth(row), 100);
  });
  it('renders the compact layout with percentages only', () => {
    const l = serviceColumns(70);
    assert.equal(visible(renderServiceHeader(l)), 'Name                                           Tasks     H   CPU   Mem');
    assert.equal(visible(renderServiceRow(service(), l, NOW)), 'web                                            3/3       ✓   37%   52%');
  });
});

describe('selectServices', () => {
  const services = [
    service({ name: 'web', health: 'HEALTHY', runningCount: 3, metrics: utilization(10, 80) }),
    service({ name: 'api', health: 'WARNING', runningCount: 9, metrics: utilization(90, undefined) }),
    service({ name: 'Worker', health: 'UNHEALTHY', runningCount: 1, metrics: utilization(undefined, 20) }),
    service({ name: 'cron', health: 'UNKNOWN', runningCount: 0, metrics: utilization(50, 60) }),
  ];
  const names = (sort: 'name' | 'health' | 'tasks' | 'cpu' | 'memory', filter = ''): string[] =>
    selectServices(services, { sort, filter }).map((s) => s.name);

  it('sorts by name', () => assert.deepEqual(names('name'), ['Worker', 'api', 'cron', 'web']));
  it('sorts by health worst first', () => assert.deepEqual(names('health'), ['Worker', 'api', 'cron', 'web']));
  it('sorts by running tasks, most first', () => assert.deepEqual(names('tasks'), ['api', 'web', 'Worker', 'cron']));
  it('sorts by CPU highest first, missing last', () => assert.deepEqual(names('cpu'), ['api', 'cron', 'web', 'Worker']));
  it('sorts by memory highest first, missing last', () => assert.deepEqual(names('memory'), ['web', 'cron', 'Worker', 'api']));
  it('filters by a case-insensitive substring of the name', () => {
    assert.deepEqual(names('name', 'WOR'), ['Worker']);
    assert.deepEqual(names('name', 'r'), ['Worker', 'cron']);
    assert.deepEqual(names('name', 'nothing'), []);
  });
  it('orders equal-looking percentages by name and handles regex characters in the filter', () => {
    const close = [
      service({ name: 'b', metrics: utilization(36.6, 1) }),
      service({ name: 'a', metrics: utilization(37.4, 1) }),
      service({ name: 'c', metrics: utilization(38, 1) }),
      service({ name: 'x.*(y', metrics: utilization(1, 1) }),
    ];
    assert.deepEqual(selectServices(close, { sort: 'cpu', filter: '' }).map((s) => s.name), ['c', 'a', 'b', 'x.*(y']);
    assert.deepEqual(selectServices(close, { sort: 'cpu', filter: '.*(' }).map((s) => s.name), ['x.*(y']);
  });
  it('does not reorder the snapshot it was given', () => {
    selectServices(services, { sort: 'cpu', filter: '' });
    assert.deepEqual(services.map((s) => s.name), ['web', 'api', 'Worker', 'cron']);
  });
});
