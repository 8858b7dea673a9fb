// One event per AWS call, for the troubleshooting log: which operation, how long it took with its retries,
// how many attempts, and how it ended. Only names, numbers and AWS's request id leave this file: never the
// request, its headers (Authorization, the security token) or the response body.

/** What happened to one call, retries included. */
export interface AwsCallEvent {
  /** `ECS` or `CloudWatch`. */
  readonly service: string;
  /** e.g. `DescribeServices`. */
  readonly operation: string;
  /** From the call to its result, retries and their back-off included. */
  readonly durationMs: number;
  readonly outcome: 'ok' | 'error';
  /** Attempts the SDK made (1 = no retry), when it reported them. */
  readonly attempts?: number;
  /** Milliseconds the SDK spent waiting between attempts, when it reported them. */
  readonly retryDelayMs?: number;
  readonly httpStatus?: number;
  /** AWS's request id, for a support case. */
  readonly requestId?: string;
  /** The SDK error's name, e.g. `ThrottlingException`, `AbortError`. */
  readonly errorName?: string;
}

/** What the observer needs of a client's middleware stack. */
export interface ObservableStack {
  add(
    middleware: (
      next: (args: never) => Promise<unknown>,
      context: { commandName?: string; clientName?: string },
    ) => (args: never) => Promise<unknown>,
    options: { step: 'initialize'; name: string; override: boolean },
  ): void;
}

interface ResponseMetadata {
  readonly attempts?: unknown;
  readonly totalRetryDelay?: unknown;
  readonly httpStatusCode?: unknown;
  readonly requestId?: unknown;
}

function metadataOf(value: unknown): ResponseMetadata {
  if (typeof value !== 'object' || value === null) return {};
  const metadata = (value as { $metadata?: unknown }).$metadata;
  return typeof metadata === 'object' && metadata !== null ? (metadata as ResponseMetadata) : {};
}

function numbers(metadata: ResponseMetadata): Pick<AwsCallEvent, 'attempts' | 'retryDelayMs' | 'httpStatus' | 'requestId'> {
  return {
    ...(typeof metadata.attempts === 'number' ? { attempts: metadata.attempts } : {}),
    ...(typeof metadata.totalRetryDelay === 'number' ? { retryDelayMs: metadata.totalRetryDelay } : {}),
    ...(typeof metadata.httpStatusCode === 'number' ? { httpStatus: metadata.httpStatusCode } : {}),
    ...(typeof metadata.requestId === 'string' ? { requestId: metadata.requestId } : {}),
  };
}

/**
 * Calls `listener` once per call made through `stack`, after it ends. The middleware sits in the initialize
 * step, above the retry middleware, so one event covers all attempts of a call. A listener that throws
 * does not change the call's result: its error is passed to `onListenerError` (default: rethrown on a
 * later tick, like an unhandled event error).
 */
export function observeCalls(
  stack: ObservableStack,
  service: string,
  listener: (event: AwsCallEvent) => void,
  options: { now?: () => number; onListenerError?: (error: unknown) => void } = {},
): void {
  const now = options.now ?? (() => performance.now());
  const onListenerError = options.onListenerError ?? ((error: unknown) => queueMicrotask(() => { throw error; }));
  const emit = (event: AwsCallEvent): void => {
    try {
      listener(event);
    } catch (error) {
      onListenerError(error);
    }
  };
  stack.add(
    (next, context) => async (args) => {
      const operation = context.commandName?.replace(/Command$/, '') ?? 'unknown';
      const started = now();
      try {
        const result = await next(args);
        const output = (result as { output?: unknown } | undefined)?.output;
        emit({ service, operation, durationMs: now() - started, outcome: 'ok', ...numbers(metadataOf(output)) });
        return result;
      } catch (error) {
        const errorName = error instanceof Error ? error.name : typeof error;
        emit({ service, operation, durationMs: now() - started, outcome: 'error', errorName, ...numbers(metadataOf(error)) });
        throw error;
      }
    },
    { step: 'initialize', name: 'ecsMonitorCallEvents', override: true },
  );
}

/** Observes both clients of {@link AwsClients}-shaped pairs: ECS and CloudWatch. */
export function observeClientCalls(
  clients: { readonly ecs: { readonly middlewareStack: ObservableStack }; readonly cloudwatch: { readonly middlewareStack: ObservableStack } },
  listener: (event: AwsCallEvent) => void,
  options: { now?: () => number; onListenerError?: (error: unknown) => void } = {},
): void {
  observeCalls(clients.ecs.middlewareStack, 'ECS', listener, options);
  observeCalls(clients.cloudwatch.middlewareStack, 'CloudWatch', listener, options);
}
