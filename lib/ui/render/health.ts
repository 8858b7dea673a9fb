// Health symbols and their colours, the one place that decides how good or bad looks.
import type { EcsHealthStatus, HealthStatus } from '../../model/types.js';
import type { Segment } from './cell.js';

// neo-blessed understands `gray`/`grey` as colour names (bright black, colour 8) in `{gray-fg}` tags.
const SEGMENTS: Readonly<Record<HealthStatus, Segment>> = {
  HEALTHY: { text: '✓', tags: ['green-fg'] },
  WARNING: { text: '⚠', tags: ['yellow-fg'] },
  UNHEALTHY: { text: '✗', tags: ['red-fg'] },
  UNKNOWN: { text: '?', tags: ['gray-fg'] },
};

/**
 * The coloured one-cell symbol of a service health or of an ECS task/container health check:
 * ✓ green, ⚠ yellow, ✗ red, ? gray (also for a status this version does not know).
 */
export function healthSegment(h: HealthStatus | EcsHealthStatus): Segment {
  return SEGMENTS[h] ?? SEGMENTS.UNKNOWN;
}

/** Order for sorting worst first: UNHEALTHY 0, WARNING 1, UNKNOWN 2, HEALTHY 3. */
export function healthRank(h: HealthStatus): number {
  switch (h) {
    case 'UNHEALTHY':
      return 0;
    case 'WARNING':
      return 1;
    case 'HEALTHY':
      return 3;
    default:
      return 2;
  }
}
