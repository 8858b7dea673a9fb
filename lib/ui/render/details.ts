// The details pane: everything about the selected service, task or container, as lines of at most
// `width` cells (long free text wraps), with colour tags added after fitting.
import type { Container, Deployment, EcsHealthStatus, HealthStatus, Service, Task } from '../../model/types.js';
import { fitSegments, type Segment } from './cell.js';
import { rolloutSymbol } from './deployments.js';
import { formatAge, formatCpuUnits, formatMiB, formatPercent, formatUsedOfLimit, taskDefinitionName } from './format.js';
import { healthSegment } from './health.js';
import { sparkline } from './sparkline.js';
import { clean, displayWidth, wrap } from './text.js';

/** At most this many events are listed: DescribeServices keeps 100, hostile data may carry more. */
export const MAX_EVENTS = 50;
/** At most this many lines of one event message. */
const MAX_EVENT_LINES = 4;
/** At most this many lines of one free-text reason. */
const MAX_REASON_LINES = 6;

const GRAY = ['gray-fg'];
const BOLD = ['bold'];

class Lines {
  readonly out: string[] = [];
  constructor(readonly width: number) {}
  add(...segments: Segment[]): void {
    this.out.push(fitSegments(segments, this.width));
  }
  /** A label and free text wrapped under it, indented. */
  text(label: string, value: string | undefined, indent = 2): void {
    if (value === undefined || value === '') return;
    const lines = wrap(clean(value), Math.max(1, this.width - indent), MAX_REASON_LINES + 1);
    const shown = lines.slice(0, MAX_REASON_LINES);
    if (lines.length > shown.length) shown[shown.length - 1] = `${shown[shown.length - 1] ?? ''} …`;
    this.add({ text: label, tags: GRAY });
    for (const l of shown) this.add({ text: ' '.repeat(indent) + l });
  }
  /**
   * Label-value fields side by side, flowing onto the next line where the pane is too narrow, so that no
   * field is cut while there is room below (an 80-column terminal leaves the details pane ~34 cells).
   */
  fields(...groups: Segment[][]): void {
    this.flow('', groups);
  }

  /** Like {@link fields}, with `indent` before every line after the first. */
  flow(indent: string, groups: readonly Segment[][]): void {
    const widthOf = (segments: readonly Segment[]): number => segments.reduce((n, seg) => n + displayWidth(seg.text), 0);
    let line: Segment[] = [];
    // The gap after a line's last field would make fitSegments cut the line with `…` for three spaces.
    const emit = (segments: Segment[]): void => this.add(...(segments[segments.length - 1]?.text === FIELD_GAP ? segments.slice(0, -1) : segments));
    for (const group of groups) {
      // The separator after the last field of a line does not count: it is trailing space.
      const candidate = [...line, ...group];
      const gap = group[group.length - 1]?.text === FIELD_GAP ? FIELD_GAP.length : 0;
      if (line.length > 0 && widthOf(candidate) - gap > this.width) {
        emit(line);
        // A continuation starts at the indent, without the spaces or comma that joined it to the line before.
        const [first, ...rest] = group;
        const head = first === undefined ? [] : [{ ...first, text: first.text.replace(/^[\s,]+/, '') }, ...rest];
        line = indent === '' ? head : [{ text: indent }, ...head];
      } else {
        line = candidate;
      }
    }
    if (line.length > 0) emit(line);
  }
  toString(): string {
    return this.out.join('\n');
  }
}

const HEALTH_NAMES: ReadonlySet<string> = new Set(['HEALTHY', 'WARNING', 'UNHEALTHY', 'UNKNOWN']);

/** The health symbol followed by its name (`✓ HEALTHY`), in the symbol's colour; an unexpected value reads UNKNOWN. */
function health(h: HealthStatus | EcsHealthStatus): Segment {
  const symbol = healthSegment(h);
  return { ...symbol, text: `${symbol.text} ${HEALTH_NAMES.has(h) ? h : 'UNKNOWN'}` };
}

const FIELD_GAP = '   ';

function field(label: string, value: string, tags?: readonly string[]): Segment[] {
  return [{ text: `${label} `, tags: GRAY }, tags ? { text: value, tags } : { text: value }, { text: FIELD_GAP }];
}

/**
 * A service: name, status, health, counts and task definition; every deployment with rollout state and
 * reason, counts, failed tasks, task definition family:revision and age; then the latest events with
 * their age (at most MAX_EVENTS). Lines joined by `\n`, each exactly `width` cells. Never throws.
 */
export function renderServiceDetails(service: Service, now: number, width: number): string {
  const l = new Lines(Math.max(1, Math.floor(width)));
  l.add({ text: clean(service.name), tags: BOLD }, { text: '  ' }, { text: clean(service.status) }, { text: '  ' }, health(service.health));
  l.fields(
    field('Tasks', `${service.runningCount}/${service.desiredCount}`),
    field('Pending', String(service.pendingCount)),
    field('Launch', service.launchType === undefined ? '-' : clean(service.launchType)),
  );
  l.add(...field('Task def', service.taskDefinition === undefined ? '-' : clean(taskDefinitionName(service.taskDefinition))));
  l.fields(
    field('CPU', formatPercent(service.metrics?.cpuPct)),
    field('Memory', formatPercent(service.metrics?.memPct)),
    field('Age', formatAge(service.createdAt, now)),
  );
  l.add({ text: '' });
  l.add({ text: `Deployments (${service.deployments.length})`, tags: BOLD });
  if (service.deployments.length === 0) l.add({ text: '  none', tags: GRAY });
  for (const d of service.deployments) deploymentLines(l, d, now);
  l.add({ text: '' });
  const shown = service.events.slice(0, MAX_EVENTS);
  const more = service.events.length > shown.length ? ` (latest ${shown.length} of ${service.events.length})` : '';
  l.add({ text: `Events${more}`, tags: BOLD });
  if (shown.length === 0) l.add({ text: '  none', tags: GRAY });
  // Events are what on-call reads first: wrap each under its age instead of cutting it.
  const indent = 9;
  for (const e of shown) {
    const wrapped = wrap(clean(e.message), Math.max(1, l.width - indent), MAX_EVENT_LINES + 1);
    const lines = wrapped.slice(0, MAX_EVENT_LINES);
    if (wrapped.length > lines.length) lines[lines.length - 1] = `${lines[lines.length - 1] ?? ''}…`;
    lines.forEach((line, i) => {
      const age = i === 0 ? `  ${formatAge(e.createdAt, now).padStart(6)} ` : ' '.repeat(indent);
      l.add({ text: age, tags: GRAY }, { text: line });
    });
  }
  return l.toString();
}

function deploymentLines(l: Lines, d: Deployment, now: number): void {
  const rollout = d.rolloutState === undefined ? '-' : clean(d.rolloutState);
  // In a narrow pane the counts and the age go on a line of their own rather than being cut.
  l.flow('    ', [
    [{ text: '  ' }, rolloutSymbol(d), { text: ' ' }, { text: clean(d.status), tags: BOLD }, { text: ` ${rollout}` }],
    [{ text: `  ${d.runningCount}/${d.desiredCount} running` }],
    ...(d.pendingCount > 0 ? [[{ text: `, ${d.pendingCount} pending` }]] : []),
    ...(d.failedTasks > 0 ? [[{ text: `, ${d.failedTasks} failed`, tags: ['red-fg'] }]] : []),
  ]);
  const at = d.updatedAt ?? d.createdAt;
  l.flow('    ', [
    [{ text: `    ${clean(taskDefinitionName(d.taskDefinition))}` }],
    [{ text: at === undefined ? '' : `  ${d.updatedAt === undefined ? 'created' : 'updated'} ${formatAge(at, now)} ago`, tags: GRAY }],
  ]);
  if (d.rolloutStateReason !== undefined && d.rolloutStateReason !== '') {
    for (const line of wrap(clean(d.rolloutStateReason), Math.max(1, l.width - 6), MAX_REASON_LINES)) {
      l.add({ text: `    ${line}`, tags: GRAY });
    }
  }
}

/** A task: ids, status, health, times, task definition, size, stop code and reason, containers. Never throws. */
export function renderTaskDetails(task: Task, now: number, width: number): string {
  const l = new Lines(Math.max(1, Math.floor(width)));
  l.add({ text: 'Task ', tags: GRAY }, { text: clean(task.id), tags: BOLD });
  l.fields(
    field('Status', clean(task.lastStatus)),
    field('Desired', task.desiredStatus === undefined ? '-' : clean(task.desiredStatus)),
    [{ text: 'Health ', tags: GRAY }, health(task.healthStatus)],
  );
  l.fields(
    field('Task def', clean(taskDefinitionName(task.taskDefinitionArn))),
    field('Launch', task.launchType === undefined ? '-' : clean(task.launchType)),
  );
  l.fields(
    field('Size', `${formatCpuUnits(task.cpu)} CPU units, ${formatMiB(task.memory)} MiB`),
  );
  l.fields(
    field('Started', task.startedAt === undefined ? '-' : `${formatAge(task.startedAt, now)} ago`),
    field('Created', task.createdAt === undefined ? '-' : `${formatAge(task.createdAt, now)} ago`),
    field('CPU', formatPercent(task.metrics?.cpuPct)),
    field('Memory', formatPercent(task.metrics?.memPct)),
  );
  if (task.stoppedAt !== undefined || task.stopCode !== undefined || task.stoppedReason !== undefined) {
    l.fields(
    field('Stopped', task.stoppedAt === undefined ? '-' : `${formatAge(task.stoppedAt, now)} ago`),
    field('Stop code', task.stopCode === undefined ? '-' : clean(task.stopCode), ['yellow-fg']),
  );
    l.text('Stopped reason', task.stoppedReason);
  }
  l.add({ text: '' });
  l.add({ text: `Containers (${task.containers.length})`, tags: BOLD });
  if (task.containers.length === 0) l.add({ text: '  none', tags: GRAY });
  for (const c of task.containers) {
    l.add(
      { text: '  ' },
      { text: clean(c.name) },
      { text: `  ${c.lastStatus === undefined ? '-' : clean(c.lastStatus)}  ` },
      c.hasHealthCheck === false ? { text: 'no health check', tags: GRAY } : health(c.healthStatus),
      { text: c.exitCode === undefined ? '' : `  exit ${c.exitCode}` },
    );
  }
  return l.toString();
}

/**
 * A container: status, health, image, limits, usage with large CPU and memory sparklines (scaled to
 * the limit), exit code and reason. Never throws.
 */
export function renderContainerDetails(container: Container, task: Task, now: number, width: number): string {
  const w = Math.max(1, Math.floor(width));
  const l = new Lines(w);
  const c = container;
  const m = c.metrics;
  l.add({ text: 'Container ', tags: GRAY }, { text: clean(c.name), tags: BOLD }, { text: '  in task ', tags: GRAY }, { text: clean(task.shortId) });
  l.fields(
    field('Status', c.lastStatus === undefined ? '-' : clean(c.lastStatus)),
    [{ text: 'Health ', tags: GRAY }, c.hasHealthCheck === false ? { text: 'no health check', tags: GRAY } : health(c.healthStatus)],
  );
  l.add(...field('Image', c.image === undefined ? '-' : clean(c.image)));
  l.fields(
    field('CPU units', formatUsedOfLimit(m?.cpuUsed, c.cpuLimit, 'cpu')),
    field('Memory MiB', formatUsedOfLimit(m?.memoryUsed, c.memoryLimit, 'MiB')),
  );
  const sparkW = Math.max(0, Math.min(60, w - 9));
  const graph = (label: string, points: readonly { t: number; v: number }[], limit: number | undefined): void => {
    const opts = limit !== undefined && limit > 0 ? { now, max: limit } : { now };
    l.add({ text: label.padEnd(9), tags: GRAY }, { text: sparkline(points, sparkW, opts), tags: ['cyan-fg'] });
  };
  graph('CPU', m?.cpuHistory ?? [], c.cpuLimit);
  graph('Memory', m?.memHistory ?? [], c.memoryLimit);
  if (m === undefined) l.add({ text: 'no container metrics (needs Container Insights enhanced)', tags: GRAY });
  l.add(...field('Exit code', c.exitCode === undefined ? '-' : String(c.exitCode), c.exitCode !== undefined && c.exitCode !== 0 ? ['red-fg'] : undefined));
  l.text('Reason', c.reason);
  if (c.runtimeId !== undefined) l.add(...field('Runtime id', clean(c.runtimeId)));
  return l.toString();
}
