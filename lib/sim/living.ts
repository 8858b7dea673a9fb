// Living data: each tick moves the world one step, the way ECS would over some seconds. Pending tasks start,
// rolling deployments replace old tasks, failing deployments keep failing, unhealthy tasks get replaced,
// the odd task crashes, and now and then a new deployment begins. Every choice uses the seeded generator.

import type { SimCluster, SimService, SimTask } from './world-types.js';
import type { World } from './world.js';
import { taskList } from './steady-service.js';

/** How lively a tick is. */
export interface LivingRates {
  /** Chance per service and tick that one running task crashes. */
  readonly crash: number;
  /** Chance per cluster and tick that a new deployment starts (when none is in progress). */
  readonly deploy: number;
}

/** Rates for the demo: something visible happens every minute or so. */
export const DEMO_RATES: LivingRates = { crash: 0.01, deploy: 0.08 };

/** Moves every cluster one step at clock time `now`. */
export function tickWorld(world: World, now: number, rates: LivingRates): void {
  world.purgeStopped(now);
  for (const cluster of world.clusters) {
    for (const service of cluster.services) stepService(world, cluster, service, now, rates);
    maybeStartDeployment(world, cluster, now, rates);
  }
}

function live(service: SimService): SimTask[] {
  return service.tasks.filter((t) => t.desiredStatus === 'RUNNING');
}

function stepService(world: World, cluster: SimCluster, service: SimService, now: number, rates: LivingRates): void {
  const primary = service.deployments.find((d) => d.status === 'PRIMARY');
  if (!primary) return;
  if (service.behaviour === 'stuck-pending') {
    if (world.rng.chance(0.2)) {
      world.addEvent(service, now, 'was unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone.');
    }
    return;
  }
  // Tasks launched by the failing deployment never become healthy.
  for (const task of live(service)) {
    if (task.lastStatus === 'RUNNING') continue;
    if (service.behaviour === 'failing' && task.startedBy === primary.id) {
      failAttempt(world, service, task, now);
      primary.failedTasks++;
      primary.updatedAt = now;
    } else if (task.lastStatus === 'PROVISIONING') {
      task.lastStatus = 'PENDING';
    } else {
      world.markRunning(task, now);
    }
  }
  if (service.behaviour === 'unhealthy') cycleUnhealthy(world, service, now);
  else if (service.behaviour === 'steady' && world.rng.chance(rates.crash)) crashOne(world, service, now);

  const tasks = live(service);
  const fromPrimary = tasks.filter((t) => t.startedBy === primary.id);
  const old = tasks.filter((t) => t.startedBy !== primary.id && t.lastStatus === 'RUNNING');
  const primaryRunning = fromPrimary.filter((t) => t.lastStatus === 'RUNNING').length;

  if (service.behaviour === 'failing') {
    if (fromPrimary.length === 0 && world.rng.chance(0.08)) launch(world, cluster, service, now, 1);
    return;
  }
  if (primary.rolloutState === 'IN_PROGRESS' && old.length > 0 && primaryRunning > 0) {
    const victim = old[0];
    if (victim) {
      world.stopTask(victim, now, 'ServiceSchedulerInitiated', `Scaling activity initiated by (deployment ${primary.id})`);
      world.addEvent(service, now, `has stopped 1 running tasks: ${taskList([victim])}.`);
    }
  }
  const missing = service.desiredCount - fromPrimary.length;
  if (missing > 0) launch(world, cluster, service, now, primary.rolloutState === 'IN_PROGRESS' ? 1 : missing);
  if (primary.rolloutState === 'IN_PROGRESS' && old.length === 0 && primaryRunning >= service.desiredCount) {
    primary.rolloutState = 'COMPLETED';
    primary.rolloutStateReason = 'ECS deployment completed.';
    primary.updatedAt = now;
    service.deployments = service.deployments.filter((d) => d.status === 'PRIMARY');
    world.addEvent(service, now, `deployment ${primary.id} deployment completed.`);
    world.addEvent(service, now, 'has reached a steady state.');
  }
}

function launch(world: World, cluster: SimCluster, service: SimService, now: number, count: number): void {
  const primary = service.deployments.find((d) => d.status === 'PRIMARY');
  const started: SimTask[] = [];
  for (let i = 0; i < count; i++) started.push(world.launchTask(cluster, service, primary, service.taskDef, now));
  world.addEvent(service, now, `has started ${count} tasks: ${taskList(started)}.`);
}

function failAttempt(world: World, service: SimService, task: SimTask, now: number): void {
  const app = task.taskDef.containers[0]?.name ?? 'app';
  if (world.rng.chance(0.5)) {
    const reason = `CannotPullContainerError: pull image manifest has been retried 7 time(s): failed to resolve ref ${task.taskDef.containers[0]?.image ?? ''}: not found`;
    world.stopTask(task, now, 'TaskFailedToStart', reason, { container: app, reason });
  } else {
    world.markRunning(task, now - 5_000);
    world.stopTask(task, now, 'EssentialContainerExited', 'Essential container in task exited', { container: app, exitCode: 1 });
  }
  world.addEvent(service, now, `has stopped 1 running tasks: ${taskList([task])}.`);
}

function crashOne(world: World, service: SimService, now: number): void {
  const running = live(service).filter((t) => t.lastStatus === 'RUNNING');
  if (running.length === 0) return;
  const task = world.rng.pick(running);
  const app = task.taskDef.containers[0]?.name ?? 'app';
  world.stopTask(task, now, 'EssentialContainerExited', 'Essential container in task exited', {
    container: app,
    exitCode: 137,
    reason: 'OutOfMemoryError: Container killed due to memory usage',
  });
  world.addEvent(service, now, `has stopped 1 running tasks: ${taskList([task])}.`);
}

function cycleUnhealthy(world: World, service: SimService, now: number): void {
  const running = live(service).filter((t) => t.lastStatus === 'RUNNING');
  const sick = running.find((t) => t.healthStatus === 'UNHEALTHY');
  if (sick && world.rng.chance(0.25)) {
    world.stopTask(sick, now, 'ServiceSchedulerInitiated', 'Task failed container health checks');
    world.addEvent(service, now, `has stopped 1 running tasks: ${taskList([sick])}.`);
    return;
  }
  if (!sick && running.length > 1 && world.rng.chance(0.3)) {
    const next = world.rng.pick(running);
    const app = world.containersOf(next).find((c) => c.name === 'app');
    if (app) {
      app.healthStatus = 'UNHEALTHY';
      world.refreshTaskHealth(next);
      world.addEvent(service, now, `(task ${next.id}) failed container health checks.`);
    }
  }
}

function maybeStartDeployment(world: World, cluster: SimCluster, now: number, rates: LivingRates): void {
  const busy = cluster.services.some((s) => s.behaviour === 'steady' && s.deployments.some((d) => d.rolloutState === 'IN_PROGRESS'));
  if (busy || !world.rng.chance(rates.deploy)) return;
  const candidates = cluster.services.filter((s) => s.behaviour === 'steady' && s.desiredCount > 0);
  if (candidates.length === 0) return;
  const service = world.rng.pick(candidates);
  const old = service.taskDef;
  const tag = `v${world.rng.int(1, 9)}.${world.rng.int(0, 30)}.${world.rng.int(0, 9)}`;
  const containers = old.containers.map((c, i) => (i === 0 ? { ...c, image: c.image.replace(/:[^:/]*$/, `:${tag}`) } : c));
  const def = world.registerTaskDef(old.family, { cpu: old.cpu, memory: old.memory }, containers, now);
  world.addDeployment(service, def, now, 'IN_PROGRESS');
}
