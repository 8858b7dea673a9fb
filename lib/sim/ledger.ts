// The ledger records every request the simulator answers, so tests and benchmarks can count API calls,
// batch sizes and concurrency the way an AWS bill or a throttling quota would.

/** One answered (or dropped) request. */
export interface LedgerEntry {
  readonly operation: string;
  /** Simulator clock (epoch ms) when the request arrived. */
  readonly at: number;
  /** Names, tasks or queries in the request; 1 for operations without a batch. */
  readonly batchSize: number;
  /** `ok`, the error code sent (e.g. `ThrottlingException`), or `reset` for a dropped connection. */
  readonly outcome: string;
}

/** Counts of API use, readable by tests. */
export class Ledger {
  private readonly list: LedgerEntry[] = [];
  private inFlightNow = 0;
  private maxInFlightSeen = 0;

  /** Records a finished request. */
  record(entry: LedgerEntry): void {
    this.list.push(entry);
  }

  /** Marks a request as started; call `finish()` exactly once when it is answered or dropped. */
  start(): void {
    this.inFlightNow++;
    if (this.inFlightNow > this.maxInFlightSeen) this.maxInFlightSeen = this.inFlightNow;
  }

  /** Marks a started request as finished. */
  finish(): void {
    this.inFlightNow = Math.max(0, this.inFlightNow - 1);
  }

  /** Every recorded request, oldest first. */
  entries(): readonly LedgerEntry[] {
    return [...this.list];
  }

  /** Requests recorded, optionally only for one operation and/or one outcome. */
  count(operation?: string, outcome?: string): number {
    return this.list.filter(
      (e) => (operation === undefined || e.operation === operation) && (outcome === undefined || e.outcome === outcome),
    ).length;
  }

  /** Requests per operation, e.g. `{ ListServices: 3, DescribeServices: 12 }`. */
  countsByOperation(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const e of this.list) counts[e.operation] = (counts[e.operation] ?? 0) + 1;
    return counts;
  }

  /** Requests of one operation per batch size, e.g. `{ 10: 4, 3: 1 }` for DescribeServices. */
  batchSizes(operation: string): Record<number, number> {
    const counts: Record<number, number> = {};
    for (const e of this.list) if (e.operation === operation) counts[e.batchSize] = (counts[e.batchSize] ?? 0) + 1;
    return counts;
  }

  /** Sum of batch sizes of one operation (e.g. metrics requested through GetMetricData). */
  totalBatch(operation: string): number {
    return this.list.reduce((sum, e) => (e.operation === operation ? sum + e.batchSize : sum), 0);
  }

  /** Requests being answered right now. */
  get inFlight(): number {
    return this.inFlightNow;
  }

  /** The most requests ever in flight at once since the last reset. */
  get maxConcurrency(): number {
    return this.maxInFlightSeen;
  }

  /** Forgets every entry and the concurrency high-water mark (requests in flight stay counted). */
  reset(): void {
    this.list.length = 0;
    this.maxInFlightSeen = this.inFlightNow;
  }
}
