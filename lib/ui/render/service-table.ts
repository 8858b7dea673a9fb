// The service table: which services, in which order, and each as one fixed-width row of cells.
import type { Service } from '../../model/types.js';
import { fitSegments, type Segment } from './cell.js';
import { deploymentSegments } from './deployments.js';
import { formatPercent } from './format.js';
import { healthRank, healthSegment } from './health.js';
import { sparkline } from './sparkline.js';
import { clean, displayWidth, pad } from './text.js';
import { COMPACT_COLS } from './too-small.js';
import { filterByName } from '../name-filter.js';

export type SortKey = 'name' | 'health' | 'tasks' | 'cpu' | 'memory';

/** The sort keys in the order the `s` key cycles through them. */
export const SORT_KEYS: readonly SortKey[] = ['name', 'health', 'tasks', 'cpu', 'memory'];

export interface ServiceSelection {
  readonly sort: SortKey;
  /** Case-insensitive substring of the service name; empty shows all. */
  readonly filter: string;
}

/**
 * The services to show: those whose name contains `filter` (case-insensitive), sorted by `sort`, ties
 * by name. Health sorts worst first; tasks, CPU and memory largest first (CPU and memory by the whole
 * percent shown, so equal-looking rows stay in name order) with missing metrics last. Each service's
 * key is computed once and packed with its name rank into one number, so the sort itself is a native
 * numeric sort: 5,000 services take a few milliseconds. The input is not modified.
 */
export function selectServices(services: readonly Service[], sel: ServiceSelection): readonly Service[] {
  const kept = filterByName(services, sel.filter);
  // Snapshots arrive sorted by name, so the name order is usually free.
  const ordered = isSortedByName(kept) ? [...kept] : [...kept].sort(byName);
  if (sel.sort === 'name') return ordered;
  const n = ordered.length;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = bucket(ordered[i] as Service, sel.sort) * n + i;
  packed.sort();
  const out: Service[] = new Array<Service>(n);
  for (let i = 0; i < n; i++) {
    const p = packed[i] as number;
    out[i] = ordered[p - Math.floor(p / n) * n] as Service;
  }
  return out;
}

function byName(a: Service, b: Service): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function isSortedByName(list: readonly Service[]): boolean {
  for (let i = 1; i < list.length; i++) if ((list[i - 1] as Service).name > (list[i] as Service).name) return false;
  return true;
}

// A non-negative integer, smaller sorts first; bounded so that `bucket * n + rank` stays exact.
const MAX_TASKS = 1e9;
const NO_METRIC = 1001;

function bucket(s: Service, sort: SortKey): number {
  switch (sort) {
    case 'health':
      return healthRank(s.health);
    case 'tasks':
      return MAX_TASKS - Math.min(MAX_TASKS, Math.max(0, Math.floor(s.runningCount) || 0));
    case 'cpu':
      return metricBucket(s.metrics?.cpuPct);
    case 'memory':
      return metricBucket(s.metrics?.memPct);
    default:
      return 0;
  }
}

function metricBucket(v: number | undefined): number {
  if (v === undefined || Number.isNaN(v)) return NO_METRIC;
  return 1000 - Math.min(1000, Math.max(0, Math.round(v)));
}

export type ColumnKey = 'name' | 'status' | 'tasks' | 'health' | 'deployments' | 'cpu' | 'memory';

export interface Column {
  readonly key: ColumnKey;
  readonly title: string;
  /** Cells, excluding the one-space gap that follows every column but the last. */
  readonly width: number;
  readonly align: 'left' | 'right';
}

export interface ColumnLayout {
  /** Total width of a row: the sum of the columns and the gaps between them. */
  readonly width: number;
  readonly compact: boolean;
  /** Cells of the CPU/memory sparklines; 0 when they are left out. */
  readonly sparkWidth: number;
  readonly columns: readonly Column[];
}

const PCT = 5; // `100%` plus room for `>999%`
/** Sparkline cells at most: one per minute of the 30 minutes of history the poller keeps. */
const SPARK_MAX = 30;
/** Deployments cells that fit three deployments, `PRIMARY 2/4 ↻ · ACTIVE 3/3 ↻ · ACTIVE 1/1 ↻`. */
const DEPLOY_ROOM = 44;

/**
 * The columns for a table `width` cells wide. From 80 columns: Name, Status, Tasks, Health,
 * Deployments, CPU and Memory (sparkline + percent); below 80 the compact set Name, Tasks, Health,
 * CPU %, Mem %. Name and Deployments share what the fixed columns leave.
 */
export function serviceColumns(width: number): ColumnLayout {
  const total = Math.max(0, Math.floor(width));
  if (total < COMPACT_COLS) {
    const fixed: Column[] = [
      { key: 'tasks', title: 'Tasks', width: 9, align: 'left' },
      { key: 'health', title: 'H', width: 1, align: 'left' },
      { key: 'cpu', title: 'CPU', width: PCT, align: 'right' },
      { key: 'memory', title: 'Mem', width: PCT, align: 'right' },
    ];
    const used = fixed.reduce((n, c) => n + c.width + 1, 0);
    const name: Column = { key: 'name', title: 'Name', width: Math.max(1, total - used), align: 'left' };
    return finish([name, ...fixed], true, 0);
  }
  let spark = total >= 140 ? 10 : total >= 110 ? 8 : 5;
  const fixedCols: Column[] = [
    { key: 'status', title: 'Status', width: 8, align: 'left' },
    { key: 'tasks', title: 'Tasks', width: 11, align: 'left' },
    // Below 100 columns the one-symbol column gives its title's width to Name and Deployments, which at 80
    // columns then fit `recommendations` and `P 2/4 ↻ · A 3/3 ↻`.
    total >= 100 ? { key: 'health', title: 'Health', width: 6, align: 'left' } : { key: 'health', title: 'H', width: 1, align: 'left' },
  ];
  const fixed = fixedCols.reduce((n, c) => n + c.width, 0) + 2 * (spark + 1 + PCT) + 6; // 6 gaps
  const flex = Math.max(2, total - fixed);
  const nameW = Math.max(1, Math.min(48, Math.ceil(flex * 0.45)));
  let deployW = Math.max(1, flex - nameW);
  // On a very wide terminal the room beyond what three deployments need goes to the sparklines (up to the
  // 30 minutes of history kept), instead of a wide blank between Deployments and CPU.
  const sparkExtra = Math.max(0, Math.min(SPARK_MAX - spark, Math.floor((deployW - DEPLOY_ROOM) / 2)));
  spark += sparkExtra;
  deployW -= 2 * sparkExtra;
  const metric = spark + 1 + PCT;
  return finish(
    [
      { key: 'name', title: 'Name', width: nameW, align: 'left' },
      ...fixedCols,
      { key: 'deployments', title: 'Deployments', width: deployW, align: 'left' },
      { key: 'cpu', title: 'CPU', width: metric, align: 'right' },
      { key: 'memory', title: 'Memory', width: metric, align: 'right' },
    ],
    false,
    spark,
  );
}

function finish(columns: Column[], compact: boolean, sparkWidth: number): ColumnLayout {
  const width = columns.reduce((n, c) => n + c.width, 0) + columns.length - 1;
  return { width, compact, sparkWidth, columns };
}

/** The column titles, bold, aligned like the rows. */
export function renderServiceHeader(layout: ColumnLayout): string {
  return layout.columns.map((c) => `{bold}${pad(c.title, c.width, c.align)}{/bold}`).join(' ');
}

const STATUS_TAGS: Readonly<Record<string, readonly string[]>> = {
  DRAINING: ['yellow-fg'],
  INACTIVE: ['gray-fg'],
};

/**
 * One service as a row exactly `layout.width` cells wide (tags excluded). Missing metrics print `-`;
 * every AWS string is cleaned before it is measured. `now` aligns the sparklines. Never throws.
 */
export function renderServiceRow(service: Service, layout: ColumnLayout, now: number): string {
  let out = '';
  for (let i = 0; i < layout.columns.length; i++) {
    const col = layout.columns[i] as Column;
    if (i > 0) out += ' ';
    out += fitSegments(cell(service, col, layout, now), col.width, col.align);
  }
  return out;
}

function cell(s: Service, col: Column, layout: ColumnLayout, now: number): readonly Segment[] {
  switch (col.key) {
    case 'name':
      return [{ text: clean(s.name) }];
    case 'status': {
      const tags = STATUS_TAGS[s.status];
      return [tags ? { text: clean(s.status), tags } : { text: clean(s.status) }];
    }
    case 'tasks':
      return taskSegments(s);
    case 'health':
      return [healthSegment(s.health)];
    case 'deployments': {
      const full = deploymentSegments(s.deployments);
      return segmentsWidth(full) <= col.width ? full : deploymentSegments(s.deployments, true);
    }
    case 'cpu':
      return metricSegments(s.metrics?.cpuPct, s.metrics?.cpuHistory, layout, now);
    case 'memory':
      return metricSegments(s.metrics?.memPct, s.metrics?.memHistory, layout, now);
  }
}

function segmentsWidth(segments: readonly Segment[]): number {
  let w = 0;
  for (const seg of segments) w += displayWidth(seg.text);
  return w;
}

function taskSegments(s: Service): Segment[] {
  const counts = `${s.runningCount}/${s.desiredCount}`;
  // Scaled to zero is a choice, not a problem: gray. Fewer running than desired: yellow.
  const tags = s.desiredCount === 0 && s.runningCount === 0 ? ['gray-fg'] : s.runningCount < s.desiredCount ? ['yellow-fg'] : undefined;
  const out: Segment[] = [tags ? { text: counts, tags } : { text: counts }];
  if (s.pendingCount > 0) out.push({ text: ` (+${s.pendingCount})`, tags: ['cyan-fg'] });
  return out;
}

function metricSegments(
  current: number | undefined,
  history: readonly { t: number; v: number }[] | undefined,
  layout: ColumnLayout,
  now: number,
): Segment[] {
  const pct = pad(formatPercent(current), PCT, 'right');
  const tags = current === undefined ? ['gray-fg'] : current >= 90 ? ['red-fg'] : current >= 75 ? ['yellow-fg'] : undefined;
  const pctSeg: Segment = tags ? { text: pct, tags } : { text: pct };
  if (layout.sparkWidth === 0) return [pctSeg];
  const line = sparkline(history ?? [], layout.sparkWidth, { now, max: 100 });
  return [{ text: line, tags: ['cyan-fg'] }, { text: ' ' }, pctSeg];
}
