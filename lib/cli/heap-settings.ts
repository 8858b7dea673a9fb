// V8 heap settings the executable applies before it allocates anything much. A refresh of a large
// cluster allocates hundreds of MB of short-lived AWS SDK objects (request stacks, response shapes) while
// the data kept is a small fraction of that. V8's default lets the old generation grow to up to about
// four times what survived the last full collection before collecting again, so the process holds
// that garbage: at 5,000 services RSS rose to ~400 MB for ~70 MB of live data. A fixed factor of 1.5
// collects sooner; the extra collections cost little next to the refresh that causes them.
//
// Between refreshes, V8's memory reducer would give that heap back: about 8 s after a full collection
// that grew the old generation by 10 MB or more (every refresh of a large cluster), it runs up to three
// memory-reducing full collections, ~0.3 s of CPU at 1,000 services and ~0.6 s at 5,000: 1-2 % of a core
// for a dashboard that is otherwise idle. `--no-memory-reducer` is read only at start-up, but the
// reducer starts its collections through incremental marking, whose flag V8 reads each time: so marking
// is incremental while a refresh runs (short pauses while the dashboard is busy) and off between
// refreshes, where little is allocated and the reducer finds it cannot start. Memory stays at what the
// refresh needed (the benchmark's RSS figure) instead of shrinking and growing again every cycle.
import type { EventEmitter } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import type { PollerEvents, PollerPhase } from '../poller/types.js';

/** Old-generation growth after a full collection, in percent of what survived it (V8's `--heap-growing-percent`). */
export const HEAP_GROWING_PERCENT = 50;

/** The V8 flags applied by `applyHeapSettings`, as a command line would spell them. */
export const HEAP_FLAGS: readonly string[] = [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`];

/**
 * Applies HEAP_FLAGS to the running V8. The flag is read at every full collection, so setting it at
 * run time takes effect from the next one. The command calls it once its AWS half is loaded, before the
 * first refresh (main.ts); the benchmark calls it too, so it measures the same settings.
 */
export function applyHeapSettings(): void {
  for (const flag of HEAP_FLAGS) setFlagsFromString(flag);
}

/** V8 flags while a refresh runs: V8's defaults. */
export const BUSY_HEAP_FLAGS: readonly string[] = ['--incremental-marking'];
/** V8 flags between refreshes: no incremental marking, so the memory reducer cannot start. */
export const IDLE_HEAP_FLAGS: readonly string[] = ['--no-incremental-marking'];

/** The heap flags for a poller in `phase`: busy while it loads or refreshes, idle otherwise. */
export function heapFlagsFor(phase: PollerPhase): readonly string[] {
  return phase === 'loading' || phase === 'refreshing' ? BUSY_HEAP_FLAGS : IDLE_HEAP_FLAGS;
}

/**
 * Follows a poller's phases with BUSY_HEAP_FLAGS and IDLE_HEAP_FLAGS. One poller runs at a time (a
 * stopped one emits nothing more), so the poller that changed phase last decides.
 */
export function quietHeapBetweenRefreshes(
  poller: Pick<EventEmitter<PollerEvents>, 'on'>,
  setFlags: (flag: string) => void = setFlagsFromString,
): void {
  poller.on('state', (state) => {
    for (const flag of heapFlagsFor(state.phase)) setFlags(flag);
  });
}
