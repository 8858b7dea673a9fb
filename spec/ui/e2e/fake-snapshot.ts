// A small, fixed cluster for UI tests that run without the simulator.
import type { Container, Service, Snapshot, Task } from '../../../lib/model/types.js';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

function container(name: string): Container {
  return { name, lastStatus: 'RUNNING', healthStatus: 'HEALTHY', hasHealthCheck: true, cpuLimit: 256, memoryLimit: 512 };
}

function task(service: string, n: number, now: number): Task {
  const id = `${service.replace(/[^a-z]/g, '').slice(0, 3)}${n}0a1b2c3d4e5f60718293a4b5c6d7e8f`.slice(0, 32);
  return {
    arn: `arn:aws:ecs:eu-west-1:123456789012:task/demo/${id}`,
    id,
    shortId: id.slice(0, 6),
    group: `service:${service}`,
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    healthStatus: 'HEALTHY',
    launchType: 'FARGATE',
    taskDefinitionArn: `arn:aws:ecs:eu-west-1:123456789012:task-definition/${service}:7`,
    revision: 7,
    startedAt: now - 3 * 3600_000,
    cpu: 512,
    memory: 1024,
    containers: [container('app'), container('sidecar')],
  };
}

function service(name: string, running: number, health: Service['health'], now: number): Service {
  const tasks = Array.from({ length: running }, (_, i) => task(name, i, now));
  return {
    name,
    arn: `arn:aws:ecs:eu-west-1:123456789012:service/demo/${name}`,
    status: 'ACTIVE',
    desiredCount: running,
    runningCount: running,
    pendingCount: 0,
    launchType: 'FARGATE',
    deployments: [
      {
        id: `ecs-svc/${name}`,
        status: 'PRIMARY',
        rolloutState: 'COMPLETED',
        desiredCount: running,
        runningCount: running,
        pendingCount: 0,
        failedTasks: 0,
        taskDefinition: `arn:aws:ecs:eu-west-1:123456789012:task-definition/${name}:7`,
      },
    ],
    events: [{ id: `${name}-e1`, createdAt: now - 60_000, message: `(service ${name}) has reached a steady state.` }],
    tasks,
    stoppedTasks: [],
    health,
  };
}

/** Names of the services in {@link fakeSnapshot}, in name order. */
export const FAKE_SERVICE_NAMES = ['api', 'billing', 'checkout', 'frontend', 'search', 'worker'] as const;

/** A cluster "demo" with six services; `now` defaults to a fixed instant. */
export function fakeSnapshot(now: number = NOW): Snapshot {
  const health: Record<string, Service['health']> = { billing: 'UNHEALTHY', search: 'WARNING' };
  return {
    cluster: { name: 'demo', arn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/demo', region: 'eu-west-1', status: 'ACTIVE', containerInsights: 'enhanced' },
    services: FAKE_SERVICE_NAMES.map((name, i) => service(name, (i % 3) + 1, health[name] ?? 'HEALTHY', now)),
    stoppedTasks: [],
    standaloneTasks: [],
    fetchedAt: now,
    durationMs: 120,
    apiCalls: { DescribeServices: 1, ListServices: 1, ListTasks: 1, DescribeTasks: 1 },
    metrics: { mode: 'enhanced', metricsRequested: 0 },
  };
}
