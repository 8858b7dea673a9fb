// The simulated ECS + CloudWatch endpoint: the demo, the test bed and the benchmark rig.
//
//   const sim = await startSimulator({ scenario: 'demo', seed: 1, now: clock.now, tickIntervalMs: 0 });
//   new ECSClient({ region: sim.region, endpoint: sim.endpoint, credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' } });
//   sim.faults.set(parseFaultSpec('throttle:DescribeTasks=3'));   // or { kind: 'throttle', operation, rate | count }
//   sim.tick();                                                   // living data: one step at now()
//   sim.ledger.countsByOperation(); sim.ledger.batchSizes('DescribeServices'); sim.ledger.maxConcurrency;
//   await sim.close();
//
// Operations: ListClusters, DescribeClusters, ListServices, DescribeServices, ListTasks, DescribeTasks,
// DescribeTaskDefinition (ECS, AWS JSON 1.1) and GetMetricData (CloudWatch, AWS JSON 1.0 query-compatible),
// with AWS's page sizes, batch limits and error codes. Fault grammar: FAULT_SPEC_HELP.

export { startSimulator, type Simulator, type SimulatorOptions } from './simulator.js';
export { parseScenario, ScenarioError, MAX_SERVICES, MAX_TASKS, type Scenario, type SizedScenario } from './scenario.js';
export { parseFaultSpec, FaultSpecError, FAULT_SPEC_HELP, Faults, type FaultKind, type FaultRule, type OutageSpec } from './faults.js';
export { Ledger, type LedgerEntry } from './ledger.js';
export { SIM_ACCOUNT } from './world.js';
export { SIM_OPERATIONS } from './operations.js';
