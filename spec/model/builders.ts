// Small builders for model objects in tests: defaults describe a healthy, steady service.
import type { Cluster, Container, Deployment, Service, Snapshot, Task } from '../../lib/model/types.js';

export function container(overrides: Partial<Container> = {}): Container {
  return { name: 'app', lastStatus: 'RUNNING', healthStatus: 'HEALTHY', hasHealthCheck: true, ...overrides };
}

export function task(overrides: Partial<Task> = {}): Task {
  return {
    arn: 'arn:aws:ecs:eu-west-1:123456789012:task/prod/0123456789abcdef0123456789abcdef',
    id: '0123456789abcdef0123456789abcdef',
    shortId: '012345',
    group: 'service:web',
    lastStatus: 'RUNNING',
    healthStatus: 'HEALTHY',
    taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7',
    revision: 7,
    containers: [container()],
    ...overrides,
  };
}

export function deployment(overrides: Partial<Deployment> = {}): Deployment {
  return {
    id: 'ecs-svc/1111',
    status: 'PRIMARY',
    rolloutState: 'COMPLETED',
    desiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
    failedTasks: 0,
    taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7',
    ...overrides,
  };
}

export function service(overrides: Partial<Service> = {}): Service {
  return {
    name: 'web',
    arn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/web',
    status: 'ACTIVE',
    desiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
    deployments: [deployment()],
    events: [],
    tasks: [task(), task({ id: 'fedcba9876543210', shortId: 'fedcba' })],
    stoppedTasks: [],
    health: 'HEALTHY',
    ...overrides,
  };
}

export function cluster(overrides: Partial<Cluster> = {}): Cluster {
  return {
    name: 'prod',
    arn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod',
    region: 'eu-west-1',
    status: 'ACTIVE',
    containerInsights: 'enabled',
    ...overrides,
  };
}

export function snapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    cluster: cluster(),
    services: [service()],
    stoppedTasks: [],
    standaloneTasks: [],
    fetchedAt: Date.UTC(2026, 11, 4, 12, 0, 0),
    durationMs: 420,
    apiCalls: { DescribeClusters: 1, ListServices: 1 },
    metrics: { mode: 'enabled', metricsRequested: 0 },
    ...overrides,
  };
}
