// The `demo` cluster: about a dozen services showing every state the dashboard must make visible.

import type { SimCluster, SimContainerDef, SimService } from './world-types.js';
import { SIM_ACCOUNT, type World } from './world.js';
import { createSteadyService, shellHealthCheck, taskList } from './steady-service.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const envoy: SimContainerDef = {
  name: 'envoy',
  image: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.6.0-prod',
  cpu: 128,
  memoryReservation: 128,
  essential: true,
  healthCheck: shellHealthCheck('curl -s http://localhost:9901/server_info | grep state | grep -q LIVE'),
};
const logRouter: SimContainerDef = {
  name: 'log-router',
  image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4',
  cpu: 32,
  memory: 64,
  essential: false,
};
const datadog: SimContainerDef = {
  name: 'datadog-agent',
  image: 'public.ecr.aws/datadog/agent:7.58.2',
  cpu: 64,
  memoryReservation: 256,
  essential: false,
  healthCheck: shellHealthCheck('agent health'),
};

function image(service: string, tag: string): string {
  return `${SIM_ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/${service}:${tag}`;
}

function app(service: string, tag: string, cpu: number, memory: { memory?: number; memoryReservation?: number }, health = true): SimContainerDef {
  return {
    name: 'app',
    image: image(service, tag),
    cpu,
    ...memory,
    essential: true,
    ...(health ? { healthCheck: shellHealthCheck('curl -fs http://localhost:8080/health || exit 1') } : {}),
  };
}

interface DemoService {
  readonly name: string;
  readonly size: { cpu: number; memory: number };
  readonly app: SimContainerDef;
  readonly sidecars: readonly SimContainerDef[];
  readonly desired: number;
  readonly revision: number;
  readonly load?: number;
}

const SERVICES: readonly DemoService[] = [
  { name: 'web-frontend', size: { cpu: 1024, memory: 2048 }, app: app('web-frontend', '2026.12.01-3f9c2a1', 512, { memory: 1024 }), sidecars: [envoy, logRouter], desired: 3, revision: 118 },
  { name: 'api-gateway', size: { cpu: 1024, memory: 2048 }, app: app('api-gateway', 'v3.14.0', 768, { memory: 1536 }), sidecars: [envoy], desired: 4, revision: 41 },
  { name: 'payments', size: { cpu: 512, memory: 1024 }, app: app('payments', 'v2.4.0', 384, { memory: 768 }), sidecars: [datadog, logRouter], desired: 2, revision: 7 },
  { name: 'auth', size: { cpu: 512, memory: 1024 }, app: app('auth', 'v1.9.3', 384, { memory: 768 }), sidecars: [envoy], desired: 2, revision: 23 },
  { name: 'orders', size: { cpu: 1024, memory: 2048 }, app: app('orders', 'v5.2.1', 768, { memory: 1536 }), sidecars: [datadog], desired: 3, revision: 64 },
  { name: 'search', size: { cpu: 2048, memory: 4096 }, app: app('search', 'v8.11.2', 1536, { memory: 3072 }), sidecars: [envoy, logRouter], desired: 3, revision: 15 },
  { name: 'reports', size: { cpu: 1024, memory: 2048 }, app: app('reports', 'v0.9.0', 896, { memory: 1792 }), sidecars: [logRouter], desired: 1, revision: 4 },
  { name: 'batch-worker', size: { cpu: 2048, memory: 4096 }, app: app('batch-worker', 'v12', 1920, { memory: 3584 }, false), sidecars: [logRouter], desired: 2, revision: 12 },
  { name: 'notifications', size: { cpu: 256, memory: 512 }, app: app('notifications', 'v2.0.7', 192, { memory: 384 }), sidecars: [logRouter], desired: 2, revision: 31 },
  { name: 'inventory', size: { cpu: 512, memory: 1024 }, app: app('inventory', 'v4.3.0', 448, { memoryReservation: 512 }), sidecars: [], desired: 2, revision: 9 },
  { name: 'cart', size: { cpu: 512, memory: 1024 }, app: app('cart', 'v1.22.5', 384, { memory: 768 }), sidecars: [envoy], desired: 2, revision: 52 },
  { name: 'recommendations', size: { cpu: 1024, memory: 2048 }, app: app('recommendations', 'v7.0.3', 896, { memory: 1792 }), sidecars: [datadog], desired: 2, revision: 19, load: 1.7 },
];

/** Builds the demo cluster (Container Insights enhanced) at clock time `now`. */
export function buildDemoCluster(world: World, name: string, now: number): SimCluster {
  const cluster = world.addCluster(name, 'enhanced');
  const byName = new Map<string, SimService>();
  for (const spec of SERVICES) {
    const { service } = createSteadyService(
      world,
      cluster,
      {
        name: spec.name,
        size: spec.size,
        containers: [spec.app, ...spec.sidecars],
        desiredCount: spec.desired,
        revision: spec.revision,
        deployedAgoMs: world.rng.int(5, 240) * HOUR,
        ...(spec.load === undefined ? {} : { load: spec.load }),
      },
      now,
    );
    byName.set(spec.name, service);
  }
  const get = (n: string): SimService => {
    const s = byName.get(n);
    if (!s) throw new Error(`demo service ${n} missing`);
    return s;
  };
  startRollingDeployment(world, cluster, get('api-gateway'), now);
  failDeployment(world, cluster, get('payments'), now);
  scaleToZero(world, get('batch-worker'), now);
  makeUnhealthy(world, get('search'), now);
  leavePending(world, cluster, get('reports'), now);
  addStandaloneTasks(world, cluster, now);
  return cluster;
}

function newRevision(world: World, service: SimService, tag: string, at: number) {
  const old = service.taskDef;
  const containers = old.containers.map((c) => (c.name === 'app' ? { ...c, image: image(service.name, tag) } : c));
  return world.registerTaskDef(old.family, { cpu: old.cpu, memory: old.memory }, containers, at);
}

function startRollingDeployment(world: World, cluster: SimCluster, service: SimService, now: number): void {
  const def = newRevision(world, service, 'v3.15.0', now - 4 * MINUTE);
  const old = service.deployments[0];
  const deployment = world.addDeployment(service, def, now - 3 * MINUTE, 'IN_PROGRESS');
  const started = [
    world.launchTask(cluster, service, deployment, def, now - 170_000, now - 130_000),
    world.launchTask(cluster, service, deployment, def, now - 110_000, now - 70_000),
  ];
  world.addEvent(service, now - 170_000, `has started 2 tasks: ${taskList(started)}.`);
  const victim = service.tasks.find((t) => t.startedBy === old?.id && t.lastStatus === 'RUNNING');
  if (victim && old) {
    world.stopTask(victim, now - 60_000, 'ServiceSchedulerInitiated', `Scaling activity initiated by (deployment ${deployment.id})`);
    world.addEvent(service, now - 60_000, `has stopped 1 running tasks: ${taskList([victim])}.`);
  }
  const pending = world.launchTask(cluster, service, deployment, def, now - 20_000);
  pending.lastStatus = 'PENDING';
  world.addEvent(service, now - 20_000, `has started 1 tasks: ${taskList([pending])}.`);
}

function failDeployment(world: World, cluster: SimCluster, service: SimService, now: number): void {
  const def = newRevision(world, service, 'v2.4.1', now - 26 * MINUTE);
  const deployment = world.addDeployment(service, def, now - 25 * MINUTE, 'FAILED');
  service.behaviour = 'failing';
  const pullError = `CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ${image(service.name, 'v2.4.1')}: not found`;
  const first = world.launchTask(cluster, service, deployment, def, now - 24 * MINUTE);
  world.stopTask(first, now - 23 * MINUTE, 'TaskFailedToStart', pullError, { container: 'app', reason: pullError });
  for (const [startedAgo, stoppedAgo] of [[18, 16], [10, 9]] as const) {
    const t = world.launchTask(cluster, service, deployment, def, now - (startedAgo + 1) * MINUTE, now - startedAgo * MINUTE);
    world.stopTask(t, now - stoppedAgo * MINUTE, 'EssentialContainerExited', 'Essential container in task exited', { container: 'app', exitCode: 1 });
    world.addEvent(service, now - stoppedAgo * MINUTE, `has stopped 1 running tasks: ${taskList([t])}.`);
  }
  deployment.failedTasks = 3;
  deployment.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.';
  deployment.updatedAt = now - 9 * MINUTE;
  world.addEvent(service, now - 9 * MINUTE, `(deployment ${deployment.id}) deployment failed: tasks failed to start.`);
}

function scaleToZero(world: World, service: SimService, now: number): void {
  const at = now - 20 * MINUTE;
  const deployment = service.deployments[0];
  service.desiredCount = 0;
  if (deployment) deployment.desiredCount = 0;
  const running = service.tasks.filter((t) => t.lastStatus === 'RUNNING');
  for (const t of running) world.stopTask(t, at, 'ServiceSchedulerInitiated', `Scaling activity initiated by (deployment ${deployment?.id ?? ''})`);
  world.addEvent(service, at, `has stopped ${running.length} running tasks: ${taskList(running)}.`);
  world.addEvent(service, at + 60_000, 'has reached a steady state.');
}

function makeUnhealthy(world: World, service: SimService, now: number): void {
  service.behaviour = 'unhealthy';
  const task = service.tasks.find((t) => t.lastStatus === 'RUNNING');
  const container = task ? world.containersOf(task).find((c) => c.name === 'app') : undefined;
  if (!task || !container) return;
  container.healthStatus = 'UNHEALTHY';
  world.refreshTaskHealth(task);
  world.addEvent(service, now - 2 * MINUTE, `(task ${task.id}) failed container health checks.`);
}

function leavePending(world: World, cluster: SimCluster, service: SimService, now: number): void {
  service.behaviour = 'stuck-pending';
  service.desiredCount = 3;
  const deployment = service.deployments[0];
  if (deployment) deployment.desiredCount = 3;
  const pending = [
    world.launchTask(cluster, service, deployment, service.taskDef, now - 6 * MINUTE),
    world.launchTask(cluster, service, deployment, service.taskDef, now - 6 * MINUTE),
  ];
  const second = pending[1];
  if (second) second.lastStatus = 'PENDING';
  world.addEvent(service, now - 6 * MINUTE, `has started 2 tasks: ${taskList(pending)}.`);
  world.addEvent(service, now - 2 * MINUTE, 'was unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone.');
}

function addStandaloneTasks(world: World, cluster: SimCluster, now: number): void {
  const migrate = world.registerTaskDef('db-migrate', { cpu: 256, memory: 512 }, [app('db-migrate', 'v5.2.1', 256, { memory: 512 }, false)], now - 2 * HOUR, 33);
  const done = world.launchTask(cluster, undefined, undefined, migrate, now - 35 * MINUTE, now - 34 * MINUTE);
  world.stopTask(done, now - 31 * MINUTE, 'EssentialContainerExited', 'Essential container in task exited', { container: 'app', exitCode: 0 });
  const report = world.registerTaskDef('nightly-report', { cpu: 512, memory: 1024 }, [app('nightly-report', 'v1.1.0', 512, { memory: 1024 }, false)], now - 30 * 24 * HOUR, 6);
  world.launchTask(cluster, undefined, undefined, report, now - 50 * MINUTE, now - 49 * MINUTE);
}
