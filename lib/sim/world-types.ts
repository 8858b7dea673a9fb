// The simulated account's state. Records are mutable because living data changes them in place; times are
// epoch milliseconds (the wire layer converts to the epoch seconds AWS JSON protocols carry).

import type { InsightsMode } from '../model/types.js';

/** A container health check (seconds), as task definitions write it. */
export interface SimHealthCheck {
  readonly command: readonly string[];
  readonly interval: number;
  readonly timeout: number;
  readonly retries: number;
  readonly startPeriod: number;
}

/** A container definition inside a task definition revision. */
export interface SimContainerDef {
  readonly name: string;
  readonly image: string;
  /** CPU units reserved for the container (0 = shares the task's). */
  readonly cpu: number;
  /** Hard limit, MiB. */
  readonly memory?: number;
  /** Soft limit, MiB. */
  readonly memoryReservation?: number;
  readonly essential: boolean;
  readonly healthCheck?: SimHealthCheck;
}

/** An immutable task definition revision. */
export interface SimTaskDef {
  readonly arn: string;
  readonly family: string;
  readonly revision: number;
  /** Task size: CPU units and MiB. */
  readonly cpu: number;
  readonly memory: number;
  readonly containers: readonly SimContainerDef[];
  readonly registeredAt: number;
}

/** A running or stopped container's state inside a task. */
export interface SimContainer {
  readonly name: string;
  lastStatus: string;
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
  exitCode?: number;
  reason?: string;
}

/** A task. Its ARN, group and container runtime ids are derived when rendered, to keep 25,000 tasks small. */
export interface SimTask {
  readonly id: string;
  readonly clusterName: string;
  /** Undefined for standalone tasks. */
  readonly serviceName: string | undefined;
  readonly startedBy: string | undefined;
  readonly taskDef: SimTaskDef;
  readonly availabilityZone: string;
  readonly createdAt: number;
  lastStatus: string;
  desiredStatus: string;
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
  startedAt?: number;
  stoppingAt?: number;
  stoppedAt?: number;
  stopCode?: string;
  stoppedReason?: string;
  /**
   * Undefined while every container just follows the task (PENDING, or RUNNING and healthy where checked);
   * filled in by `World.containersOf` once one of them differs. Read with `containerStates`.
   */
  containers: SimContainer[] | undefined;
  /** Scales this task's CPU level (a "hot" service runs near its limit). */
  readonly load: number;
}

/** A service deployment (one task definition revision being rolled out or kept). */
export interface SimDeployment {
  readonly id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  readonly taskDef: SimTaskDef;
  desiredCount: number;
  failedTasks: number;
  rolloutState: 'COMPLETED' | 'IN_PROGRESS' | 'FAILED';
  rolloutStateReason: string;
  readonly createdAt: number;
  updatedAt: number;
}

/** A service event. */
export interface SimEvent {
  readonly id: string;
  readonly createdAt: number;
  readonly message: string;
}

/** How living data treats a service. */
export type ServiceBehaviour = 'steady' | 'failing' | 'stuck-pending' | 'unhealthy';

/** A service, its deployments, events and remembered tasks. */
export interface SimService {
  readonly name: string;
  readonly arn: string;
  readonly clusterName: string;
  readonly createdAt: number;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  desiredCount: number;
  taskDef: SimTaskDef;
  /** PRIMARY first. */
  deployments: SimDeployment[];
  /** Newest first, at most 100. */
  events: SimEvent[];
  /** Every task of the service still remembered (stopped ones for about an hour), oldest first. */
  tasks: SimTask[];
  behaviour: ServiceBehaviour;
  readonly load: number;
}

/** A cluster and everything in it. */
export interface SimCluster {
  readonly name: string;
  readonly arn: string;
  readonly insights: InsightsMode;
  readonly services: SimService[];
  readonly serviceByName: Map<string, SimService>;
  /** Every remembered task of the cluster, services' and standalone, in creation order. */
  readonly tasks: Map<string, SimTask>;
}
