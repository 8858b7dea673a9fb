// A tiny CloudWatch endpoint for the metrics specs that need data the simulator does not produce on
// purpose (gaps, late datapoints, per-query status codes). It speaks AWS JSON 1.0, query-compatible,
// like the real service, and records every GetMetricData request it answers.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';

export interface StubQuery {
  readonly id: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly period: number;
}

export interface StubRequest {
  readonly start: number;
  readonly end: number;
  readonly queries: readonly StubQuery[];
  readonly nextToken: string | undefined;
}

/** Datapoints (epoch ms, value) the stub serves for one query within [start, end). */
export type StubData = (query: StubQuery, start: number, end: number) => readonly { t: number; v: number }[];

export interface CloudWatchStub {
  readonly endpoint: string;
  readonly requests: StubRequest[];
  /** Makes every following request fail with this query-compatible error code (e.g. AccessDenied). */
  failWith(code: string | undefined, status?: number): void;
  /** Splits each answer into pages of this many results, with NextToken. */
  pageSize: number | undefined;
  client(): CloudWatchClient;
  /** Stops the server; closing twice is harmless. */
  close(): Promise<void>;
}

interface RawQuery {
  Id: string;
  MetricStat: { Metric: { Namespace: string; MetricName: string; Dimensions?: { Name: string; Value: string }[] }; Period: number };
}

/** Starts the stub on 127.0.0.1 with an ephemeral port. */
export async function startCloudWatchStub(data: StubData): Promise<CloudWatchStub> {
  const requests: StubRequest[] = [];
  let failure: { code: string; status: number } | undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      if (!target.endsWith('.GetMetricData')) {
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-query-error': 'InvalidAction;Sender' });
        res.end(JSON.stringify({ __type: 'InvalidAction', message: `stub does not implement ${target}` }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        MetricDataQueries: RawQuery[];
        StartTime: number;
        EndTime: number;
        NextToken?: string;
      };
      const start = body.StartTime * 1000;
      const end = body.EndTime * 1000;
      const queries = body.MetricDataQueries.map((q) => ({
        id: q.Id,
        namespace: q.MetricStat.Metric.Namespace,
        metricName: q.MetricStat.Metric.MetricName,
        dimensions: Object.fromEntries((q.MetricStat.Metric.Dimensions ?? []).map((d) => [d.Name, d.Value])),
        period: q.MetricStat.Period,
      }));
      requests.push({ start, end, queries, nextToken: body.NextToken });
      if (failure !== undefined) {
        res.writeHead(failure.status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-query-error': `${failure.code};Sender` });
        res.end(JSON.stringify({ __type: `com.amazonaws.cloudwatch#${failure.code}`, message: `stub refuses: ${failure.code}` }));
        return;
      }
      const offset = body.NextToken === undefined ? 0 : Number(body.NextToken);
      const size = stub.pageSize ?? queries.length;
      const page = queries.slice(offset, offset + size);
      const results = page.map((q) => {
        const points = data(q, start, end);
        return { Id: q.id, Label: q.metricName, Timestamps: points.map((p) => p.t / 1000), Values: points.map((p) => p.v), StatusCode: 'Complete' };
      });
      const next = offset + size < queries.length ? String(offset + size) : undefined;
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify({ MetricDataResults: results, ...(next === undefined ? {} : { NextToken: next }), Messages: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const stub: CloudWatchStub = {
    endpoint,
    requests,
    pageSize: undefined,
    failWith(code, status = 400) {
      failure = code === undefined ? undefined : { code, status };
    },
    client() {
      return new CloudWatchClient({
        region: 'us-east-1',
        endpoint,
        credentials: { accessKeyId: 'stub', secretAccessKey: 'stub' },
        maxAttempts: 1,
      });
    },
    close() {
      if (!server.listening) return Promise.resolve();
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
  return stub;
}
