// CloudWatch GetMetricData over the computed metrics: validation with CloudWatch's codes and wording,
// minute-aligned periods, the five basic statistics, ScanBy ordering and MaxDatapoints/NextToken paging.

import { AwsApiError } from './api-error.js';
import { resolveSeries, type MinuteSamples } from './metrics.js';
import type { World } from './world.js';
import { asObject, decodeToken, encodeToken, optNumber, optString, type JsonObject } from './wire.js';

const MINUTE = 60_000;
const MAX_QUERIES = 500;
const DEFAULT_MAX_DATAPOINTS = 100_800;
const ID_PATTERN = /^[a-z][a-zA-Z0-9_]*$/;
const STATS: Readonly<Record<string, (values: readonly number[]) => number>> = {
  Average: (v) => v.reduce((a, b) => a + b, 0) / v.length,
  Sum: (v) => v.reduce((a, b) => a + b, 0),
  Minimum: (v) => Math.min(...v),
  Maximum: (v) => Math.max(...v),
  SampleCount: (v) => v.length,
};

interface ParsedQuery {
  readonly id: string;
  readonly label: string;
  readonly returnData: boolean;
  readonly period: number;
  readonly stat: (values: readonly number[]) => number;
  readonly series: MinuteSamples | undefined;
}

function validationError(message: string): AwsApiError {
  return new AwsApiError('ValidationError', message);
}

function parseQuery(world: World, seed: number, raw: unknown, n: number): ParsedQuery {
  const query = asObject(raw);
  const id = optString(query, 'Id') ?? '';
  if (query['Expression'] !== undefined) {
    throw validationError(`The parameter MetricDataQueries.member.${n}.Expression is not supported by this simulated endpoint.`);
  }
  const metricStat = asObject(query['MetricStat']);
  const metric = asObject(metricStat['Metric']);
  const namespace = optString(metric, 'Namespace');
  const metricName = optString(metric, 'MetricName');
  if (namespace === undefined || metricName === undefined) {
    throw validationError(`The parameter MetricDataQueries.member.${n}.MetricStat is required when Expression is not given.`);
  }
  const period = optNumber(metricStat, 'Period') ?? 0;
  if (!Number.isInteger(period) || period < 60 || period % 60 !== 0) {
    throw validationError(`The parameter MetricDataQueries.member.${n}.MetricStat.Period must be a multiple of 60.`);
  }
  const statName = optString(metricStat, 'Stat') ?? '';
  const stat = STATS[statName];
  if (!stat) throw validationError(`The value ${statName} for parameter MetricDataQueries.member.${n}.MetricStat.Stat is not one of ${Object.keys(STATS).join(', ')}.`);
  const dimensions: Record<string, string> = {};
  for (const d of Array.isArray(metric['Dimensions']) ? metric['Dimensions'] : []) {
    const dim = asObject(d);
    const name = optString(dim, 'Name');
    const value = optString(dim, 'Value');
    if (name !== undefined && value !== undefined) dimensions[name] = value;
  }
  return {
    id,
    label: optString(query, 'Label') ?? metricName,
    returnData: query['ReturnData'] !== false,
    period: period * 1000,
    stat,
    series: resolveSeries(world, seed, { namespace, metricName, dimensions }),
  };
}

/** Datapoints of one query, oldest first: buckets of `period` from the minute-aligned start. */
function datapoints(query: ParsedQuery, start: number, end: number, now: number): { t: number; v: number }[] {
  const points: { t: number; v: number }[] = [];
  if (!query.series) return points;
  // The newest datapoint is the last complete minute.
  const available = Math.floor(now / MINUTE) * MINUTE;
  const first = Math.floor(start / MINUTE) * MINUTE;
  for (let t = first; t < end && t < available; t += query.period) {
    const samples: number[] = [];
    for (let m = t; m < t + query.period && m < end && m < available; m += MINUTE) samples.push(...query.series(m));
    if (samples.length > 0) points.push({ t, v: Math.round(query.stat(samples) * 1000) / 1000 });
  }
  return points;
}

/**
 * GetMetricData.
 * @throws AwsApiError with CloudWatch's Query error codes (ValidationError, InvalidParameterValue,
 * InvalidNextToken) for invalid requests.
 */
export function handleCloudWatch(world: World, operation: string, input: JsonObject, now: number, seed = 1): JsonObject {
  if (operation !== 'GetMetricData') {
    throw new AwsApiError('InvalidAction', `Could not find operation ${operation} for version 2010-08-01`, 400, 'Sender', 'UnknownOperationException');
  }
  const rawQueries = Array.isArray(input['MetricDataQueries']) ? (input['MetricDataQueries'] as unknown[]) : [];
  if (rawQueries.length === 0) throw validationError('The parameter MetricDataQueries is required.');
  if (rawQueries.length > MAX_QUERIES) {
    throw new AwsApiError('InvalidParameterValue', `The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`, 400, 'Sender', 'InvalidParameterValueException');
  }
  const badIds = rawQueries
    .map((q, i) => ({ id: asObject(q)['Id'], n: i + 1 }))
    .filter(({ id }) => typeof id !== 'string' || !ID_PATTERN.test(id))
    .map(({ id, n }) => `The value ${String(id)} for parameter MetricDataQueries.member.${n}.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.`);
  if (badIds.length > 0) throw validationError(badIds.join('\n'));
  const ids = rawQueries.map((q) => asObject(q)['Id']);
  if (new Set(ids).size !== ids.length) throw validationError('The values for parameter Id in MetricDataQueries are not unique.');
  const start = optNumber(input, 'StartTime');
  const end = optNumber(input, 'EndTime');
  if (start === undefined || end === undefined) throw validationError('The parameters StartTime and EndTime are required.');
  if (start >= end) throw validationError('The parameter StartTime must be less than the parameter EndTime.');
  const scanBy = optString(input, 'ScanBy') ?? 'TimestampDescending';
  if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending') {
    throw validationError(`The value ${scanBy} for parameter ScanBy is not one of TimestampDescending, TimestampAscending.`);
  }
  const maxDatapoints = optNumber(input, 'MaxDatapoints') ?? DEFAULT_MAX_DATAPOINTS;
  if (!Number.isInteger(maxDatapoints) || maxDatapoints < 1) throw validationError('The parameter MaxDatapoints must be a positive integer.');
  const token = decodeToken(optString(input, 'NextToken'), () => new AwsApiError('InvalidNextToken', 'The service cannot parse the given NextToken.', 400, 'Sender', 'InvalidNextToken'));
  let queryIndex = typeof token?.['q'] === 'number' ? token['q'] : 0;
  let offset = typeof token?.['p'] === 'number' ? token['p'] : 0;

  const queries = rawQueries.map((q, i) => parseQuery(world, seed, q, i + 1));
  const results: JsonObject[] = [];
  let budget = maxDatapoints;
  let nextToken: string | undefined;
  for (; queryIndex < queries.length; queryIndex++, offset = 0) {
    const query = queries[queryIndex];
    if (!query || !query.returnData) continue;
    if (budget === 0) {
      nextToken = encodeToken({ q: queryIndex, p: 0 });
      break;
    }
    const all = datapoints(query, start * 1000, end * 1000, now);
    if (scanBy === 'TimestampDescending') all.reverse();
    const page = all.slice(offset, offset + budget);
    budget -= page.length;
    const truncated = offset + page.length < all.length;
    results.push({
      Id: query.id,
      Label: query.label,
      Timestamps: page.map((p) => p.t / 1000),
      Values: page.map((p) => p.v),
      StatusCode: truncated ? 'PartialData' : 'Complete',
      Messages: [],
    });
    if (truncated) {
      nextToken = encodeToken({ q: queryIndex, p: offset + page.length });
      break;
    }
  }
  return { MetricDataResults: results, Messages: [], ...(nextToken ? { NextToken: nextToken } : {}) };
}
