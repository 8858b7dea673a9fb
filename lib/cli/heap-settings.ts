// V8 heap settings the executable applies before it allocates anything much. A refresh of a large
// cluster allocates hundreds of MB of short-lived AWS SDK objects (request stacks, response shapes) while
// the data kept is a small fraction of that. V8's default lets the old generation grow to up to about
// four times what survived the last full collection before collecting again, so the process holds
// that garbage: at 5,000 services RSS rose to ~400 MB for ~70 MB of live data. A fixed factor of 1.5
// collects sooner; the extra collections cost little next to the refresh that causes them.
import { setFlagsFromString } from 'node:v8';

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
