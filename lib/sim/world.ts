// The simulated account: clusters, services, tasks and task definitions, with the lookups the ECS operations
// need (a cluster, service or task by name, id or ARN) and the state changes living data makes.

import type { InsightsMode } from '../model/types.js';
import type { SeededRandom } from './rng.js';
import type {
  SimCluster,
  SimContainer,
  SimContainerDef,
  SimDeployment,
  SimService,
  SimTask,
  SimTaskDef,
  ServiceBehaviour,
} from './world-types.js';

/** The account id every simulated ARN carries. */
export const SIM_ACCOUNT = '123456789012';

/** ECS keeps stopped tasks listed for at least an hour. */
export const STOPPED_TASK_RETENTION_MS = 60 * 60 * 1000;

const MAX_EVENTS = 100;

/** The containers of a task: stored ones, or the states they have while they simply follow the task. */
export function containerStates(task: SimTask): SimContainer[] {
  if (task.containers) return task.containers;
  const running = task.lastStatus === 'RUNNING';
  const lastStatus = running ? 'RUNNING' : task.lastStatus === 'STOPPED' ? 'STOPPED' : 'PENDING';
  return task.taskDef.containers.map((def) => ({ name: def.name, lastStatus, healthStatus: running && def.healthCheck ? 'HEALTHY' : 'UNKNOWN' }));
}

/** Everything a new service needs. */
export interface NewService {
  readonly name: string;
  readonly taskDef: SimTaskDef;
  readonly desiredCount: number;
  readonly createdAt: number;
  readonly behaviour?: ServiceBehaviour;
  readonly load?: number;
}

/** The state of the simulated account and its mutations. */
export class World {
  readonly clusters: SimCluster[] = [];
  private readonly taskDefs = new Map<string, SimTaskDef[]>();
  private eventSeq = 0;
  private readonly zones: readonly string[];
  private readonly listings = new Map<string, readonly string[]>();

  constructor(
    readonly region: string,
    readonly rng: SeededRandom,
  ) {
    this.zones = ['a', 'b', 'c'].map((z) => region + z);
  }

  /** An ARN in this account and region, e.g. `arn('cluster', 'demo')`. */
  arn(resource: string, path: string): string {
    return `arn:aws:ecs:${this.region}:${SIM_ACCOUNT}:${resource}/${path}`;
  }

  addCluster(name: string, insights: InsightsMode): SimCluster {
    const cluster: SimCluster = { name, arn: this.arn('cluster', name), insights, services: [], serviceByName: new Map(), tasks: new Map() };
    this.clusters.push(cluster);
    return cluster;
  }

  /** Registers the next revision of a family (or the given revision number, to start a family's history high). */
  registerTaskDef(family: string, size: { cpu: number; memory: number }, containers: readonly SimContainerDef[], registeredAt: number, revisionNumber?: number): SimTaskDef {
    const revisions = this.taskDefs.get(family) ?? [];
    const revision = revisionNumber ?? (revisions[revisions.length - 1]?.revision ?? 0) + 1;
    const def: SimTaskDef = { arn: this.arn('task-definition', `${family}:${revision}`), family, revision, cpu: size.cpu, memory: size.memory, containers, registeredAt };
    revisions.push(def);
    this.taskDefs.set(family, revisions);
    return def;
  }

  /** A task definition by ARN, `family:revision` or `family` (the latest revision). */
  findTaskDef(ref: string): SimTaskDef | undefined {
    const name = ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
    const [family = '', rev] = name.split(':');
    const revisions = this.taskDefs.get(family) ?? [];
    return rev === undefined ? revisions[revisions.length - 1] : revisions.find((d) => String(d.revision) === rev);
  }

  /** A cluster by name or ARN; no reference means the cluster named `default`, as in ECS. */
  findCluster(ref: string | undefined): SimCluster | undefined {
    const key = ref === undefined || ref === '' ? 'default' : ref;
    return this.clusters.find((c) => c.name === key || c.arn === key);
  }

  /** A service by name or ARN (old and new ARN formats). */
  findService(cluster: SimCluster, ref: string): SimService | undefined {
    const name = ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
    const service = cluster.serviceByName.get(name);
    return service && (!ref.startsWith('arn:') || ref.includes(`:service/`)) ? service : undefined;
  }

  /** A task by id or ARN. */
  findTask(cluster: SimCluster, ref: string): SimTask | undefined {
    return cluster.tasks.get(ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref);
  }

  addService(cluster: SimCluster, spec: NewService): SimService {
    const service: SimService = {
      name: spec.name,
      arn: this.arn('service', `${cluster.name}/${spec.name}`),
      clusterName: cluster.name,
      createdAt: spec.createdAt,
      status: 'ACTIVE',
      desiredCount: spec.desiredCount,
      taskDef: spec.taskDef,
      deployments: [],
      events: [],
      tasks: [],
      behaviour: spec.behaviour ?? 'steady',
      load: spec.load ?? 1,
    };
    cluster.services.push(service);
    cluster.serviceByName.set(service.name, service);
    return service;
  }

  /** Starts a deployment of `taskDef` as the new PRIMARY; the previous PRIMARY becomes ACTIVE. */
  addDeployment(service: SimService, taskDef: SimTaskDef, at: number, rolloutState: SimDeployment['rolloutState']): SimDeployment {
    for (const d of service.deployments) if (d.status === 'PRIMARY') d.status = 'ACTIVE';
    const deployment: SimDeployment = {
      id: `ecs-svc/${this.rng.digits(19)}`,
      status: 'PRIMARY',
      taskDef,
      desiredCount: service.desiredCount,
      failedTasks: 0,
      rolloutState,
      rolloutStateReason: rolloutState === 'COMPLETED' ? 'ECS deployment completed.' : 'ECS deployment in progress.',
      createdAt: at,
      updatedAt: at,
    };
    service.taskDef = taskDef;
    service.deployments.unshift(deployment);
    return deployment;
  }

  /** Creates a task; `startedAt` given means it is RUNNING, else it is PROVISIONING. */
  launchTask(cluster: SimCluster, service: SimService | undefined, deployment: SimDeployment | undefined, taskDef: SimTaskDef, createdAt: number, startedAt?: number): SimTask {
    const id = this.rng.hex(32);
    // Every field is set in one literal of one shape: 25,000 of these must be cheap to build and hold.
    const task: SimTask = {
      id,
      clusterName: cluster.name,
      serviceName: service?.name,
      startedBy: deployment?.id,
      taskDef,
      availabilityZone: this.zones[Math.floor(this.rng.next() * this.zones.length)] ?? this.region,
      createdAt,
      lastStatus: 'PROVISIONING',
      desiredStatus: 'RUNNING',
      healthStatus: 'UNKNOWN',
      containers: undefined,
      load: (service?.load ?? 1) * (0.8 + this.rng.next() * 0.4),
    };
    cluster.tasks.set(id, task);
    this.listings.clear();
    service?.tasks.push(task);
    if (startedAt !== undefined) this.markRunning(task, startedAt);
    return task;
  }

  /** A PROVISIONING/PENDING task becomes RUNNING with healthy containers (health checks pass). */
  markRunning(task: SimTask, at: number): void {
    task.lastStatus = 'RUNNING';
    task.startedAt = at;
    task.containers?.forEach((c, i) => {
      c.lastStatus = 'RUNNING';
      c.healthStatus = task.taskDef.containers[i]?.healthCheck ? 'HEALTHY' : 'UNKNOWN';
    });
    this.refreshTaskHealth(task);
  }

  /** Task health as ECS derives it: from the essential containers that have a health check. */
  refreshTaskHealth(task: SimTask): void {
    const checked = containerStates(task).filter((_c, i) => task.taskDef.containers[i]?.essential && task.taskDef.containers[i]?.healthCheck);
    if (checked.length === 0) task.healthStatus = 'UNKNOWN';
    else if (checked.some((c) => c.healthStatus === 'UNHEALTHY')) task.healthStatus = 'UNHEALTHY';
    else if (checked.every((c) => c.healthStatus === 'HEALTHY')) task.healthStatus = 'HEALTHY';
    else task.healthStatus = 'UNKNOWN';
  }

  /** Stops a task; `failed` names the container that caused it, with its exit code and reason when known. */
  stopTask(task: SimTask, at: number, stopCode: string, stoppedReason: string, failed?: { container: string; exitCode?: number; reason?: string }): void {
    const wasRunning = task.startedAt !== undefined;
    this.listings.clear();
    task.desiredStatus = 'STOPPED';
    task.lastStatus = 'STOPPED';
    task.stoppingAt = at;
    task.stoppedAt = at;
    task.stopCode = stopCode;
    task.stoppedReason = stoppedReason;
    task.healthStatus = 'UNKNOWN';
    for (const c of this.containersOf(task)) {
      c.lastStatus = 'STOPPED';
      c.healthStatus = 'UNKNOWN';
      if (failed?.container === c.name) {
        if (failed.exitCode !== undefined) c.exitCode = failed.exitCode;
        if (failed.reason !== undefined) c.reason = failed.reason;
      } else if (wasRunning) {
        c.exitCode = stopCode === 'EssentialContainerExited' ? 137 : 0;
      }
    }
  }

  /**
   * A task listing, computed once until a task is launched, stopped or forgotten: paging through 25,000
   * tasks 100 at a time must not filter them all 250 times.
   */
  taskListing(key: string, compute: () => readonly string[]): readonly string[] {
    let listing = this.listings.get(key);
    if (!listing) {
      listing = compute();
      this.listings.set(key, listing);
    }
    return listing;
  }

  /** The task's containers as records that may be changed (filled in from the task's state on first use). */
  containersOf(task: SimTask): SimContainer[] {
    task.containers ??= containerStates(task);
    return task.containers;
  }

  /** A task's ARN. */
  taskArn(task: SimTask): string {
    return this.arn('task', `${task.clusterName}/${task.id}`);
  }

  /** Appends a service event, keeping the latest 100 as ECS does. */
  addEvent(service: SimService, at: number, message: string): void {
    service.events.unshift({ id: this.uuid(), createdAt: at, message: `(service ${service.name}) ${message}` });
    if (service.events.length > MAX_EVENTS) service.events.length = MAX_EVENTS;
  }

  /** Forgets tasks stopped more than an hour before `now`. */
  purgeStopped(now: number): void {
    for (const cluster of this.clusters) {
      for (const [id, task] of cluster.tasks) {
        if (task.stoppedAt === undefined || now - task.stoppedAt <= STOPPED_TASK_RETENTION_MS) continue;
        cluster.tasks.delete(id);
        this.listings.clear();
        const service = task.serviceName === undefined ? undefined : cluster.serviceByName.get(task.serviceName);
        if (service) service.tasks = service.tasks.filter((t) => t !== task);
      }
    }
  }

  private uuid(): string {
    // One random draw per event keeps large scenarios cheap; the sequence number keeps ids unique.
    const seq = (this.eventSeq++).toString(16).padStart(12, '0');
    const r = this.rng.hex(8);
    return `${r}-${seq.slice(0, 4)}-4${r.slice(0, 3)}-a${r.slice(3, 6)}-${seq}`;
  }
}
