// How one deployment reads in a row: `PRIMARY 3/3 ✓`, with its rollout as a coloured symbol.
import type { Deployment } from '../../model/types.js';
import type { Segment } from './cell.js';
import { clean } from './text.js';

/** The rollout symbol of a deployment and its colour tag. */
export function rolloutSymbol(d: Deployment): Segment {
  const rollout = d.rolloutState;
  if (rollout === 'FAILED') return { text: '✗', tags: ['red-fg'] };
  if (d.status === 'INACTIVE') return { text: '-', tags: ['gray-fg'] };
  // A non-primary deployment is being drained even when its own rollout once COMPLETED.
  if (d.status !== 'PRIMARY' || rollout === 'IN_PROGRESS') return { text: '↻', tags: ['cyan-fg'] };
  if (rollout === 'COMPLETED') return { text: '✓', tags: ['green-fg'] };
  // No rollout state (ECS or external deployment controller): settled once the counts match.
  return d.runningCount === d.desiredCount && d.pendingCount === 0
    ? { text: '✓', tags: ['green-fg'] }
    : { text: '↻', tags: ['cyan-fg'] };
}

const SHORT_STATUS: Readonly<Record<string, string>> = { PRIMARY: 'P', ACTIVE: 'A', INACTIVE: 'I' };

/**
 * Every deployment as segments, `PRIMARY 3/3 ✓ · ACTIVE 1/0 ↻`; `-` when there is none. With `short`
 * the statuses become one letter (`P 3/3 ✓ · A 1/0 ↻`) so that a narrow column still shows them all.
 */
export function deploymentSegments(deployments: readonly Deployment[], short = false): Segment[] {
  if (deployments.length === 0) return [{ text: '-' }];
  const out: Segment[] = [];
  for (const d of deployments) {
    if (out.length > 0) out.push({ text: ' · ', tags: ['gray-fg'] });
    const status = (short ? SHORT_STATUS[d.status] : undefined) ?? clean(d.status);
    out.push({ text: `${status} ${d.runningCount}/${d.desiredCount} ` });
    out.push(rolloutSymbol(d));
  }
  return out;
}
