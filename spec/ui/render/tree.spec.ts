import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderTaskTree, type TreeOptions } from '../../../lib/ui/render/tree.js';
import { displayWidth } from '../../../lib/ui/render/text.js';
import { container, MIN, NOW, periodAgo, service, task, utilization, visible, without } from './builders.js';

const running = task({
  metrics: utilization(37, 92),
  containers: [
    container({
      metrics: {
        cpuUsed: 128,
        memoryUsed: 300,
        cpuHistory: [{ t: periodAgo(1), v: 64 }, { t: periodAgo(0), v: 128 }],
        memHistory: [],
      },
    }),
    container({ name: 'envoy', hasHealthCheck: false, healthStatus: 'UNKNOWN' }),
  ],
});
const pendingTask = without(task({ id: 'ffeedd00112233', lastStatus: 'PENDING', healthStatus: 'UNKNOWN', revision: 41 }), 'startedAt');
const stopped = task({
  id: '99887766',
  lastStatus: 'STOPPED',
  stopCode: 'EssentialContainerExited',
  stoppedReason: 'Essential container in task exited',
  stoppedAt: NOW - 12 * MIN,
});
const svc = service({ tasks: [running, pendingTask], stoppedTasks: [stopped] });
const opts = (over: Partial<TreeOptions> = {}): TreeOptions => ({
  expanded: new Set<string>(),
  stoppedExpanded: false,
  now: NOW,
  width: 90,
  ...over,
});

describe('renderTaskTree', () => {
  it('lists tasks collapsed with short id, status, health, age, revision and metrics', () => {
    const lines = renderTaskTree(svc, opts());
    assert.deepEqual(
      lines.map((l) => visible(l.text)),
      [
        '├─ ▸ a1b2c3 RUNNING ✓ 3h12m :42 cpu 37% mem 92%                                           ',
        '├─ ▸ ffeedd PENDING ?     - :41 cpu   - mem   -                                           ',
        '└─ ▸ Stopped (1)                                                                          ',
      ],
    );
    assert.deepEqual(lines.map((l) => [l.id, l.kind, l.depth, l.expandable, l.expanded]), [
      [running.id, 'task', 0, true, false],
      [pendingTask.id, 'task', 0, true, false],
      ['stopped', 'stopped-group', 0, true, false],
    ]);
  });
  it('colours the task line: health symbol, hot memory, non-running status', () => {
    const [first, second] = renderTaskTree(svc, opts());
    assert.ok(first?.text.includes('{green-fg}✓{/green-fg}'));
    assert.ok(first?.text.includes('{red-fg}92%{/red-fg}'));
    assert.ok(second?.text.includes('{cyan-fg}PENDING{/cyan-fg}'));
    assert.ok(second?.text.includes('{gray-fg}  -{/gray-fg}'));
  });
  it('shows containers under an expanded task with used/limit, sparkline gauges and - for missing numbers', () => {
    const lines = renderTaskTree(svc, opts({ expanded: new Set([running.id]) }));
    assert.deepEqual(
      lines.slice(0, 3).map((l) => visible(l.text)),
      [
        '├─ ▾ a1b2c3 RUNNING ✓ 3h12m :42 cpu 37% mem 92%                                           ',
        '│  ├─ app   RUNNING ✓ cpu 128/256       ▃▅ mem 300/512                                    ',
        '│  └─ envoy RUNNING - cpu -/256            mem -/512                                      ',
      ],
    );
    assert.deepEqual(lines[1] && [lines[1].id, lines[1].kind, lines[1].depth, lines[1].taskId, lines[1].containerName], [
      `${running.id}/app`,
      'container',
      1,
      running.id,
      'app',
    ]);
  });
  it('aligns columns to the longest value, so a long status widens the column for every task', () => {
    const provisioning = task({ id: 'bbbbbb00', lastStatus: 'PROVISIONING', healthStatus: 'UNKNOWN', metrics: utilization(100, 5) });
    const lines = renderTaskTree(service({ tasks: [running, provisioning] }), opts({ width: 60 }));
    assert.deepEqual(lines.map((l) => visible(l.text)), [
      '├─ ▸ a1b2c3 RUNNING      ✓ 3h12m :42 cpu  37% mem  92%      ',
      '└─ ▸ bbbbbb PROVISIONING ? 3h12m :42 cpu 100% mem   5%      ',
    ]);
  });

  it('keeps CPU and memory used/limit in a narrow pane (80 columns): drops age, container status, then the gauges', () => {
    const expanded = opts({ expanded: new Set([running.id]) });
    const narrow = renderTaskTree(svc, { ...expanded, width: 42 });
    assert.deepEqual(narrow.slice(0, 4).map((l) => visible(l.text)), [
      '├─ ▾ a1b2c3 RUNNING ✓ :42 cpu 37% mem 92% ',
      '│  ├─ app   ✓ cpu 128/256 mem 300/512     ',
      '│  └─ envoy - cpu -/256   mem -/512       ',
      '├─ ▸ ffeedd PENDING ? :41 cpu   - mem   - ',
    ]);
    const medium = renderTaskTree(svc, { ...expanded, width: 50 });
    assert.deepEqual(medium.slice(0, 3).map((l) => visible(l.text)), [
      '├─ ▾ a1b2c3 RUNNING ✓ 3h12m :42 cpu 37% mem 92%   ',
      '│  ├─ app   ✓ cpu 128/256    ▃▅ mem 300/512       ',
      '│  └─ envoy - cpu -/256         mem -/512         ',
    ]);
  });

  it('expands the stopped group with stop code and reason per task', () => {
    const lines = renderTaskTree(svc, opts({ stoppedExpanded: true }));
    assert.deepEqual(
      lines.slice(2).map((l) => visible(l.text)),
      [
        '└─ ▾ Stopped (1)                                                                          ',
        '   └─ 998877    12m ago EssentialContainerExited: Essential container in task exited      ',
      ],
    );
    assert.equal(lines[3]?.kind, 'stopped-task');
    assert.equal(lines[3]?.id, 'stopped:99887766');
    assert.equal(lines[3]?.taskId, '99887766');
  });
  it('says "No tasks running" when the service has none', () => {
    const lines = renderTaskTree(service({ tasks: [] }), opts({ width: 30 }));
    assert.deepEqual(lines, [
      { id: 'empty', kind: 'empty', depth: 0, text: '{gray-fg}No tasks running{/gray-fg}' + ' '.repeat(14), expandable: false, expanded: false },
    ]);
  });
  it('keeps the stopped group after the empty line', () => {
    const lines = renderTaskTree(service({ tasks: [], stoppedTasks: [stopped] }), opts({ width: 30 }));
    assert.deepEqual(lines.map((l) => visible(l.text)), ['No tasks running              ', '└─ ▸ Stopped (1)' + ' '.repeat(14)]);
  });
  it('marks a task without containers as not expandable and draws the last task with └─', () => {
    const lines = renderTaskTree(service({ tasks: [task({ containers: [] })] }), opts({ expanded: new Set([running.id]) }));
    assert.equal(lines.length, 1);
    assert.equal(lines[0]?.expandable, false);
    assert.ok(visible(lines[0]?.text ?? '').startsWith('└─   a1b2c3 '));
  });
  it('fits every line to the width with hostile container names and reasons', () => {
    const t = task({
      containers: [container({ name: '{bold}\x1b[2J名前がとても長いコンテナ' })],
      stoppedReason: 'x\x07\n{/}',
    });
    const lines = renderTaskTree(service({ tasks: [t], stoppedTasks: [{ ...t, id: 's1', shortId: 's1' }] }), opts({
      expanded: new Set([t.id]),
      stoppedExpanded: true,
      width: 50,
    }));
    for (const l of lines) assert.equal(displayWidth(l.text), 50);
    assert.ok(lines[1]?.text.includes('{open}bold{close}名前が'), lines[1]?.text);
  });
});
