// The benchmark's cluster sizes and the call and time floors every refresh is compared with.
import { DEFINITION_BURST } from '../../lib/aws/ecs-source.js';

/** One benchmark cluster: S, M, L or XL. */
export interface BenchScenario {
  readonly name: string;
  readonly services: number;
  readonly tasksPerService: number;
  readonly containersPerTask: number;
}

export const SCENARIOS: readonly BenchScenario[] = [
  { name: 'S', services: 5, tasksPerService: 5, containersPerTask: 2 },
  { name: 'M', services: 100, tasksPerService: 5, containersPerTask: 2 },
  { name: 'L', services: 1_000, tasksPerService: 5, containersPerTask: 2 },
  { name: 'XL', services: 5_000, tasksPerService: 5, containersPerTask: 2 },
];

/** The simulator's scenario string for a benchmark cluster (also what `--demo --scenario` takes). */
export function scenarioSpec(s: BenchScenario): string {
  return `services=${s.services},tasksPerService=${s.tasksPerService},containersPerTask=${s.containersPerTask}`;
}

/** What one refresh has to fetch. */
export interface RefreshShape {
  readonly services: number;
  readonly runningTasks: number;
  /** Task definitions not yet cached (all of them on the first refresh, none after). */
  readonly uncachedTaskDefinitions: number;
  /** Stopped tasks listed (0 means the stopped-task describe is skipped). */
  readonly stoppedTasks: number;
  /**
   * A later refresh of a cluster that has not changed since the previous one: the running tasks are
   * known, so they are described by ARN and nothing is listed.
   */
  readonly steady: boolean;
}

const pages = (n: number, size: number): number => Math.ceil(n / size);

/**
 * The fewest ECS calls per operation that can fetch `shape` (issue 4's formula): 1 DescribeClusters,
 * ceil(S/100) ListServices (at least 1), ceil(S/10) DescribeServices, ceil(T/100) ListTasks (at least 1;
 * none on a steady refresh, whose tasks are known) and DescribeTasks, one DescribeTaskDefinition per
 * uncached definition up to the burst (the rest are paced between refreshes, not part of one), one stopped ListTasks and one stopped DescribeTasks when any are listed.
 */
export function minimumCalls(shape: RefreshShape): Record<string, number> {
  return {
    DescribeClusters: 1,
    ListServices: Math.max(1, pages(shape.services, 100)),
    DescribeServices: pages(shape.services, 10),
    ListTasks: shape.steady ? 0 : Math.max(1, pages(shape.runningTasks, 100)),
    DescribeTasks: pages(shape.runningTasks, 100),
    DescribeTaskDefinition: Math.min(shape.uncachedTaskDefinitions, DEFINITION_BURST),
    'ListTasks:STOPPED': 1,
    'DescribeTasks:STOPPED': shape.stoppedTasks > 0 ? 1 : 0,
  };
}

/** Sum of a per-operation count. */
export function total(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/**
 * The shortest possible refresh when every call takes `latencyMs` and at most `concurrency` are in
 * flight: the longest dependency chain (listing pages are sequential, each page's last describe waits
 * for it, task definitions wait for their DescribeTasks; a steady refresh describes known tasks at once), or all calls spread over the concurrency
 * bound, whichever is longer.
 */
export function refreshLowerBoundMs(shape: RefreshShape, latencyMs: number, concurrency: number): number {
  const min = minimumCalls(shape);
  const serviceChain = (min['ListServices'] ?? 1) + (shape.services > 0 ? 1 : 0);
  const taskChain = (min['ListTasks'] ?? 0) + (shape.runningTasks > 0 ? 1 : 0) + (shape.uncachedTaskDefinitions > 0 ? 1 : 0);
  const stoppedChain = 1 + (shape.stoppedTasks > 0 ? 1 : 0);
  const chain = Math.max(1, serviceChain, taskChain, stoppedChain) * latencyMs;
  const spread = Math.ceil(total(min) / concurrency) * latencyMs;
  return Math.max(chain, spread);
}
