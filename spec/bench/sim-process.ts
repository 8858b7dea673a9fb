// The simulator in its own process, so the monitor's memory and CPU are measured without the
// simulated world's. The parent drives it over the IPC channel (see SimProcess).
import { startSimulator } from '../../lib/sim/index.js';
import { isEntryPoint } from './entry.js';

/** Parent → simulator. */
export type SimRequest =
  | { readonly type: 'latency'; readonly ms: number }
  | { readonly type: 'ledger' }
  | { readonly type: 'reset' };

/** Simulator → parent. */
export type SimReply =
  | { readonly type: 'ready'; readonly endpoint: string; readonly clusterName: string; readonly region: string }
  | { readonly type: 'ok' }
  | { readonly type: 'ledger'; readonly counts: Record<string, number>; readonly maxConcurrency: number; readonly batches: Record<string, Record<number, number>>; readonly calls: { operation: string; at: number }[] };

async function serve(scenario: string): Promise<void> {
  const sim = await startSimulator({ scenario, living: false });
  const send = (reply: SimReply): void => {
    process.send?.(reply);
  };
  process.on('message', (request: SimRequest) => {
    switch (request.type) {
      case 'latency':
        sim.faults.clear();
        if (request.ms > 0) sim.faults.set({ kind: 'latency', ms: request.ms });
        send({ type: 'ok' });
        return;
      case 'ledger':
        send({
          type: 'ledger',
          counts: sim.ledger.countsByOperation(),
          maxConcurrency: sim.ledger.maxConcurrency,
          batches: { DescribeServices: sim.ledger.batchSizes('DescribeServices'), DescribeTasks: sim.ledger.batchSizes('DescribeTasks') },
          calls: sim.ledger.entries().map((e) => ({ operation: e.operation, at: e.at })),
        });
        return;
      case 'reset':
        sim.ledger.reset();
        send({ type: 'ok' });
        return;
    }
  });
  process.on('disconnect', () => void sim.close().then(() => process.exit(0)));
  send({ type: 'ready', endpoint: sim.endpoint, clusterName: sim.clusterName, region: sim.region });
}

if (isEntryPoint(import.meta.url)) {
  serve(process.argv[2] ?? 'demo').catch((error: unknown) => {
    process.stderr.write(`bench simulator failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
