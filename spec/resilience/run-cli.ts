// Runs the real executable (`node bin/ecs-monitor.js`) as a child process with pipes, in an isolated home
// directory, so the user's config, profiles and credentials never leak into a test.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.js';

/** The executable, as a user runs it. */
export const BIN = join(repoRoot, 'bin/ecs-monitor.js');

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * An environment with nothing of the user's AWS setup: no AWS_* variables, HOME and XDG_CONFIG_HOME in a new
 * empty directory (also used as the working directory), shared config files that do not exist, no instance
 * metadata lookups. `extra` is added on top.
 */
export function isolatedEnv(extra: Readonly<Record<string, string>> = {}): { env: Record<string, string>; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-monitor-resilience-'));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('AWS_') && !key.startsWith('ECS_MONITOR')) env[key] = value;
  }
  Object.assign(env, {
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, '.config'),
    AWS_CONFIG_FILE: join(dir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    CI: 'true',
    ...extra,
  });
  return { env, dir };
}

/**
 * Runs the executable with `args`, stdin closed and stdout/stderr piped (not a terminal). Resolves when it
 * exits; kills it with SIGKILL and rejects after `timeoutMs`. Asynchronous on purpose: a simulator in the
 * test process must keep answering while the child runs.
 */
export function runCli(args: readonly string[], options: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  const isolated = options.env === undefined ? isolatedEnv() : undefined;
  const env = options.env ?? isolated?.env;
  const cwd = options.cwd ?? isolated?.dir ?? repoRoot;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ecs-monitor ${args.join(' ')} did not exit in ${options.timeoutMs ?? 30_000} ms; stderr: ${stderr}`));
    }, options.timeoutMs ?? 30_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Runs `task` over `items` with at most `limit` at once (processes are heavy on a 2-core box); keeps order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
