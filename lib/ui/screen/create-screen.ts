// The one place a blessed screen is made, with the settings every part of the UI relies on.
import blessed from 'blessed';
import type { Widgets } from 'blessed';

export interface ScreenOptions {
  readonly title: string;
  readonly input?: NodeJS.ReadStream | undefined;
  readonly output?: NodeJS.WriteStream | undefined;
}

/**
 * Creates the full-screen terminal (alternate screen, hidden cursor). `fullUnicode` is needed for ✓ ⚠ ✗ and
 * the sparkline blocks; `smartCSR` keeps repaints small. Mouse capture is switched on separately
 * ({@link enableMouse}) so `mouse: false` never touches the terminal's mouse modes.
 */
export function createScreen(options: ScreenOptions): Widgets.Screen {
  return blessed.screen({
    smartCSR: true,
    fullUnicode: true,
    autoPadding: true,
    warnings: false,
    title: options.title,
    ...(options.input === undefined ? {} : { input: options.input }),
    ...(options.output === undefined ? {} : { output: options.output }),
  });
}

/** Turns mouse reporting on, forcing SGR (1006) encoding: the legacy one breaks past column 223. */
export function enableMouse(screen: Widgets.Screen): void {
  screen.program.enableMouse();
  screen.program.setMouse({ sgrMouse: true }, true);
}

/** Turns mouse reporting off so the terminal's own text selection works again. */
export function disableMouse(screen: Widgets.Screen): void {
  screen.program.disableMouse();
}

/** Explicit resets written after blessed's own teardown, so no mode survives even a half-torn-down screen. */
export const TERMINAL_RESET = '\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1005l\x1b[?1006l\x1b[?2004l\x1b[?1049l\x1b[?25h';
