// The dashboard draws a full screen; piped into a file it would only write escape codes.
import { UsageError } from './usage-error.js';

/**
 * Refuses to start the dashboard when stdout is not a terminal. `--once`, `--help` and `--version`
 * write plain text and need none.
 * @throws UsageError `ecs-monitor needs a terminal; use --once --json for scripts`.
 */
export function checkTerminal(isTTY: boolean | undefined, options: { readonly once: boolean; readonly help?: boolean; readonly version?: boolean }): void {
  if (isTTY === true || options.once || options.help === true || options.version === true) return;
  throw new UsageError('ecs-monitor needs a terminal; use --once --json for scripts');
}
