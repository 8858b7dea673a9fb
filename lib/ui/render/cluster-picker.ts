// The cluster picker's table: one row per cluster of the account, columns aligned like the service table.
import type { ClusterSummary } from '../../model/types.js';
import { fitSegments, type Segment } from './cell.js';
import { clean, pad } from './text.js';

const NUM = 8;
const STATUS = 14;

/**
 * The header and one row per cluster (name, status, services, running and pending tasks), each exactly
 * `width` cells. Never throws.
 */
export function renderClusterRows(clusters: readonly ClusterSummary[], width: number): { header: string; rows: string[] } {
  const w = Math.max(0, Math.floor(width));
  const nameW = Math.max(1, w - STATUS - 3 * NUM - 4);
  const header =
    `{bold}${pad('Cluster', nameW)} ${pad('Status', STATUS)} ${pad('Services', NUM, 'right')} ` +
    `${pad('Running', NUM, 'right')} ${pad('Pending', NUM, 'right')}{/bold}`;
  const rows = clusters.map((c) => {
    const status: Segment = c.status === 'ACTIVE' ? { text: 'ACTIVE', tags: ['green-fg'] } : { text: clean(c.status), tags: ['yellow-fg'] };
    return [
      fitSegments([{ text: clean(c.name) }], nameW),
      fitSegments([status], STATUS),
      pad(count(c.activeServicesCount), NUM, 'right'),
      pad(count(c.runningTasksCount), NUM, 'right'),
      (c.pendingTasksCount ?? 0) > 0 ? fitSegments([{ text: count(c.pendingTasksCount), tags: ['cyan-fg'] }], NUM, 'right') : pad(count(c.pendingTasksCount), NUM, 'right'),
    ].join(' ');
  });
  return { header: clip(header, w), rows: rows.map((r) => clip(r, w)) };
}

/** A count as shown: `-` where ECS left it out (unknown is not zero). */
function count(n: number | undefined): string {
  return n !== undefined && Number.isFinite(n) ? String(Math.max(0, Math.round(n))) : '-';
}

// Below the minimum width the fixed columns alone are wider than the table: cut the row at `width`.
function clip(row: string, width: number): string {
  return pad(row, width);
}
