// The ECS read operations, with ECS's batch limits, pagination and error wording.

import { AwsApiError, invalidParameter } from './api-error.js';
import { clusterShape, serviceShape, taskDefinitionShape, taskShape } from './ecs-shapes.js';
import type { SimCluster } from './world-types.js';
import type { World } from './world.js';
import type { JsonObject } from './wire.js';
import { optString, optStringList, paginate } from './wire.js';

/** ECS's answer for an unknown or deleted cluster. */
export function clusterNotFound(): AwsApiError {
  return new AwsApiError('ClusterNotFoundException', 'Cluster not found.');
}

function requireCluster(world: World, input: JsonObject): SimCluster {
  const cluster = world.findCluster(optString(input, 'cluster'));
  if (!cluster) throw clusterNotFound();
  return cluster;
}

function nameOf(ref: string): string {
  return ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
}

type Handler = (world: World, input: JsonObject) => JsonObject;

const HANDLERS: Readonly<Record<string, Handler>> = {
  ListClusters(world, input) {
    const { page, nextToken } = paginate(world.clusters.map((c) => c.arn), input, 100, 100);
    return { clusterArns: page, ...(nextToken ? { nextToken } : {}) };
  },

  DescribeClusters(world, input) {
    const refs = optStringList(input, 'clusters') ?? ['default'];
    if (refs.length > 100) throw invalidParameter('clusters can have at most 100 items.');
    const include = optStringList(input, 'include') ?? [];
    const clusters: JsonObject[] = [];
    const failures: JsonObject[] = [];
    for (const ref of refs) {
      const cluster = world.findCluster(ref);
      if (cluster) clusters.push(clusterShape(cluster, include));
      else failures.push({ arn: ref.startsWith('arn:') ? ref : world.arn('cluster', ref), reason: 'MISSING' });
    }
    return { clusters, failures };
  },

  ListServices(world, input) {
    const cluster = requireCluster(world, input);
    // ECS's default page is 10 here, unlike the other lists: a client that forgets maxResults pays for it.
    const { page, nextToken } = paginate(cluster.services.filter((s) => s.status !== 'INACTIVE').map((s) => s.arn), input, 10, 100);
    return { serviceArns: page, ...(nextToken ? { nextToken } : {}) };
  },

  DescribeServices(world, input) {
    const cluster = requireCluster(world, input);
    const refs = optStringList(input, 'services') ?? [];
    if (refs.length === 0) throw invalidParameter('Services cannot be empty.');
    if (refs.length > 10) throw invalidParameter('service names can have at most 10 items.');
    const services: JsonObject[] = [];
    const failures: JsonObject[] = [];
    for (const ref of refs) {
      const service = world.findService(cluster, ref);
      if (service) services.push(serviceShape(cluster, service));
      else failures.push({ arn: ref.startsWith('arn:') ? ref : world.arn('service', `${cluster.name}/${ref}`), reason: 'MISSING' });
    }
    return { services, failures };
  },

  ListTasks(world, input) {
    const cluster = requireCluster(world, input);
    const serviceName = optString(input, 'serviceName');
    const service = serviceName === undefined ? undefined : world.findService(cluster, serviceName);
    if (serviceName !== undefined && !service) throw new AwsApiError('ServiceNotFoundException', 'Service not found.');
    const desiredStatus = optString(input, 'desiredStatus') ?? 'RUNNING';
    if (!['RUNNING', 'PENDING', 'STOPPED'].includes(desiredStatus)) {
      throw invalidParameter(`desiredStatus must be one of RUNNING, PENDING, STOPPED.`);
    }
    const family = optString(input, 'family');
    const startedBy = optString(input, 'startedBy');
    const key = JSON.stringify([cluster.name, service?.name, desiredStatus, family, startedBy]);
    const arns = world.taskListing(key, () =>
      (service ? service.tasks : [...cluster.tasks.values()])
        .filter((t) => t.desiredStatus === desiredStatus && (family === undefined || t.taskDef.family === family) && (startedBy === undefined || t.startedBy === startedBy))
        .map((t) => world.taskArn(t)),
    );
    const { page, nextToken } = paginate(arns, input, 100, 100);
    return { taskArns: page, ...(nextToken ? { nextToken } : {}) };
  },

  DescribeTasks(world, input) {
    const cluster = requireCluster(world, input);
    const refs = optStringList(input, 'tasks') ?? [];
    if (refs.length === 0) throw invalidParameter('Tasks cannot be empty.');
    if (refs.length > 100) throw invalidParameter('Tasks can have at most 100 items.');
    const tasks: JsonObject[] = [];
    const failures: JsonObject[] = [];
    for (const ref of refs) {
      const task = world.findTask(cluster, ref);
      if (task) tasks.push(taskShape(cluster, task));
      else failures.push({ arn: ref.startsWith('arn:') ? ref : world.arn('task', `${cluster.name}/${nameOf(ref)}`), reason: 'MISSING' });
    }
    return { tasks, failures };
  },

  DescribeTaskDefinition(world, input) {
    const ref = optString(input, 'taskDefinition');
    if (ref === undefined || ref === '') throw invalidParameter('TaskDefinition cannot be empty.');
    const def = world.findTaskDef(ref);
    if (!def) throw new AwsApiError('ClientException', 'Unable to describe task definition.');
    return { taskDefinition: taskDefinitionShape(def), tags: [] };
  },
};

/**
 * Answers one ECS operation.
 * @throws AwsApiError with ECS's code and wording for invalid input or missing resources.
 */
export function handleEcs(world: World, operation: string, input: JsonObject): JsonObject {
  const handler = HANDLERS[operation];
  if (!handler) throw new AwsApiError('UnknownOperationException', `Unknown operation ${operation}`);
  return handler(world, input);
}

/**
 * The answer while the `notfound` fault pretends the cluster was deleted: list and describe calls on it fail,
 * DescribeClusters reports it MISSING, ListClusters leaves it out; task definitions outlive clusters.
 * @throws AwsApiError ClusterNotFoundException for calls that name the cluster.
 */
export function handleEcsWithClusterDeleted(world: World, operation: string, input: JsonObject): JsonObject {
  switch (operation) {
    case 'ListClusters':
      return { clusterArns: [] };
    case 'DescribeClusters':
      return {
        clusters: [],
        failures: (optStringList(input, 'clusters') ?? ['default']).map((ref) => ({ arn: ref.startsWith('arn:') ? ref : world.arn('cluster', ref), reason: 'MISSING' })),
      };
    case 'DescribeTaskDefinition':
      return handleEcs(world, operation, input);
    default:
      throw clusterNotFound();
  }
}
