import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_EVENTS, renderContainerDetails, renderServiceDetails, renderTaskDetails } from '../../../lib/ui/render/details.js';
import { displayWidth } from '../../../lib/ui/render/text.js';
import { container, deployment, MIN, NOW, periodAgo, service, task, visible } from './builders.js';

const rows = (s: string): string[] => visible(s).split('\n').map((l) => l.trimEnd());

describe('renderServiceDetails', () => {
  const svc = service({
    createdAt: NOW - 2 * 24 * 3_600_000,
    deployments: [
      deployment({
        rolloutState: 'IN_PROGRESS',
        rolloutStateReason: 'ECS deployment ecs-svc/123 in progress.',
        runningCount: 2,
        pendingCount: 1,
        failedTasks: 2,
        updatedAt: NOW - 5 * MIN,
      }),
      deployment({ status: 'ACTIVE', runningCount: 1, desiredCount: 0, taskDefinition: 'arn:aws:ecs:us-east-1:1:task-definition/web:41' }),
    ],
    events: [
      { id: '1', createdAt: NOW - 3 * MIN, message: '(service web) has reached a steady state.' },
      { id: '2', createdAt: NOW - 3_600_000, message: '(service web) registered 1 targets in {bold}tg\x1b[31m' },
    ],
  });

  it('lists every deployment with rollout, reason, counts, failures and revision, then the events', () => {
    assert.deepEqual(rows(renderServiceDetails(svc, NOW, 80)), [
      'web  ACTIVE  ✓ HEALTHY',
      'Tasks 3/3   Pending 0   Launch FARGATE',
      'Task def web:42',
      'CPU 37%   Memory 52%   Age 2d0h',
      '',
      'Deployments (2)',
      '  ↻ PRIMARY IN_PROGRESS  2/3 running, 1 pending, 2 failed',
      '    web:42  updated 5m ago',
      '    ECS deployment ecs-svc/123 in progress.',
      '  ↻ ACTIVE COMPLETED  1/0 running',
      '    web:41  created 3h0m ago',
      '',
      'Events',
      '      3m (service web) has reached a steady state.',
      '    1h0m (service web) registered 1 targets in {bold}tg',
    ]);
  });
  it('puts deployment counts and ages on a line of their own in a narrow pane (80 columns)', () => {
    const r = rows(renderServiceDetails(svc, NOW, 34));
    const at = r.indexOf('Deployments (2)');
    assert.deepEqual(r.slice(at + 1, at + 8), [
      '  ↻ PRIMARY IN_PROGRESS',
      '    2/3 running, 1 pending',
      '    2 failed',
      '    web:42  updated 5m ago',
      '    ECS deployment ecs-svc/123',
      '    in progress.',
      '  ↻ ACTIVE COMPLETED  1/0 running',
    ]);
  });
  it('wraps long event messages under their age, at most four lines each', () => {
    const message = 'word '.repeat(40).trim();
    const r = rows(renderServiceDetails(service({ events: [{ id: '1', createdAt: NOW - 45_000, message }] }), NOW, 40));
    assert.deepEqual(r.slice(-4), [
      '     45s word word word word word word',
      '         word word word word word word',
      '         word word word word word word',
      '         word word word word word word…',
    ]);
  });
  it('colours failed tasks red and escapes tags in event messages', () => {
    const text = renderServiceDetails(svc, NOW, 80);
    assert.ok(text.includes('{red-fg}, 2 failed{/red-fg}'));
    assert.ok(text.includes('in {open}bold{close}tg'));
    assert.ok(!text.includes('\x1b'));
  });
  it('shows at most the latest MAX_EVENTS of 10,000 events, each line at the width', () => {
    const events = Array.from({ length: 10_000 }, (_, i) => ({ id: String(i), createdAt: NOW - i * 1000, message: `event ${i}\n` }));
    const text = renderServiceDetails(service({ events }), NOW, 60);
    const lines = text.split('\n');
    assert.ok(lines.some((l) => visible(l).trimEnd() === `Events (latest ${MAX_EVENTS} of 10000)`));
    assert.equal(lines.filter((l) => /\bevent \d+/.test(l)).length, MAX_EVENTS);
    for (const l of lines) assert.equal(displayWidth(l), 60);
  });
  it('says none when there are no deployments or events', () => {
    const r = rows(renderServiceDetails(service({ deployments: [], events: [] }), NOW, 40));
    assert.deepEqual(r.slice(5), ['Deployments (0)', '  none', '', 'Events', '  none']);
  });
});

describe('renderTaskDetails', () => {
  it('shows the stop code and the wrapped stopped reason', () => {
    const t = task({
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedAt: NOW - 12 * MIN,
      stoppedReason: 'Essential container in task exited\nbecause the health check failed three times',
      containers: [container({ exitCode: 1, lastStatus: 'STOPPED' })],
    });
    assert.deepEqual(rows(renderTaskDetails(t, NOW, 60)), [
      'Task a1b2c3d4e5f60718293a4b5c6d7e8f90',
      'Status STOPPED   Desired STOPPED   Health ✓ HEALTHY',
      'Task def web:42   Launch FARGATE',
      'Size 256 CPU units, 512 MiB',
      'Started 3h12m ago   Created -   CPU -   Memory -',
      'Stopped 12m ago   Stop code EssentialContainerExited',
      'Stopped reason',
      '  Essential container in task exited because the health',
      '  check failed three times',
      '',
      'Containers (1)',
      '  app  STOPPED  ✓ HEALTHY  exit 1',
    ]);
  });
  it('flows fields onto the next line in a narrow pane (80 columns) rather than cutting them', () => {
    const r = rows(renderTaskDetails(task({ containers: [] }), NOW, 34));
    assert.deepEqual(r.slice(1, 7), [
      'Status RUNNING   Desired RUNNING',
      'Health ✓ HEALTHY',
      'Task def web:42   Launch FARGATE',
      'Size 256 CPU units, 512 MiB',
      'Started 3h12m ago   Created -',
      'CPU -   Memory -',
    ]);
  });
  it('shows at most six lines of a huge stopped reason, marked as cut', () => {
    const t = task({ stopCode: 'UserInitiated', stoppedReason: '\x1b[31m' + 'y'.repeat(1_000_000) });
    const r = rows(renderTaskDetails(t, NOW, 40));
    const reason = r.slice(r.indexOf('Stopped reason') + 1, r.indexOf(''));
    assert.deepEqual(reason, [...Array.from({ length: 5 }, () => '  ' + 'y'.repeat(38)), '  ' + 'y'.repeat(37) + '…']);
  });
  it('shows a running task without stop lines and a task without containers', () => {
    const r = rows(renderTaskDetails(task({ containers: [] }), NOW, 60));
    assert.ok(!r.some((l) => l.startsWith('Stopped')));
    assert.deepEqual(r.slice(-2), ['Containers (0)', '  none']);
  });
});

describe('renderContainerDetails', () => {
  it('shows limits, usage, large sparklines scaled to the limit, exit code and reason', () => {
    const c = container({
      exitCode: 137,
      reason: 'OutOfMemoryError: Container killed due to memory usage',
      image: 'nginx:1.27',
      metrics: {
        cpuUsed: 100,
        memoryUsed: 300,
        cpuHistory: [0, 1, 2, 3].map((i) => ({ t: periodAgo(3 - i), v: i * 85 })),
        memHistory: [{ t: periodAgo(1), v: 512 }],
      },
    });
    const text = renderContainerDetails(c, task(), NOW, 30);
    assert.deepEqual(rows(text), [
      'Container app  in task a1b2c3',
      // Fields that do not fit side by side go on the next line instead of being cut.
      'Status RUNNING',
      'Health ✓ HEALTHY',
      'Image nginx:1.27',
      'CPU units 100/256',
      'Memory MiB 300/512',
      'CPU' + ' '.repeat(23) + '▁▃▆█',
      'Memory' + ' '.repeat(22) + '█',
      'Exit code 137',
      'Reason',
      '  OutOfMemoryError: Container',
      '  killed due to memory usage',
    ]);
    assert.ok(text.includes('{red-fg}137{/red-fg}'));
  });
  it('prints - for missing metrics and says a container has no health check', () => {
    const c = container({ hasHealthCheck: false, healthStatus: 'UNKNOWN' });
    const r = rows(renderContainerDetails(c, task(), NOW, 50));
    assert.equal(r[1], 'Status RUNNING   Health no health check');
    assert.equal(r[3], 'CPU units -/256   Memory MiB -/512');
    assert.equal(r[6], 'no container metrics (needs Container Insights enhanced)'.slice(0, 49) + '…');
  });
});
