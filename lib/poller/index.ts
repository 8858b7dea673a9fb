// The poller's public surface.
export { Poller, createPoller, runOnce } from './poller.js';
export type { PollerOptions } from './poller.js';
export { throttleBackoffMs, budgetIntervalMs, MAX_BACKOFF_MS } from './backoff.js';
export type * from './types.js';
