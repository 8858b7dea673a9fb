// Sized clusters for load tests and benchmarks: many uniform steady services, generated in one cheap pass.

import type { InsightsMode } from '../model/types.js';
import type { SizedScenario } from './scenario.js';
import type { SimCluster, SimContainerDef } from './world-types.js';
import type { World } from './world.js';
import { SIM_ACCOUNT } from './world.js';
import { createSteadyService, shellHealthCheck } from './steady-service.js';

const HOUR = 60 * 60 * 1000;
const WORDS = ['api', 'web', 'worker', 'orders', 'billing', 'search', 'auth', 'feed', 'media', 'mail', 'cache', 'etl'];
const SIDECARS = ['envoy', 'log-router', 'datadog-agent', 'otel-collector', 'xray-daemon', 'config-reloader'];

const APP_HEALTH_CHECK = shellHealthCheck('curl -fs http://localhost:8080/health || exit 1');

/** The sidecars of every task: the same definitions are shared by all services (they are immutable). */
function sidecars(count: number): SimContainerDef[] {
  // The app gets half the task's 1024 units; sidecars share the rest.
  const cpu = Math.floor(512 / Math.max(1, count - 1));
  return Array.from({ length: count - 1 }, (_, k) => ({
    name: SIDECARS[k] ?? `sidecar-${k + 1}`,
    image: `public.ecr.aws/sim/sidecar-${k + 1}:latest`,
    cpu,
    memoryReservation: 128,
    essential: false,
  }));
}

function containers(name: string, shared: readonly SimContainerDef[]): SimContainerDef[] {
  const app: SimContainerDef = {
    name: 'app',
    image: `${SIM_ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/${name}:v1.0.0`,
    cpu: 512,
    memory: 1024,
    essential: true,
    healthCheck: APP_HEALTH_CHECK,
  };
  return [app, ...shared];
}

/** Builds a sized cluster at clock time `now`. */
export function buildSizedCluster(world: World, name: string, scenario: SizedScenario, now: number): SimCluster {
  const insights: InsightsMode = scenario.insights ?? 'enabled';
  const cluster = world.addCluster(name, insights);
  const tasksPerService = scenario.tasksPerService ?? 2;
  const containersPerTask = scenario.containersPerTask ?? 2;
  const width = String(Math.max(1, scenario.services)).length;
  const shared = sidecars(containersPerTask);
  const size = { cpu: 1024, memory: 2048 };
  for (let i = 0; i < scenario.services; i++) {
    const serviceName = `${WORDS[i % WORDS.length]}-${String(i + 1).padStart(width, '0')}`;
    createSteadyService(
      world,
      cluster,
      {
        name: serviceName,
        size,
        containers: containers(serviceName, shared),
        desiredCount: tasksPerService,
        revision: world.rng.int(1, 80),
        deployedAgoMs: world.rng.int(4, 400) * HOUR,
      },
      now,
    );
  }
  return cluster;
}
