// Service health as the dashboard shows it, from ECS health checks only (no guessing from metrics).
import type { Container, Deployment, HealthStatus, Task } from './types.js';

/**
 * Whether a container has a health check: the task definition says so when known, else ECS reporting
 * anything other than UNKNOWN proves one exists.
 */
export function hasHealthCheck(container: Container): boolean {
  return container.hasHealthCheck ?? container.healthStatus !== 'UNKNOWN';
}

/** The fields of a service that its health depends on. */
export interface ServiceHealthInput {
  readonly desiredCount: number;
  readonly runningCount: number;
  readonly deployments: readonly Deployment[];
  /** The service's tasks that are not STOPPED. */
  readonly tasks: readonly Task[];
}

/** True when a rollout is under way: a deployment IN_PROGRESS, or more than one live deployment. */
export function isDeploymentInProgress(deployments: readonly Deployment[]): boolean {
  const live = deployments.filter((d) => d.status !== 'INACTIVE');
  return live.some((d) => d.rolloutState === 'IN_PROGRESS') || live.length > 1;
}

/**
 * Health of a service. The first rule that matches wins:
 *
 * 1. UNHEALTHY when a live (not INACTIVE) deployment's rollout FAILED.
 * 2. UNHEALTHY when `desiredCount > 0` and no task runs (`runningCount` is 0).
 * 3. UNHEALTHY when containers with a health check exist and every one of them reports UNHEALTHY.
 * 4. UNKNOWN when the service is scaled to 0 and has no tasks left: nothing to judge, and not a failure.
 * 5. WARNING when some container with a health check is UNHEALTHY, when `runningCount != desiredCount`,
 *    or when a deployment is in progress ({@link isDeploymentInProgress}).
 * 6. UNKNOWN when no container has a health check ({@link hasHealthCheck}).
 * 7. WARNING when a container with a health check has not reported yet (UNKNOWN while starting).
 * 8. HEALTHY otherwise: every container with a health check is HEALTHY and running equals desired.
 *
 * Only tasks that are not STOPPED count, for rules 3 to 8.
 */
export function deriveServiceHealth(service: ServiceHealthInput): HealthStatus {
  if (service.deployments.some((d) => d.status !== 'INACTIVE' && d.rolloutState === 'FAILED')) return 'UNHEALTHY';
  if (service.desiredCount > 0 && service.runningCount === 0) return 'UNHEALTHY';

  const live = service.tasks.filter((t) => t.lastStatus !== 'STOPPED');
  const checked = live.flatMap((t) => t.containers).filter(hasHealthCheck);
  const unhealthy = checked.filter((c) => c.healthStatus === 'UNHEALTHY').length;
  if (checked.length > 0 && unhealthy === checked.length) return 'UNHEALTHY';

  if (service.desiredCount === 0 && service.runningCount === 0 && live.length === 0) return 'UNKNOWN';
  if (unhealthy > 0 || service.runningCount !== service.desiredCount || isDeploymentInProgress(service.deployments)) {
    return 'WARNING';
  }
  if (checked.length === 0) return 'UNKNOWN';
  if (checked.some((c) => c.healthStatus !== 'HEALTHY')) return 'WARNING';
  return 'HEALTHY';
}
