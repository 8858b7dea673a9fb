// Whether a clipboard tool or a browser started by this process would reach the person at the keyboard.

/** The parts of the environment that decide it; tests pass their own. */
export interface DisplayEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
}

/** Why there is no local display, or undefined when there is one. */
export type NoDisplayReason = 'SSH session' | 'no display';

/**
 * Undefined when a clipboard tool or browser started here would show up in front of the user; otherwise why not.
 * Over SSH (SSH_TTY, SSH_CONNECTION or SSH_CLIENT set) it would reach the remote machine, not the user's, on
 * every platform. On Linux and other X11/Wayland systems it also needs DISPLAY or WAYLAND_DISPLAY.
 */
export function noLocalDisplayReason(where: DisplayEnvironment): NoDisplayReason | undefined {
  const { env, platform } = where;
  if (isSet(env['SSH_TTY']) || isSet(env['SSH_CONNECTION']) || isSet(env['SSH_CLIENT'])) return 'SSH session';
  if (platform === 'darwin' || platform === 'win32') return undefined;
  return isSet(env['DISPLAY']) || isSet(env['WAYLAND_DISPLAY']) ? undefined : 'no display';
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '';
}
