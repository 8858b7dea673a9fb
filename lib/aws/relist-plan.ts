// Which running tasks a later refresh must list again. The tasks of the previous refresh are described
// by ARN (ceil(T/100) calls, all at once); listing pages are what makes a big refresh slow, because each
// page waits for the one before. Listing is only needed where ECS's own counts say the known tasks are
// not the whole story: a service whose running + pending count differs from the known tasks (a task
// started, replaced or scaled), a service that was not there before, or tasks outside the services
// (the cluster's counts minus the services' counts) that do not match the known standalone tasks.
import { serviceNameFromGroup } from '../model/arn.js';
import type { Task } from '../model/types.js';

/** Page size of ListTasks (aws-facts.md). */
const LIST_PAGE = 100;

/** ECS counts a task as pending in these states, and as running in RUNNING (desired status RUNNING only). */
const LIVE_STATES = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING']);

/** What ECS reports about one service in this refresh. */
export interface ServiceCounts {
  readonly name: string;
  readonly runningCount: number;
  readonly pendingCount: number;
}

export interface RelistInput {
  /** The cluster's own counts from DescribeClusters; undefined when ECS left them out. */
  readonly clusterRunning: number | undefined;
  readonly clusterPending: number | undefined;
  readonly services: readonly ServiceCounts[];
  /** Service names of the previous refresh. */
  readonly previousServices: ReadonlySet<string>;
  /** The previous refresh's running tasks, as described again in this one. */
  readonly known: readonly Task[];
}

/** Either list the whole cluster again, or list only these services (possibly none). */
export type RelistPlan = { readonly wholeCluster: true } | { readonly wholeCluster: false; readonly services: readonly string[] };

/** Whether ECS counts `task` in a running or pending count. */
function isLive(task: Task): boolean {
  return (task.desiredStatus ?? 'RUNNING') === 'RUNNING' && LIVE_STATES.has(task.lastStatus);
}

/**
 * Decides what to list again, in the fewest calls: each service to list costs at least one ListTasks
 * page, so when those add up to as many pages as the whole cluster's listing, the whole cluster is
 * listed instead. Pure.
 */
export function planRelist(input: RelistInput): RelistPlan {
  const liveByService = new Map<string, number>();
  let liveTotal = 0;
  for (const task of input.known) {
    if (!isLive(task)) continue;
    liveTotal++;
    const name = serviceNameFromGroup(task.group);
    if (name !== undefined) liveByService.set(name, (liveByService.get(name) ?? 0) + 1);
  }

  const relist: string[] = [];
  let relistPages = 0;
  let servicesLive = 0;
  let knownInServices = 0;
  for (const service of input.services) {
    const expected = service.runningCount + service.pendingCount;
    const known = liveByService.get(service.name) ?? 0;
    servicesLive += expected;
    knownInServices += known;
    if (!input.previousServices.has(service.name) || known !== expected) {
      relist.push(service.name);
      relistPages += Math.max(1, Math.ceil(expected / LIST_PAGE));
    }
  }

  if (input.clusterRunning === undefined || input.clusterPending === undefined) return { wholeCluster: true };
  // Tasks outside the services: standalone tasks and those of services no longer listed.
  const standaloneExpected = input.clusterRunning + input.clusterPending - servicesLive;
  const standaloneKnown = liveTotal - knownInServices;
  if (standaloneExpected !== standaloneKnown) return { wholeCluster: true };

  const wholeClusterPages = Math.max(1, Math.ceil((input.clusterRunning + input.clusterPending) / LIST_PAGE));
  if (relist.length > 0 && relistPages >= wholeClusterPages) return { wholeCluster: true };
  return { wholeCluster: false, services: relist };
}
