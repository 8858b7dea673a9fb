// The resilience rig: the real poller, the real SDK clients and the real ECS and CloudWatch sources, pointed at
// the simulator, on a virtual clock. Waits between refreshes cost nothing (the clock jumps to the next timer),
// while the calls of a refresh run at their real pace, so SDK retries and timeouts behave as in production.
// Every cycle is recorded, and every SDK call with its attempts, so a test can check that cycles never
// overlap and that no call retried without bound.
// One difference from production, to keep the suite fast: the SDK's waits between retries are cut to a few
// milliseconds (same 10 attempts, same retry quota, same choice of what is retried); the adaptive mode's
// client-side pacing, which can stretch a throttled refresh to tens of seconds, is left out.
import assert from 'node:assert/strict';
import type { AwsClients } from '../../lib/aws/clients.js';
import { createAwsClients } from '../../lib/aws/clients.js';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { createEcsSource } from '../../lib/aws/ecs-source.js';
import { createMetricsSource } from '../../lib/aws/metrics.js';
import type { Snapshot } from '../../lib/model/types.js';
import { Poller } from '../../lib/poller/poller.js';
import type { ClusterSource, PollerErrorEvent } from '../../lib/poller/types.js';
import { startSimulator } from '../../lib/sim/index.js';
import type { FaultRule, Scenario, Simulator } from '../../lib/sim/index.js';
import { VirtualClock } from '../bench/virtual-clock.js';

/** Start of the virtual clock: a fixed instant, so every run sees the same minutes. */
export const RIG_T0 = Date.UTC(2026, 11, 4, 12, 0, 30);
/** The refresh interval the rig's poller is configured with. */
export const RIG_INTERVAL_MS = 30_000;

/** One refresh as the poller ran it. */
export interface CycleRecord {
  /** Virtual clock at start and end. */
  readonly startedAt: number;
  readonly endedAt: number;
  readonly outcome: 'snapshot' | 'error';
}

/** One SDK call (`send`) and how many HTTP attempts it made, retries included. */
export interface CallRecord {
  readonly operation: string;
  readonly attempts: number;
}

export interface RigOptions {
  readonly scenario?: Scenario;
  /** Faults in force from the start. */
  readonly faults?: readonly FaultRule[];
  /** Per-attempt request timeout of the SDK clients (production default 15,000). */
  readonly requestTimeoutMs?: number;
  /** Whether a CloudWatch metrics source is attached (default true). */
  readonly metrics?: boolean;
  /** Whether `sim.tick()` changes the world (default false: a static world). Ticks only when called. */
  readonly living?: boolean;
}

/** A running rig; `close()` it in a `finally`. */
export interface Rig {
  readonly sim: Simulator;
  readonly clock: VirtualClock;
  readonly clients: AwsClients;
  readonly poller: Poller;
  readonly snapshots: Snapshot[];
  readonly errors: PollerErrorEvent[];
  readonly cycles: CycleRecord[];
  readonly calls: CallRecord[];
  /** Largest number of refreshes seen running at once (1 when cycles are sequential). */
  readonly maxConcurrentCycles: number;
  /** Starts the poller and waits for its first cycle to end. */
  start(): Promise<'snapshot' | 'error'>;
  /** Jumps to the poller's next scheduled refresh and waits for that cycle to end. */
  next(): Promise<'snapshot' | 'error'>;
  /** The last error event, failing when there is none. */
  lastError(): PollerErrorEvent;
  close(): Promise<void>;
}

interface CountingContext {
  commandName?: string;
  rigAttempts?: number;
}

type Middleware = (next: (args: unknown) => Promise<unknown>, context: CountingContext) => (args: unknown) => Promise<unknown>;

interface AddableStack {
  add(middleware: Middleware, options: { step: 'initialize' | 'deserialize'; name: string; override?: boolean }): void;
}

/** Records every call and its attempts: `initialize` runs once per call, `deserialize` once per attempt. */
function recordCalls(stack: AddableStack, calls: CallRecord[]): void {
  stack.add(
    (next, context) => async (args) => {
      context.rigAttempts = 0;
      try {
        return await next(args);
      } finally {
        calls.push({ operation: context.commandName?.replace(/Command$/, '') ?? 'unknown', attempts: context.rigAttempts });
      }
    },
    { step: 'initialize', name: 'rigCallRecorder', override: true },
  );
  stack.add(
    (next, context) => (args) => {
      context.rigAttempts = (context.rigAttempts ?? 0) + 1;
      return next(args);
    },
    { step: 'deserialize', name: 'rigAttemptCounter', override: true },
  );
}

/** Starts the simulator (static world), the clients and a poller (not started). */
export async function startRig(options: RigOptions = {}): Promise<Rig> {
  const clock = new VirtualClock(RIG_T0);
  const sim = await startSimulator({ scenario: options.scenario ?? 'demo', living: options.living ?? false, tickIntervalMs: 0, now: clock.now, faults: options.faults });
  const clients = createAwsClients({
    region: sim.region,
    endpoint: sim.endpoint,
    credentials: { accessKeyId: 'AKIDRESILIENCE', secretAccessKey: 'resilience-secret' },
    now: clock.now,
    ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
  });
  for (const client of [clients.ecs, clients.cloudwatch]) {
    const fastRetries = new ConfiguredRetryStrategy(10, (attempt: number) => 5 * attempt);
    (client.config as { retryStrategy: () => Promise<unknown> }).retryStrategy = () => Promise.resolve(fastRetries);
  }
  const calls: CallRecord[] = [];
  recordCalls(clients.ecs.middlewareStack as unknown as AddableStack, calls);
  recordCalls(clients.cloudwatch.middlewareStack as unknown as AddableStack, calls);

  const cycles: CycleRecord[] = [];
  let running = 0;
  let maxConcurrentCycles = 0;
  const ecs = createEcsSource(clients, { cluster: sim.clusterName, region: sim.region, taskDefinitionTtlMs: 600_000, now: clock.now });
  // Wraps the source to see each refresh begin and end from the poller's side.
  const source: ClusterSource = {
    async fetchSnapshot(signal) {
      running++;
      maxConcurrentCycles = Math.max(maxConcurrentCycles, running);
      try {
        return await ecs.fetchSnapshot(signal);
      } finally {
        running--;
      }
    },
  };
  const metrics = options.metrics === false ? undefined : createMetricsSource(clients.cloudwatch, { cluster: sim.clusterName, now: clock.now });
  const poller = new Poller({
    source,
    metrics,
    intervalMs: RIG_INTERVAL_MS,
    now: clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    random: () => 0.5,
  });

  const snapshots: Snapshot[] = [];
  const errors: PollerErrorEvent[] = [];
  let cycleStart = clock.now();
  let waiter: ((outcome: 'snapshot' | 'error') => void) | undefined;
  const ended = (outcome: 'snapshot' | 'error'): void => {
    cycles.push({ startedAt: cycleStart, endedAt: clock.now(), outcome });
    const resolve = waiter;
    waiter = undefined;
    resolve?.(outcome);
  };
  poller.on('state', (state) => {
    if (state.phase === 'loading' || state.phase === 'refreshing') cycleStart = clock.now();
  });
  poller.on('snapshot', (snapshot) => {
    snapshots.push(snapshot);
    ended('snapshot');
  });
  poller.on('error', (event) => {
    errors.push(event);
    ended('error');
  });
  const outcome = (): Promise<'snapshot' | 'error'> =>
    new Promise((resolve) => {
      waiter = resolve;
    });

  return {
    sim,
    clock,
    clients,
    poller,
    snapshots,
    errors,
    cycles,
    calls,
    get maxConcurrentCycles() {
      return maxConcurrentCycles;
    },
    start() {
      const done = outcome();
      poller.start();
      return done;
    },
    next() {
      const done = outcome();
      if (clock.fireNext() === undefined) throw new Error('the poller has no refresh scheduled');
      return done;
    },
    lastError() {
      const last = errors[errors.length - 1];
      if (last === undefined) throw new Error('the poller reported no error');
      return last;
    },
    async close() {
      poller.stop();
      clients.destroy();
      await sim.close();
    },
  };
}

/** Attempts per SDK call never exceed the configured 10, and the total stays within `maxCalls`. */
export function assertBoundedRetries(rig: Rig, maxCalls: number): void {
  const worst = rig.calls.reduce((max, c) => Math.max(max, c.attempts), 0);
  if (worst > 10) assert.fail(`a call made ${worst} attempts (more than the 10 configured)`);
  const total = rig.sim.ledger.entries().length;
  if (total > maxCalls) assert.fail(`${total} requests reached the endpoint, more than the ${maxCalls} allowed`);
}

/** Cycles ran one at a time: each began after the previous one ended, and never two at once. */
export function assertSequentialCycles(rig: Rig): void {
  if (rig.maxConcurrentCycles > 1) assert.fail(`${rig.maxConcurrentCycles} refreshes ran at once`);
  for (let i = 1; i < rig.cycles.length; i++) {
    const previous = rig.cycles[i - 1];
    const current = rig.cycles[i];
    if (previous !== undefined && current !== undefined && current.startedAt < previous.endedAt) {
      assert.fail(`cycle ${i} started at ${current.startedAt}, before cycle ${i - 1} ended at ${previous.endedAt}`);
    }
  }
  // The HTTP connection budget of the clients (10 sockets each for ECS and CloudWatch) bounds the endpoint's load.
  if (rig.sim.ledger.maxConcurrency > 20) assert.fail(`${rig.sim.ledger.maxConcurrency} requests were in flight at once`);
}
