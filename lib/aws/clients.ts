// The SDK clients, built once per process: ECS and CloudWatch share one credential provider, one
// connection budget policy and one call counter.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ECSClient } from '@aws-sdk/client-ecs';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { CallCounter } from './call-counter.js';
import type { CallTally } from './call-counter.js';

export interface AwsClientOptions {
  readonly region: string;
  /** Named profile of ~/.aws/config; SSO profiles work through the default provider chain. */
  readonly profile?: string | undefined;
  /** e.g. `http://127.0.0.1:4566` for the simulator. */
  readonly endpoint?: string | undefined;
  /** Static credentials (the simulator, tests); otherwise the Node provider chain. */
  readonly credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
  /** Attempts per call, retries included (default 10). */
  readonly maxAttempts?: number | undefined;
  /** Per-attempt request timeout in ms (default 15 000). */
  readonly requestTimeoutMs?: number | undefined;
  /** Connection timeout in ms (default 5 000). */
  readonly connectionTimeoutMs?: number | undefined;
  /** Clock for the call counter's sliding window. */
  readonly now?: (() => number) | undefined;
}

export interface AwsClients {
  readonly ecs: ECSClient;
  readonly cloudwatch: CloudWatchClient;
  /** Every attempt of both clients, per operation, and the last-minute count. */
  readonly calls: CallCounter;
  readonly region: string;
  readonly profile: string | undefined;
  /** Closes both clients' sockets. */
  destroy(): void;
}

const DEFAULT_MAX_ATTEMPTS = 10;
const MAX_SOCKETS = 10;

/** What the counting middleware needs of a client's or a command's middleware stack. */
export interface CountableStack {
  add(
    middleware: (
      next: (args: never) => Promise<unknown>,
      context: { commandName?: string },
    ) => (args: never) => Promise<unknown>,
    options: { step: 'deserialize'; name: string; override: boolean },
  ): void;
}

/** Adds the attempt-counting middleware to a client or a command stack. */
export function addCallCounting(
  stack: CountableStack,
  record: (operation: string) => void,
  name: string,
): void {
  // The deserialize step sits below the retry middleware, so it sees every attempt, not just the call.
  stack.add(
    (next, context) => async (args) => {
      record(context.commandName?.replace(/Command$/, '') ?? 'unknown');
      return next(args);
    },
    { step: 'deserialize', name, override: true },
  );
}

/** Counts each attempt of one command into `tally` under `label` (e.g. `ListTasks:STOPPED`). */
export function countCommandInto<C extends { middlewareStack: CountableStack }>(
  command: C,
  tally: CallTally,
  label?: string,
): C {
  addCallCounting(
    command.middlewareStack,
    (operation) => tally.record(label ?? operation),
    'ecsMonitorCycleTally',
  );
  return command;
}

/**
 * Builds the ECS and CloudWatch clients: adaptive retry with up to 10 attempts, at most 10 sockets,
 * request and connection timeouts, one memoized credential provider shared by both. Does not contact
 * AWS: credentials are resolved on the first call.
 */
export function createAwsClients(options: AwsClientOptions): AwsClients {
  const calls = new CallCounter(options.now === undefined ? {} : { now: options.now });
  const credentials =
    options.credentials ??
    fromNodeProviderChain(options.profile === undefined ? {} : { profile: options.profile });
  const agent = { keepAlive: true, maxSockets: MAX_SOCKETS };
  const common = {
    region: options.region,
    credentials,
    retryMode: 'adaptive',
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    requestHandler: {
      httpAgent: agent,
      httpsAgent: agent,
      requestTimeout: options.requestTimeoutMs ?? 15_000,
      connectionTimeout: options.connectionTimeoutMs ?? 5_000,
      throwOnRequestTimeout: true,
    },
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
  };
  const ecs = new ECSClient(common);
  const cloudwatch = new CloudWatchClient(common);
  addCallCounting(ecs.middlewareStack, (op) => calls.record(op), 'ecsMonitorCallCounter');
  addCallCounting(cloudwatch.middlewareStack, (op) => calls.record(op), 'ecsMonitorCallCounter');
  return {
    ecs,
    cloudwatch,
    calls,
    region: options.region,
    profile: options.profile,
    destroy() {
      ecs.destroy();
      cloudwatch.destroy();
    },
  };
}
