// Scenarios: the built-in `demo` cluster, or a sized cluster for load tests and benchmarks.

import type { InsightsMode } from '../model/types.js';

/** A generated cluster of uniform, steady services. */
export interface SizedScenario {
  /** 0..5,000. */
  readonly services: number;
  /** Tasks per service (default 2); at most 25,000 tasks in all. */
  readonly tasksPerService?: number;
  /** Containers per task, 1..10 (default 2: the app and a sidecar). */
  readonly containersPerTask?: number;
  /** Container Insights mode of the cluster (default `enabled`). */
  readonly insights?: InsightsMode;
}

/**
 * `demo` (about a dozen services in every interesting state), `hostile` (escape sequences, markup, wide text,
 * 10,000 events, maximum-length names: see hostile-scenario.ts) or a sized cluster.
 */
export type Scenario = 'demo' | 'hostile' | SizedScenario;

/** The largest sized scenario the simulator accepts: services, tasks in all, containers per task. */
export const MAX_SERVICES = 5000;
/** See MAX_SERVICES. */
export const MAX_TASKS = 25000;
/** See MAX_SERVICES. */
export const MAX_CONTAINERS_PER_TASK = 10;

/** A scenario string or object that cannot be simulated. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
}

const INSIGHTS: readonly InsightsMode[] = ['disabled', 'enabled', 'enhanced'];

/**
 * Parses `demo` or `services=1000,tasksPerService=5,containersPerTask=2,insights=enhanced` (every key but
 * `services` optional).
 * @throws ScenarioError on an unknown key, a malformed number or a size beyond the limits.
 */
export function parseScenario(text: string): Scenario {
  const trimmed = text.trim();
  if (trimmed === 'demo') return 'demo';
  if (trimmed === 'hostile') return 'hostile';
  const fields: Record<string, string> = {};
  for (const part of trimmed.split(',')) {
    const [key = '', value, ...rest] = part.split('=').map((s) => s.trim());
    if (value === undefined || rest.length > 0 || !['services', 'tasksPerService', 'containersPerTask', 'insights'].includes(key)) {
      throw new ScenarioError(`Scenario "${text}" is not "demo" or services=N[,tasksPerService=N][,containersPerTask=N][,insights=disabled|enabled|enhanced].`);
    }
    fields[key] = value;
  }
  const int = (key: string): number | undefined => {
    const value = fields[key];
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) throw new ScenarioError(`Scenario ${key}=${value} is not a whole number.`);
    return Number(value);
  };
  const services = int('services');
  if (services === undefined) throw new ScenarioError(`Scenario "${text}" needs services=N.`);
  const insights = fields['insights'];
  if (insights !== undefined && !INSIGHTS.includes(insights as InsightsMode)) {
    throw new ScenarioError(`Scenario insights=${insights} is not one of ${INSIGHTS.join(', ')}.`);
  }
  const tasksPerService = int('tasksPerService');
  const containersPerTask = int('containersPerTask');
  return validateScenario({
    services,
    ...(tasksPerService === undefined ? {} : { tasksPerService }),
    ...(containersPerTask === undefined ? {} : { containersPerTask }),
    ...(insights === undefined ? {} : { insights: insights as InsightsMode }),
  });
}

/**
 * Checks a sized scenario against the simulator's limits and returns it.
 * @throws ScenarioError when a size is out of range.
 */
export function validateScenario(scenario: SizedScenario): SizedScenario {
  const { services, tasksPerService = 2, containersPerTask = 2 } = scenario;
  if (!Number.isInteger(services) || services < 0 || services > MAX_SERVICES) {
    throw new ScenarioError(`Scenario services=${services} must be a whole number from 0 to ${MAX_SERVICES}.`);
  }
  if (!Number.isInteger(tasksPerService) || tasksPerService < 0 || services * tasksPerService > MAX_TASKS) {
    throw new ScenarioError(`Scenario has ${services} x ${tasksPerService} tasks; at most ${MAX_TASKS} tasks in all.`);
  }
  if (!Number.isInteger(containersPerTask) || containersPerTask < 1 || containersPerTask > MAX_CONTAINERS_PER_TASK) {
    throw new ScenarioError(`Scenario containersPerTask=${containersPerTask} must be from 1 to ${MAX_CONTAINERS_PER_TASK}.`);
  }
  return scenario;
}
