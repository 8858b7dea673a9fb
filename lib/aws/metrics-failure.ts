// Turns a failed GetMetricData into the one sentence the status line shows. CloudWatch speaks the
// query-compatible protocol, so its error names come without the `Exception` suffix (AccessDenied,
// Throttling); both spellings are matched.
import { MetricQueryFailure } from './cloudwatch-get-metric-data.js';

const SUFFIX = '; ECS data is unaffected';
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

function errorName(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const e = error as { name?: unknown; Code?: unknown };
  const name = typeof e.name === 'string' ? e.name : '';
  return name.endsWith('Exception') ? name.slice(0, -'Exception'.length) : name;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim().replace(/[.\s]+$/, '');
}

/** One sentence naming why CloudWatch metrics are missing and, where it applies, the permission to grant. */
export function describeMetricsFailure(error: unknown): string {
  const name = errorName(error);
  const code = errorCode(error);
  if (name === 'AccessDenied' || name === 'UnauthorizedOperation' || (error instanceof MetricQueryFailure && error.statusCode === 'Forbidden')) {
    return `CloudWatch metrics unavailable: missing IAM permission cloudwatch:GetMetricData${SUFFIX}`;
  }
  if (name === 'Throttling' || name === 'TooManyRequests' || name === 'RequestLimitExceeded') {
    return `CloudWatch metrics unavailable: GetMetricData is throttled by AWS, retrying next minute${SUFFIX}`;
  }
  if (name === 'ExpiredToken' || name === 'RequestExpired') {
    return `CloudWatch metrics unavailable: the AWS credentials have expired, sign in again${SUFFIX}`;
  }
  if (name === 'UnrecognizedClient' || name === 'InvalidClientTokenId' || name === 'CredentialsProviderError') {
    return `CloudWatch metrics unavailable: the AWS credentials were not accepted${SUFFIX}`;
  }
  if ((code !== undefined && NETWORK_CODES.has(code)) || name === 'TimeoutError' || name === 'RequestTimeout') {
    return `CloudWatch metrics unavailable: the CloudWatch endpoint cannot be reached (${code ?? name})${SUFFIX}`;
  }
  const message = error instanceof Error ? firstLine(error.message) : firstLine(String(error));
  const label = name === '' || name === 'Error' ? '' : `${name}: `;
  return `CloudWatch metrics unavailable: ${label}${message === '' ? 'unknown error' : message}${SUFFIX}`;
}
