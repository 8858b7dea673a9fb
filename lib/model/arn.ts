// Identifiers parsed out of ECS ARNs. ARNs come from AWS, so every parser tolerates odd input.

/**
 * The task id: the last `/`-separated part of a task ARN
 * (`arn:aws:ecs:eu-west-1:123:task/prod/0a1b2c…` → `0a1b2c…`). An id passed in is returned unchanged.
 */
export function taskIdFromArn(arn: string): string {
  const slash = arn.lastIndexOf('/');
  return slash === -1 ? arn : arn.slice(slash + 1);
}

/** The first 6 characters of a task id, as the dashboard shows it. */
export function shortTaskId(taskId: string): string {
  return taskId.slice(0, 6);
}

/** Family and revision named by a task definition ARN (`…:task-definition/web:42`). */
export interface TaskDefinitionRef {
  readonly family: string;
  readonly revision: number | undefined;
}

/**
 * Family and revision of a task definition ARN or of a `family:revision` string. The revision is
 * undefined when the ARN carries none or it is not a positive integer.
 */
export function parseTaskDefinitionArn(arn: string): TaskDefinitionRef {
  const slash = arn.lastIndexOf('/');
  const tail = slash === -1 ? arn : arn.slice(slash + 1);
  const colon = tail.lastIndexOf(':');
  if (colon === -1) return { family: tail, revision: undefined };
  const revisionText = tail.slice(colon + 1);
  const revision = /^[1-9][0-9]*$/.test(revisionText) ? Number(revisionText) : undefined;
  if (revision === undefined) return { family: tail, revision: undefined };
  return { family: tail.slice(0, colon), revision };
}

/** The service name of a task group (`service:web` → `web`); undefined for other groups. */
export function serviceNameFromGroup(group: string | undefined): string | undefined {
  if (group === undefined || !group.startsWith('service:')) return undefined;
  return group.slice('service:'.length);
}
