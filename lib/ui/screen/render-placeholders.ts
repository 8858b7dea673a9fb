// Stand-ins for lib/ui/render (the render engineer's, landing soon): the same signatures as the UI contract,
// minimal output. Each is replaced by the real import as soon as it lands; then this file goes away.
import type { ClusterSummary, Service, Snapshot, Task, Container } from '../../model/types.js';
import type { PollerErrorEvent, PollerState } from '../../poller/types.js';
import { clean, pad } from '../render/text.js';

export interface TreeLine {
  id: string;
  kind: 'task' | 'container' | 'stopped-group' | 'stopped-task' | 'empty';
  depth: number;
  text: string;
  expandable: boolean;
  expanded: boolean;
  taskId?: string;
  containerName?: string;
}

export function renderTaskTree(
  service: Service,
  opts: { expanded: ReadonlySet<string>; stoppedExpanded: boolean; now: number; width: number },
): TreeLine[] {
  const lines: TreeLine[] = [];
  if (service.tasks.length === 0) lines.push({ id: 'empty', kind: 'empty', depth: 0, text: 'No tasks running', expandable: false, expanded: false });
  for (const task of service.tasks) {
    const expanded = opts.expanded.has(task.id);
    lines.push({ id: `task:${task.id}`, kind: 'task', depth: 0, text: pad(`${expanded ? '▾' : '▸'} ${task.shortId} ${task.lastStatus} ${task.healthStatus}`, opts.width), expandable: true, expanded, taskId: task.id });
    if (expanded) {
      for (const c of task.containers) {
        lines.push({ id: `container:${task.id}/${c.name}`, kind: 'container', depth: 1, text: pad(`  └─ ${clean(c.name)} ${c.healthStatus}`, opts.width), expandable: false, expanded: false, taskId: task.id, containerName: c.name });
      }
    }
  }
  if (service.stoppedTasks.length > 0) {
    lines.push({ id: 'stopped', kind: 'stopped-group', depth: 0, text: `${opts.stoppedExpanded ? '▾' : '▸'} Stopped (${service.stoppedTasks.length})`, expandable: true, expanded: opts.stoppedExpanded });
    if (opts.stoppedExpanded) {
      for (const t of service.stoppedTasks) {
        lines.push({ id: `stopped:${t.id}`, kind: 'stopped-task', depth: 1, text: pad(`  ${t.shortId} ${t.stopCode ?? ''} ${clean(t.stoppedReason ?? '')}`, opts.width), expandable: false, expanded: false, taskId: t.id });
      }
    }
  }
  return lines;
}

export function renderHeader(input: {
  snapshot?: Snapshot | undefined;
  state?: PollerState | undefined;
  error?: PollerErrorEvent | undefined;
  now: number;
  width: number;
  callsLastMinute?: number | undefined;
  clusterName: string;
  region: string;
}): string {
  const s = input.snapshot;
  const healthy = s ? s.services.filter((x) => x.health === 'HEALTHY').length : 0;
  const next = input.state?.nextRefreshAt === undefined ? '' : ` next ${Math.max(0, Math.ceil((input.state.nextRefreshAt - input.now) / 1000))}s`;
  return `{bold}${clean(input.clusterName)}{/bold} ${input.region}  services healthy ${healthy}/${s?.services.length ?? 0}${next}`;
}

export function renderServiceDetails(service: Service, _now: number, _width: number): string {
  return [`Service ${clean(service.name)}`, ...service.deployments.map((d) => `${d.status} ${d.runningCount}/${d.desiredCount}`), ...service.events.slice(0, 5).map((e) => clean(e.message))].join('\n');
}

export function renderTaskDetails(task: Task, _now: number, _width: number): string {
  return `Task ${task.id}\n${task.lastStatus}${task.stopCode ? `\n${task.stopCode}: ${clean(task.stoppedReason ?? '')}` : ''}`;
}

export function renderContainerDetails(container: Container, task: Task, _now: number, _width: number): string {
  return `Container ${clean(container.name)} of task ${task.shortId}`;
}

export function renderClusterRows(clusters: readonly ClusterSummary[], width: number): { header: string; rows: string[] } {
  return {
    header: pad(`${pad('CLUSTER', 30)} ${pad('STATUS', 10)} SERVICES RUNNING`, width),
    rows: clusters.map((c) => pad(`${pad(clean(c.name), 30)} ${pad(c.status, 10)} ${String(c.activeServicesCount).padEnd(8)} ${c.runningTasksCount}`, width)),
  };
}

