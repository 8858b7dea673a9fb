// The account's clusters for the picker: every ListClusters page, then DescribeClusters in batches.
import { DescribeClustersCommand, ListClustersCommand } from '@aws-sdk/client-ecs';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { ClusterSummary } from '../model/types.js';
import type { ClusterLister } from '../poller/types.js';
import { PageTokens } from './page-tokens.js';
import { classifyAwsError } from './classify-error.js';

const DESCRIBE_CLUSTERS_BATCH = 100;

/**
 * Creates the picker's ClusterLister: ListClusters (every page, 100 per page) and DescribeClusters
 * with STATISTICS, 100 per call. Resolves with the clusters sorted by name; rejects with a
 * MonitorError, or the abort error when `signal` aborts.
 */
export function createClusterLister(
  clients: { readonly ecs: ECSClient; readonly profile?: string | undefined; readonly region?: string | undefined },
  options: { readonly usesSso?: boolean | undefined } = {},
): ClusterLister {
  const context = { profile: clients.profile, region: clients.region, usesSso: options.usesSso };
  return async (signal) => {
    let operation = 'ListClusters';
    try {
      const arns: string[] = [];
      const tokens = new PageTokens('ListClusters');
      let nextToken: string | undefined;
      do {
        const token = nextToken;
        // ListClusters, 100 per page, every page.
        const page = await clients.ecs.send(
          new ListClustersCommand({ maxResults: 100, ...(token === undefined ? {} : { nextToken: token }) }),
          { abortSignal: signal },
        );
        arns.push(...(page.clusterArns ?? []));
        nextToken = tokens.next(page.nextToken);
      } while (nextToken !== undefined);

      operation = 'DescribeClusters';
      const batches: string[][] = [];
      for (let i = 0; i < arns.length; i += DESCRIBE_CLUSTERS_BATCH) batches.push(arns.slice(i, i + DESCRIBE_CLUSTERS_BATCH));
      const described = await Promise.all(
        batches.map((clusters) =>
          // DescribeClusters with STATISTICS, at most 100 per call.
          clients.ecs.send(new DescribeClustersCommand({ clusters, include: ['STATISTICS'] }), { abortSignal: signal }),
        ),
      );
      return described
        .flatMap((out) => out.clusters ?? [])
        .map(
          (c): ClusterSummary => ({
            name: c.clusterName ?? '',
            arn: c.clusterArn ?? '',
            status: c.status ?? 'UNKNOWN',
            activeServicesCount: c.activeServicesCount,
            runningTasksCount: c.runningTasksCount,
            pendingTasksCount: c.pendingTasksCount,
          }),
        )
        .sort((a, b) => a.name.localeCompare(b.name));
    } catch (error) {
      if (signal.aborted) throw error;
      throw classifyAwsError(error, { ...context, operation });
    }
  };
}
