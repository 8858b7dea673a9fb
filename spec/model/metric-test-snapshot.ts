// Builds small snapshots for the metrics specs: N services, each with tasks of named containers.
import type { Container, InsightsMode, Service, Snapshot, Task } from '../../lib/model/types.js';

export interface TestServiceShape {
  readonly name: string;
  /** Task ids; each task gets `containers`. */
  readonly tasks: readonly string[];
  readonly containers?: readonly string[];
}

function container(name: string): Container {
  return { name, lastStatus: 'RUNNING', healthStatus: 'UNKNOWN' };
}

function task(cluster: string, service: string, id: string, containers: readonly string[]): Task {
  return {
    arn: `arn:aws:ecs:us-east-1:123456789012:task/${cluster}/${id}`,
    id,
    shortId: id.slice(0, 6),
    group: `service:${service}`,
    lastStatus: 'RUNNING',
    healthStatus: 'HEALTHY',
    taskDefinitionArn: `arn:aws:ecs:us-east-1:123456789012:task-definition/${service}:1`,
    containers: containers.map(container),
  };
}

function service(cluster: string, shape: TestServiceShape): Service {
  return {
    name: shape.name,
    arn: `arn:aws:ecs:us-east-1:123456789012:service/${cluster}/${shape.name}`,
    status: 'ACTIVE',
    desiredCount: shape.tasks.length,
    runningCount: shape.tasks.length,
    pendingCount: 0,
    deployments: [],
    events: [],
    tasks: shape.tasks.map((id) => task(cluster, shape.name, id, shape.containers ?? ['app'])),
    stoppedTasks: [],
    health: 'HEALTHY',
  };
}

/** A snapshot of `cluster` in `mode` with the given services and no metrics attached. */
export function testSnapshot(cluster: string, mode: InsightsMode, services: readonly TestServiceShape[]): Snapshot {
  return {
    cluster: { name: cluster, arn: `arn:aws:ecs:us-east-1:123456789012:cluster/${cluster}`, region: 'us-east-1', status: 'ACTIVE', containerInsights: mode },
    services: services.map((s) => service(cluster, s)),
    stoppedTasks: [],
    standaloneTasks: [],
    fetchedAt: 0,
    durationMs: 0,
    apiCalls: { ListServices: 1 },
    metrics: { mode, metricsRequested: 0 },
  };
}

/** `n` services named svc-00… with `tasksEach` tasks of the given containers. */
export function manyServices(n: number, tasksEach: number, containers: readonly string[] = ['app']): TestServiceShape[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `svc-${String(i).padStart(2, '0')}`;
    return { name, tasks: Array.from({ length: tasksEach }, (_, j) => `${name}task${j}0123456789abcdef`.replace(/-/g, '')), containers };
  });
}
