// The API budget end to end: the real Poller drives the real ECS source against the simulator, with an
// injected clock so the waits between refreshes cost nothing, and the simulator's ledger shows what the
// account's throttling buckets would see.
//
// npm test runs 1,500 services of one task each: enough service-read calls (165 a refresh) that the
// budget stretches the interval on every refresh, yet quick. The XL cluster (5,000 services,
// 25,000 tasks) takes minutes on a 2-core box, so it is opt-in, with the same code path and assertions:
//   ECS_MONITOR_BUDGET_SCENARIO=XL node spec/run-specs.js api-budget
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createAwsClients, createEcsSource } from '../../lib/aws/index.js';
import type { AwsClients } from '../../lib/aws/index.js';
import { DEFAULT_MAX_API_RATE, REFRESH_INTERVAL, TASK_DEFINITION_INTERVAL } from '../../lib/config/index.js';
import { Poller } from '../../lib/poller/index.js';
import type { PollerState } from '../../lib/poller/index.js';
import { startSimulator } from '../../lib/sim/index.js';
import type { LedgerEntry, Simulator } from '../../lib/sim/index.js';
import { SCENARIOS, scenarioSpec } from '../bench/scenarios.js';
import type { BenchScenario } from '../bench/scenarios.js';
import { ECS_CATEGORIES as CATEGORIES, lowestBucketLevel } from '../bench/throttling.js';
import { VirtualClock } from '../bench/virtual-clock.js';

/** The share of each category the monitor may use. */
const SHARE = 0.25;
const REFRESHES = 3;

const QUICK: BenchScenario = { name: '1,500 services', services: 1_500, tasksPerService: 1, containersPerTask: 1 };
const chosen = process.env['ECS_MONITOR_BUDGET_SCENARIO'];
const scenario = chosen === undefined ? QUICK : SCENARIOS.find((s) => s.name === chosen);
const scenarioName = scenario?.name ?? String(chosen);

describe(`API budget: ${scenarioName} at the defaults (interval ${REFRESH_INTERVAL.default} s, max_api_rate ${DEFAULT_MAX_API_RATE})`, { timeout: 600_000 }, () => {
  let sim: Simulator | undefined;
  let clients: AwsClients | undefined;
  let poller: Poller | undefined;
  /** Virtual time each refresh started, and the time the one after the last would start. */
  const starts: number[] = [];
  let end = 0;
  let ecsCalls: LedgerEntry[] = [];
  let lastState: PollerState | undefined;

  before(async () => {
    if (scenario === undefined) throw new Error(`ECS_MONITOR_BUDGET_SCENARIO=${scenarioName} is not one of ${SCENARIOS.map((s) => s.name).join(', ')}`);
    const clock = new VirtualClock();
    sim = await startSimulator({ scenario: scenarioSpec(scenario), living: false, now: clock.now });
    clients = createAwsClients({ region: sim.region, endpoint: sim.endpoint, credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' }, now: clock.now });
    const source = createEcsSource(clients, {
      cluster: sim.clusterName,
      region: sim.region,
      taskDefinitionTtlMs: TASK_DEFINITION_INTERVAL.default * 1000,
      maxApiRate: DEFAULT_MAX_API_RATE,
      now: clock.now,
      // The paced task-definition describes run on the same virtual clock, so their pace is measured too.
      setTimer: clock.setTimer,
      clearTimer: clock.clearTimer,
    });
    const p = new Poller({
      source,
      intervalMs: REFRESH_INTERVAL.default * 1000,
      maxApiRate: DEFAULT_MAX_API_RATE,
      now: clock.now,
      setTimer: clock.setTimer,
      clearTimer: clock.clearTimer,
    });
    poller = p;
    p.on('state', (state) => {
      if (state.phase === 'loading' || state.phase === 'refreshing') starts.push(clock.now());
    });
    await new Promise<void>((resolve, reject) => {
      p.on('error', (e) => reject(e.error));
      p.on('snapshot', () => {
        if (starts.length >= REFRESHES) {
          resolve();
          return;
        }
        // Fire the timers in order (paced describes, then the next refresh) until the next refresh starts;
        // a real pause after each lets a paced call reach the simulator at its own virtual time.
        const refreshes = starts.length;
        const step = (): void => {
          if (starts.length > refreshes || clock.fireNext() === undefined) return;
          setTimeout(step, 2);
        };
        setImmediate(step);
      });
      p.start();
    });
    lastState = p.state;
    end = lastState.nextRefreshAt ?? clock.now();
    ecsCalls = sim.ledger.entries().filter((e) => e.operation !== 'GetMetricData');
  });

  after(async () => {
    poller?.stop();
    clients?.destroy();
    await sim?.close();
  });

  it('makes only ECS read calls of the four throttling categories', () => {
    const known = new Set(CATEGORIES.flatMap((c) => c.operations));
    assert.deepEqual(ecsCalls.filter((e) => !known.has(e.operation)).map((e) => e.operation), []);
    assert.ok(ecsCalls.length > 0);
  });

  it('stretches the interval for the API budget and says so', () => {
    assert.equal(starts.length, REFRESHES);
    assert.ok((lastState?.effectiveIntervalMs ?? 0) > REFRESH_INTERVAL.default * 1000, `effective interval ${lastState?.effectiveIntervalMs} ms`);
    assert.match(lastState?.stretchReason ?? '', /API budget/);
  });

  for (const category of CATEGORIES) {
    it(`keeps ${category.name} within ${SHARE * 100} % of the refill rate, averaged over every refresh`, (t) => {
      const limitPerSec = category.refillPerSec * SHARE;
      const ops = new Set(category.operations);
      const times = ecsCalls.filter((e) => ops.has(e.operation)).map((e) => e.at).sort((a, b) => a - b);
      const bounds = [...starts, end];
      for (let k = 0; k < starts.length; k++) {
        const from = bounds[k] ?? 0;
        const to = bounds[k + 1] ?? end;
        const calls = times.filter((at) => at >= from && at < to).length;
        const seconds = (to - from) / 1000;
        assert.ok(calls <= limitPerSec * seconds, `refresh ${k + 1}: ${calls} ${category.name} calls in ${seconds.toFixed(1)} s (over ${limitPerSec}/s)`);
      }
      const stretch = (end - (starts[0] ?? end)) / 1000;
      assert.ok(times.length <= limitPerSec * stretch, `${times.length} calls in ${stretch.toFixed(0)} s`);
      // How hard the bursts within a refresh hit the account's bucket (reported, see docs/benchmarks.md).
      const lowest = lowestBucketLevel(times, category.burst, category.refillPerSec);
      t.diagnostic(
        `${category.name}: ${times.length} calls over ${stretch.toFixed(0)} s = ${(times.length / stretch).toFixed(2)}/s; ` +
          `a ${category.burst}-token bucket refilling ${category.refillPerSec}/s would fall to ${lowest.toFixed(0)} at the worst moment`,
      );
    });
  }
});
