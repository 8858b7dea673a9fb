// The two header lines: what cluster this is and how it is doing, then how fresh the data is.
import type { Snapshot } from '../../model/types.js';
import type { PollerErrorEvent, PollerState } from '../../poller/types.js';
import { fitSegments, type Segment } from './cell.js';
import { formatClock, formatDuration } from './format.js';
import { clean } from './text.js';

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

const SEP: Segment = { text: '  │  ', tags: ['gray-fg'] };
const DOT: Segment = { text: ' · ', tags: ['gray-fg'] };

/**
 * Two lines of exactly `width` cells joined by `\n`. Line 1: cluster, region, status, services
 * healthy X/Y, running and pending tasks, Container Insights mode (a yellow banner when disabled, the
 * metrics note and error when present). Line 2: last update time and age (yellow when stale: an
 * error is present or the age passed twice the interval), the next refresh countdown, the effective
 * interval with the reason it is stretched, and AWS calls in the last minute. Never throws.
 */
export function renderHeader(input: HeaderInput): string {
  const width = Math.max(0, Math.floor(input.width));
  const snap = input.snapshot ?? input.error?.lastSnapshot;
  return `${fitSegments(clusterLine(input, snap), width)}\n${fitSegments(freshnessLine(input, snap), width)}`;
}

function clusterLine(input: HeaderInput, snap: Snapshot | undefined): Segment[] {
  const out: Segment[] = [
    { text: ' ' },
    { text: clean(input.clusterName), tags: ['bold'] },
    { text: '  ' },
    { text: clean(input.region), tags: ['cyan-fg'] },
  ];
  if (!snap) return out;
  const c = snap.cluster;
  out.push({ text: '  ' }, c.status === 'ACTIVE' ? { text: 'ACTIVE', tags: ['green-fg'] } : { text: clean(c.status), tags: ['red-fg'] });
  out.push(SEP, ...servicesSummary(snap), SEP, ...tasksSummary(snap), SEP, ...insights(snap));
  return out;
}

function servicesSummary(snap: Snapshot): Segment[] {
  let healthy = 0;
  let worst: 'green-fg' | 'yellow-fg' | 'red-fg' = 'green-fg';
  for (const s of snap.services) {
    if (s.health === 'HEALTHY') healthy++;
    else if (s.health === 'UNHEALTHY') worst = 'red-fg';
    else if (s.health === 'WARNING' && worst === 'green-fg') worst = 'yellow-fg';
  }
  const total = snap.services.length;
  const tags = total === 0 ? ['gray-fg'] : [worst];
  return [{ text: 'Services ' }, { text: `${healthy}/${total}`, tags }, { text: ' healthy' }];
}

function tasksSummary(snap: Snapshot): Segment[] {
  let running = 0;
  let pending = 0;
  for (const s of snap.services) {
    running += s.runningCount;
    pending += s.pendingCount;
  }
  // DescribeClusters counts standalone tasks too, so prefer it when ECS reported it.
  running = snap.cluster.runningTasksCount ?? running + snap.standaloneTasks.length;
  pending = snap.cluster.pendingTasksCount ?? pending;
  const out: Segment[] = [{ text: 'Tasks ' }, { text: String(running), tags: ['bold'] }, { text: ' running' }];
  if (pending > 0) out.push(DOT, { text: String(pending), tags: ['cyan-fg'] }, { text: ' pending' });
  else out.push(DOT, { text: '0 pending' });
  return out;
}

function insights(snap: Snapshot): Segment[] {
  const out: Segment[] = [];
  if (snap.cluster.containerInsights === 'disabled') {
    out.push({ text: ' Container Insights disabled: no CPU/memory metrics ', tags: ['black-fg', 'yellow-bg'] });
  } else {
    out.push({ text: 'Insights ' }, { text: snap.cluster.containerInsights, tags: ['green-fg'] });
  }
  if (snap.metrics.note !== undefined) out.push(DOT, { text: clean(snap.metrics.note), tags: ['yellow-fg'] });
  if (snap.metrics.error !== undefined) out.push(DOT, { text: `metrics: ${clean(snap.metrics.error)}`, tags: ['red-fg'] });
  return out;
}

function freshnessLine(input: HeaderInput, snap: Snapshot | undefined): Segment[] {
  const { state, now, error } = input;
  const out: Segment[] = [{ text: ' ' }];
  if (snap) {
    const age = Math.max(0, now - snap.fetchedAt);
    const interval = state?.effectiveIntervalMs;
    const stale = error !== undefined || (interval !== undefined && age > 2 * interval);
    const text = `Updated ${formatClock(snap.fetchedAt)} (${formatDuration(age)} ago${stale ? ', stale' : ''})`;
    out.push(stale ? { text, tags: ['yellow-fg'] } : { text });
  } else {
    out.push(error ? { text: 'No data yet', tags: ['yellow-fg'] } : { text: 'Loading…', tags: ['cyan-fg'] });
  }
  if (state) {
    out.push(DOT, schedule(state, now));
    const every = `every ${formatDuration(state.effectiveIntervalMs)}`;
    if (state.effectiveIntervalMs !== state.intervalMs || state.stretchReason !== undefined) {
      const why = state.stretchReason === undefined ? 'stretched' : `stretched: ${clean(state.stretchReason)}`;
      out.push(DOT, { text: `${every} (${why})`, tags: ['yellow-fg'] });
    } else {
      out.push(DOT, { text: every });
    }
  }
  if (input.callsLastMinute !== undefined && Number.isFinite(input.callsLastMinute)) {
    out.push(DOT, { text: `${Math.max(0, Math.round(input.callsLastMinute))} AWS calls/min` });
  }
  return out;
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
