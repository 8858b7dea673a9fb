// The `--once --json` output: a plain, stable JSON shape of one snapshot. Field names are a public
// interface (scripts parse them): add fields, never rename. Every named field is present; a value the
// monitor does not know is `null`, and times are ISO 8601 strings.
import type {
  Cluster,
  Container,
  Deployment,
  Service,
  ServiceEvent,
  Snapshot,
  Task,
  UtilizationMetrics,
} from './types.js';

export interface ClusterJson {
  name: string;
  arn: string;
  region: string;
  status: string;
  containerInsights: string;
  activeServicesCount: number | null;
  runningTasksCount: number | null;
  pendingTasksCount: number | null;
}

export interface DeploymentJson {
  id: string;
  status: string;
  rolloutState: string | null;
  rolloutStateReason: string | null;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  failedTasks: number;
  taskDefinition: string;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface EventJson {
  id: string;
  createdAt: string | null;
  message: string;
}

export interface ContainerJson {
  name: string;
  lastStatus: string | null;
  healthStatus: string;
  exitCode: number | null;
  reason: string | null;
  image: string | null;
  cpuLimit: number | null;
  memoryLimit: number | null;
  /** CPU units in use (enhanced Container Insights), null when unknown. */
  cpuUsed: number | null;
  /** MiB in use (enhanced Container Insights), null when unknown. */
  memoryUsed: number | null;
}

export interface TaskJson {
  id: string;
  shortId: string;
  arn: string;
  group: string | null;
  lastStatus: string;
  desiredStatus: string | null;
  healthStatus: string;
  launchType: string | null;
  taskDefinitionArn: string;
  revision: number | null;
  startedBy: string | null;
  createdAt: string | null;
  startedAt: string | null;
  stoppingAt: string | null;
  stoppedAt: string | null;
  stopCode: string | null;
  stoppedReason: string | null;
  cpu: number | null;
  memory: number | null;
  cpuPct: number | null;
  memPct: number | null;
  containers: ContainerJson[];
}

export interface ServiceJson {
  name: string;
  arn: string;
  status: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  health: string;
  launchType: string | null;
  taskDefinition: string | null;
  cpuPct: number | null;
  memPct: number | null;
  deployments: DeploymentJson[];
  events: EventJson[];
  tasks: TaskJson[];
  stoppedTasks: TaskJson[];
}

export interface SnapshotJson {
  cluster: ClusterJson;
  services: ServiceJson[];
  /** Stopped tasks of services and standalone ones, newest first. */
  stoppedTasks: TaskJson[];
  standaloneTasks: TaskJson[];
  fetchedAt: string;
  durationMs: number;
  apiCalls: Record<string, number>;
  /** Why some containers show only the task's own sizes (a task definition could not be described). */
  definitionsWarning: string | null;
  metrics: { mode: string; note: string | null; error: string | null; metricsRequested: number };
}

function iso(epochMs: number | undefined): string | null {
  return epochMs === undefined || !Number.isFinite(epochMs) ? null : new Date(epochMs).toISOString();
}

function orNull<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}

function clusterJson(c: Cluster): ClusterJson {
  return {
    name: c.name,
    arn: c.arn,
    region: c.region,
    status: c.status,
    containerInsights: c.containerInsights,
    activeServicesCount: orNull(c.activeServicesCount),
    runningTasksCount: orNull(c.runningTasksCount),
    pendingTasksCount: orNull(c.pendingTasksCount),
  };
}

function deploymentJson(d: Deployment): DeploymentJson {
  return {
    id: d.id,
    status: d.status,
    rolloutState: orNull(d.rolloutState),
    rolloutStateReason: orNull(d.rolloutStateReason),
    desiredCount: d.desiredCount,
    runningCount: d.runningCount,
    pendingCount: d.pendingCount,
    failedTasks: d.failedTasks,
    taskDefinition: d.taskDefinition,
    createdAt: iso(d.createdAt),
    updatedAt: iso(d.updatedAt),
  };
}

function eventJson(e: ServiceEvent): EventJson {
  return { id: e.id, createdAt: iso(e.createdAt), message: e.message };
}

function containerJson(c: Container): ContainerJson {
  return {
    name: c.name,
    lastStatus: orNull(c.lastStatus),
    healthStatus: c.healthStatus,
    exitCode: orNull(c.exitCode),
    reason: orNull(c.reason),
    image: orNull(c.image),
    cpuLimit: orNull(c.cpuLimit),
    memoryLimit: orNull(c.memoryLimit),
    cpuUsed: orNull(c.metrics?.cpuUsed),
    memoryUsed: orNull(c.metrics?.memoryUsed),
  };
}

function pct(metrics: UtilizationMetrics | undefined): { cpuPct: number | null; memPct: number | null } {
  return { cpuPct: orNull(metrics?.cpuPct), memPct: orNull(metrics?.memPct) };
}

function taskJson(t: Task): TaskJson {
  return {
    id: t.id,
    shortId: t.shortId,
    arn: t.arn,
    group: orNull(t.group),
    lastStatus: t.lastStatus,
    desiredStatus: orNull(t.desiredStatus),
    healthStatus: t.healthStatus,
    launchType: orNull(t.launchType),
    taskDefinitionArn: t.taskDefinitionArn,
    revision: orNull(t.revision),
    startedBy: orNull(t.startedBy),
    createdAt: iso(t.createdAt),
    startedAt: iso(t.startedAt),
    stoppingAt: iso(t.stoppingAt),
    stoppedAt: iso(t.stoppedAt),
    stopCode: orNull(t.stopCode),
    stoppedReason: orNull(t.stoppedReason),
    cpu: orNull(t.cpu),
    memory: orNull(t.memory),
    ...pct(t.metrics),
    containers: t.containers.map(containerJson),
  };
}

function serviceJson(s: Service): ServiceJson {
  return {
    name: s.name,
    arn: s.arn,
    status: s.status,
    desiredCount: s.desiredCount,
    runningCount: s.runningCount,
    pendingCount: s.pendingCount,
    health: s.health,
    launchType: orNull(s.launchType),
    taskDefinition: orNull(s.taskDefinition),
    ...pct(s.metrics),
    deployments: s.deployments.map(deploymentJson),
    events: s.events.map(eventJson),
    tasks: s.tasks.map(taskJson),
    stoppedTasks: s.stoppedTasks.map(taskJson),
  };
}

function stoppedTime(t: Task): number {
  return t.stoppedAt ?? t.stoppingAt ?? t.createdAt ?? 0;
}

/**
 * The snapshot as a plain object ready for `JSON.stringify` (the `--once --json` output). Top-level
 * `stoppedTasks` holds every recently stopped task, of services and standalone, newest first.
 */
export function snapshotToJson(snapshot: Snapshot): SnapshotJson {
  const stopped = [...snapshot.services.flatMap((s) => s.stoppedTasks), ...snapshot.stoppedTasks].sort(
    (a, b) => stoppedTime(b) - stoppedTime(a),
  );
  return {
    cluster: clusterJson(snapshot.cluster),
    services: snapshot.services.map(serviceJson),
    stoppedTasks: stopped.map(taskJson),
    standaloneTasks: snapshot.standaloneTasks.map(taskJson),
    fetchedAt: iso(snapshot.fetchedAt) ?? new Date(0).toISOString(),
    durationMs: snapshot.durationMs,
    apiCalls: { ...snapshot.apiCalls },
    definitionsWarning: orNull(snapshot.definitionsWarning),
    metrics: {
      mode: snapshot.metrics.mode,
      note: orNull(snapshot.metrics.note),
      error: orNull(snapshot.metrics.error),
      metricsRequested: snapshot.metrics.metricsRequested,
    },
  };
}
