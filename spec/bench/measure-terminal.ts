// What a person at the terminal pays: time from launch to the first painted frame and to the first
// services on screen, and the CPU the dashboard burns while it sits idle between refreshes. The
// program runs in a pseudo-terminal (spec/support/terminal.ts), exactly as a user would start it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot } from '../support/paths.js';
import { startTerminal } from '../support/terminal.js';

export interface TerminalMeasurement {
  /** Launch to the first non-blank screen. */
  readonly firstPaintMs: number;
  /** Launch to the first service name in the table. */
  readonly firstDataMs: number;
  /** CPU of the dashboard process over the idle window, percent of one core; undefined off Linux. */
  readonly idleCpuPct: number | undefined;
  readonly idleWindowMs: number;
  /** AWS calls the simulator answered during the idle window, by operation (external simulator only). */
  readonly idleCalls?: Readonly<Record<string, number>>;
  /** CPU from the first data to the second refresh (the start-up transient), ms. */
  readonly startupCpuMs?: number;
  /** Resident memory of the dashboard process at the end of the idle window, MB; undefined off Linux. */
  readonly idleRssMB?: number;
}

/** The external simulator's call ledger, so the idle window can say what the monitor asked AWS meanwhile. */
export interface CallLedger {
  reset(): Promise<void>;
  counts(): Promise<Readonly<Record<string, number>>>;
}

/** Wait after the refresh before the idle window opens. */
export const SETTLE_MS = 10_000;
/** Wait after the first data for the start-up transient to run out, before the second refresh. */
export const STARTUP_SETTLE_MS = 30_000;

/** A file of a process under /proc (Linux); undefined where there is none. */
function readProc(pid: number, name: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** utime + stime of a process in ms, from /proc (Linux); undefined elsewhere. */
function processCpuMs(pid: number): number | undefined {
  const stat = readProc(pid, 'stat');
  if (stat === undefined) return undefined;
  // The command name may hold spaces and parentheses: fields are counted after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  // USER_HZ is 100 on every Linux this runs on.
  return Number.isFinite(ticks) ? ticks * 10 : undefined;
}

/** Resident memory of a process in MB, from /proc (Linux); undefined elsewhere. */
function processRssMB(pid: number): number | undefined {
  const kB = /^VmRSS:\s+(\d+) kB$/m.exec(readProc(pid, 'status') ?? '')?.[1];
  return kB === undefined ? undefined : Math.round((Number(kB) / 1024) * 10) / 10;
}

/**
 * Starts `ecs-monitor --demo` (with `scenario` when given), or `ecs-monitor --cluster` against an
 * external simulator, at 120×40, times the first paint and the
 * first row matching `firstService`, then measures CPU over `idleWindowMs` with the interval long
 * enough that no refresh falls inside the window (with `idleWindowMs` 0, only the two times).
 * @throws when the dashboard does not show data within `timeoutMs`.
 */
export async function measureTerminal(options: {
  readonly scenario?: string;
  /** A simulator in another process to point the dashboard at instead of `--demo` (so its heap is not the monitor's). */
  readonly external?: { readonly endpoint: string; readonly cluster: string; readonly region: string };
  readonly firstService: RegExp;
  readonly idleWindowMs: number;
  readonly timeoutMs: number;
  readonly ledger?: CallLedger;
}): Promise<TerminalMeasurement> {
  // An empty home: no user config file or AWS profile can change what is measured.
  const home = mkdtempSync(join(tmpdir(), 'ecs-monitor-bench-'));
  const args = [join(repoRoot, 'bin', 'ecs-monitor.js'), '--interval', '3600'];
  const env: Record<string, string | undefined> = { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), AWS_PROFILE: undefined, AWS_CONFIG_FILE: undefined };
  if (options.external === undefined) {
    args.push('--demo');
    if (options.scenario !== undefined) args.push('--scenario', options.scenario);
  } else {
    // The SDK honours AWS_ENDPOINT_URL; dummy keys, since the simulator checks no signatures.
    args.push('--cluster', options.external.cluster, '--region', options.external.region);
    Object.assign(env, { AWS_ENDPOINT_URL: options.external.endpoint, AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench', AWS_SESSION_TOKEN: undefined });
  }
  const launched = performance.now();
  const term = await startTerminal({
    command: process.execPath,
    args,
    cwd: home,
    env,
  });
  try {
    await term.waitFor(() => term.screenText().some((line) => line.trim() !== ''), 'the first frame', { timeoutMs: options.timeoutMs });
    const firstPaintMs = performance.now() - launched;
    await term.waitForText(options.firstService, { timeoutMs: options.timeoutMs });
    const firstDataMs = performance.now() - launched;
    let startupCpuMs: number | undefined;
    if (options.idleWindowMs > 0) {
      // The window is between two refreshes of a monitor that has been running: first the start-up
      // transient runs out (paced task-definition describes, the first refresh's last collections), then
      // a second refresh comes, as the interval would bring it (`r`), and the window follows it.
      const startupFrom = processCpuMs(term.pid);
      await new Promise((resolve) => setTimeout(resolve, STARTUP_SETTLE_MS));
      const startupTo = processCpuMs(term.pid);
      startupCpuMs = startupFrom === undefined || startupTo === undefined ? undefined : startupTo - startupFrom;
      const updated = (): string | undefined => /Updated \d\d:\d\d:\d\d/.exec(term.screenText().join('\n'))?.[0];
      const first = updated();
      term.press('r');
      await term.waitFor(() => updated() !== undefined && updated() !== first, 'the second refresh', { timeoutMs: options.timeoutMs });
    }
    if (options.idleWindowMs <= 0) return { firstPaintMs: Math.round(firstPaintMs), firstDataMs: Math.round(firstDataMs), idleCpuPct: undefined, idleWindowMs: 0 };
    // Let the redraws and the collection after the refresh finish before the window opens.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    await options.ledger?.reset();
    const before = processCpuMs(term.pid);
    const windowStart = performance.now();
    await new Promise((resolve) => setTimeout(resolve, options.idleWindowMs));
    const after = processCpuMs(term.pid);
    const windowMs = performance.now() - windowStart;
    const idleRssMB = processRssMB(term.pid);
    const idleCalls = await options.ledger?.counts();
    const idleCpuPct = before === undefined || after === undefined ? undefined : Math.round(((after - before) / windowMs) * 100 * 100) / 100;
    return {
      firstPaintMs: Math.round(firstPaintMs),
      firstDataMs: Math.round(firstDataMs),
      idleCpuPct,
      idleWindowMs: Math.round(windowMs),
      ...(idleCalls === undefined ? {} : { idleCalls }),
      ...(startupCpuMs === undefined ? {} : { startupCpuMs }),
      ...(idleRssMB === undefined ? {} : { idleRssMB }),
    };
  } finally {
    await term.close();
    rmSync(home, { recursive: true, force: true });
  }
}
