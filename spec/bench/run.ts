// `npm run bench [-- --json] [-- --quick] [-- --scenario S,M]`: drives the real code paths (SDK clients →
// simulator over loopback → ECS and metrics sources → render functions), prints the figures and writes
// docs/benchmarks.md. Each scenario runs in a child process of its own so its RSS is its own.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, release, type } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { repoRoot } from '../support/paths.js';
import { closeAllTerminals } from '../support/terminal.js';
import { isEntryPoint } from './entry.js';
import { CONCURRENCY, LATENCY_MS } from './measure-scenario.js';
import type { ScenarioMeasurement } from './measure-scenario.js';
import { measureTerminal } from './measure-terminal.js';
import type { TerminalMeasurement } from './measure-terminal.js';
import { benchJson, benchmarksMarkdown, figuresMarkdown } from './report.js';
import type { BenchResults } from './report.js';
import { SCENARIOS, scenarioSpec } from './scenarios.js';
import { SimProcess } from './sim-handle.js';

/** Launches of the demo whose median first paint and first data are the targets' figures. */
const DEMO_LAUNCHES = 7;

const METHOD = [
  'Calls: the ECS source\'s own per-operation tally of one refresh (retries would count), checked against the simulator\'s ledger. The minimum of a first refresh is 1 DescribeClusters + ceil(S/100) ListServices + ceil(S/10) DescribeServices + ceil(T/100) ListTasks + ceil(T/100) DescribeTasks + min(task definitions, 12) DescribeTaskDefinition (the burst; in a cluster of more than 40 services the others wait for the screen to show their services, in a smaller one they follow at half of max_api_rate, counted apart as "paced") + 1 stopped ListTasks (+1 stopped DescribeTasks when any are listed). A steady refresh of a cluster that has not changed describes the known tasks by ARN and lists none: the same without ListTasks and DescribeTaskDefinition.',
  `Refresh: wall time of \`fetchSnapshot\` with ${LATENCY_MS} ms added to every call by the simulator's latency fault. Lower bound: the longest dependency chain (DescribeClusters; ListServices pages one after another, then the last DescribeServices; on a first refresh ListTasks pages one after another, then the last DescribeTasks, then task definitions; on a steady refresh the DescribeTasks of known tasks, all at once), or all calls spread over ${CONCURRENCY} in flight, whichever is longer, each step ${LATENCY_MS} ms.`,
  'Render: in-process, at 120×40, on the steady snapshot with metrics attached. "Render" is what the monitor screen does for each new snapshot: the view model built twice (as its sync does: select/filter/sort all services, the selected service\'s tree, details), then the visible table rows and the header. "Table" is select/sort (by name and by CPU) plus the visible rows; "tree" is the first service with every task expanded. Median and p95 of 200 samples (100 at XL) after 50 warm-up runs.',
  'RSS and heap: `process.memoryUsage()` of the scenario\'s process (clients, sources, snapshots, render) after the refreshes and the render samples, no collection forced; the simulator runs in another process. The process uses the executable\'s V8 settings (lib/cli/heap-settings.ts: after a full collection the old generation may grow to 1.5× what survived it) and holds what the monitor holds: the current ECS snapshot and its copy with metrics, attached for every service as when the table is sorted by CPU, the most the dashboard holds (the first refresh\'s snapshot is dropped once counted, as the poller drops it). The JSON\'s `peakRssMB` is the highest RSS up to that reading.',
  'Idle CPU: `ecs-monitor --cluster sim --interval 3600` in a pseudo-terminal at 120×40, pointed (AWS_ENDPOINT_URL) at the simulator in another process, so the simulated world is not in the monitor\'s heap; utime+stime of the monitor\'s process (every thread: V8\'s collector threads included) from /proc over a 30 s window (5 s with --quick) between two refreshes of a monitor that has been running: 30 s after the first services appear (the start-up transient, reported on its own below), `r` brings the second refresh, and the window opens 10 s after it; no refresh falls inside it. Whatever the monitor does meanwhile counts: the 1 Hz header tick, task definitions described at a steady pace (their number is counted from the simulator\'s ledger and shown next to the figure), collections. Between refreshes the monitor turns V8\'s incremental marking off, so V8\'s memory reducer (up to three full collections about 8 s after each refresh that grew the heap) cannot start (lib/cli/heap-settings.ts).',
  'Metrics per hour: an injected clock shared by the simulator and the sources. S runs the real Poller for 120 refreshes at 30 s; M, L and XL fetch the ECS snapshot once and attach metrics at the interval the poller would use at the defaults (30 s, max_api_rate 5 in the busiest throttling category, so stretched to its calls/5 s), which is what the poller hands the metrics source in a cluster that does not change. The count is the metrics source\'s own (metrics requested in the sliding hour). Focus: the first service, as the dashboard selects it; on screen: the table\'s first rows at 120×40 (every service on the first pass, before the screen has reported, as in the dashboard).',
  'Bucket left: the simulator\'s ledger times of one refresh (at 50 ms per call) replayed against each ECS throttling bucket of the account (aws-facts.md: 50 or 100 tokens, refill 20/s), full at the start, as if nothing else used it: the lowest level reached, as a share of the bucket. The budget test (spec/poller/api-budget.spec.ts) asserts the averages over time.',
  `First paint / first data: from spawning \`node bin/ecs-monitor.js\` in a pseudo-terminal to the first non-blank screen and to the first service name in the table: \`--demo\` (simulator inside, the demo cluster) for the targets, the median of ${DEMO_LAUNCHES} launches (each launch's first paint is listed below); each sized cluster's row against the external simulator, no added latency.`,
];

// Sized services are named like api-0001 (zero-padded to the width of the count): api-…1 sorts first.
const FIRST_SIZED_SERVICE = /\bapi-0*1\b/;

function runScenarioChild(name: string): Promise<ScenarioMeasurement> {
  const script = fileURLToPath(new URL('./measure-scenario.js', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, name], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as ScenarioMeasurement);
      else reject(new Error(`scenario ${name} exited with ${code}:\n${err.trim()}`));
    });
  });
}

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      scenario: { type: 'string' },
      'no-terminal': { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const wanted = values.scenario === undefined ? SCENARIOS.map((s) => s.name) : values.scenario.split(',').map((s) => s.trim().toUpperCase());
  const unknown = wanted.filter((w) => !SCENARIOS.some((s) => s.name === w));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}\n`);
    return 2;
  }
  const progress = (line: string): void => {
    process.stderr.write(`bench: ${line}\n`);
  };
  const idleWindowMs = values.quick ? 5_000 : 30_000;
  const machine = {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    node: process.version,
    os: `${type()} ${release()}`,
    loadAverage: loadavg(),
  };
  const command = `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`;

  const problems: string[] = [];
  // A dashboard that fails to start (another engineer's half-built dist, say) costs its figures, not the run.
  const tryTerminal = async (label: string, run: () => Promise<TerminalMeasurement>): Promise<TerminalMeasurement | undefined> => {
    try {
      return await run();
    } catch (error) {
      const first = (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 2).join(' ');
      problems.push(`${label}: the dashboard measurement failed: ${first}`);
      progress(`${label}: dashboard measurement failed: ${first}`);
      return undefined;
    }
  };
  let demo: TerminalMeasurement | undefined;
  const demoRuns: TerminalMeasurement[] = [];
  if (!values['no-terminal']) {
    // First, on a machine the large scenarios have not just worked: start-up time is what it measures.
    progress('demo: first paint and first data…');
    // The median of several launches: a slow start or two (a cold disk cache, a busy machine) do not decide it.
    const runs: TerminalMeasurement[] = [];
    for (let i = 0; i < DEMO_LAUNCHES; i++) {
      const run = await tryTerminal('demo', () => measureTerminal({ firstService: /\bapi-gateway\b/, idleWindowMs: i === 0 ? idleWindowMs : 0, timeoutMs: 60_000 }));
      if (run !== undefined) runs.push(run);
    }
    demoRuns.push(...runs);
    const median = (pick: (t: TerminalMeasurement) => number): number => [...runs.map(pick)].sort((a, b) => a - b)[Math.floor((runs.length - 1) / 2)] ?? 0;
    if (runs.length > 0) {
      demo = { firstPaintMs: median((t) => t.firstPaintMs), firstDataMs: median((t) => t.firstDataMs), idleCpuPct: runs[0]?.idleCpuPct, idleWindowMs: runs[0]?.idleWindowMs ?? 0 };
    }
  }
  const scenarios: BenchResults['scenarios'][number][] = [];
  for (const scenario of SCENARIOS.filter((s) => wanted.includes(s.name))) {
    progress(`${scenario.name}: refreshes, render, memory, metrics hour…`);
    const measured = await runScenarioChild(scenario.name);
    let terminal: TerminalMeasurement | undefined;
    if (!values['no-terminal']) {
      progress(`${scenario.name}: dashboard in a pseudo-terminal, idle for ${idleWindowMs / 1000} s…`);
      const sim = await SimProcess.start(scenarioSpec(scenario));
      try {
        terminal = await tryTerminal(scenario.name, () =>
          measureTerminal({
            external: { endpoint: sim.endpoint, cluster: sim.clusterName, region: sim.region },
            firstService: FIRST_SIZED_SERVICE,
            idleWindowMs,
            timeoutMs: 180_000,
            ledger: { reset: () => sim.resetLedger(), counts: async () => (await sim.ledger()).counts },
          }),
        );
      } finally {
        await sim.stop();
      }
    }
    scenarios.push({ measured, terminal });
  }
  await closeAllTerminals();

  const results: BenchResults = {
    scenarios,
    demo,
    demoFirstPaintsMs: demoRuns.map((t) => t.firstPaintMs),
    machine,
    command,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    latencyMs: LATENCY_MS,
    concurrency: CONCURRENCY,
    quick: values.quick,
    problems,
  };
  const json = benchJson(results);
  if (!values['no-write']) writeFileSync(join(repoRoot, 'docs', 'benchmarks.md'), benchmarksMarkdown(json, results, METHOD));
  if (values.json) process.stdout.write(`${JSON.stringify(json)}\n`);
  else process.stdout.write(`${figuresMarkdown(json).join('\n')}\n${values['no-write'] ? '' : '\nWritten to docs/benchmarks.md\n'}`);
  return 0;
}

if (isEntryPoint(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
