// World records rendered as the JSON shapes ECS returns (field names and types as in the ECS API reference).

import { hashString, mixHash } from './rng.js';
import { containerStates } from './world.js';
import type { SimCluster, SimDeployment, SimService, SimTask, SimTaskDef } from './world-types.js';
import type { JsonObject } from './wire.js';
import { seconds } from './wire.js';

const PENDING_STATES = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);

/** Running and pending counts over a set of tasks, as ECS counts them for services and deployments. */
export function taskCounts(tasks: readonly SimTask[]): { running: number; pending: number } {
  let running = 0;
  let pending = 0;
  for (const t of tasks) {
    if (t.desiredStatus !== 'RUNNING') continue;
    if (t.lastStatus === 'RUNNING') running++;
    else if (PENDING_STATES.has(t.lastStatus)) pending++;
  }
  return { running, pending };
}

/** A cluster, with `settings` and `statistics` only when asked for, as DescribeClusters does. */
export function clusterShape(cluster: SimCluster, include: readonly string[]): JsonObject {
  let running = 0;
  let pending = 0;
  for (const t of cluster.tasks.values()) {
    if (t.desiredStatus !== 'RUNNING') continue;
    if (t.lastStatus === 'RUNNING') running++;
    else if (PENDING_STATES.has(t.lastStatus)) pending++;
  }
  const active = cluster.services.filter((s) => s.status === 'ACTIVE').length;
  return {
    clusterArn: cluster.arn,
    clusterName: cluster.name,
    status: 'ACTIVE',
    registeredContainerInstancesCount: 0,
    runningTasksCount: running,
    pendingTasksCount: pending,
    activeServicesCount: active,
    capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
    ...(include.includes('STATISTICS')
      ? {
          statistics: [
            { name: 'runningEC2TasksCount', value: '0' },
            { name: 'runningFargateTasksCount', value: String(running) },
            { name: 'pendingEC2TasksCount', value: '0' },
            { name: 'pendingFargateTasksCount', value: String(pending) },
            { name: 'activeEC2ServiceCount', value: '0' },
            { name: 'activeFargateServiceCount', value: String(active) },
            { name: 'drainingEC2ServiceCount', value: '0' },
            { name: 'drainingFargateServiceCount', value: '0' },
          ],
        }
      : {}),
    ...(include.includes('SETTINGS') ? { settings: [{ name: 'containerInsights', value: cluster.insights }] } : {}),
    ...(include.includes('TAGS') ? { tags: [] } : {}),
  };
}

function deploymentShape(service: SimService, deployment: SimDeployment): JsonObject {
  const counts = taskCounts(service.tasks.filter((t) => t.startedBy === deployment.id));
  return {
    id: deployment.id,
    status: deployment.status,
    taskDefinition: deployment.taskDef.arn,
    desiredCount: deployment.status === 'PRIMARY' ? service.desiredCount : counts.running,
    pendingCount: counts.pending,
    runningCount: counts.running,
    failedTasks: deployment.failedTasks,
    createdAt: seconds(deployment.createdAt),
    updatedAt: seconds(deployment.updatedAt),
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    platformFamily: 'Linux',
    rolloutState: deployment.rolloutState,
    rolloutStateReason: deployment.rolloutStateReason,
  };
}

/** A service with its deployments (PRIMARY first) and latest 100 events (newest first). */
export function serviceShape(cluster: SimCluster, service: SimService): JsonObject {
  const counts = taskCounts(service.tasks);
  return {
    serviceArn: service.arn,
    serviceName: service.name,
    clusterArn: cluster.arn,
    status: service.status,
    desiredCount: service.desiredCount,
    runningCount: counts.running,
    pendingCount: counts.pending,
    launchType: 'FARGATE',
    platformVersion: 'LATEST',
    platformFamily: 'Linux',
    taskDefinition: service.taskDef.arn,
    deploymentConfiguration: {
      deploymentCircuitBreaker: { enable: true, rollback: false },
      maximumPercent: 200,
      minimumHealthyPercent: 100,
    },
    deployments: service.deployments.map((d) => deploymentShape(service, d)),
    events: service.events.map((e) => ({ id: e.id, createdAt: seconds(e.createdAt), message: e.message })),
    createdAt: seconds(service.createdAt),
    createdBy: 'arn:aws:iam::123456789012:role/deploy',
    schedulingStrategy: 'REPLICA',
    deploymentController: { type: 'ECS' },
    enableECSManagedTags: true,
    propagateTags: 'SERVICE',
    enableExecuteCommand: false,
    healthCheckGracePeriodSeconds: 60,
  };
}

/** A task with its containers; container cpu/memory come from the task definition, as strings. */
export function taskShape(cluster: SimCluster, task: SimTask): JsonObject {
  const taskArn = cluster.arn.replace(':cluster/', ':task/') + '/' + task.id;
  const idHash = hashString(task.id);
  return {
    taskArn,
    clusterArn: cluster.arn,
    taskDefinitionArn: task.taskDef.arn,
    group: task.serviceName === undefined ? `family:${task.taskDef.family}` : `service:${task.serviceName}`,
    ...(task.startedBy === undefined ? {} : { startedBy: task.startedBy }),
    lastStatus: task.lastStatus,
    desiredStatus: task.desiredStatus,
    healthStatus: task.healthStatus,
    cpu: String(task.taskDef.cpu),
    memory: String(task.taskDef.memory),
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    platformFamily: 'Linux',
    availabilityZone: task.availabilityZone,
    connectivity: task.lastStatus === 'PROVISIONING' ? undefined : 'CONNECTED',
    createdAt: seconds(task.createdAt),
    ...(task.startedAt === undefined ? {} : { pullStartedAt: seconds(task.startedAt - 20_000), pullStoppedAt: seconds(task.startedAt - 5_000), startedAt: seconds(task.startedAt) }),
    ...(task.stoppingAt === undefined ? {} : { stoppingAt: seconds(task.stoppingAt) }),
    ...(task.stoppedAt === undefined ? {} : { stoppedAt: seconds(task.stoppedAt), executionStoppedAt: seconds(task.stoppedAt) }),
    ...(task.stopCode === undefined ? {} : { stopCode: task.stopCode }),
    ...(task.stoppedReason === undefined ? {} : { stoppedReason: task.stoppedReason }),
    version: task.stoppedAt === undefined ? 3 : 5,
    containers: containerStates(task).map((c, i) => {
      const def = task.taskDef.containers[i];
      const suffix = String(mixHash(idHash, i + 1)).padStart(10, '0');
      return {
        containerArn: `${cluster.arn.replace(':cluster/', ':container/')}/${task.id}/${suffix}`,
        taskArn,
        name: c.name,
        image: def?.image,
        runtimeId: `${task.id}-${suffix}`,
        lastStatus: c.lastStatus,
        healthStatus: c.healthStatus,
        ...(c.exitCode === undefined ? {} : { exitCode: c.exitCode }),
        ...(c.reason === undefined ? {} : { reason: c.reason }),
        cpu: String(def?.cpu ?? 0),
        ...(def?.memory === undefined ? {} : { memory: String(def.memory) }),
        ...(def?.memoryReservation === undefined ? {} : { memoryReservation: String(def.memoryReservation) }),
        networkInterfaces: [],
      };
    }),
    attachments: [],
    overrides: { containerOverrides: task.taskDef.containers.map((c) => ({ name: c.name })), inferenceAcceleratorOverrides: [] },
  };
}

/** A task definition revision as DescribeTaskDefinition returns it. */
export function taskDefinitionShape(def: SimTaskDef): JsonObject {
  return {
    taskDefinitionArn: def.arn,
    family: def.family,
    revision: def.revision,
    status: 'ACTIVE',
    cpu: String(def.cpu),
    memory: String(def.memory),
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    compatibilities: ['EC2', 'FARGATE'],
    registeredAt: seconds(def.registeredAt),
    registeredBy: 'arn:aws:iam::123456789012:role/deploy',
    containerDefinitions: def.containers.map((c) => ({
      name: c.name,
      image: c.image,
      cpu: c.cpu,
      ...(c.memory === undefined ? {} : { memory: c.memory }),
      ...(c.memoryReservation === undefined ? {} : { memoryReservation: c.memoryReservation }),
      essential: c.essential,
      portMappings: c.name === 'app' ? [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }] : [],
      environment: [],
      mountPoints: [],
      volumesFrom: [],
      ...(c.healthCheck ? { healthCheck: { ...c.healthCheck, command: [...c.healthCheck.command] } } : {}),
    })),
  };
}
