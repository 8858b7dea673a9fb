// Model objects for render specs: sensible defaults, override what the test is about.
import type { Cluster, Container, Deployment, Service, Snapshot, Task, UtilizationMetrics } from '../../../lib/model/types.js';

/** 2026-12-04 12:05:30 UTC: the "now" of every render spec. */
export const NOW = Date.UTC(2026, 11, 4, 12, 5, 30);
export const MIN = 60_000;
/** The start of the period `minutesAgo` periods before the last complete one. */
export const periodAgo = (minutesAgo: number): number => Date.UTC(2026, 11, 4, 12, 4) - minutesAgo * MIN;

export function deployment(over: Partial<Deployment> = {}): Deployment {
  return {
    id: 'ecs-svc/1111111111111111111',
    status: 'PRIMARY',
    rolloutState: 'COMPLETED',
    desiredCount: 3,
    runningCount: 3,
    pendingCount: 0,
    failedTasks: 0,
    taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:42',
    createdAt: NOW - 3 * 3_600_000,
    ...over,
  };
}

export function utilization(cpu: number | undefined, mem: number | undefined, history: number[] = []): UtilizationMetrics {
  const series = history.map((v, i) => ({ t: periodAgo(history.length - 1 - i), v }));
  return { cpuPct: cpu, memPct: mem, cpuHistory: series, memHistory: series };
}

export function container(over: Partial<Container> = {}): Container {
  return {
    name: 'app',
    lastStatus: 'RUNNING',
    healthStatus: 'HEALTHY',
    hasHealthCheck: true,
    cpuLimit: 256,
    memoryLimit: 512,
    ...over,
  };
}

export function task(over: Partial<Task> = {}): Task {
  const id = over.id ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
  return {
    arn: `arn:aws:ecs:us-east-1:123456789012:task/prod/${id}`,
    id,
    shortId: id.slice(0, 6),
    group: 'service:web',
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    healthStatus: 'HEALTHY',
    launchType: 'FARGATE',
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:42',
    revision: 42,
    startedAt: NOW - (3 * 60 + 12) * MIN,
    cpu: 256,
    memory: 512,
    containers: [container()],
    ...over,
  };
}

export function service(over: Partial<Service> = {}): Service {
  return {
    name: 'web',
    arn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/web',
    status: 'ACTIVE',
    desiredCount: 3,
    runningCount: 3,
    pendingCount: 0,
    launchType: 'FARGATE',
    taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:42',
    deployments: [deployment()],
    events: [],
    tasks: [],
    stoppedTasks: [],
    health: 'HEALTHY',
    metrics: utilization(37, 52),
    ...over,
  };
}

export function cluster(over: Partial<Cluster> = {}): Cluster {
  return {
    name: 'prod',
    arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/prod',
    region: 'us-east-1',
    status: 'ACTIVE',
    containerInsights: 'enhanced',
    ...over,
  };
}

export function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    cluster: cluster(),
    services: [service()],
    stoppedTasks: [],
    standaloneTasks: [],
    fetchedAt: NOW - 4_000,
    durationMs: 800,
    apiCalls: {},
    metrics: { mode: 'enhanced', metricsRequested: 0 },
    ...over,
  };
}

/** Blessed tags removed, `{open}`/`{close}` turned back into braces: what a person would see. */
export function visible(s: string): string {
  return s.replace(/\{\/?[\w\-,;!#]+\}|\{\/\}/g, (t) => (t === '{open}' ? '{' : t === '{close}' ? '}' : ''));
}

/** A copy of `o` without the optional field `k` (exactOptionalPropertyTypes forbids `k: undefined`). */
export function without<T extends object, K extends keyof T>(o: T, k: K): Omit<T, K> {
  const copy: Partial<T> = { ...o };
  delete copy[k];
  return copy as Omit<T, K>;
}
