// One refresh of one cluster in the fewest ECS calls: listing pages feed describe batches as soon as
// they arrive, every call shares one concurrency bound and one AbortSignal, and results are gathered
// from Promise.all return values. After the first refresh, the running tasks already known are
// described by ARN, all batches at once, and only what ECS's counts say changed is listed again
// (relist-plan.ts): sequential listing pages no longer set the pace of a big cluster's refresh.
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListServicesCommand,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import type { ECSClient, Service as SdkService } from '@aws-sdk/client-ecs';
import { DEFAULT_MAX_API_RATE } from '../config/schema.js';
import { serviceNameFromGroup } from '../model/arn.js';
import { SCREENFUL_SERVICE_LIMIT } from '../model/metric-plan.js';
import type { MonitorError } from '../model/errors.js';
import type { Cluster, Snapshot, Task } from '../model/types.js';
import type { ClusterSource, ScreenScope } from '../poller/types.js';
import { CallTally } from './call-counter.js';
import { CallQueue } from './call-queue.js';
import type { CallPriority } from './call-queue.js';
import { classifyAwsError, clusterNotFoundError, isAbortError } from './classify-error.js';
import { countCommandInto } from './clients.js';
import { DefinitionLoader, definitionScope, PACED_DEFINITIONS } from './definition-loader.js';
import type { DefinitionScope, RefreshContext } from './definition-loader.js';
import { byNewestStop, parseCluster, parseService, parseTask } from './parse-ecs.js';
import { PageTokens } from './page-tokens.js';
import { planRelist } from './relist-plan.js';
import { TaskDefinitionCache } from './task-definition-cache.js';

/** ECS batch limits (aws-facts.md): more in one describe is an InvalidParameterException. */
const PAGE_SIZE = 100;

const DESCRIBE_SERVICES_BATCH = 10;
const DESCRIBE_TASKS_BATCH = 100;

/** The pace of further task-definition describes, as a share of `maxApiRate`: the rest is left to refreshes. */
const DEFINITION_RATE_SHARE = 0.5;

export interface EcsSourceOptions {
  readonly cluster: string;
  readonly region: string;
  /** How long a described task definition is reused (config `task_definition_interval`). */
  readonly taskDefinitionTtlMs: number;
  /** Calls in flight at once (default 8, below the clients' 10 sockets). */
  readonly concurrency?: number | undefined;
  /** Recently stopped tasks fetched per refresh, 1–100 (default 100): one ListTasks page, one describe. */
  readonly stoppedTaskLimit?: number | undefined;
  readonly now?: (() => number) | undefined;
  /** For error messages (`aws sso login --profile X`). */
  readonly profile?: string | undefined;
  readonly usesSso?: boolean | undefined;
  /** The API budget (config `max_api_rate`, ECS calls per second); paces task-definition describes. */
  readonly maxApiRate?: number | undefined;
  /** Timers for the paced describes (tests pass a virtual clock's). */
  readonly setTimer?: ((callback: () => void, ms: number) => unknown) | undefined;
  readonly clearTimer?: ((handle: unknown) => void) | undefined;
}

/** A ClusterSource backed by ECS, with its task-definition cache exposed for inspection. */
export interface EcsSource extends ClusterSource {
  readonly taskDefinitions: TaskDefinitionCache;
  /** Task definitions waiting for a paced describe. */
  definitionBacklog(): number;
}

export { DEFINITION_BURST, PACED_DEFINITIONS } from './definition-loader.js';

function priorityOf(operation: string): CallPriority {
  return operation.startsWith('List') ? 'list' : 'describe';
}

/** Keeps a promise that is awaited later (via Promise.all) from counting as unhandled meanwhile. */
function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * Creates the ECS-backed ClusterSource. The first `fetchSnapshot` makes 1 DescribeClusters, ceil(S/100)
 * ListServices (at least 1), ceil(S/10) DescribeServices, ceil(T/100) ListTasks (at least 1),
 * ceil(T/100) DescribeTasks, one DescribeTaskDefinition per uncached ARN up to DEFINITION_BURST (the
 * rest are described between refreshes at half of `maxApiRate` and counted in the next snapshot as
 * `DescribeTaskDefinition:paced`), plus one ListTasks and at most one DescribeTasks for stopped tasks
 * (counted as `ListTasks:STOPPED` / `DescribeTasks:STOPPED`).
 * Later ones describe the previous refresh's running tasks by ARN (ceil(T/100) DescribeTasks) instead of
 * listing them, plus ListTasks pages only for services whose counts changed (or the whole cluster when
 * the tasks outside services changed, or when that is fewer pages) and DescribeTasks for what they find.
 * It throws a MonitorError (ClusterNotFoundError when the cluster is missing), or the abort error when
 * `signal` aborts.
 */
export function createEcsSource(clients: { readonly ecs: ECSClient }, options: EcsSourceOptions): EcsSource {
  const now = options.now ?? Date.now;
  const queue = new CallQueue(options.concurrency ?? 8);
  const taskDefinitions = new TaskDefinitionCache({ ttlMs: options.taskDefinitionTtlMs, now });
  const stoppedLimit = Math.min(PAGE_SIZE, Math.max(1, Math.floor(options.stoppedTaskLimit ?? PAGE_SIZE)));
  const { cluster, region } = options;
  const ecs = clients.ecs;
  // Task definitions beyond a burst are described between refreshes at a steady pace; until then, or when
  // one cannot be described, its tasks show the sizes the task itself carries (DescribeTasks has every
  // container's cpu and memory).
  const definitions = new DefinitionLoader({
    ecs,
    queue,
    cache: taskDefinitions,
    ratePerSec: (options.maxApiRate ?? DEFAULT_MAX_API_RATE) * DEFINITION_RATE_SHARE,
    classify: (error) =>
      classifyAwsError(error, { operation: 'DescribeTaskDefinition', cluster, region, profile: options.profile, usesSso: options.usesSso }),
    now,
    setTimer: options.setTimer,
    clearTimer: options.clearTimer,
  });

  /** What the last successful refresh saw: its running task ARNs and service names. */
  let previous: { readonly taskArns: readonly string[]; readonly services: ReadonlySet<string> } | undefined;

  async function fetchSnapshot(signal: AbortSignal, scope: ScreenScope = {}): Promise<Snapshot> {
    const shown = scope.shown === undefined ? undefined : new Set([...scope.shown, ...(scope.focus ?? [])]);
    const firstRefresh = previous === undefined;
    /** The definitions this refresh's tasks on screen use. */
    const wantedDefinitions = new Set<string>();
    const started = now();
    const tally = new CallTally();
    taskDefinitions.prune();
    // One controller per refresh: the first failure aborts the sibling calls instead of letting them run.
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(signal.reason);
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', onAbort, { once: true });
    let firstError: MonitorError | undefined;

    const fail = (error: MonitorError): never => {
      firstError ??= error;
      controller.abort(error);
      throw error;
    };

    /** One AWS call, bounded, abortable, classified on failure. */
    const run = <T>(operation: string, send: (abortSignal: AbortSignal) => Promise<T>): Promise<T> =>
      queue.run(priorityOf(operation), async () => {
        controller.signal.throwIfAborted();
        try {
          return await send(controller.signal);
        } catch (error) {
          if (controller.signal.aborted || isAbortError(error)) throw error;
          return fail(classifyAwsError(error, { operation, cluster, region, profile: options.profile, usesSso: options.usesSso }));
        }
      });

    const describeCluster = async (): Promise<Cluster> => {
      // DescribeClusters with SETTINGS (Container Insights mode) and STATISTICS.
      const out = await run('DescribeClusters', (abortSignal) =>
        ecs.send(
          countCommandInto(
            new DescribeClustersCommand({ clusters: [cluster], include: ['SETTINGS', 'STATISTICS'] }),
            tally,
          ),
          { abortSignal },
        ),
      );
      const found = out.clusters?.find((c) => c.status !== 'INACTIVE');
      if (found === undefined) return fail(clusterNotFoundError(cluster, region, { operation: 'DescribeClusters' }));
      return parseCluster(found, region);
    };

    // DescribeClusters starts first. Task definitions follow the screen in a cluster larger than a
    // screenful (definitionScope): whether it is larger is known from the last refresh, or on the first
    // one from the cluster's own count.
    const clusterPromise = awaitedLater(describeCluster());
    const large =
      previous !== undefined
        ? Promise.resolve(previous.services.size > SCREENFUL_SERVICE_LIMIT)
        : clusterPromise.then((c) => (c.activeServicesCount ?? Number.POSITIVE_INFINITY) > SCREENFUL_SERVICE_LIMIT, () => false);
    const definitionPolicy: Promise<DefinitionScope> = large.then((isLarge) => definitionScope({ large: isLarge, firstRefresh, shown }));

    const describeServices = (names: string[]): Promise<SdkService[]> =>
      // DescribeServices, at most 10 per call.
      run('DescribeServices', (abortSignal) =>
        ecs.send(countCommandInto(new DescribeServicesCommand({ cluster, services: names }), tally), { abortSignal }),
      ).then((out) => out.services ?? []);

    /**
     * Follows every page of a listing and describes the ARNs in batches of `batchSize` as soon as a batch
     * is full, so describes run while later pages are still being listed.
     */
    const listThenDescribe = async <T>(
      operation: string,
      listPage: (token: string | undefined) => Promise<{ arns?: string[] | undefined; nextToken?: string | undefined }>,
      batchSize: number,
      describe: (arns: string[]) => Promise<T[]>,
    ): Promise<T[]> => {
      const batches: Promise<T[]>[] = [];
      let pending: string[] = [];
      const tokens = new PageTokens(operation);
      let nextToken: string | undefined;
      do {
        const page = await listPage(nextToken);
        pending.push(...(page.arns ?? []));
        while (pending.length >= batchSize) {
          batches.push(awaitedLater(describe(pending.slice(0, batchSize))));
          pending = pending.slice(batchSize);
        }
        nextToken = tokens.next(page.nextToken);
      } while (nextToken !== undefined);
      if (pending.length > 0) batches.push(describe(pending));
      return (await Promise.all(batches)).flat();
    };

    const fetchServices = (): Promise<SdkService[]> =>
      listThenDescribe(
        'ListServices',
        async (token) => {
          // ListServices, maxResults 100 (the default is 10), every page.
          const page = await run('ListServices', (abortSignal) =>
            ecs.send(
              countCommandInto(
                new ListServicesCommand({ cluster, maxResults: PAGE_SIZE, ...(token === undefined ? {} : { nextToken: token }) }),
                tally,
              ),
              { abortSignal },
            ),
          );
          return { arns: page.serviceArns, nextToken: page.nextToken };
        },
        DESCRIBE_SERVICES_BATCH,
        describeServices,
      );

    const refreshContext: RefreshContext = { tally, signal: controller.signal, failures: new Set(), allowance: definitions.available() };

    const describeRunning = async (arns: string[]): Promise<Task[]> => {
      // DescribeTasks, at most 100 per call.
      const out = await run('DescribeTasks', (abortSignal) =>
        ecs.send(countCommandInto(new DescribeTasksCommand({ cluster, tasks: arns }), tally), { abortSignal }),
      );
      const described = out.tasks ?? [];
      const definitionArns = [...new Set(described.map((t) => t.taskDefinitionArn ?? '').filter((a) => a !== ''))];
      const policy = await definitionPolicy;
      const wanted = new Set(described.filter((t) => policy.wants(serviceNameFromGroup(t.group))).map((t) => t.taskDefinitionArn ?? ''));
      for (const arn of wanted) wantedDefinitions.add(arn);
      const found = await Promise.all(
        definitionArns.map((arn) => (wanted.has(arn) ? definitions.lookup(arn, refreshContext, { queue: policy.queue }) : taskDefinitions.peek(arn))),
      );
      const byArn = new Map(definitionArns.map((arn, i) => [arn, found[i]]));
      return described.map((t) => parseTask(t, byArn.get(t.taskDefinitionArn ?? '')));
    };

    /** One ListTasks page of running tasks, of the whole cluster or of one service. */
    const listRunningPage = async (
      serviceName: string | undefined,
      token: string | undefined,
    ): Promise<{ arns?: string[] | undefined; nextToken?: string | undefined }> => {
      // ListTasks, desiredStatus RUNNING, maxResults 100.
      const page = await run('ListTasks', (abortSignal) =>
        ecs.send(
          countCommandInto(
            new ListTasksCommand({
              cluster,
              desiredStatus: 'RUNNING',
              maxResults: PAGE_SIZE,
              ...(serviceName === undefined ? {} : { serviceName }),
              ...(token === undefined ? {} : { nextToken: token }),
            }),
            tally,
          ),
          { abortSignal },
        ),
      );
      return { arns: page.taskArns, nextToken: page.nextToken };
    };

    /** Every running task ARN of the cluster or of one service, following every page. */
    const listRunningArns = async (serviceName: string | undefined): Promise<string[]> => {
      const arns: string[] = [];
      const tokens = new PageTokens('ListTasks');
      let nextToken: string | undefined;
      do {
        const page = await listRunningPage(serviceName, nextToken);
        arns.push(...(page.arns ?? []));
        nextToken = tokens.next(page.nextToken);
      } while (nextToken !== undefined);
      return arns;
    };

    /** DescribeTasks for `arns`, in batches of 100, all at once. */
    const describeAll = async (arns: readonly string[]): Promise<Task[]> => {
      const batches: Promise<Task[]>[] = [];
      for (let i = 0; i < arns.length; i += DESCRIBE_TASKS_BATCH) {
        batches.push(awaitedLater(describeRunning(arns.slice(i, i + DESCRIBE_TASKS_BATCH))));
      }
      return (await Promise.all(batches)).flat();
    };

    /** The first refresh: the whole cluster listed, each full page of ARNs described as it arrives. */
    const fetchRunningTasks = (): Promise<Task[]> =>
      listThenDescribe('ListTasks', (token) => listRunningPage(undefined, token), DESCRIBE_TASKS_BATCH, describeRunning);

    /**
     * A later refresh: the known tasks described again by ARN; then, where ECS's counts disagree with
     * them, those services (or the whole cluster) listed again and only the new ARNs described.
     */
    const refreshRunningTasks = async (
      known: readonly string[],
      previousServices: ReadonlySet<string>,
      clusterInfo: Promise<Cluster>,
      services: Promise<SdkService[]>,
    ): Promise<Task[]> => {
      const described = (await describeAll(known)).filter((t) => (t.desiredStatus ?? 'RUNNING') === 'RUNNING');
      const [info, sdkServices] = await Promise.all([clusterInfo, services]);
      const plan = planRelist({
        clusterRunning: info.runningTasksCount,
        clusterPending: info.pendingTasksCount,
        services: sdkServices.map((s) => ({ name: s.serviceName ?? '', runningCount: s.runningCount ?? 0, pendingCount: s.pendingCount ?? 0 })),
        previousServices,
        known: described,
      });
      const byArn = new Map(described.map((t) => [t.arn, t]));
      const describeListed = async (listed: readonly string[]): Promise<Task[]> => {
        const fresh = await describeAll(listed.filter((arn) => !byArn.has(arn)));
        for (const t of fresh) byArn.set(t.arn, t);
        return listed.flatMap((arn) => byArn.get(arn) ?? []);
      };
      if (plan.wholeCluster) return describeListed(await listRunningArns(undefined));
      if (plan.services.length === 0) return described;
      const relisted = new Set(plan.services);
      const listings = await Promise.all(plan.services.map((name) => listRunningArns(name)));
      const kept = described.filter((t) => !relisted.has(serviceNameFromGroup(t.group) ?? ''));
      return [...kept, ...(await describeListed(listings.flat()))];
    };

    const fetchStoppedTasks = async (): Promise<Task[]> => {
      // ListTasks desiredStatus STOPPED: one page only; stopped tasks stay listed about an hour.
      const page = await run('ListTasks', (abortSignal) =>
        ecs.send(
          countCommandInto(
            new ListTasksCommand({ cluster, desiredStatus: 'STOPPED', maxResults: stoppedLimit }),
            tally,
            'ListTasks:STOPPED',
          ),
          { abortSignal },
        ),
      );
      const arns = (page.taskArns ?? []).slice(0, stoppedLimit);
      if (arns.length === 0) return [];
      // DescribeTasks for those (at most 100): limits come from already cached definitions only.
      const out = await run('DescribeTasks', (abortSignal) =>
        ecs.send(
          countCommandInto(new DescribeTasksCommand({ cluster, tasks: arns }), tally, 'DescribeTasks:STOPPED'),
          { abortSignal },
        ),
      );
      return (out.tasks ?? []).map((t) => parseTask(t, taskDefinitions.peek(t.taskDefinitionArn ?? '')));
    };

    try {
      const servicesPromise = awaitedLater(fetchServices());
      const runningPromise =
        previous === undefined
          ? fetchRunningTasks()
          : refreshRunningTasks(previous.taskArns, previous.services, clusterPromise, servicesPromise);
      const [clusterInfo, sdkServices, running, stopped] = await Promise.all([
        clusterPromise,
        servicesPromise,
        runningPromise,
        fetchStoppedTasks(),
      ]);
      const pacedCalls = definitions.takePacedCalls();
      const [warning] = refreshContext.failures;
      const snapshot = buildSnapshot(clusterInfo, sdkServices, running, stopped, {
        fetchedAt: now(),
        durationMs: now() - started,
        apiCalls: { ...tally.toRecord(), ...(pacedCalls > 0 ? { [PACED_DEFINITIONS]: pacedCalls } : {}) },
        warning,
      });
      previous = { taskArns: running.map((t) => t.arn), services: new Set(snapshot.services.map((s) => s.name)) };
      // Definitions queued for services that have left the screen wait until they are back on it.
      if ((await definitionPolicy).narrowed) definitions.retain((arn) => wantedDefinitions.has(arn));
      return snapshot;
    } catch (error) {
      if (signal.aborted) throw error;
      throw firstError ?? classifyAwsError(error, { cluster, region, profile: options.profile, usesSso: options.usesSso });
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  return { fetchSnapshot, taskDefinitions, definitionBacklog: () => definitions.backlog };
}

function groupByService(tasks: readonly Task[]): Map<string, Task[]> {
  const groups = new Map<string, Task[]>();
  for (const task of tasks) {
    const name = serviceNameFromGroup(task.group) ?? '';
    const list = groups.get(name);
    if (list === undefined) groups.set(name, [task]);
    else list.push(task);
  }
  return groups;
}

/** Assembles the snapshot: tasks grouped by `service:NAME`, the rest standalone. Pure. */
function buildSnapshot(
  cluster: Cluster,
  sdkServices: readonly SdkService[],
  running: readonly Task[],
  stopped: readonly Task[],
  cycle: { fetchedAt: number; durationMs: number; apiCalls: Record<string, number>; warning: string | undefined },
): Snapshot {
  const runningByService = groupByService(running);
  const stoppedByService = groupByService(stopped);
  const services = sdkServices
    .map((s) => {
      const name = s.serviceName ?? '';
      return parseService(s, runningByService.get(name) ?? [], stoppedByService.get(name) ?? []);
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  const known = new Set(services.map((s) => s.name));
  // Tasks of a service deleted between the list and the describe stay visible as standalone.
  const orphan = (t: Task): boolean => !known.has(serviceNameFromGroup(t.group) ?? '');
  return {
    cluster,
    services,
    stoppedTasks: stopped.filter(orphan).sort(byNewestStop),
    standaloneTasks: running.filter(orphan).sort((a, b) => a.id.localeCompare(b.id)),
    fetchedAt: cycle.fetchedAt,
    durationMs: cycle.durationMs,
    apiCalls: cycle.apiCalls,
    ...(cycle.warning === undefined ? {} : { definitionsWarning: cycle.warning }),
    metrics: { mode: cluster.containerInsights, metricsRequested: 0 },
  };
}
