// `npm run sim -- --port 4566 [--scenario ...] [--fault ...] [--seed N]`: the simulator as a standalone
// server, so the AWS CLI or any SDK can be pointed at it. Runs only when executed, never on import.

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FAULT_SPEC_HELP, parseFaultSpec, type FaultRule, type OutageSpec } from './faults.js';
import { startSimulator } from './simulator.js';

/** Usage text of `npm run sim`. */
export const SIM_USAGE = `Usage: npm run sim -- [options]
  --port N            port on 127.0.0.1 (default 4566; 0 = any free port)
  --scenario S        demo (default), hostile, or services=N[,tasksPerService=N][,containersPerTask=N][,insights=disabled|enabled|enhanced]
  --cluster NAME      name of the main cluster
  --extra-clusters A,B  more clusters with a few services each
  --seed N            seed for the generated world (default 1)
  --static            no living data (the world does not change)
${FAULT_SPEC_HELP}
Point a client at it: AWS_ENDPOINT_URL=http://127.0.0.1:4566 AWS_ACCESS_KEY_ID=sim AWS_SECRET_ACCESS_KEY=sim aws ecs list-clusters --region us-east-1`;

/**
 * Parses the command line and starts the simulator; resolves with a function that stops it.
 * @throws on invalid flags (RangeError for a bad port or seed), scenario or fault specs, or when the port is taken.
 */
export async function runSimCli(argv: readonly string[], print: (line: string) => void): Promise<(() => Promise<void>) | undefined> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '4566' },
      scenario: { type: 'string', default: 'demo' },
      cluster: { type: 'string' },
      'extra-clusters': { type: 'string' },
      seed: { type: 'string', default: '1' },
      static: { type: 'boolean', default: false },
      fault: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    print(SIM_USAGE);
    return undefined;
  }
  const faults: (FaultRule | OutageSpec)[] = [];
  for (const spec of values.fault) {
    const parsed = parseFaultSpec(spec);
    if (Array.isArray(parsed)) faults.push(...parsed);
    else faults.push(parsed as OutageSpec);
  }
  const port = Number(values.port);
  const seed = Number(values.seed);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`--port ${values.port} is not a port number (0-65535).`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`--seed ${values.seed} is not a whole number.`);
  const sim = await startSimulator({
    port,
    scenario: values.scenario,
    seed,
    faults,
    ...(values.cluster === undefined ? {} : { clusterName: values.cluster }),
    ...(values['extra-clusters'] === undefined ? {} : { extraClusters: values['extra-clusters'].split(',').filter(Boolean) }),
    ...(values.static ? { living: false } : {}),
  });
  print(`Simulated ECS + CloudWatch endpoint listening on ${sim.endpoint} (region ${sim.region}, cluster ${sim.clusterName})`);
  return () => sim.close();
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch (error) {
    process.emitWarning(`cannot tell whether sim/main.js is the entry point: ${String(error)}`);
    return false;
  }
}

if (isMainModule()) {
  runSimCli(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)).then(
    (stop) => {
      if (!stop) return;
      const shutdown = (): void => void stop().then(() => process.exit(0));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
