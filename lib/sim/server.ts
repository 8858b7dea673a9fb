// The HTTP side: one loopback server answering both ECS (AWS JSON 1.1) and CloudWatch (AWS JSON 1.0,
// query-compatible), told apart by the X-Amz-Target prefix. Signatures are not checked.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { AwsApiError } from './api-error.js';
import type { FaultKind, Faults } from './faults.js';
import type { Ledger } from './ledger.js';
import { CLOUDWATCH_OPERATIONS, ECS_OPERATIONS } from './operations.js';
import { asObject, type JsonObject } from './wire.js';

/** Which AWS API a request is for. */
export type SimApi = 'ecs' | 'cloudwatch';

const TARGETS: Readonly<Record<string, SimApi>> = {
  AmazonEC2ContainerServiceV20141113: 'ecs',
  GraniteServiceVersion20100801: 'cloudwatch',
};
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** What the server needs from the simulator to answer a request. */
export interface ServerHooks {
  readonly now: () => number;
  readonly ledger: Ledger;
  readonly faults: Faults;
  /** @throws AwsApiError to answer with an error. */
  answer(service: SimApi, operation: string, input: JsonObject, clusterDeleted: boolean): JsonObject;
  batchSize(operation: string, input: JsonObject): number;
  /** The resource an AccessDenied message names. */
  resourceFor(service: SimApi, input: JsonObject): string;
}

/** A started loopback server that can also pretend to be down. */
export class SimServer {
  private readonly server: Server;
  private boundPort = 0;
  private listening = false;
  private closed = false;
  private transitions: Promise<void> = Promise.resolve();

  constructor(private readonly hooks: ServerHooks) {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 5_000;
  }

  get port(): number {
    return this.boundPort;
  }

  get isListening(): boolean {
    return this.listening;
  }

  /**
   * Listens on 127.0.0.1 (port 0 = an ephemeral port).
   * @throws the listen error, e.g. EADDRINUSE.
   */
  async listen(port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.server.once('error', onError);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', onError);
        resolve();
      });
    });
    this.boundPort = (this.server.address() as AddressInfo).port;
    this.listening = true;
    return this.boundPort;
  }

  /** Stops listening and drops every open connection (the endpoint is "down"). */
  stopListening(): Promise<void> {
    return this.serialize(async () => {
      if (!this.listening) return;
      this.listening = false;
      const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
      this.server.closeAllConnections();
      await closed;
    });
  }

  /** Listens again on the same port after `stopListening` (not after `close`). */
  resumeListening(): Promise<void> {
    return this.serialize(async () => {
      if (!this.listening && !this.closed) await this.listen(this.boundPort);
    });
  }

  /** Stops for good: later `resumeListening` calls do nothing. */
  close(): Promise<void> {
    this.closed = true;
    return this.stopListening();
  }

  // Outage timers and tests may stop and resume at the same moment; a listen must not start mid-close.
  private serialize(step: () => Promise<void>): Promise<void> {
    const result = this.transitions.then(step);
    // The chain only orders the steps; each caller still receives its own step's failure through `result`.
    this.transitions = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { ledger, faults, now } = this.hooks;
    const at = now();
    ledger.start();
    res.on('close', () => ledger.finish());
    const [prefix = '', operation = ''] = String(req.headers['x-amz-target'] ?? '').split('.');
    const service = TARGETS[prefix];
    let body: string;
    try {
      body = await readBody(req);
    } catch (error) {
      ledger.record({ operation: operation || 'unknown', at, batchSize: 0, outcome: 'reset' });
      req.socket.destroy(error instanceof Error ? error : undefined);
      return;
    }
    let outcome = 'ok';
    let batchSize = 1;
    try {
      const input = parseInput(body);
      const known = service === 'ecs' ? ECS_OPERATIONS : service === 'cloudwatch' ? CLOUDWATCH_OPERATIONS : [];
      if (!service || !known.includes(operation)) throw unknownOperation(service, operation);
      batchSize = this.hooks.batchSize(operation, input);
      const decision = faults.decide(operation);
      if (decision.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.latencyMs));
      if (decision.failure === 'reset') {
        outcome = 'reset';
        req.socket.destroy();
        return;
      }
      if (decision.failure !== undefined && decision.failure !== 'notfound') {
        throw faultError(service, operation, decision.failure, this.hooks.resourceFor(service, input));
      }
      const output = this.hooks.answer(service, operation, input, decision.failure === 'notfound');
      send(res, 200, service, output);
    } catch (error) {
      const apiError = error instanceof AwsApiError ? error : internalError(service, error);
      outcome = apiError.code;
      sendError(res, service ?? 'ecs', apiError);
    } finally {
      ledger.record({ operation: operation || 'unknown', at, batchSize, outcome });
    }
  }
}

function parseInput(body: string): JsonObject {
  try {
    return asObject(body.trim() === '' ? {} : JSON.parse(body));
  } catch (error) {
    throw Object.assign(new AwsApiError('SerializationException', 'Start of structure or map found where not expected.'), { cause: error });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('request body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function contentType(service: SimApi): string {
  return service === 'ecs' ? 'application/x-amz-json-1.1' : 'application/x-amz-json-1.0';
}

function send(res: ServerResponse, status: number, service: SimApi, payload: JsonObject, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, {
    'content-type': contentType(service),
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': randomUUID(),
    ...headers,
  });
  res.end(body);
}

function sendError(res: ServerResponse, service: SimApi, error: AwsApiError): void {
  if (service === 'ecs') {
    send(res, error.status, service, { __type: error.code, message: error.message });
    return;
  }
  // Query-compatible JSON: the SDK takes the error code from this header, so codes are the Query names.
  send(res, error.status, service, { __type: error.jsonType ?? error.code, message: error.message }, { 'x-amzn-query-error': `${error.code};${error.fault}` });
}

function unknownOperation(service: SimApi | undefined, operation: string): AwsApiError {
  if (service === 'cloudwatch') {
    return new AwsApiError('InvalidAction', `Could not find operation ${operation} for version 2010-08-01`, 400, 'Sender', 'UnknownOperationException');
  }
  return new AwsApiError('UnknownOperationException', `Unknown operation ${operation || '(no X-Amz-Target)'}`);
}

function internalError(service: SimApi | undefined, cause: unknown): AwsApiError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return service === 'cloudwatch'
    ? new AwsApiError('InternalFailure', `The request processing has failed because of an unknown error: ${detail}`, 500, 'Receiver')
    : new AwsApiError('ServerException', `Service Unavailable. ${detail}`, 500, 'Receiver');
}

/** The error AWS sends for an injected fault, in each service's own naming. */
export function faultError(service: SimApi, operation: string, kind: Exclude<FaultKind, 'latency' | 'reset' | 'notfound'>, resource: string): AwsApiError {
  const ecs = service === 'ecs';
  const action = `${ecs ? 'ecs' : 'cloudwatch'}:${operation}`;
  switch (kind) {
    case 'throttle':
      return ecs ? new AwsApiError('ThrottlingException', 'Rate exceeded') : new AwsApiError('Throttling', 'Rate exceeded');
    case 'error':
      return ecs
        ? new AwsApiError('ServerException', 'Service Unavailable. Please try again later.', 500, 'Receiver')
        : new AwsApiError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500, 'Receiver');
    case 'deny': {
      const message = `User: arn:aws:iam::123456789012:user/sim is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
      return ecs ? new AwsApiError('AccessDeniedException', message) : new AwsApiError('AccessDenied', message, 403);
    }
    case 'expired':
      return ecs
        ? new AwsApiError('ExpiredTokenException', 'The security token included in the request is expired')
        : new AwsApiError('ExpiredToken', 'The security token included in the request is expired', 403);
  }
}
