// Opening a console URL in the user's browser, when one can be opened from here.
import { spawn as nodeSpawn } from 'node:child_process';
import type { SpawnOptions } from 'node:child_process';
import { noLocalDisplayReason } from './local-display.js';

/** What happened, for the status line. */
export interface OpenUrlResult {
  readonly opened: boolean;
  /** One sentence for the status line; it always ends with the URL. */
  readonly message: string;
  /** The spawn error, for the log. */
  readonly cause?: unknown;
}

/** The part of a child process openUrl uses. */
export interface SpawnedProcess {
  once(event: 'spawn', listener: () => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
  unref(): void;
}

/** What openUrl needs from the outside world; everything defaults to the real thing. */
export interface OpenUrlDeps {
  readonly spawn?: (command: string, args: readonly string[], options: SpawnOptions) => SpawnedProcess;
  /** Defaults to process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Defaults to process.platform. */
  readonly platform?: NodeJS.Platform;
}

/** The command that opens a URL in the default browser on a platform. */
export function browserCommand(url: string, platform: NodeJS.Platform): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32') {
    // `start` takes its first quoted argument as a window title, hence the empty one; cmd would split the URL
    // at & | < > ^ ( ) unless they are escaped with ^.
    return { command: 'cmd', args: ['/c', 'start', '""', url.replace(/[&|<>^()]/g, '^$&')] };
  }
  return { command: 'xdg-open', args: [url] };
}

/**
 * Opens `url` in the default browser without waiting for it: the opener runs detached with its output ignored.
 * Resolves once the opener has started (or failed to start). Where no browser can be reached (SSH, no display)
 * it starts nothing and says so. Never throws; the message always shows the URL.
 */
export function openUrl(url: string, deps: OpenUrlDeps = {}): Promise<OpenUrlResult> {
  const platform = deps.platform ?? process.platform;
  const noDisplay = noLocalDisplayReason({ env: deps.env ?? process.env, platform });
  if (noDisplay !== undefined) {
    return Promise.resolve({ opened: false, message: `cannot open a browser here (${noDisplay}); select it: ${url}` });
  }
  const { command, args } = browserCommand(url, platform);
  const failed = (error: unknown): OpenUrlResult => ({
    opened: false,
    message: `could not open a browser (${command}: ${error instanceof Error ? error.message : String(error)}); select it: ${url}`,
    cause: error,
  });
  return new Promise((resolve) => {
    let child: SpawnedProcess;
    try {
      child = (deps.spawn ?? nodeSpawn)(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    } catch (error) {
      resolve(failed(error));
      return;
    }
    // A missing opener (ENOENT) is reported through 'error', not thrown.
    child.once('error', (error) => resolve(failed(error)));
    child.once('spawn', () => resolve({ opened: true, message: `opening in the browser: ${url}` }));
    // The dashboard must be able to exit while the browser opener is still running.
    child.unref();
  });
}
