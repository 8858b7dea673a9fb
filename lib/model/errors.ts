// The error family every layer speaks. lib/aws classifies SDK failures into these; the poller emits
// them; the status line prints `message`, which is always one sentence telling the user what to do.

export type MonitorErrorKind =
  | 'throttled'
  | 'access-denied'
  | 'credentials-expired'
  | 'no-credentials'
  | 'cluster-not-found'
  | 'network'
  | 'unknown';

/** Base of the family: `kind` for handling, `message` for people, `cause` for the log. */
export abstract class MonitorError extends Error {
  abstract readonly kind: MonitorErrorKind;
  /** The AWS operation that failed, e.g. DescribeTasks, when known. */
  readonly operation: string | undefined;

  constructor(message: string, options: { operation?: string | undefined; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.operation = options.operation;
  }
}

/** AWS refused the call rate (the account's token bucket is empty). */
export class ThrottledError extends MonitorError {
  override readonly name = 'ThrottledError';
  readonly kind = 'throttled' as const;
}

/** The caller lacks an IAM permission; `action` is e.g. `ecs:DescribeTasks`. */
export class AccessDeniedError extends MonitorError {
  override readonly name = 'AccessDeniedError';
  readonly kind = 'access-denied' as const;
  readonly action: string;
  constructor(message: string, options: { action: string; operation?: string | undefined; cause?: unknown }) {
    super(message, options);
    this.action = options.action;
  }
}

/** Credentials (or the SSO session) have expired. */
export class CredentialsExpiredError extends MonitorError {
  override readonly name = 'CredentialsExpiredError';
  readonly kind = 'credentials-expired' as const;
}

/** No credentials could be found at all. */
export class NoCredentialsError extends MonitorError {
  override readonly name = 'NoCredentialsError';
  readonly kind = 'no-credentials' as const;
}

/** The configured cluster does not exist in this account and region (or was deleted). */
export class ClusterNotFoundError extends MonitorError {
  override readonly name = 'ClusterNotFoundError';
  readonly kind = 'cluster-not-found' as const;
}

/** The endpoint could not be reached: DNS, refused or reset connections, timeouts. */
export class NetworkError extends MonitorError {
  override readonly name = 'NetworkError';
  readonly kind = 'network' as const;
}

/** Anything else; the message carries AWS's own text. */
export class UnknownAwsError extends MonitorError {
  override readonly name = 'UnknownAwsError';
  readonly kind = 'unknown' as const;
}
