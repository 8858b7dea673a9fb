// The parts of a task definition the dashboard needs: container limits and whether health checks exist.

/** One container definition of a task definition. */
export interface ContainerDefinitionInfo {
  readonly name: string;
  /** Container-level CPU units, when set. */
  readonly cpu?: number;
  /** Container-level hard memory limit in MiB, when set. */
  readonly memory?: number;
  /** Container-level soft memory limit in MiB, when set. */
  readonly memoryReservation?: number;
  readonly hasHealthCheck: boolean;
  readonly image?: string;
}

/** A task definition revision (immutable: its ARN names exactly one revision). */
export interface TaskDefinitionInfo {
  readonly arn: string;
  readonly family: string;
  readonly revision?: number;
  /** Task size in CPU units, when defined (always on Fargate). */
  readonly cpu?: number;
  /** Task size in MiB, when defined. */
  readonly memory?: number;
  readonly containers: readonly ContainerDefinitionInfo[];
}

/** CPU units and MiB a container may use, as far as the task definition says. */
export interface ContainerLimits {
  readonly cpuLimit: number | undefined;
  readonly memoryLimit: number | undefined;
}

/**
 * Limits of one container: the container-level `cpu` (a value of 0 means "no reservation" in ECS and
 * falls back to the task size), `memory` else `memoryReservation`, each else the task size.
 */
export function containerLimits(
  definition: ContainerDefinitionInfo | undefined,
  task: { readonly cpu?: number | undefined; readonly memory?: number | undefined },
): ContainerLimits {
  const cpu = definition?.cpu !== undefined && definition.cpu > 0 ? definition.cpu : task.cpu;
  const memory = definition?.memory ?? definition?.memoryReservation ?? task.memory;
  return { cpuLimit: cpu, memoryLimit: memory };
}
