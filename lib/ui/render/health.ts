// Health symbols and their colours, the one place that decides how good or bad looks.
import type { EcsHealthStatus, HealthStatus } from '../../model/types.js';

// neo-blessed understands `gray`/`grey` as colour names (bright black, colour 8) in `{gray-fg}` tags.
const SYMBOLS: Readonly<Record<HealthStatus, string>> = {
  HEALTHY: '{green-fg}✓{/green-fg}',
  WARNING: '{yellow-fg}⚠{/yellow-fg}',
  UNHEALTHY: '{red-fg}✗{/red-fg}',
  UNKNOWN: '{gray-fg}?{/gray-fg}',
};

/** The coloured one-cell symbol of a service health: ✓ green, ⚠ yellow, ✗ red, ? gray. */
export function healthSymbol(h: HealthStatus): string {
  return SYMBOLS[h] ?? SYMBOLS.UNKNOWN;
}

/** The coloured symbol of an ECS task or container health check (✓, ✗, or ? when unknown). */
export function ecsHealthSymbol(h: EcsHealthStatus): string {
  return SYMBOLS[h] ?? SYMBOLS.UNKNOWN;
}

/** The colour (blessed colour name) that goes with a health status, for text next to the symbol. */
export function healthColor(h: HealthStatus | EcsHealthStatus): string {
  switch (h) {
    case 'HEALTHY':
      return 'green';
    case 'WARNING':
      return 'yellow';
    case 'UNHEALTHY':
      return 'red';
    default:
      return 'gray';
  }
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
