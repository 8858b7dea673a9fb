// Metric values computed on demand: a smooth random walk per container series that is a pure function of
// (seed, series, minute), so hours of history cost nothing to keep and every read of a minute agrees.
// Published series follow aws-facts.md: AWS/ECS per service; ECS/ContainerInsights per service (enabled),
// plus per task and per container (enhanced).

import { hashString, mixHash, unitFromHash } from './rng.js';
import type { SimCluster, SimService, SimTask } from './world-types.js';
import type { World } from './world.js';

const MINUTE = 60_000;

/** The metric a query names: namespace, metric name and dimensions. */
export interface MetricId {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
}

/** The samples published for one minute (its start in epoch ms); an empty list means no datapoint. */
export type MinuteSamples = (minuteStart: number) => number[];

function noise(key: number, minute: number, span: number): number {
  const k = Math.floor(minute / span);
  const f = (minute - k * span) / span;
  const a = unitFromHash(mixHash(key, k));
  const b = unitFromHash(mixHash(key, k + 1));
  return a + (b - a) * f * f * (3 - 2 * f);
}

/** A smooth walk in [0, 1]: a slow wave with a faster ripple. */
function walk(key: number, minute: number): number {
  return 0.7 * noise(key, minute, 17) + 0.3 * noise(mixHash(key, 0x5bd1e995), minute, 4);
}

/** Whether the task ran during any part of the minute starting at `minuteStart`. */
function runningDuring(task: SimTask, minuteStart: number): boolean {
  const { startedAt, stoppedAt } = task;
  return startedAt !== undefined && startedAt < minuteStart + MINUTE && (stoppedAt === undefined || stoppedAt > minuteStart);
}

/** Per-task constants, computed once per query. */
class TaskModel {
  private readonly cpuKeys: number[];
  private readonly memKeys: number[];
  readonly cpuLimits: number[];
  readonly memLimits: number[];
  readonly cpuReserved: number[];
  readonly memReserved: number[];

  constructor(
    seedHash: number,
    readonly task: SimTask,
  ) {
    const defs = task.taskDef.containers;
    const n = Math.max(1, defs.length);
    this.cpuKeys = defs.map((c) => mixHash(seedHash, hashString(`${task.id}/${c.name}/cpu`)));
    this.memKeys = defs.map((c) => mixHash(seedHash, hashString(`${task.id}/${c.name}/mem`)));
    this.cpuLimits = defs.map((c) => (c.cpu > 0 ? c.cpu : task.taskDef.cpu / n));
    this.memLimits = defs.map((c) => c.memory ?? c.memoryReservation ?? task.taskDef.memory / n);
    this.cpuReserved = defs.map((c) => c.cpu);
    this.memReserved = defs.map((c) => c.memoryReservation ?? c.memory ?? 0);
  }

  runningDuring(minuteStart: number): boolean {
    return runningDuring(this.task, minuteStart);
  }

  /** CPU units used by container `i`, within its limit. */
  cpu(i: number, minuteStart: number): number {
    const key = this.cpuKeys[i] ?? 0;
    const base = (i === 0 ? 0.15 + 0.45 * unitFromHash(mixHash(key, 1)) : 0.04 + 0.2 * unitFromHash(mixHash(key, 1))) * this.task.load;
    const fraction = Math.min(0.98, Math.max(0.01, base * (0.5 + walk(key, minuteStart / MINUTE))));
    return round(fraction * (this.cpuLimits[i] ?? 0));
  }

  /** MiB used by container `i`, within its limit; memory moves more slowly than CPU. */
  mem(i: number, minuteStart: number): number {
    const key = this.memKeys[i] ?? 0;
    const base = 0.3 + 0.45 * unitFromHash(mixHash(key, 1));
    const fraction = Math.min(0.97, Math.max(0.02, base * (0.85 + 0.3 * walk(key, minuteStart / MINUTE / 3))));
    return round(fraction * (this.memLimits[i] ?? 0));
  }

  cpuTotal(minuteStart: number): number {
    let sum = 0;
    for (let i = 0; i < this.cpuKeys.length; i++) sum += this.cpu(i, minuteStart);
    return round(sum);
  }

  memTotal(minuteStart: number): number {
    let sum = 0;
    for (let i = 0; i < this.memKeys.length; i++) sum += this.mem(i, minuteStart);
    return round(sum);
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function pct(part: number, whole: number): number {
  return whole > 0 ? round((part / whole) * 100) : 0;
}

type TaskSample = (model: TaskModel, minuteStart: number) => number;

const TASK_LEVEL: Readonly<Record<string, TaskSample>> = {
  CpuUtilized: (m, t) => m.cpuTotal(t),
  CpuReserved: (m) => m.task.taskDef.cpu,
  MemoryUtilized: (m, t) => m.memTotal(t),
  MemoryReserved: (m) => m.task.taskDef.memory,
  TaskCpuUtilization: (m, t) => pct(m.cpuTotal(t), m.task.taskDef.cpu),
  TaskMemoryUtilization: (m, t) => pct(m.memTotal(t), m.task.taskDef.memory),
};

const SERVICE_INSIGHTS = ['CpuUtilized', 'CpuReserved', 'MemoryUtilized', 'MemoryReserved'];

type ContainerSample = (m: TaskModel, i: number, minuteStart: number) => number;

const CONTAINER_LEVEL: Readonly<Record<string, ContainerSample>> = {
  ContainerCpuUtilized: (m, i, t) => m.cpu(i, t),
  ContainerCpuReserved: (m, i) => m.cpuReserved[i] ?? 0,
  ContainerMemoryUtilized: (m, i, t) => m.mem(i, t),
  ContainerMemoryReserved: (m, i) => m.memReserved[i] ?? 0,
  ContainerMemoryUtilization: (m, i, t) => pct(m.mem(i, t), m.memLimits[i] ?? 0),
};

function perTask(models: readonly TaskModel[], sample: TaskSample): MinuteSamples {
  return (t) => models.filter((m) => m.runningDuring(t)).map((m) => sample(m, t));
}

function countSamples(service: SimService, counted: (task: SimTask, t: number) => boolean): MinuteSamples {
  return (t) => (t + MINUTE <= service.createdAt ? [] : [service.tasks.filter((task) => counted(task, t)).length]);
}

/**
 * The samples of the series a query names, or undefined when nothing is published under that name and
 * those dimensions (wrong namespace, Insights mode, dimension set or unknown resource).
 */
export function resolveSeries(world: World, seed: number, metric: MetricId): MinuteSamples | undefined {
  const dims = metric.dimensions;
  const cluster: SimCluster | undefined = world.clusters.find((c) => c.name === dims['ClusterName']);
  const service = cluster && dims['ServiceName'] !== undefined ? cluster.serviceByName.get(dims['ServiceName']) : undefined;
  if (!cluster || !service) return undefined;
  const shape = Object.keys(dims).sort().join(',');
  const seedHash = hashString(`metrics:${seed}`);
  const name = metric.metricName;

  if (metric.namespace === 'AWS/ECS') {
    if (shape !== 'ClusterName,ServiceName') return undefined;
    const models = service.tasks.map((t) => new TaskModel(seedHash, t));
    if (name === 'CPUUtilization') return perTask(models, TASK_LEVEL['TaskCpuUtilization'] as TaskSample);
    if (name === 'MemoryUtilization') return perTask(models, TASK_LEVEL['TaskMemoryUtilization'] as TaskSample);
    return undefined;
  }
  if (metric.namespace !== 'ECS/ContainerInsights' || cluster.insights === 'disabled') return undefined;

  if (shape === 'ClusterName,ServiceName') {
    if (SERVICE_INSIGHTS.includes(name)) return perTask(service.tasks.map((t) => new TaskModel(seedHash, t)), TASK_LEVEL[name] as TaskSample);
    if (name === 'RunningTaskCount') return countSamples(service, runningDuring);
    if (name === 'PendingTaskCount') {
      return countSamples(service, (task, t) => task.createdAt < t + MINUTE && (task.startedAt ?? task.stoppedAt ?? Infinity) > t);
    }
    if (name === 'DesiredTaskCount') return (t) => (t + MINUTE <= service.createdAt ? [] : [service.desiredCount]);
    if (name === 'DeploymentCount') return (t) => (t + MINUTE <= service.createdAt ? [] : [service.deployments.length]);
    return undefined;
  }
  if (cluster.insights !== 'enhanced') return undefined;
  const task = dims['TaskId'] === undefined ? undefined : cluster.tasks.get(dims['TaskId']);
  if (!task || task.serviceName !== service.name) return undefined;
  const model = new TaskModel(seedHash, task);
  if (shape === 'ClusterName,ServiceName,TaskId') {
    const sample = TASK_LEVEL[name];
    return sample ? perTask([model], sample) : undefined;
  }
  if (shape === 'ClusterName,ContainerName,ServiceName,TaskId') {
    const index = task.taskDef.containers.findIndex((c) => c.name === dims['ContainerName']);
    const sample = CONTAINER_LEVEL[name];
    if (index < 0 || !sample) return undefined;
    return (t) => (model.runningDuring(t) ? [sample(model, index, t)] : []);
  }
  return undefined;
}
