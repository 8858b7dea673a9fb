// The two header lines: what cluster this is and how it is doing, then how fresh the data is. When a
// line does not fit, the least important parts are left out whole rather than cut mid-word.
import type { Snapshot } from '../../model/types.js';
import type { PollerErrorEvent, PollerState } from '../../poller/types.js';
import { fitSegments, type Segment } from './cell.js';
import { formatClock, formatDuration } from './format.js';
import { clean, displayWidth } from './text.js';

export interface HeaderInput {
  /** The snapshot on screen; when absent the error's last good snapshot is used, if any. */
  readonly snapshot?: Snapshot | undefined;
  readonly state?: PollerState | undefined;
  /** The last refresh failure, present until a refresh succeeds: the data shown is stale. */
  readonly error?: PollerErrorEvent | undefined;
  readonly now: number;
  readonly width: number;
  readonly callsLastMinute?: number | undefined;
  readonly clusterName: string;
  readonly region: string;
}

/** A piece of a header line; when the line is too wide, parts with the highest `drop` go first. */
interface Part {
  readonly segments: readonly Segment[];
  /** 0: never dropped (cut with `…` if it must). */
  readonly drop: number;
  /** A shorter form, used before anything is left out. */
  readonly short?: readonly Segment[];
}

const SEP: Segment = { text: ' │ ', tags: ['gray-fg'] };
const DOT: Segment = { text: ' · ', tags: ['gray-fg'] };

/**
 * Two lines of exactly `width` cells joined by `\n`. Line 1: cluster, region, status, services
 * healthy X/Y, running and pending tasks, Container Insights mode (a yellow banner when disabled, else
 * the metrics note when present) and the metrics error. Line 2: last update time and age (yellow when stale: an
 * error is present or the age passed twice the interval), the next refresh countdown, the effective
 * interval with the reason it is stretched, and AWS calls in the last minute. Never throws.
 */
export function renderHeader(input: HeaderInput): string {
  const width = Math.max(0, Math.floor(input.width));
  const snap = input.snapshot ?? input.error?.lastSnapshot;
  return `${layoutLine(clusterParts(input, snap, width), SEP, width)}\n${layoutLine(freshnessParts(input, snap), DOT, width)}`;
}

/**
 * Joins the parts with `sep`: when the line is too wide, parts with a short form take it first, then the
 * most droppable parts are left out until the line fits.
 */
function layoutLine(parts: Part[], sep: Segment, width: number): string {
  const kept = [...parts];
  const widthOf = (ps: Part[]): number =>
    1 + ps.reduce((n, p) => n + p.segments.reduce((m, s) => m + displayWidth(s.text), 0), 0) + (ps.length - 1) * displayWidth(sep.text);
  for (let i = 0; i < kept.length && widthOf(kept) > width; i++) {
    const p = kept[i] as Part;
    if (p.short !== undefined) kept[i] = { segments: p.short, drop: p.drop };
  }
  while (widthOf(kept) > width) {
    let worst = -1;
    for (let i = 0; i < kept.length; i++) {
      const p = kept[i] as Part;
      if (p.drop > 0 && (worst === -1 || p.drop > (kept[worst] as Part).drop)) worst = i;
    }
    if (worst === -1) break;
    kept.splice(worst, 1);
  }
  const segments: Segment[] = [{ text: ' ' }];
  kept.forEach((p, i) => {
    if (i > 0) segments.push(sep);
    segments.push(...p.segments);
  });
  return fitSegments(segments, width);
}

function clusterParts(input: HeaderInput, snap: Snapshot | undefined, width: number): Part[] {
  const identity: Segment[] = [
    { text: clean(input.clusterName), tags: ['bold'] },
    { text: '  ' },
    { text: clean(input.region), tags: ['cyan-fg'] },
  ];
  if (!snap) return [{ segments: identity, drop: 0 }];
  const c = snap.cluster;
  identity.push({ text: '  ' }, c.status === 'ACTIVE' ? { text: 'ACTIVE', tags: ['green-fg'] } : { text: clean(c.status), tags: ['red-fg'] });
  const parts: Part[] = [
    { segments: identity, drop: 0 },
    { segments: servicesSummary(snap), drop: 2 },
    { segments: tasksSummary(snap, 'Tasks '), drop: 3, short: tasksSummary(snap, '') },
  ];
  if (c.containerInsights === 'disabled') {
    // The banner explains every `-` on the screen, so it is the last thing to go.
    // AWS/ECS service metrics need no Insights; only task and container numbers are missing.
    const text =
      width >= 120
        ? ' Container Insights disabled: service CPU/memory only '
        : width >= 90
          ? ' Insights disabled: service metrics only '
          : ' Insights off ';
    parts.push({ segments: [{ text, tags: ['black-fg', 'yellow-bg'] }], drop: 1 });
  } else {
    parts.push({ segments: [{ text: 'Insights ' }, { text: c.containerInsights, tags: ['green-fg'] }], drop: 5 });
  }
  // Like the banner these explain every `-` on the screen (a metric, a container's limit), so they outlast
  // the counts.
  if (snap.metrics.error !== undefined) parts.push(problemPart('metrics', snap.metrics.error));
  // Some containers show the task's own sizes instead of their definition's.
  if (snap.definitionsWarning !== undefined) parts.push(problemPart('task definitions', snap.definitionsWarning));
  // With Insights disabled the banner already says what the note would.
  if (snap.metrics.note !== undefined && c.containerInsights !== 'disabled') parts.push({ segments: [{ text: clean(snap.metrics.note), tags: ['yellow-fg'] }], drop: 4 });
  return parts;
}

/**
 * A problem in red: `label: sentence`, or, when that does not fit, the one thing to act on (the missing
 * permission the sentence names) or that `label` is unavailable.
 */
function problemPart(label: string, sentence: string): Part {
  const text = clean(sentence);
  const permission = /\b(?:cloudwatch|ecs):[A-Za-z]+/.exec(text)?.[0];
  const short = permission === undefined ? `${label} unavailable` : `${label}: missing ${permission}`;
  return { segments: [{ text: `${label}: ${text}`, tags: ['red-fg'] }], drop: 1, short: [{ text: short, tags: ['red-fg'] }] };
}

interface ClusterCounts {
  readonly healthy: number;
  readonly total: number;
  readonly worst: 'green-fg' | 'yellow-fg' | 'red-fg';
  readonly running: number;
  readonly pending: number;
}

// The header repaints every second while the snapshot stays the same; counting 5,000 services on each
// tick was most of an idle monitor's CPU, so the counts are kept per snapshot (snapshots are immutable).
const countsBySnapshot = new WeakMap<Snapshot, ClusterCounts>();

function clusterCounts(snap: Snapshot): ClusterCounts {
  const cached = countsBySnapshot.get(snap);
  if (cached !== undefined) return cached;
  let healthy = 0;
  let worst: ClusterCounts['worst'] = 'green-fg';
  let running = 0;
  let pending = 0;
  for (const s of snap.services) {
    if (s.health === 'HEALTHY') healthy++;
    else if (s.health === 'UNHEALTHY') worst = 'red-fg';
    else if (s.health === 'WARNING' && worst === 'green-fg') worst = 'yellow-fg';
    running += s.runningCount;
    pending += s.pendingCount;
  }
  // DescribeClusters counts standalone tasks too, so prefer it when ECS reported it.
  const counts: ClusterCounts = {
    healthy,
    total: snap.services.length,
    worst,
    running: snap.cluster.runningTasksCount ?? running + snap.standaloneTasks.length,
    pending: snap.cluster.pendingTasksCount ?? pending,
  };
  countsBySnapshot.set(snap, counts);
  return counts;
}

function servicesSummary(snap: Snapshot): Segment[] {
  const { healthy, total, worst } = clusterCounts(snap);
  const tags = total === 0 ? ['gray-fg'] : [worst];
  return [{ text: 'Services ' }, { text: `${healthy}/${total}`, tags }, { text: ' healthy' }];
}

/** `Tasks 28 running · 3 pending`, or without the prefix `28 tasks · 3 pending`. */
function tasksSummary(snap: Snapshot, prefix: 'Tasks ' | ''): Segment[] {
  const { running, pending } = clusterCounts(snap);
  const out: Segment[] = [{ text: prefix }, { text: String(running), tags: ['bold'] }, { text: prefix === '' ? ' tasks' : ' running' }, DOT];
  if (pending > 0) out.push({ text: String(pending), tags: ['cyan-fg'] }, { text: ' pending' });
  else out.push({ text: '0 pending' });
  return out;
}

function freshnessParts(input: HeaderInput, snap: Snapshot | undefined): Part[] {
  const { state, now, error } = input;
  const parts: Part[] = [];
  if (snap) {
    const age = Math.max(0, now - snap.fetchedAt);
    const interval = state?.effectiveIntervalMs;
    const stale = error !== undefined || (interval !== undefined && age > 2 * interval);
    const text = `Updated ${formatClock(snap.fetchedAt)} (${formatDuration(age)} ago${stale ? ', stale' : ''})`;
    parts.push({ segments: [stale ? { text, tags: ['yellow-fg'] } : { text }], drop: 0 });
  } else {
    parts.push({ segments: [error ? { text: 'No data yet', tags: ['yellow-fg'] } : { text: 'Loading…', tags: ['cyan-fg'] }], drop: 0 });
  }
  if (state) {
    parts.push({ segments: [schedule(state, now)], drop: 1 });
    const every = `every ${formatDuration(state.effectiveIntervalMs)}`;
    if (state.effectiveIntervalMs !== state.intervalMs || state.stretchReason !== undefined) {
      const why = state.stretchReason === undefined ? 'stretched' : `stretched: ${clean(state.stretchReason)}`;
      parts.push({ segments: [{ text: `${every} (${why})`, tags: ['yellow-fg'] }], drop: 2 });
    } else {
      parts.push({ segments: [{ text: every }], drop: 4 });
    }
  }
  if (input.callsLastMinute !== undefined && Number.isFinite(input.callsLastMinute)) {
    parts.push({ segments: [{ text: `${Math.max(0, Math.round(input.callsLastMinute))} AWS calls/min` }], drop: 3 });
  }
  return parts;
}

function schedule(state: PollerState, now: number): Segment {
  switch (state.phase) {
    case 'loading':
    case 'refreshing':
      return { text: 'refreshing…', tags: ['cyan-fg'] };
    case 'stopped':
      return { text: 'stopped', tags: ['gray-fg'] };
    default: {
      if (state.nextRefreshAt === undefined) return { text: 'next refresh -' };
      const secs = Math.max(0, Math.ceil((state.nextRefreshAt - now) / 1000));
      const text = `${state.phase === 'backing-off' ? 'retry' : 'next'} in ${formatDuration(secs * 1000)}`;
      return state.phase === 'backing-off' ? { text, tags: ['yellow-fg'] } : { text };
    }
  }
}
