// Turns any failure of an AWS call into the monitor's error family, with one sentence saying what to do.
import {
  AccessDeniedError,
  ClusterNotFoundError,
  CredentialsExpiredError,
  MonitorError,
  NetworkError,
  NoCredentialsError,
  ThrottledError,
  UnknownAwsError,
} from '../model/errors.js';

export interface ClassifyContext {
  /** The AWS operation that failed, e.g. `DescribeTasks`. */
  readonly operation?: string | undefined;
  /** The profile in use, for the `aws sso login --profile X` hint. */
  readonly profile?: string | undefined;
  /** True when the profile is known to use IAM Identity Center (SSO). */
  readonly usesSso?: boolean | undefined;
  /** Cluster and region, for the cluster-not-found message. */
  readonly cluster?: string | undefined;
  readonly region?: string | undefined;
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
]);
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired']);
const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation']);
const BAD_CREDENTIALS = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ECONNABORTED',
]);
const NETWORK_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'NetworkingError']);

/** The IAM service prefix of an operation: CloudWatch's one read call, else ECS. */
function iamAction(operation: string | undefined): string | undefined {
  if (operation === undefined || operation === '') return undefined;
  const service = /MetricData|MetricStatistics|ListMetrics|Alarm/.test(operation) ? 'cloudwatch' : 'ecs';
  return `${service}:${operation}`;
}

function fieldOf(error: unknown, key: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Codes on the error and along its `cause` chain (Node network errors often hide one level down). */
function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    const code = text(fieldOf(current, 'code'));
    if (NETWORK_CODES.has(code)) return code;
    const name = text(fieldOf(current, 'name'));
    if (NETWORK_NAMES.has(name)) return name;
    if (/socket hang up/i.test(text(fieldOf(current, 'message')))) return 'socket hang up';
    current = fieldOf(current, 'cause');
  }
  return undefined;
}

/** Removes anything that looks like a credential before AWS's text is shown. */
function redact(message: string): string {
  return message
    .replace(/\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g, '[key id]')
    .replace(/([Ss]ignature|[Tt]oken|[Ss]ecret)([=: ]+)[A-Za-z0-9/+=]{16,}/g, '$1$2[redacted]')
    .replace(/\s+/g, ' ')
    .trim();
}

function firstSentence(message: string): string {
  const clean = redact(message);
  const cut = clean.search(/[.!?](\s|$)/);
  const sentence = cut === -1 ? clean : clean.slice(0, cut);
  return sentence.length > 200 ? `${sentence.slice(0, 197)}...` : sentence;
}

function looksLikeSso(message: string, context: ClassifyContext): boolean {
  return context.usesSso === true || /\bSSO\b|sso login|IAM Identity Center|token provider/i.test(message);
}

function ssoHint(context: ClassifyContext): string {
  return context.profile === undefined ? 'aws sso login' : `aws sso login --profile ${context.profile}`;
}

/** The cluster-not-found error, naming the cluster and region and how to pick another. */
export function clusterNotFoundError(
  cluster: string | undefined,
  region: string | undefined,
  options: { operation?: string | undefined; cause?: unknown } = {},
): ClusterNotFoundError {
  const which = cluster === undefined ? 'The cluster' : `Cluster "${cluster}"`;
  const where = region === undefined ? '' : ` in ${region}`;
  return new ClusterNotFoundError(
    `${which} was not found${where}; check --cluster and --region, or omit --cluster to pick one.`,
    options,
  );
}

/**
 * Classifies `error` (an SDK service exception, a credential-provider error, a Node network error or
 * anything else) into the MonitorError family. A MonitorError is returned unchanged. Never throws.
 * Messages never include credentials.
 */
export function classifyAwsError(error: unknown, context: ClassifyContext = {}): MonitorError {
  if (error instanceof MonitorError) return error;
  const operation = context.operation;
  const name = text(fieldOf(error, 'name'));
  const code = text(fieldOf(error, 'Code')) || text(fieldOf(error, 'code'));
  const label = name || code;
  const message = text(fieldOf(error, 'message'));
  const options = { operation, cause: error };
  const during = operation === undefined ? '' : ` (${operation})`;

  if (THROTTLING.has(label) || THROTTLING.has(code)) {
    return new ThrottledError(
      `AWS is throttling API calls${during}; the monitor is backing off, and a longer refresh interval will help.`,
      options,
    );
  }
  if (label === 'CredentialsProviderError' || label === 'TokenProviderError') {
    if (/expired|refresh/i.test(message) || looksLikeSso(message, context)) {
      return new CredentialsExpiredError(
        looksLikeSso(message, context)
          ? `The SSO session has expired; run \`${ssoHint(context)}\` and the monitor will pick it up.`
          : 'The AWS credentials have expired; refresh them and the monitor will pick them up.',
        options,
      );
    }
    return new NoCredentialsError(
      'No AWS credentials found; configure a profile with `aws configure` (or `aws configure sso`) and pass --profile or set AWS_PROFILE.',
      options,
    );
  }
  if (EXPIRED.has(label) || EXPIRED.has(code) || /security token included in the request is expired/i.test(message)) {
    return new CredentialsExpiredError(
      looksLikeSso(message, context)
        ? `The AWS credentials have expired; run \`${ssoHint(context)}\` and the monitor will pick them up.`
        : 'The AWS credentials have expired; refresh them (or log in again) and the monitor will pick them up.',
      options,
    );
  }
  if (DENIED.has(label) || DENIED.has(code)) {
    const action = iamAction(operation) ?? (/not authorized to perform: (\S+)/.exec(message)?.[1] ?? 'the failing action');
    return new AccessDeniedError(
      `Access denied: the credentials lack \`${action}\`; add it to the IAM policy (see docs/iam-policy.json).`,
      { action, operation, cause: error },
    );
  }
  if (BAD_CREDENTIALS.has(label) || BAD_CREDENTIALS.has(code)) {
    return new NoCredentialsError(
      'AWS does not recognise these credentials; check the profile (--profile or AWS_PROFILE) or run `aws configure`.',
      options,
    );
  }
  if (label === 'ClusterNotFoundException') {
    return clusterNotFoundError(context.cluster, context.region, options);
  }
  const net = networkCode(error);
  if (net !== undefined) {
    return new NetworkError(
      `Cannot reach AWS${during}: ${net}; check the network, VPN or proxy and the endpoint.`,
      options,
    );
  }
  const detail = firstSentence(message) || label || 'unknown error';
  return new UnknownAwsError(`AWS call failed${during}: ${detail}.`, options);
}

/** True for the error an aborted call rejects with (the poller's stop, or a sibling call's failure). */
export function isAbortError(error: unknown): boolean {
  const name = text(fieldOf(error, 'name'));
  return name === 'AbortError';
}
