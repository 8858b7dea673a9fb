// SDK shapes → model types. Nothing outside lib/aws sees an SDK object; every field AWS may omit is
// treated as optional here, once.
import type {
  Cluster as SdkCluster,
  Container as SdkContainer,
  Deployment as SdkDeployment,
  Service as SdkService,
  ServiceEvent as SdkServiceEvent,
  Task as SdkTask,
  TaskDefinition as SdkTaskDefinition,
} from '@aws-sdk/client-ecs';
import { parseTaskDefinitionArn, shortTaskId, taskIdFromArn } from '../model/arn.js';
import { deriveServiceHealth } from '../model/health.js';
import { containerLimits } from '../model/task-definition.js';
import type { ContainerDefinitionInfo, TaskDefinitionInfo } from '../model/task-definition.js';
import type {
  Cluster,
  Container,
  Deployment,
  EcsHealthStatus,
  InsightsMode,
  Service,
  ServiceEvent,
  Task,
} from '../model/types.js';
import { compact } from './compact.js';

/**
 * Values many tasks repeat (statuses, groups, images, task definition ARNs, `startedBy`) arrive as a
 * fresh string in every response: 25,000 tasks held 25,000 copies of the same few hundred strings, in
 * every snapshot kept. One shared copy of each; the table is emptied when it reaches SHARED_LIMIT, which
 * bounds it whatever the cluster or the uptime (a value seen again after that is simply shared anew).
 */
const shared = new Map<string, string>();
const SHARED_LIMIT = 20_000;

/** The shared copy of `value` (equal, and usually the same string object as other tasks hold). */
export function sharedString<T extends string | undefined>(value: T): T {
  if (value === undefined) return value;
  const known = shared.get(value);
  if (known !== undefined) return known as T;
  if (shared.size >= SHARED_LIMIT) shared.clear();
  shared.set(value, value);
  return value;
}

function epoch(date: Date | undefined): number | undefined {
  if (date === undefined) return undefined;
  const ms = date.getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

/** ECS sends sizes as strings ("256", "0.25 vCPU" in requests only); a non-number is unknown. */
function positiveNumber(value: string | number | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

function health(value: string | undefined): EcsHealthStatus {
  return value === 'HEALTHY' || value === 'UNHEALTHY' ? value : 'UNKNOWN';
}

function insights(cluster: SdkCluster): InsightsMode {
  const value = cluster.settings?.find((s) => s.name === 'containerInsights')?.value;
  return value === 'enabled' || value === 'enhanced' ? value : 'disabled';
}

/** A DescribeClusters cluster (SETTINGS, STATISTICS included) as the model's Cluster. */
export function parseCluster(cluster: SdkCluster, region: string): Cluster {
  return compact({
    name: cluster.clusterName ?? '',
    arn: cluster.clusterArn ?? '',
    region,
    status: cluster.status ?? 'UNKNOWN',
    containerInsights: insights(cluster),
    activeServicesCount: cluster.activeServicesCount,
    runningTasksCount: cluster.runningTasksCount,
    pendingTasksCount: cluster.pendingTasksCount,
    registeredContainerInstancesCount: cluster.registeredContainerInstancesCount,
  });
}

/** A DescribeTaskDefinition result reduced to what the dashboard needs. */
export function parseTaskDefinition(definition: SdkTaskDefinition, requestedArn: string): TaskDefinitionInfo {
  const arn = definition.taskDefinitionArn ?? requestedArn;
  const ref = parseTaskDefinitionArn(arn);
  return compact({
    arn: sharedString(arn),
    family: definition.family ?? ref.family,
    revision: definition.revision ?? ref.revision,
    cpu: positiveNumber(definition.cpu),
    memory: positiveNumber(definition.memory),
    containers: (definition.containerDefinitions ?? []).map(
      (c): ContainerDefinitionInfo =>
        compact({
          name: c.name ?? '',
          cpu: positiveNumber(c.cpu),
          memory: positiveNumber(c.memory),
          memoryReservation: positiveNumber(c.memoryReservation),
          hasHealthCheck: (c.healthCheck?.command?.length ?? 0) > 0,
          image: sharedString(c.image),
        }),
    ),
  });
}

function parseContainer(
  container: SdkContainer,
  task: { cpu: number | undefined; memory: number | undefined },
  definition: TaskDefinitionInfo | undefined,
): Container {
  const name = sharedString(container.name ?? '');
  const fromDefinition = definition?.containers.find((c) => c.name === name);
  // Without the definition, the task's own copy of the container sizes is the next best source.
  const fallback: ContainerDefinitionInfo | undefined =
    fromDefinition ??
    compact({
      name,
      cpu: positiveNumber(container.cpu),
      memory: positiveNumber(container.memory),
      memoryReservation: positiveNumber(container.memoryReservation),
      hasHealthCheck: false,
    });
  const limits = containerLimits(fallback, task);
  return compact({
    name,
    lastStatus: sharedString(container.lastStatus),
    healthStatus: health(container.healthStatus),
    hasHealthCheck: fromDefinition?.hasHealthCheck,
    exitCode: container.exitCode,
    reason: sharedString(container.reason),
    image: sharedString(container.image ?? fromDefinition?.image),
    runtimeId: container.runtimeId,
    cpuLimit: limits.cpuLimit,
    memoryLimit: limits.memoryLimit,
  });
}

/**
 * A DescribeTasks task as the model's Task; `definition` (from the task-definition cache) supplies
 * container limits and health-check presence when known.
 */
export function parseTask(task: SdkTask, definition: TaskDefinitionInfo | undefined): Task {
  const arn = task.taskArn ?? '';
  const id = taskIdFromArn(arn);
  const taskDefinitionArn = sharedString(task.taskDefinitionArn ?? '');
  const size = {
    cpu: positiveNumber(task.cpu) ?? definition?.cpu,
    memory: positiveNumber(task.memory) ?? definition?.memory,
  };
  return compact({
    arn,
    id,
    shortId: shortTaskId(id),
    group: sharedString(task.group),
    lastStatus: sharedString(task.lastStatus ?? 'UNKNOWN'),
    desiredStatus: sharedString(task.desiredStatus),
    healthStatus: health(task.healthStatus),
    launchType: sharedString(task.launchType),
    taskDefinitionArn,
    revision: parseTaskDefinitionArn(taskDefinitionArn).revision,
    startedBy: sharedString(task.startedBy),
    createdAt: epoch(task.createdAt),
    startedAt: epoch(task.startedAt),
    stoppingAt: epoch(task.stoppingAt),
    stoppedAt: epoch(task.stoppedAt),
    stopCode: sharedString(task.stopCode),
    stoppedReason: sharedString(task.stoppedReason),
    cpu: size.cpu,
    memory: size.memory,
    containers: (task.containers ?? []).map((c) => parseContainer(c, size, definition)),
  });
}

function parseDeployment(d: SdkDeployment): Deployment {
  return compact({
    id: d.id ?? '',
    status: sharedString(d.status ?? 'UNKNOWN'),
    rolloutState: sharedString(d.rolloutState),
    rolloutStateReason: sharedString(d.rolloutStateReason),
    desiredCount: d.desiredCount ?? 0,
    runningCount: d.runningCount ?? 0,
    pendingCount: d.pendingCount ?? 0,
    failedTasks: d.failedTasks ?? 0,
    taskDefinition: sharedString(d.taskDefinition ?? ''),
    createdAt: epoch(d.createdAt),
    updatedAt: epoch(d.updatedAt),
  });
}

/**
 * A service's events, newest first. ECS keeps a service's last 100 and a service that does not change
 * logs "(service x) has reached a steady state." every few hours, so most of the 100 carry one message:
 * equal messages share one string here (per service, so nothing outlives the snapshot).
 */
function parseEvents(events: readonly SdkServiceEvent[]): ServiceEvent[] {
  const messages = new Map<string, string>();
  return events.map((e) => {
    const text = e.message ?? '';
    let message = messages.get(text);
    if (message === undefined) {
      message = text;
      messages.set(text, text);
    }
    return { id: e.id ?? '', createdAt: epoch(e.createdAt) ?? 0, message };
  });
}

/** Newest stop first: the order in which a crash loop is read. */
export function byNewestStop(a: Task, b: Task): number {
  const time = (t: Task): number => t.stoppedAt ?? t.stoppingAt ?? t.createdAt ?? 0;
  return time(b) - time(a);
}

/** A DescribeServices service with its tasks (already parsed), health derived. */
export function parseService(service: SdkService, tasks: readonly Task[], stoppedTasks: readonly Task[]): Service {
  const deployments = (service.deployments ?? []).map(parseDeployment);
  const desiredCount = service.desiredCount ?? 0;
  const runningCount = service.runningCount ?? 0;
  const sortedTasks = [...tasks].sort((a, b) => a.id.localeCompare(b.id));
  return compact({
    name: service.serviceName ?? '',
    arn: service.serviceArn ?? '',
    status: sharedString(service.status ?? 'UNKNOWN'),
    desiredCount,
    runningCount,
    pendingCount: service.pendingCount ?? 0,
    launchType: sharedString(service.launchType),
    taskDefinition: sharedString(service.taskDefinition),
    createdAt: epoch(service.createdAt),
    deployments,
    events: parseEvents(service.events ?? []),
    tasks: sortedTasks,
    stoppedTasks: [...stoppedTasks].sort(byNewestStop),
    health: deriveServiceHealth({ desiredCount, runningCount, deployments, tasks: sortedTasks }),
  });
}
