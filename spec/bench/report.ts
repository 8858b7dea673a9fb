// Turns the measurements into the issue's JSON shape, the pass/fail targets, a terminal table and
// docs/benchmarks.md. Pure: everything it prints comes from its arguments.
import type { ScenarioMeasurement } from './measure-scenario.js';
import type { TerminalMeasurement } from './measure-terminal.js';
import { total } from './scenarios.js';

/** Everything one bench run measured. */
export interface BenchResults {
  readonly scenarios: readonly { readonly measured: ScenarioMeasurement; readonly terminal: TerminalMeasurement | undefined }[];
  /** The built-in demo cluster in a pseudo-terminal (first paint, first data): the medians of its launches. */
  readonly demo: TerminalMeasurement | undefined;
  /** Each launch's first paint, ms, in the order measured. */
  readonly demoFirstPaintsMs: readonly number[];
  readonly machine: { readonly cpu: string; readonly cores: number; readonly node: string; readonly os: string; readonly loadAverage: readonly number[] };
  readonly command: string;
  readonly date: string;
  readonly latencyMs: number;
  readonly concurrency: number;
  readonly quick: boolean;
  /** Measurements that could not be taken, one sentence each. */
  readonly problems: readonly string[];
}

/** One scenario in the issue's JSON shape, plus the detail behind each figure. */
export interface ScenarioJson {
  readonly name: string;
  readonly services: number;
  readonly tasks: number;
  readonly containers: number;
  /** ECS calls of a steady refresh (task definitions cached). */
  readonly calls: number;
  readonly minCalls: number;
  readonly callsByOperation: Record<string, number>;
  /** The first refresh, which also describes every task definition once. */
  readonly firstRefreshCalls: number;
  readonly firstRefreshMinCalls: number;
  /** Steady refresh wall time at 50 ms per call. */
  readonly refreshMs: number;
  readonly refreshLowerBoundMs: number;
  readonly firstRefreshMs: number;
  readonly firstRefreshLowerBoundMs: number;
  /** The monitor screen's work for one new snapshot (table and tree and details), p95. */
  readonly renderP95Ms: number;
  readonly renderMedianMs: number;
  readonly tableP95Ms: number;
  readonly treeP95Ms: number;
  readonly rssMB: number;
  readonly heapUsedMB: number;
  /** Highest RSS of the scenario's process up to the reading (the first refresh's peak). */
  readonly peakRssMB: number;
  readonly idleCpuPct: number | null;
  /** AWS calls the monitor made during the idle window (null when not counted). */
  readonly idleCalls: Record<string, number> | null;
  /** CPU spent from the first data to the second refresh (the start-up transient), ms; null when not measured. */
  readonly startupCpuMs: number | null;
  /** RSS of the dashboard's process at the end of the idle window, MB; null when not measured. */
  readonly idleRssMB: number | null;
  readonly metricsPerHour: number;
  readonly metricsAttachMs: number;
  readonly firstPaintMs: number | null;
  readonly firstDataMs: number | null;
  /** Per ECS throttling category, the share of the account's bucket a steady refresh leaves at its worst moment. */
  readonly bucketLeft: Record<string, number>;
  readonly firstRefreshBucketLeft: Record<string, number>;
}

export interface Target {
  readonly name: string;
  readonly value: number | null;
  readonly limit: number;
  readonly pass: boolean;
}

export interface BenchJson {
  readonly scenarios: readonly ScenarioJson[];
  readonly targets: readonly Target[];
  readonly demo: {
    readonly firstPaintMs: number | null;
    readonly firstDataMs: number | null;
    readonly idleCpuPct: number | null;
    /** Each launch's first paint, ms: the spread behind the median. */
    readonly firstPaintRunsMs: readonly number[];
  };
  readonly machine: BenchResults['machine'];
  readonly command: string;
  readonly date: string;
}

const ratio = (calls: number, min: number): number => (min === 0 ? (calls === 0 ? 1 : Infinity) : Math.round((calls / min) * 100) / 100);

function scenarioJson({ measured: m, terminal: t }: BenchResults['scenarios'][number]): ScenarioJson {
  return {
    name: m.name,
    services: m.services,
    tasks: m.tasks,
    containers: m.containers,
    calls: total(m.warm.calls),
    minCalls: total(m.warm.minCalls),
    callsByOperation: m.warm.calls,
    firstRefreshCalls: total(m.cold.calls),
    firstRefreshMinCalls: total(m.cold.minCalls),
    refreshMs: m.warm.ms,
    refreshLowerBoundMs: m.warm.lowerBoundMs,
    firstRefreshMs: m.cold.ms,
    firstRefreshLowerBoundMs: m.cold.lowerBoundMs,
    renderP95Ms: m.render.frame.p95Ms,
    renderMedianMs: m.render.frame.medianMs,
    tableP95Ms: Math.max(m.render.table.p95Ms, m.render.tableByCpu.p95Ms),
    treeP95Ms: m.render.tree.p95Ms,
    rssMB: m.rssMB,
    heapUsedMB: m.heapUsedMB,
    peakRssMB: m.peakRssMB,
    idleCpuPct: t?.idleCpuPct ?? null,
    idleCalls: t?.idleCalls === undefined ? null : { ...t.idleCalls },
    startupCpuMs: t?.startupCpuMs ?? null,
    idleRssMB: t?.idleRssMB ?? null,
    metricsPerHour: m.metricsHour.metricsPerHour,
    metricsAttachMs: m.metricsAttachMs,
    firstPaintMs: t?.firstPaintMs ?? null,
    firstDataMs: t?.firstDataMs ?? null,
    bucketLeft: m.warm.bucketLeft,
    firstRefreshBucketLeft: m.cold.bucketLeft,
  };
}

function target(name: string, value: number | null | undefined, limit: number): Target {
  const v = value ?? null;
  return { name, value: v, limit, pass: v !== null && v <= limit };
}

function targets(scenarios: readonly ScenarioJson[], demo: TerminalMeasurement | undefined): Target[] {
  const list: Target[] = [];
  for (const s of scenarios) {
    list.push(target(`${s.name} calls/minCalls (steady refresh)`, ratio(s.calls, s.minCalls), 1));
    list.push(target(`${s.name} calls/minCalls (first refresh)`, ratio(s.firstRefreshCalls, s.firstRefreshMinCalls), 1));
  }
  const by = (name: string): ScenarioJson | undefined => scenarios.find((s) => s.name === name);
  const refreshLimits: Record<string, number> = { L: 2_000, XL: 8_000 };
  for (const [name, limit] of Object.entries(refreshLimits)) {
    const s = by(name);
    if (s) list.push(target(`${name} refresh at 50 ms/call (ms)`, s.refreshMs, limit));
  }
  for (const s of scenarios) list.push(target(`${s.name} render p95 (ms)`, s.renderP95Ms, s.name === 'XL' ? 33 : 16));
  const rssLimits: Record<string, number> = { L: 150, XL: 300 };
  for (const [name, limit] of Object.entries(rssLimits)) {
    const s = by(name);
    if (s) list.push(target(`${name} RSS (MB)`, s.rssMB, limit));
  }
  for (const s of scenarios) if (s.idleCpuPct !== null) list.push(target(`${s.name} idle CPU (% of a core)`, s.idleCpuPct, 0.5));
  const small = by('S');
  if (small) list.push(target('S CloudWatch metrics per hour', small.metricsPerHour, 3_000));
  if (demo) {
    list.push(target('demo first paint (ms)', demo.firstPaintMs, 300));
    list.push(target('demo first data (ms)', demo.firstDataMs, 1_000));
  }
  return list;
}

/** The issue's JSON object. */
export function benchJson(results: BenchResults): BenchJson {
  const scenarios = results.scenarios.map(scenarioJson);
  return {
    scenarios,
    targets: targets(scenarios, results.demo),
    demo: {
      firstPaintMs: results.demo?.firstPaintMs ?? null,
      firstDataMs: results.demo?.firstDataMs ?? null,
      idleCpuPct: results.demo?.idleCpuPct ?? null,
      firstPaintRunsMs: [...results.demoFirstPaintsMs],
    },
    machine: results.machine,
    command: results.command,
    date: results.date,
  };
}

const fmt = (v: number | null, digits = 0): string => (v === null ? '-' : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map((_h, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** The figures as Markdown tables (also what the terminal shows). */
export function figuresMarkdown(json: BenchJson): string[] {
  const s = json.scenarios;
  const lines = table(
    ['Scenario', 'Services / tasks / containers', 'Calls (min)', 'First refresh calls (min)', 'Refresh ms (bound)', 'First refresh ms (bound)', 'Render p50 / p95 ms', 'Table / tree p95 ms', 'RSS / heap MB', 'Idle CPU %', 'Metrics/h', 'First paint / data ms'],
    s.map((x) => [
      x.name,
      `${fmt(x.services)} / ${fmt(x.tasks)} / ${fmt(x.containers)}`,
      `${fmt(x.calls)} (${fmt(x.minCalls)})`,
      `${fmt(x.firstRefreshCalls)} (${fmt(x.firstRefreshMinCalls)})`,
      `${fmt(x.refreshMs)} (${fmt(x.refreshLowerBoundMs)})`,
      `${fmt(x.firstRefreshMs)} (${fmt(x.firstRefreshLowerBoundMs)})`,
      `${fmt(x.renderMedianMs, 2)} / ${fmt(x.renderP95Ms, 2)}`,
      `${fmt(x.tableP95Ms, 2)} / ${fmt(x.treeP95Ms, 2)}`,
      `${fmt(x.rssMB)} / ${fmt(x.heapUsedMB)}`,
      x.idleCalls !== null && total(x.idleCalls) > 0 ? `${fmt(x.idleCpuPct, 2)} (${fmt(total(x.idleCalls))} calls)` : fmt(x.idleCpuPct, 2),
      fmt(x.metricsPerHour),
      `${fmt(x.firstPaintMs)} / ${fmt(x.firstDataMs)}`,
    ]),
  );
  const ops = [...new Set(s.flatMap((x) => Object.keys(x.callsByOperation)))].sort();
  const byOp = table(['Steady refresh calls', ...s.map((x) => x.name)], ops.map((op) => [op, ...s.map((x) => fmt(x.callsByOperation[op] ?? 0))]));
  const categories = [...new Set(s.flatMap((x) => Object.keys(x.bucketLeft)))];
  const buckets = table(
    ['Bucket left at the worst moment (steady / first refresh)', ...s.map((x) => x.name)],
    categories.map((c) => [c, ...s.map((x) => `${fmt(x.bucketLeft[c] ?? null, 2)} / ${fmt(x.firstRefreshBucketLeft[c] ?? null, 2)}`)]),
  );
  const t = table(['Target', 'Value', 'Limit', 'Result'], json.targets.map((x) => [x.name, fmt(x.value, 2), fmt(x.limit, Number.isInteger(x.limit) ? 0 : 1), x.pass ? 'pass' : '**FAIL**']));
  return [...lines, '', ...byOp, '', ...buckets, '', ...t];
}

/** Notes derived from the figures, so the document never claims what the run did not show. */
export function derivedNotes(json: BenchJson): string[] {
  const notes: string[] = [];
  for (const s of json.scenarios) {
    const limit = s.name === 'L' ? 2_000 : s.name === 'XL' ? 8_000 : undefined;
    if (limit !== undefined && s.refreshLowerBoundMs > limit) {
      notes.push(
        `${s.name}: the refresh target (${fmt(limit)} ms) is below the critical-path lower bound (${fmt(s.refreshLowerBoundMs)} ms): ` +
          `ListTasks pages follow each other (each needs the previous page's nextToken), so ${fmt(Math.ceil(s.tasks / 100))} pages at 50 ms ` +
          `cannot take less, whatever the concurrency. The measured ${fmt(s.refreshMs)} ms is ${fmt(s.refreshMs / s.refreshLowerBoundMs, 2)}× the bound.`,
      );
    }
  }
  for (const s of json.scenarios) {
    const drained = Object.entries(s.bucketLeft).filter(([, left]) => left < 0.75);
    const drainedFirst = Object.entries(s.firstRefreshBucketLeft).filter(([, left]) => left < 0.75);
    if (drained.length > 0 || drainedFirst.length > 0) {
      const say = (list: [string, number][]): string => list.map(([c, left]) => `${c} ${left < 0 ? 'overdrawn' : `down to ${Math.round(left * 100)} %`}`).join(', ');
      notes.push(
        `${s.name}: within a refresh the monitor spends more than a quarter of an account bucket ` +
          `(${drained.length > 0 ? `steady: ${say(drained)}` : 'steady: none'}; ${drainedFirst.length > 0 ? `first refresh: ${say(drainedFirst)}` : 'first refresh: none'}). ` +
          'max_api_rate keeps the average within a quarter of the refill rate, but the calls of one refresh arrive together; on AWS, "overdrawn" means throttling for the monitor and for deployments in the account until the bucket refills.',
      );
    }
  }
  const startup = json.scenarios.filter((s) => s.startupCpuMs !== null);
  if (startup.length > 0) {
    notes.push(
      `CPU of the start-up transient, from the first data to the second refresh (30 s; not in the idle figure): ` +
        startup.map((s) => `${s.name} ${fmt(s.startupCpuMs ?? 0)} ms`).join(', ') + '.',
    );
  }
  const paints = json.demo.firstPaintRunsMs;
  if (paints.length > 1) {
    notes.push(
      `Demo first paint over ${paints.length} launches: ${fmt(Math.min(...paints))}–${fmt(Math.max(...paints))} ms ` +
        `(${paints.map((p) => fmt(p)).join(', ')}); the target is checked on the median, ${fmt(json.demo.firstPaintMs)} ms.`,
    );
  }
  const idleRss = json.scenarios.filter((s) => s.idleRssMB !== null);
  if (idleRss.length > 0) {
    notes.push(
      'RSS of the dashboard process at the end of the idle window (between refreshes V8 keeps the heap the last refresh needed, see the idle CPU method): ' +
        idleRss.map((s) => `${s.name} ${fmt(s.idleRssMB ?? 0)} MB`).join(', ') + '.',
    );
  }
  for (const s of json.scenarios) {
    const calls = s.idleCalls === null ? [] : Object.entries(s.idleCalls).filter(([, n]) => n > 0);
    if (calls.length > 0) {
      notes.push(
        `${s.name}: the idle window was not free of AWS calls (${calls.map(([op, n]) => `${fmt(n)} ${op}`).join(', ')}); ` +
          'its CPU figure includes them.',
      );
    }
  }
  for (const s of json.scenarios) {
    if (s.calls !== s.minCalls) notes.push(`${s.name}: a steady refresh made ${s.calls} ECS calls where ${s.minCalls} suffice.`);
  }
  return notes;
}

/** docs/benchmarks.md. */
export function benchmarksMarkdown(json: BenchJson, results: BenchResults, method: readonly string[]): string {
  const m = json.machine;
  const out = [
    '# Benchmarks',
    '',
    `Written by \`${json.command}\` on ${json.date}. Do not edit by hand: run the bench again.`,
    '',
    'Options: `--scenario S,M` picks scenarios, `--quick` shortens the idle window, `--json` prints the figures as one JSON ' +
      'object (use `npm run -s bench -- --json`: without `-s` npm prints its script banner on stdout first). About 7 minutes in all.',
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.os}; load average at the start ${m.loadAverage.map((x) => x.toFixed(2)).join(' / ')}` +
      ` (other work on the machine shifts every timing, so read the timings as ±20 %).` +
      (results.quick ? ' Quick run: shorter idle window and fewer render samples.' : ''),
    '',
    `Every ECS and CloudWatch call crosses loopback to the simulator with ${results.latencyMs} ms of added latency; the ECS source runs ` +
      `${results.concurrency} calls at once. "Refresh" is a steady refresh (the running tasks known, task definitions cached); "first refresh" ` +
      'lists every task and describes the first 12 task definitions. Bounds are the critical-path lower bounds described below.',
    '',
    ...figuresMarkdown(json),
    '',
  ];
  const notes = [...results.problems, ...derivedNotes(json)];
  if (notes.length > 0) out.push('## What the figures say', '', ...notes.map((n) => `- ${n}`), '');
  out.push('## How each figure is measured', '', ...method.map((l) => `- ${l}`), '');
  return `${out.join('\n')}`;
}
