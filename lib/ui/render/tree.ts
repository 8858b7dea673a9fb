// The task tree of one service, flattened into lines with tree glyphs: tasks, their containers when
// expanded, and a collapsible group of recently stopped tasks.
import type { Container, Service, Task } from '../../model/types.js';
import { fitSegments, type Segment } from './cell.js';
import { formatAge, formatPercent, formatUsedOfLimit } from './format.js';
import { healthSegment } from './health.js';
import { sparkline } from './sparkline.js';
import { clean, displayWidth, pad } from './text.js';

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
/** Sparkline gauges on container lines take what room is left, within these bounds. */
const GAUGE_MIN = 3;
const GAUGE_MAX = 8;
/** Container names get at most this many cells (the details pane shows the whole name). */
const NAME_MAX = 20;
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
  const taskCols = taskColumns(service.tasks, opts.now, width);
  const containerCols = containerColumns(service.tasks, width);
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
      text: fitSegments([branch(last, ''), marker(expandable, expanded), ...taskSegments(task, opts.now, taskCols)], width),
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
        text: fitSegments([branch(lastChild, stem), ...containerSegments(c, opts.now, containerCols)], width),
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

function statusTags(status: string): readonly string[] | undefined {
  if (status === 'RUNNING') return undefined;
  if (status === 'STOPPED' || status === 'DEPROVISIONING' || status === 'STOPPING' || status === 'DEACTIVATING') return ['yellow-fg'];
  return ['cyan-fg'];
}

function seg(text: string, tags?: readonly string[]): Segment {
  return tags ? { text, tags } : { text };
}

/**
 * Column widths of the task lines, the same on every line so they align: as wide as the longest value
 * (not a fixed guess), and without the age, then the revision, when the pane is too narrow for them.
 */
interface TaskColumns {
  readonly status: number;
  readonly pct: number;
  /** Undefined when the column is left out for want of room. */
  readonly age: number | undefined;
  readonly rev: number | undefined;
}

/** Branch and expand marker before a task's short id. */
const TASK_PREFIX = 5;
/** Stem and branch before a container's name. */
const CONTAINER_PREFIX = 6;

function revText(t: Task): string {
  return t.revision === undefined ? '-' : `:${t.revision}`;
}

function longest(values: readonly string[], min: number): number {
  return values.reduce((n, v) => Math.max(n, displayWidth(v)), min);
}

function taskColumns(tasks: readonly Task[], now: number, width: number): TaskColumns {
  const status = Math.min(14, longest(tasks.map((t) => clean(t.lastStatus)), 7));
  const pct = longest(tasks.flatMap((t) => [formatPercent(t.metrics?.cpuPct), formatPercent(t.metrics?.memPct)]), 3);
  const age = longest(tasks.map((t) => formatAge(t.startedAt, now)), 1);
  const rev = longest(tasks.map((t) => clean(revText(t))), 1);
  // id, status, health, then " cpu " and " mem " with their percentages.
  const base = TASK_PREFIX + 6 + 1 + status + 2 + 2 * (5 + pct);
  if (base + 1 + age + 1 + rev <= width) return { status, pct, age, rev };
  if (base + 1 + rev <= width) return { status, pct, age: undefined, rev };
  return { status, pct, age: undefined, rev: undefined };
}

function taskSegments(t: Task, now: number, cols: TaskColumns): Segment[] {
  const m = t.metrics;
  const segments: Segment[] = [
    seg(pad(clean(t.shortId), 6), ['bold']),
    { text: ' ' },
    seg(pad(clean(t.lastStatus), cols.status), statusTags(t.lastStatus)),
    { text: ' ' },
    healthSegment(t.healthStatus),
  ];
  if (cols.age !== undefined) segments.push({ text: ' ' + pad(formatAge(t.startedAt, now), cols.age, 'right') });
  if (cols.rev !== undefined) segments.push({ text: ' ' + pad(clean(revText(t)), cols.rev) });
  segments.push({ text: ' cpu ' }, pctSegment(m?.cpuPct, cols.pct), { text: ' mem ' }, pctSegment(m?.memPct, cols.pct));
  return segments;
}

function pctSegment(v: number | undefined, width: number): Segment {
  const text = pad(formatPercent(v), width, 'right');
  if (v === undefined) return seg(text, GRAY);
  return seg(text, v >= 90 ? ['red-fg'] : v >= 75 ? ['yellow-fg'] : undefined);
}

function containerHealth(c: Container): Segment {
  // No health check defined: there is nothing to be healthy about, so no question mark either.
  if (c.hasHealthCheck === false) return seg('-', GRAY);
  return healthSegment(c.healthStatus);
}

/**
 * Column widths of the container lines, from every container of the service (so expanding another task
 * does not shift them). The used/limit figures always show; when the pane is narrow the status goes first
 * (the health symbol stays), then the sparkline gauges, which otherwise share the room left.
 */
interface ContainerColumns {
  readonly name: number;
  readonly status: number | undefined;
  readonly cpu: number;
  readonly mem: number;
  readonly gauge: number | undefined;
}

function containerColumns(tasks: readonly Task[], width: number): ContainerColumns {
  const containers = tasks.flatMap((t) => t.containers);
  const name = Math.min(NAME_MAX, longest(containers.map((c) => clean(c.name)), 4));
  const status = longest(containers.map((c) => (c.lastStatus === undefined ? '-' : clean(c.lastStatus))), 7);
  const cpu = longest(containers.map((c) => formatUsedOfLimit(c.metrics?.cpuUsed, c.cpuLimit, 'cpu')), 1);
  const mem = longest(containers.map((c) => formatUsedOfLimit(c.metrics?.memoryUsed, c.memoryLimit, 'MiB')), 1);
  // name, health, " cpu " and " mem " with their figures.
  const base = CONTAINER_PREFIX + name + 2 + 5 + cpu + 5 + mem;
  const gaugeIn = (room: number): number | undefined => {
    const g = Math.min(GAUGE_MAX, Math.floor((room - 2) / 2));
    return g >= GAUGE_MIN ? g : undefined;
  };
  const withStatus = gaugeIn(width - base - 1 - status);
  if (withStatus !== undefined) return { name, status, cpu, mem, gauge: withStatus };
  return { name, status: undefined, cpu, mem, gauge: gaugeIn(width - base) };
}

function containerSegments(c: Container, now: number, cols: ContainerColumns): Segment[] {
  const m = c.metrics;
  const used = (v: number | undefined, limit: number | undefined, unit: 'cpu' | 'MiB', w: number): Segment =>
    seg(pad(formatUsedOfLimit(v, limit, unit), w), v === undefined ? GRAY : undefined);
  const gauge = (points: Parameters<typeof sparkline>[0], limit: number | undefined): Segment[] =>
    cols.gauge === undefined ? [] : [{ text: ' ' }, seg(sparkline(points, cols.gauge, maxOf(limit, now)), ['cyan-fg'])];
  const segments: Segment[] = [{ text: pad(clean(c.name), cols.name) }];
  if (cols.status !== undefined) {
    const status = c.lastStatus === undefined ? '-' : clean(c.lastStatus);
    segments.push({ text: ' ' }, seg(pad(status, cols.status), c.lastStatus === undefined ? GRAY : statusTags(c.lastStatus)));
  }
  segments.push(
    { text: ' ' },
    containerHealth(c),
    { text: ' cpu ' },
    used(m?.cpuUsed, c.cpuLimit, 'cpu', cols.cpu),
    ...gauge(m?.cpuHistory ?? [], c.cpuLimit),
    { text: ' mem ' },
    used(m?.memoryUsed, c.memoryLimit, 'MiB', cols.mem),
    ...gauge(m?.memHistory ?? [], c.memoryLimit),
  );
  return segments;
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
