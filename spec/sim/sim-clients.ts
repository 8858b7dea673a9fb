// Real AWS SDK clients pointed at a simulator, for the sim specs.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ECSClient } from '@aws-sdk/client-ecs';
import type { Simulator } from '../../lib/sim/index.js';

/** A fixed instant 30 s into a minute, so minute alignment is visible. */
export const T0 = Date.UTC(2026, 11, 4, 12, 0, 30);

/** A controllable clock for `startSimulator({ now })`. */
export class TestClock {
  constructor(public ms = T0) {}
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** ECS and CloudWatch clients with dummy credentials; `maxAttempts` 1 unless a test exercises retries. */
export function clientsFor(sim: Simulator, maxAttempts = 1): { ecs: ECSClient; cw: CloudWatchClient } {
  const config = {
    region: sim.region,
    endpoint: sim.endpoint,
    credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' },
    maxAttempts,
  };
  return { ecs: new ECSClient(config), cw: new CloudWatchClient(config) };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`, { cause: error });
  }
  throw new Error('expected the call to fail, but it succeeded');
}
