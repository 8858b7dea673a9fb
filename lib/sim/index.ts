// The simulated ECS + CloudWatch endpoint: the demo, the test bed and the benchmark rig.

export { startSimulator, type Simulator, type SimulatorOptions } from './simulator.js';
export { parseScenario, ScenarioError, MAX_SERVICES, MAX_TASKS, type Scenario, type SizedScenario } from './scenario.js';
export { parseFaultSpec, FaultSpecError, FAULT_SPEC_HELP, Faults, type FaultKind, type FaultRule, type OutageSpec } from './faults.js';
export { Ledger, type LedgerEntry } from './ledger.js';
export { SIM_ACCOUNT } from './world.js';
export { SIM_OPERATIONS } from './operations.js';
