// Puts fetched series onto a snapshot. Pure: the AWS layer hands in histories by series key, this
// decides current values (freshness rule) and where each one goes.
import type { Container, ContainerMetrics, MetricPoint, MetricsStatus, Service, Snapshot, Task, UtilizationMetrics } from './types.js';
import { currentValue } from './metric-freshness.js';
import { metricSeriesKey } from './metric-series.js';
import type { MetricLevel } from './metric-series.js';

/** What one cycle of the metrics source contributes to a snapshot. */
export interface MetricAttachment {
  /**
   * History per series key (oldest first) for every series to show this cycle. A level whose keys are
   * absent gets no metrics at all (undefined, printed as `-`), never an older value.
   */
  readonly histories: ReadonlyMap<string, readonly MetricPoint[]>;
  /** Evaluation time for the freshness rule, epoch ms. */
  readonly now: number;
  readonly status: MetricsStatus;
  /**
   * Services whose tasks and containers may have series; the others' tasks are passed through without
   * metrics and without computing their keys (a large cluster has tens of thousands of containers).
   * All services when omitted.
   */
  readonly detailedServices?: ReadonlySet<string>;
  /** GetMetricData attempts made this cycle (retries included), merged into `apiCalls` when above zero. */
  readonly getMetricDataCalls: number;
}

/** A copy of `x` without its `metrics`, so a level never keeps an older value. */
function withoutMetrics<T extends { readonly metrics?: unknown }>(x: T): Omit<T, 'metrics'> {
  const copy: { metrics?: unknown } = { ...x };
  delete copy.metrics;
  return copy as Omit<T, 'metrics'>;
}

function pair(
  histories: ReadonlyMap<string, readonly MetricPoint[]>,
  level: MetricLevel,
  values: readonly string[],
): { cpu: readonly MetricPoint[]; mem: readonly MetricPoint[] } | undefined {
  const cpuHistory = histories.get(metricSeriesKey(level, 'cpu', values));
  if (cpuHistory === undefined) return undefined;
  const memHistory = histories.get(metricSeriesKey(level, 'mem', values));
  if (memHistory === undefined) return undefined;
  return { cpu: cpuHistory, mem: memHistory };
}

function utilization(h: { cpu: readonly MetricPoint[]; mem: readonly MetricPoint[] }, now: number): UtilizationMetrics {
  return { cpuPct: currentValue(h.cpu, now), memPct: currentValue(h.mem, now), cpuHistory: h.cpu, memHistory: h.mem };
}

function withContainerMetrics(c: Container, cluster: string, service: string, taskId: string, a: MetricAttachment): Container {
  const rest = withoutMetrics(c);
  const h = pair(a.histories, 'container', [cluster, service, taskId, c.name]);
  if (h === undefined) return rest;
  const metrics: ContainerMetrics = {
    cpuUsed: currentValue(h.cpu, a.now),
    memoryUsed: currentValue(h.mem, a.now),
    cpuHistory: h.cpu,
    memHistory: h.mem,
  };
  return { ...rest, metrics };
}

function withTaskMetrics(t: Task, cluster: string, service: string, a: MetricAttachment): Task {
  const rest = withoutMetrics(t);
  const containers = t.containers.map((c) => withContainerMetrics(c, cluster, service, t.id, a));
  const h = pair(a.histories, 'task', [cluster, service, t.id]);
  return h === undefined ? { ...rest, containers } : { ...rest, containers, metrics: utilization(h, a.now) };
}

function withoutTaskMetrics(t: Task): Task {
  if (t.metrics === undefined && t.containers.every((c) => c.metrics === undefined)) return t;
  return { ...withoutMetrics(t), containers: t.containers.map((c) => withoutMetrics(c)) };
}

function withServiceMetrics(s: Service, cluster: string, a: MetricAttachment): Service {
  const rest = withoutMetrics(s);
  const detailed = a.detailedServices === undefined || a.detailedServices.has(s.name);
  const tasks = s.tasks.map((t) => (detailed ? withTaskMetrics(t, cluster, s.name, a) : withoutTaskMetrics(t)));
  const h = pair(a.histories, 'service', [cluster, s.name]);
  return h === undefined ? { ...rest, tasks } : { ...rest, tasks, metrics: utilization(h, a.now) };
}

/** A new snapshot with the attachment's metrics, status and call count; `snapshot` is not modified. */
export function attachMetrics(snapshot: Snapshot, a: MetricAttachment): Snapshot {
  const cluster = snapshot.cluster.name;
  const apiCalls =
    a.getMetricDataCalls > 0
      ? { ...snapshot.apiCalls, GetMetricData: (snapshot.apiCalls['GetMetricData'] ?? 0) + a.getMetricDataCalls }
      : snapshot.apiCalls;
  return {
    ...snapshot,
    services: snapshot.services.map((s) => withServiceMetrics(s, cluster, a)),
    apiCalls,
    metrics: a.status,
  };
}

function reagedUtilization(m: UtilizationMetrics | undefined, now: number): UtilizationMetrics | undefined {
  return m === undefined ? undefined : { ...m, cpuPct: currentValue(m.cpuHistory, now), memPct: currentValue(m.memHistory, now) };
}

function reagedContainer(c: Container, now: number): Container {
  const m = c.metrics;
  if (m === undefined) return c;
  return { ...c, metrics: { ...m, cpuUsed: currentValue(m.cpuHistory, now), memoryUsed: currentValue(m.memHistory, now) } };
}

function reagedTask(t: Task, now: number): Task {
  const containers = t.containers.map((c) => reagedContainer(c, now));
  const metrics = reagedUtilization(t.metrics, now);
  return metrics === undefined ? { ...t, containers } : { ...t, containers, metrics };
}

/**
 * `snapshot` with every current value judged again at `now` by the freshness rule, histories kept: a
 * snapshot shown after failed refreshes must turn its numbers into `-` as they age, not freeze them.
 * `snapshot` is not modified.
 */
export function reageMetrics(snapshot: Snapshot, now: number): Snapshot {
  return {
    ...snapshot,
    services: snapshot.services.map((s) => {
      const tasks = s.tasks.map((t) => reagedTask(t, now));
      const metrics = reagedUtilization(s.metrics, now);
      return metrics === undefined ? { ...s, tasks } : { ...s, tasks, metrics };
    }),
  };
}
