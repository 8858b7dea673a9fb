// The task tree of one service, flattened into lines with tree glyphs: tasks, their containers when
// expanded, and a collapsible group of recently stopped tasks.
import type { Container, Service, Task } from '../../model/types.js';
import { fitSegments, type Segment } from './cell.js';
import { formatAge, formatPercent, formatUsedOfLimit } from './format.js';
import { sparkline } from './sparkline.js';
import { clean, pad } from './text.js';

export interface TreeLine {
  /** Stable across refreshes: the task id, `taskId/containerName`, `stopped`, `stopped:taskId` or `empty`. */
  id: string;
  kind: 'task' | 'container' | 'stopped-group' | 'stopped-task' | 'empty';
  depth: number;
  /** Exactly `width` cells, with blessed colour tags. */
  text: string;
  expandable: boolean;
  expanded: boolean;
  taskId?: string;
  containerName?: string;
}

export interface TreeOptions {
  /** Ids of the tasks whose containers are shown. */
  readonly expanded: ReadonlySet<string>;
  readonly stoppedExpanded: boolean;
  readonly now: number;
  readonly width: number;
}

/** The id of the stopped-tasks group line. */
export const STOPPED_GROUP_ID = 'stopped';
const GAUGE = 6;
const GRAY = ['gray-fg'];

/**
 * The tree of `service` as lines. Each running task shows its short id, last status, health, age since
 * it started and task definition revision; expanded tasks list their containers (name, status, health,
 * CPU and memory used/limit with small sparklines, `-` where a number is missing). Stopped tasks form
 * a collapsible "Stopped (n)" group with stop code and reason. No tasks: a "No tasks running" line.
 */
export function renderTaskTree(service: Service, opts: TreeOptions): TreeLine[] {
  const width = Math.max(0, Math.floor(opts.width));
  const lines: TreeLine[] = [];
  const hasStopped = service.stoppedTasks.length > 0;
  if (service.tasks.length === 0) {
    lines.push({
      id: 'empty',
      kind: 'empty',
      depth: 0,
      text: fitSegments([{ text: 'No tasks running', tags: GRAY }], width),
      expandable: false,
      expanded: false,
    });
  }
  service.tasks.forEach((task, i) => {
    const last = i === service.tasks.length - 1 && !hasStopped;
    const expandable = task.containers.length > 0;
    const expanded = expandable && opts.expanded.has(task.id);
    lines.push({
      id: task.id,
      kind: 'task',
      depth: 0,
      text: fitSegments([branch(last, ''), marker(expandable, expanded), ...taskSegments(task, opts.now)], width),
      expandable,
      expanded,
      taskId: task.id,
    });
    if (!expanded) return;
    const stem = last ? '   ' : '│  ';
    task.containers.forEach((c, j) => {
      const lastChild = j === task.containers.length - 1;
      lines.push({
        id: `${task.id}/${c.name}`,
        kind: 'container',
        depth: 1,
        text: fitSegments([branch(lastChild, stem), ...containerSegments(c, opts.now)], width),
        expandable: false,
        expanded: false,
        taskId: task.id,
        containerName: c.name,
      });
    });
  });
  if (!hasStopped) return lines;
  const open = opts.stoppedExpanded;
  lines.push({
    id: STOPPED_GROUP_ID,
    kind: 'stopped-group',
    depth: 0,
    text: fitSegments([branch(true, ''), marker(true, open), { text: `Stopped (${service.stoppedTasks.length})`, tags: GRAY }], width),
    expandable: true,
    expanded: open,
  });
  if (!open) return lines;
  service.stoppedTasks.forEach((task, j) => {
    const lastChild = j === service.stoppedTasks.length - 1;
    lines.push({
      id: `stopped:${task.id}`,
      kind: 'stopped-task',
      depth: 1,
      text: fitSegments([branch(lastChild, '   '), ...stoppedSegments(task, opts.now)], width),
      expandable: false,
      expanded: false,
      taskId: task.id,
    });
  });
  return lines;
}

function branch(last: boolean, stem: string): Segment {
  return { text: `${stem}${last ? '└─' : '├─'} `, tags: GRAY };
}

function marker(expandable: boolean, expanded: boolean): Segment {
  return { text: !expandable ? '  ' : expanded ? '▾ ' : '▸ ' };
}

const ECS_HEALTH: Readonly<Record<string, Segment>> = {
  HEALTHY: { text: '✓', tags: ['green-fg'] },
  UNHEALTHY: { text: '✗', tags: ['red-fg'] },
  UNKNOWN: { text: '?', tags: GRAY },
};

function statusTags(status: string): readonly string[] | undefined {
  if (status === 'RUNNING') return undefined;
  if (status === 'STOPPED' || status === 'DEPROVISIONING' || status === 'STOPPING' || status === 'DEACTIVATING') return ['yellow-fg'];
  return ['cyan-fg'];
}

function seg(text: string, tags?: readonly string[]): Segment {
  return tags ? { text, tags } : { text };
}

function taskSegments(t: Task, now: number): Segment[] {
  const status = clean(t.lastStatus);
  const rev = t.revision === undefined ? '-' : `:${t.revision}`;
  const m = t.metrics;
  return [
    seg(pad(clean(t.shortId), 6), ['bold']),
    { text: ' ' },
    seg(pad(status, 12), statusTags(t.lastStatus)),
    { text: ' ' },
    ECS_HEALTH[t.healthStatus] ?? (ECS_HEALTH.UNKNOWN as Segment),
    { text: ' ' },
    { text: pad(formatAge(t.startedAt, now), 6, 'right') },
    { text: ' ' },
    { text: pad(clean(rev), 6) },
    { text: ' cpu' },
    pctSegment(m?.cpuPct),
    { text: ' mem' },
    pctSegment(m?.memPct),
  ];
}

function pctSegment(v: number | undefined): Segment {
  const text = pad(formatPercent(v), 5, 'right');
  if (v === undefined) return seg(text, GRAY);
  return seg(text, v >= 90 ? ['red-fg'] : v >= 75 ? ['yellow-fg'] : undefined);
}

function containerHealth(c: Container): Segment {
  // No health check defined: there is nothing to be healthy about, so no question mark either.
  if (c.hasHealthCheck === false) return seg('-', GRAY);
  return ECS_HEALTH[c.healthStatus] ?? (ECS_HEALTH.UNKNOWN as Segment);
}

function containerSegments(c: Container, now: number): Segment[] {
  const m = c.metrics;
  const status = c.lastStatus === undefined ? '-' : clean(c.lastStatus);
  const used = (v: number | undefined, limit: number | undefined, unit: 'cpu' | 'MiB'): Segment => {
    const text = pad(formatUsedOfLimit(v, limit, unit), 11);
    return seg(text, v === undefined ? GRAY : undefined);
  };
  return [
    { text: pad(clean(c.name), 16) },
    { text: ' ' },
    seg(pad(status, 9), c.lastStatus === undefined ? GRAY : statusTags(c.lastStatus)),
    { text: ' ' },
    containerHealth(c),
    { text: ' cpu ' },
    used(m?.cpuUsed, c.cpuLimit, 'cpu'),
    seg(sparkline(m?.cpuHistory ?? [], GAUGE, maxOf(c.cpuLimit, now)), ['cyan-fg']),
    { text: ' mem ' },
    used(m?.memoryUsed, c.memoryLimit, 'MiB'),
    seg(sparkline(m?.memHistory ?? [], GAUGE, maxOf(c.memoryLimit, now)), ['cyan-fg']),
  ];
}

function maxOf(limit: number | undefined, now: number): { max?: number; now: number } {
  return limit !== undefined && limit > 0 ? { max: limit, now } : { now };
}

function stoppedSegments(t: Task, now: number): Segment[] {
  const code = t.stopCode === undefined ? '-' : clean(t.stopCode);
  const reason = t.stoppedReason === undefined ? '' : clean(t.stoppedReason);
  return [
    seg(pad(clean(t.shortId), 6), ['bold']),
    { text: ' ' },
    { text: pad(formatAge(t.stoppedAt ?? t.stoppingAt, now), 6, 'right') },
    { text: ' ago ' },
    seg(code, ['yellow-fg']),
    { text: reason === '' ? '' : `: ${reason}` },
  ];
}
