// One planned GetMetricData request on the wire: queries with positional Ids, every page followed, the
// answer mapped back from Ids to series keys and to model points.
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchClient, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { MetricPoint } from '../model/types.js';
import { METRIC_PERIOD_MS } from '../model/metric-period.js';
import type { MetricRequest } from '../model/metric-plan.js';
import { metricQueryId } from '../model/metric-query-id.js';
import type { CallTally } from './call-counter.js';
import { PageTokens } from './page-tokens.js';
import { countCommandInto } from './clients.js';

/** A result CloudWatch flagged for one query (e.g. InternalError, Forbidden), with its own message. */
export class MetricQueryFailure extends Error {
  override readonly name = 'MetricQueryFailure';
  readonly statusCode: string;
  constructor(statusCode: string, message: string) {
    super(message);
    this.statusCode = statusCode;
  }
}

/**
 * Fetches one request (GetMetricData, every NextToken page) and returns the points per series key
 * within [start, end), oldest first; a series without data maps to an empty list. `onPage` is told the
 * number of metrics in each request sent, pages included, before it is sent; `tally` counts every
 * attempt, retries included, under GetMetricData. Throws the SDK's error
 * (or the abort reason) unchanged, and MetricQueryFailure when CloudWatch marks a query Forbidden or
 * InternalError.
 */
export async function getMetricData(
  client: CloudWatchClient,
  request: MetricRequest,
  signal: AbortSignal,
  onPage: (metrics: number) => void,
  tally?: CallTally,
): Promise<Map<string, MetricPoint[]>> {
  const keyById = new Map<string, string>();
  const points = new Map<string, MetricPoint[]>();
  const queries: MetricDataQuery[] = request.series.map((s, i) => {
    const id = metricQueryId(i);
    keyById.set(id, s.key);
    points.set(s.key, []);
    return {
      Id: id,
      MetricStat: {
        Metric: { Namespace: s.namespace, MetricName: s.metricName, Dimensions: s.dimensions.map((d) => ({ Name: d.name, Value: d.value })) },
        Period: METRIC_PERIOD_MS / 1000,
        Stat: 'Average',
      },
      ReturnData: true,
    };
  });

  const tokens = new PageTokens('GetMetricData');
  let nextToken: string | undefined;
  do {
    signal.throwIfAborted();
    onPage(queries.length);
    // GetMetricData (one page)
    const command = new GetMetricDataCommand({
      MetricDataQueries: queries,
      StartTime: new Date(request.start),
      EndTime: new Date(request.end),
      ScanBy: 'TimestampAscending',
      ...(nextToken === undefined ? {} : { NextToken: nextToken }),
    });
    const out = await client.send(tally === undefined ? command : countCommandInto(command, tally), { abortSignal: signal });
    for (const result of out.MetricDataResults ?? []) {
      const key = result.Id === undefined ? undefined : keyById.get(result.Id);
      if (key === undefined) continue;
      if (result.StatusCode === 'Forbidden' || result.StatusCode === 'InternalError') {
        const detail = result.Messages?.map((m) => m.Value ?? m.Code).join('; ');
        throw new MetricQueryFailure(result.StatusCode, detail === undefined || detail === '' ? result.StatusCode : detail);
      }
      const list = points.get(key) ?? [];
      const timestamps = result.Timestamps ?? [];
      const values = result.Values ?? [];
      timestamps.forEach((ts, i) => {
        const t = ts.getTime();
        const v = values[i];
        // Guard against points outside the window: the current period is still filling and must not
        // be taken for a complete one.
        if (v !== undefined && t >= request.start && t < request.end) list.push({ t, v });
      });
      points.set(key, list);
    }
    nextToken = tokens.next(out.NextToken);
  } while (nextToken !== undefined);

  for (const list of points.values()) list.sort((a, b) => a.t - b.t);
  return points;
}
