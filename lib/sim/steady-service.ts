// Builds a service that has been deployed and steady for a while: the starting point of every scenario.

import type { SimCluster, SimContainerDef, SimDeployment, SimHealthCheck, SimService, SimTask, ServiceBehaviour } from './world-types.js';
import type { World } from './world.js';

const HOUR = 60 * 60 * 1000;

/** What a steady service is made of. */
export interface SteadyServiceSpec {
  readonly name: string;
  readonly size: { readonly cpu: number; readonly memory: number };
  readonly containers: readonly SimContainerDef[];
  readonly desiredCount: number;
  /** Revision number of the deployed task definition. */
  readonly revision: number;
  /** How long ago the current deployment happened. */
  readonly deployedAgoMs: number;
  readonly behaviour?: ServiceBehaviour;
  readonly load?: number;
}

/** A container health check the way task definitions usually write one. */
export function shellHealthCheck(command: string): SimHealthCheck {
  return { command: ['CMD-SHELL', command], interval: 30, timeout: 5, retries: 3, startPeriod: 60 };
}

/** Lists task ids the way ECS service events do: `(task a) (task b)`. */
export function taskList(tasks: readonly SimTask[]): string {
  return tasks.map((t) => `(task ${t.id})`).join(' ');
}

/** Creates a service with one COMPLETED deployment, all desired tasks RUNNING and a day of events. */
export function createSteadyService(world: World, cluster: SimCluster, spec: SteadyServiceSpec, now: number): { service: SimService; deployment: SimDeployment } {
  const deployedAt = now - spec.deployedAgoMs;
  const taskDef = world.registerTaskDef(spec.name, spec.size, spec.containers, deployedAt - 120_000, spec.revision);
  const service = world.addService(cluster, {
    name: spec.name,
    taskDef,
    desiredCount: spec.desiredCount,
    createdAt: deployedAt - world.rng.int(30, 400) * 24 * HOUR,
    ...(spec.behaviour ? { behaviour: spec.behaviour } : {}),
    ...(spec.load === undefined ? {} : { load: spec.load }),
  });
  const deployment = world.addDeployment(service, taskDef, deployedAt, 'COMPLETED');
  deployment.updatedAt = deployedAt + 180_000;
  const tasks: SimTask[] = [];
  for (let i = 0; i < spec.desiredCount; i++) {
    tasks.push(world.launchTask(cluster, service, deployment, taskDef, deployedAt + 5_000, deployedAt + 40_000 + i * 3_000));
  }
  // Events older than a day would be cut by the 100-event window for busy services anyway; keeping only
  // recent ones bounds memory for 5,000-service scenarios.
  const since = now - 24 * HOUR;
  if (deployedAt >= since) {
    if (tasks.length > 0) world.addEvent(service, deployedAt + 5_000, `has started ${tasks.length} tasks: ${taskList(tasks)}.`);
    world.addEvent(service, deployedAt + 180_000, `deployment ${deployment.id} deployment completed.`);
  }
  // ECS repeats "steady state" every six hours while nothing changes.
  for (let at = deployedAt + 240_000; at <= now; at += 6 * HOUR) {
    if (at >= since) world.addEvent(service, at, 'has reached a steady state.');
  }
  return { service, deployment };
}
