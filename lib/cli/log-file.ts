// `--log-file PATH`: a troubleshooting log a user can attach to a bug report. One line per event, appended:
// AWS calls (operation, duration, attempts, outcome), refresh cycles, poller and metrics errors, and whatever
// the terminal guard caught while the screen was up. Secrets never reach it: events carry names and numbers
// only, and every line is scrubbed of the credentials in the environment and of anything shaped like a key,
// token, signature or Authorization header, in case a library prints one.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { AwsCallEvent } from '../aws/call-events.js';
import type { MonitorError } from '../model/errors.js';
import type { Snapshot } from '../model/types.js';
import type { PollerErrorEvent, PollerHandle, PollerState } from '../poller/types.js';

export type LogLevel = 'INFO' | 'WARN' | 'ERROR';

/** The log file could not be opened. */
export class LogFileError extends Error {
  override readonly name = 'LogFileError';
}

/** Environment variables whose values are credentials; their values are blanked wherever they appear. */
const SECRET_ENV_NAMES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
  'AWS_BEARER_TOKEN_BEDROCK',
] as const;
/** Shorter values would blank ordinary words; real keys and tokens are far longer. */
const MIN_SECRET_LENGTH = 6;
const REDACTED = '[redacted]';

/** `name: value` / `name=value` / `"name":"value"` for names that only ever hold credentials. */
const SECRET_FIELD = /\b(authorization|x-amz-security-token|x-amz-signature|x-amz-credential|signature|credential|aws_access_key_id|aws_secret_access_key|aws_session_token|secretaccesskey|sessiontoken|accesstoken|refreshtoken|clientsecret)("?\s*[:=]\s*"?)([^\s",;&}]+)/gi;
/** AWS access key ids (long-term AKIA, temporary ASIA) wherever they stand. */
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{12,}\b/g;

/** The credential values present in `env`, longest first so a token containing a key is blanked whole. */
export function secretsFromEnv(env: Readonly<Record<string, string | undefined>>): string[] {
  return SECRET_ENV_NAMES.map((name) => env[name]?.trim() ?? '')
    .filter((value) => value.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
}

/** `text` with every known secret value and every credential-shaped field blanked. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out.replace(SECRET_FIELD, (_match, name: string, separator: string) => `${name}${separator}${REDACTED}`).replace(ACCESS_KEY_ID, REDACTED);
}

/** One line: control characters out, newlines shown as `\n`, so each event stays on its own line. */
function oneLine(text: string): string {
  return text.replace(/\r?\n/g, '\\n').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

/** `ECS.DescribeServices ok 41ms attempts=1 status=200 request=…`. */
export function formatAwsCall(event: AwsCallEvent): string {
  const outcome = event.outcome === 'ok' ? 'ok' : event.errorName === 'AbortError' ? 'aborted' : `failed ${event.errorName ?? 'Error'}`;
  const parts = [`aws ${event.service}.${event.operation}`, outcome, `${Math.round(event.durationMs)}ms`];
  if (event.attempts !== undefined) parts.push(`attempts=${event.attempts}`);
  if (event.retryDelayMs !== undefined && event.retryDelayMs > 0) parts.push(`retry-wait=${Math.round(event.retryDelayMs)}ms`);
  if (event.httpStatus !== undefined) parts.push(`status=${event.httpStatus}`);
  if (event.requestId !== undefined) parts.push(`request=${event.requestId}`);
  return parts.join(' ');
}

/** A MonitorError as the log shows it: class, kind, operation, the message the user saw, and the SDK error's name. */
export function formatMonitorError(error: MonitorError): string {
  const cause: unknown = error.cause;
  const causeName = cause instanceof Error ? cause.name : undefined;
  const head = [
    `${error.name} (${error.kind})`,
    ...(error.operation === undefined ? [] : [`operation=${error.operation}`]),
    ...(causeName === undefined || causeName === error.name ? [] : [`cause=${causeName}`]),
  ];
  return `${head.join(' ')}: ${error.message}`;
}

function formatCalls(calls: Readonly<Record<string, number>>): string {
  const entries = Object.entries(calls);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  return entries.length === 0 ? 'calls=0' : `calls=${total} (${entries.map(([op, n]) => `${op} ${n}`).join(', ')})`;
}

/** A snapshot in one line: cluster size, ECS time, whole cycle time, calls. */
export function formatCycle(snapshot: Snapshot, cycleMs: number | undefined): string {
  const tasks = snapshot.services.reduce((sum, s) => sum + s.tasks.length, 0) + snapshot.standaloneTasks.length;
  return [
    `refresh ok cluster=${snapshot.cluster.name}`,
    `services=${snapshot.services.length} tasks=${tasks}`,
    `ecs=${Math.round(snapshot.durationMs)}ms`,
    ...(cycleMs === undefined ? [] : [`cycle=${Math.round(cycleMs)}ms`]),
    formatCalls(snapshot.apiCalls),
    `metrics-requested=${snapshot.metrics.metricsRequested}`,
  ].join(' ');
}

export interface LogFileOptions {
  /** Whose credential values are blanked; default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Clock for the timestamps. */
  readonly now?: () => Date;
  /** Clock for cycle durations. */
  readonly monotonic?: () => number;
}

/**
 * An open log file. Lines are written synchronously, so nothing is lost when the process exits on a signal
 * or a crash. When a write fails (disk full, the file's volume gone), logging stops and `failure` says why:
 * the monitor itself keeps running.
 */
export class LogFile {
  private fd: number | undefined;
  private readonly secrets: string[];
  private readonly now: () => Date;
  private readonly monotonic: () => number;
  private writeFailure: Error | undefined;
  private lastMetricsNote: string | undefined;

  private constructor(fd: number, readonly path: string, options: LogFileOptions) {
    this.fd = fd;
    this.secrets = secretsFromEnv(options.env ?? process.env);
    this.now = options.now ?? (() => new Date());
    this.monotonic = options.monotonic ?? (() => performance.now());
  }

  /**
   * Opens `path` for appending (created with mode 0600: it names your clusters and services).
   * @throws LogFileError when the file cannot be opened, naming the path and the reason.
   */
  static open(path: string, options: LogFileOptions = {}): LogFile {
    let fd: number;
    try {
      fd = openSync(path, 'a', 0o600);
    } catch (error) {
      const reason = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
      throw new LogFileError(`cannot open the log file ${path}: ${reason}`, { cause: error });
    }
    return new LogFile(fd, path, options);
  }

  /** The write error that stopped logging, if any. */
  get failure(): Error | undefined {
    return this.writeFailure;
  }

  /** Appends one line: ISO timestamp, level, message (scrubbed, on one line). */
  write(level: LogLevel, message: string): void {
    if (this.fd === undefined) return;
    const line = `${this.now().toISOString()} ${level.padEnd(5)} ${redact(oneLine(message), this.secrets)}\n`;
    try {
      writeSync(this.fd, line);
    } catch (error) {
      this.writeFailure = error instanceof Error ? error : new Error(String(error));
      this.close();
    }
  }

  info(message: string): void {
    this.write('INFO', message);
  }

  warn(message: string): void {
    this.write('WARN', message);
  }

  error(message: string): void {
    this.write('ERROR', message);
  }

  /** One AWS call: failures at WARN (the poller decides whether they matter), the rest at INFO. */
  awsCall(event: AwsCallEvent): void {
    // An aborted call is the monitor's own doing (quit, or a sibling call failed first), not a problem.
    this.write(event.outcome === 'ok' || event.errorName === 'AbortError' ? 'INFO' : 'WARN', formatAwsCall(event));
  }

  /** A line the terminal guard kept off the screen (console output, a process warning). */
  captured(line: string): void {
    this.write('WARN', `output: ${line}`);
  }

  /** A refresh that produced a snapshot; its metrics failure, and a changed metrics note, too. */
  snapshot(snapshot: Snapshot, cycleMs: number | undefined): void {
    this.info(formatCycle(snapshot, cycleMs));
    if (snapshot.metrics.error !== undefined) this.warn(`metrics failed: ${snapshot.metrics.error}`);
    if (snapshot.metrics.note !== this.lastMetricsNote) {
      this.lastMetricsNote = snapshot.metrics.note;
      if (snapshot.metrics.note !== undefined) this.info(`metrics: ${snapshot.metrics.note}`);
    }
  }

  /** A refresh that failed. */
  refreshFailed(error: MonitorError, cycleMs: number | undefined, staleForMs?: number): void {
    const timing = cycleMs === undefined ? '' : ` after ${Math.round(cycleMs)}ms`;
    const stale = staleForMs === undefined ? '' : ` (showing data ${Math.round(staleForMs / 1000)}s old)`;
    this.error(`refresh failed${timing}${stale}: ${formatMonitorError(error)}`);
  }

  /**
   * Logs every cycle of `poller` for `cluster`: its timing, its result or error, and changes of the
   * effective interval (throttling back-off, the API budget). Returns the poller, for chaining.
   */
  watchPoller<P extends PollerHandle>(poller: P, cluster: string): P {
    let cycleStart: number | undefined;
    let interval: string | undefined;
    const elapsed = (): number | undefined => (cycleStart === undefined ? undefined : this.monotonic() - cycleStart);
    this.info(`watching cluster ${cluster}`);
    poller.on('state', (state: PollerState) => {
      if (state.phase === 'loading' || state.phase === 'refreshing') cycleStart = this.monotonic();
      const now = state.effectiveIntervalMs === state.intervalMs ? undefined : `${Math.round(state.effectiveIntervalMs / 1000)}s (${state.stretchReason ?? 'stretched'})`;
      if (now !== interval) {
        interval = now;
        if (now === undefined) this.info(`refresh interval back to ${Math.round(state.intervalMs / 1000)}s`);
        else this.warn(`refresh interval stretched to ${now}`);
      }
    });
    poller.on('snapshot', (snapshot: Snapshot) => this.snapshot(snapshot, elapsed()));
    poller.on('error', (event: PollerErrorEvent) => this.refreshFailed(event.error, elapsed(), event.staleForMs));
    return poller;
  }

  /**
   * Also logs process warnings (they still print as usual; while the screen is up the terminal guard
   * replaces them and hands them to {@link captured}). Returns the function that stops it.
   */
  captureProcessWarnings(target: NodeJS.EventEmitter = process): () => void {
    const listener = (warning: Error): void => this.warn(`process warning ${warning.name}: ${warning.message}`);
    target.on('warning', listener);
    return () => target.off('warning', listener);
  }

  /** Closes the file; later writes are dropped. Safe to call twice. */
  close(): void {
    const fd = this.fd;
    this.fd = undefined;
    if (fd === undefined) return;
    try {
      closeSync(fd);
    } catch (error) {
      this.writeFailure ??= error instanceof Error ? error : new Error(String(error));
    }
  }
}

/** The first line of a run: version, and each setting with where it came from (flag, AWS_PROFILE, ...). */
export function startLine(
  version: string,
  config: { readonly cluster?: string; readonly region: string; readonly profile?: string; readonly intervalSec: number; readonly sources: Readonly<Partial<Record<string, string>>> },
  demo: boolean,
): string {
  const setting = (name: string, value: string | undefined, field: string): string =>
    `${name}=${value ?? '-'}${value === undefined ? '' : ` (${config.sources[field] ?? 'default'})`}`;
  return [
    `${version} started`,
    setting('region', config.region, 'region'),
    setting('profile', config.profile, 'profile'),
    setting('cluster', config.cluster, 'cluster'),
    `interval=${config.intervalSec}s`,
    ...(demo ? ['demo'] : []),
  ].join(' ');
}
