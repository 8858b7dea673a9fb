// Links into the AWS web console (the "new" ECS console, /ecs/v2) for what the dashboard shows.
import { parseTaskDefinitionArn, taskIdFromArn } from './arn.js';

/** The AWS partitions whose console hosts are known. */
export type AwsPartition = 'aws' | 'aws-cn' | 'aws-us-gov';

/** A cluster in a region: where every cluster, service, task and container link points. */
export interface ClusterLocation {
  readonly region: string;
  /** The cluster name (a cluster ARN is accepted too). */
  readonly cluster: string;
}

/**
 * The partition of a region, from its prefix: `cn-…` is aws-cn, `us-gov-…` is aws-us-gov, anything else aws
 * (the isolated partitions have consoles this tool cannot know, so they get the commercial host).
 */
export function partitionOfRegion(region: string): AwsPartition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The console origin of a region, e.g. `https://eu-west-1.console.aws.amazon.com`. */
export function consoleOrigin(region: string): string {
  const host = CONSOLE_DOMAINS[partitionOfRegion(region)];
  return `https://${encodeURIComponent(region)}.${host}`;
}

const CONSOLE_DOMAINS: Readonly<Record<AwsPartition, string>> = {
  aws: 'console.aws.amazon.com',
  'aws-cn': 'console.amazonaws.cn',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
};

/** The cluster's page (its services list). */
export function clusterConsoleUrl(where: ClusterLocation): string {
  return ecsUrl(where.region, ['clusters', clusterName(where.cluster), 'services']);
}

/** A service's health page. */
export function serviceConsoleUrl(where: ClusterLocation, serviceName: string): string {
  return ecsUrl(where.region, ['clusters', clusterName(where.cluster), 'services', serviceName, 'health']);
}

/** A task's configuration page; `task` is the task id or its ARN. */
export function taskConsoleUrl(where: ClusterLocation, task: string): string {
  return ecsUrl(where.region, ['clusters', clusterName(where.cluster), 'tasks', taskIdFromArn(task), 'configuration']);
}

/** One container of a task; `task` is the task id or its ARN. */
export function containerConsoleUrl(where: ClusterLocation, task: string, containerName: string): string {
  return ecsUrl(where.region, [
    'clusters',
    clusterName(where.cluster),
    'tasks',
    taskIdFromArn(task),
    'configuration',
    'containers',
    containerName,
  ]);
}

/**
 * A task definition revision's containers page. Without a revision the link goes to the family, whose page
 * lists its revisions.
 */
export function taskDefinitionConsoleUrl(region: string, family: string, revision: number | undefined): string {
  if (revision === undefined) return ecsUrl(region, ['task-definitions', family]);
  return ecsUrl(region, ['task-definitions', family, String(revision), 'containers']);
}

/** The revision named by a task definition ARN (or a `family:revision` string); see {@link taskDefinitionConsoleUrl}. */
export function taskDefinitionArnConsoleUrl(region: string, taskDefinitionArn: string): string {
  const { family, revision } = parseTaskDefinitionArn(taskDefinitionArn);
  return taskDefinitionConsoleUrl(region, family, revision);
}

function ecsUrl(region: string, segments: readonly string[]): string {
  const path = segments.map((s) => encodeURIComponent(s)).join('/');
  return `${consoleOrigin(region)}/ecs/v2/${path}?region=${encodeURIComponent(region)}`;
}

/** `arn:aws:ecs:eu-west-1:123:cluster/prod` → `prod`; a plain name is returned unchanged. */
function clusterName(cluster: string): string {
  if (!cluster.startsWith('arn:')) return cluster;
  const marker = cluster.indexOf(':cluster/');
  return marker === -1 ? cluster : cluster.slice(marker + ':cluster/'.length);
}
