// The parent's side of sim-process.ts: start it, set latency, read its ledger.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SimReply, SimRequest } from './sim-process.js';

/** A simulator running in a child process. */
export class SimProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly endpoint: string,
    readonly clusterName: string,
    readonly region: string,
  ) {}

  /**
   * Forks the simulator with a scenario string and waits until it listens. `execArgv` goes to its
   * node (e.g. `--cpu-prof` when profiling).
   * @throws when the child exits or fails before it is ready.
   */
  static async start(scenario: string, execArgv: readonly string[] = []): Promise<SimProcess> {
    const script = fileURLToPath(new URL('./sim-process.js', import.meta.url));
    const child = fork(script, [scenario], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [...execArgv] });
    const ready = await new Promise<Extract<SimReply, { type: 'ready' }>>((resolve, reject) => {
      child.once('message', (reply: SimReply) => {
        if (reply.type === 'ready') resolve(reply);
        else reject(new Error(`simulator sent ${reply.type} before ready`));
      });
      child.once('exit', (code) => reject(new Error(`simulator exited with ${code} before it was ready`)));
    });
    return new SimProcess(child, ready.endpoint, ready.clusterName, ready.region);
  }

  private ask<T extends SimReply['type']>(request: SimRequest, expect: T): Promise<Extract<SimReply, { type: T }>> {
    return new Promise((resolve, reject) => {
      this.child.once('message', (reply: SimReply) => {
        if (reply.type === expect) resolve(reply as Extract<SimReply, { type: T }>);
        else reject(new Error(`simulator answered ${reply.type}, expected ${expect}`));
      });
      this.child.send(request);
    });
  }

  /** Every call answered `ms` later (0 removes the delay). */
  async setLatency(ms: number): Promise<void> {
    await this.ask({ type: 'latency', ms }, 'ok');
  }

  async resetLedger(): Promise<void> {
    await this.ask({ type: 'reset' }, 'ok');
  }

  ledger(): Promise<Extract<SimReply, { type: 'ledger' }>> {
    return this.ask({ type: 'ledger' }, 'ledger');
  }

  /** Stops the simulator process. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    await exited;
  }
}
