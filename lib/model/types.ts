// The model: what the dashboard knows about one cluster, independent of the AWS SDK's shapes.
// A missing value is `undefined`; only the UI decides that it prints as `-`.

/** Health as the dashboard shows it, derived from ECS health checks only. */
export type HealthStatus = 'HEALTHY' | 'UNHEALTHY' | 'WARNING' | 'UNKNOWN';

/** What ECS itself reports for a task or container health check. */
export type EcsHealthStatus = 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';

/** Container Insights setting of the cluster (DescribeClusters SETTINGS `containerInsights`). */
export type InsightsMode = 'disabled' | 'enabled' | 'enhanced';

/** One datapoint of a 60-second metric series; `t` is the period start in epoch milliseconds. */
export interface MetricPoint {
  readonly t: number;
  readonly v: number;
}

/** Percent utilisation of a service or a task, with recent history (oldest first). */
export interface UtilizationMetrics {
  /** Newest datapoint when at most two periods old, else undefined. Percent 0–100. */
  readonly cpuPct: number | undefined;
  readonly memPct: number | undefined;
  readonly cpuHistory: readonly MetricPoint[];
  readonly memHistory: readonly MetricPoint[];
}

/** Absolute usage of one container (enhanced Container Insights only), with history (oldest first). */
export interface ContainerMetrics {
  /** CPU units (1024 = one vCPU), newest datapoint when fresh, else undefined. */
  readonly cpuUsed: number | undefined;
  /** MiB, newest datapoint when fresh, else undefined. */
  readonly memoryUsed: number | undefined;
  readonly cpuHistory: readonly MetricPoint[];
  readonly memHistory: readonly MetricPoint[];
}

export interface Cluster {
  readonly name: string;
  readonly arn: string;
  readonly region: string;
  /** ACTIVE, PROVISIONING, DEPROVISIONING, FAILED, INACTIVE. */
  readonly status: string;
  readonly containerInsights: InsightsMode;
  readonly activeServicesCount?: number;
  readonly runningTasksCount?: number;
  readonly pendingTasksCount?: number;
  readonly registeredContainerInstancesCount?: number;
}

export interface Deployment {
  readonly id: string;
  /** PRIMARY, ACTIVE or INACTIVE. */
  readonly status: string;
  /** COMPLETED, IN_PROGRESS or FAILED; absent for services without the rolling deployment controller. */
  readonly rolloutState?: string;
  readonly rolloutStateReason?: string;
  readonly desiredCount: number;
  readonly runningCount: number;
  readonly pendingCount: number;
  readonly failedTasks: number;
  /** Task definition ARN (an immutable revision). */
  readonly taskDefinition: string;
  readonly createdAt?: number;
  readonly updatedAt?: number;
}

export interface ServiceEvent {
  readonly id: string;
  readonly createdAt: number;
  /** Free text from AWS: untrusted, escaped by the UI. */
  readonly message: string;
}

export interface Container {
  readonly name: string;
  readonly lastStatus?: string;
  /** As ECS reports it; UNKNOWN when the container has no health check. */
  readonly healthStatus: EcsHealthStatus;
  /** From the task definition: whether a health check is defined. Undefined when the definition is unknown. */
  readonly hasHealthCheck?: boolean;
  readonly exitCode?: number;
  /** Free text from AWS: untrusted. */
  readonly reason?: string;
  readonly image?: string;
  readonly runtimeId?: string;
  /** CPU units: container-level limit from the task definition, else the task size. */
  readonly cpuLimit?: number;
  /** MiB: container-level `memory` (else `memoryReservation`), else the task size. */
  readonly memoryLimit?: number;
  readonly metrics?: ContainerMetrics;
}

export interface Task {
  readonly arn: string;
  /** The last part of the task ARN. */
  readonly id: string;
  /** The first 6 characters of `id`. */
  readonly shortId: string;
  /** `service:NAME` for service tasks. */
  readonly group?: string;
  readonly lastStatus: string;
  readonly desiredStatus?: string;
  readonly healthStatus: EcsHealthStatus;
  readonly launchType?: string;
  readonly taskDefinitionArn: string;
  /** Revision number parsed from the task definition ARN. */
  readonly revision?: number;
  /** The deployment that started the task (`startedBy`). */
  readonly startedBy?: string;
  readonly createdAt?: number;
  readonly startedAt?: number;
  readonly stoppingAt?: number;
  readonly stoppedAt?: number;
  readonly stopCode?: string;
  /** Free text from AWS: untrusted. */
  readonly stoppedReason?: string;
  /** Task size in CPU units / MiB where defined. */
  readonly cpu?: number;
  readonly memory?: number;
  readonly containers: readonly Container[];
  readonly metrics?: UtilizationMetrics;
}

export interface Service {
  readonly name: string;
  readonly arn: string;
  /** ACTIVE, DRAINING or INACTIVE. */
  readonly status: string;
  readonly desiredCount: number;
  readonly runningCount: number;
  readonly pendingCount: number;
  readonly launchType?: string;
  readonly taskDefinition?: string;
  readonly createdAt?: number;
  readonly deployments: readonly Deployment[];
  /** Latest first, as DescribeServices returns them (at most 100). */
  readonly events: readonly ServiceEvent[];
  /** Tasks of the service that are not STOPPED, from the cluster-wide ListTasks. */
  readonly tasks: readonly Task[];
  /** Recently stopped tasks of the service, newest first (bounded). */
  readonly stoppedTasks: readonly Task[];
  readonly health: HealthStatus;
  readonly metrics?: UtilizationMetrics;
}

/** Why container-level numbers may be missing, for the header. */
export interface MetricsStatus {
  readonly mode: InsightsMode;
  /** e.g. "container metrics need Container Insights with enhanced observability". */
  readonly note?: string;
  /** The last metrics failure, one sentence; ECS data is unaffected. */
  readonly error?: string;
  /** Metrics requested from CloudWatch in this cycle (billed per metric). */
  readonly metricsRequested: number;
}

/** One immutable picture of the cluster per refresh cycle. */
export interface Snapshot {
  readonly cluster: Cluster;
  /** Sorted by name. */
  readonly services: readonly Service[];
  /** Stopped tasks not belonging to any service (standalone tasks), newest first. */
  readonly stoppedTasks: readonly Task[];
  /** Running tasks not belonging to any service. */
  readonly standaloneTasks: readonly Task[];
  /** Epoch ms when the cycle finished. */
  readonly fetchedAt: number;
  readonly durationMs: number;
  /** AWS calls made in this cycle, per operation name (e.g. DescribeServices). */
  readonly apiCalls: Readonly<Record<string, number>>;
  /**
   * Why some tasks' containers show only the sizes the task reports (a task definition that could not
   * be described), one sentence; the rest of the snapshot is complete.
   */
  readonly definitionsWarning?: string;
  readonly metrics: MetricsStatus;
}

/** A cluster as the picker lists it. */
export interface ClusterSummary {
  readonly name: string;
  readonly arn: string;
  readonly status: string;
  /** Undefined where ECS leaves a count out: unknown, which is not zero. */
  readonly activeServicesCount: number | undefined;
  readonly runningTasksCount: number | undefined;
  readonly pendingTasksCount: number | undefined;
}
