// Snapshot-to-frame render time at 120×40, measured in-process on the pure render functions the
// dashboard calls: the service table (select/sort, then only the visible rows), the task tree of one
// service, and the whole per-snapshot path of the monitor screen (view model built twice, as its sync
// does, plus the visible rows and the header).
import { performance } from 'node:perf_hooks';
import type { Snapshot } from '../../lib/model/types.js';
import { computeLayout } from '../../lib/ui/layout.js';
import { renderServiceHeader, renderServiceRow, selectServices, serviceColumns } from '../../lib/ui/render/service-table.js';
import type { SortKey } from '../../lib/ui/render/service-table.js';
import { renderTaskTree } from '../../lib/ui/render/tree.js';
import { renderHeader } from '../../lib/ui/render/header.js';
import { buildDashboardModel, innerHeight, innerWidth } from '../../lib/ui/view-model.js';
import { initialViewState, reconcileView } from '../../lib/ui/view-state.js';

/** Median and 95th percentile of a set of samples, in ms. */
export interface Percentiles {
  readonly medianMs: number;
  readonly p95Ms: number;
}

export interface RenderTimes {
  /** Table by name (the default sort). */
  readonly table: Percentiles;
  /** Table sorted by CPU (keys computed from metrics). */
  readonly tableByCpu: Percentiles;
  /** Tree of the first service with every task expanded and the stopped group open. */
  readonly tree: Percentiles;
  /** The monitor screen's work for one new snapshot. */
  readonly frame: Percentiles;
}

export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return { medianMs: round(at(0.5)), p95Ms: round(at(0.95)) };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

// Enough runs for the JIT to settle before samples count.
const WARMUP = 50;

function time(iterations: number, work: () => unknown): Percentiles {
  const samples: number[] = [];
  let sink = 0;
  for (let i = 0; i < iterations + WARMUP; i++) {
    const start = performance.now();
    const out = work();
    const elapsed = performance.now() - start;
    // Keep the result alive so the work cannot be optimised away.
    sink += Array.isArray(out) ? out.length : 1;
    if (i >= WARMUP) samples.push(elapsed);
  }
  if (sink < 0) throw new Error('unreachable');
  return percentiles(samples);
}

/** Times the render paths on `snapshot` (with metrics attached), `iterations` samples each. */
export function measureRender(snapshot: Snapshot, now: number, iterations: number): RenderTimes {
  const layout = computeLayout(120, 40);
  const tableWidth = innerWidth(layout.services);
  const visible = Math.max(0, innerHeight(layout.services) - 1);
  const table = (sort: SortKey) => (): string[] => {
    const services = selectServices(snapshot.services, { sort, filter: '' });
    const columns = serviceColumns(tableWidth);
    return [renderServiceHeader(columns), ...services.slice(0, visible).map((s) => renderServiceRow(s, columns, now))];
  };
  const first = selectServices(snapshot.services, { sort: 'name', filter: '' })[0];
  const expanded = new Set(first?.tasks.map((t) => t.id) ?? []);
  const tree = (): unknown[] =>
    first === undefined ? [] : renderTaskTree(first, { expanded, stoppedExpanded: true, now, width: innerWidth(layout.tree) });

  let state = initialViewState();
  const frame = (): string[] => {
    const draft = buildDashboardModel(snapshot, state, layout, now);
    state = reconcileView(state, draft.context);
    const model = buildDashboardModel(snapshot, state, layout, now);
    const columns = serviceColumns(tableWidth);
    const rows = model.services.slice(state.serviceOffset, state.serviceOffset + visible).map((s) => renderServiceRow(s, columns, now));
    const header = renderHeader({ snapshot, now, width: innerWidth(layout.header), clusterName: snapshot.cluster.name, region: snapshot.cluster.region });
    return [header, renderServiceHeader(columns), ...rows, ...model.treeLines.map((l) => l.text), ...model.detailsLines];
  };
  return { table: time(iterations, table('name')), tableByCpu: time(iterations, table('cpu')), tree: time(iterations, tree), frame: time(iterations, frame) };
}
