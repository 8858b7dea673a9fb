// The help overlay's size and scrolling: it must fit any supported terminal (80×24 cannot show every line at
// once), so it shows a window of its lines, scrolled with the same keys as the lists. Pure.
import type { CommandName } from './keys.js';
import { pageStep } from './list-window.js';

/** The overlay box, borders included. */
export interface OverlaySize {
  readonly width: number;
  readonly height: number;
  /** Rows inside the border. */
  readonly inner: number;
}

/** The overlay's size on a `cols` × `rows` screen: as big as its lines need, never past the screen edges. */
export function overlaySize(cols: number, rows: number, lines: readonly string[]): OverlaySize {
  const longest = Math.max(20, ...lines.map((l) => l.length));
  const width = Math.max(10, Math.min(cols - 2, longest + 4));
  const height = Math.max(3, Math.min(rows - 2, lines.length + 2));
  return { width, height, inner: height - 2 };
}

/** The first line to show, kept so the window never scrolls past the last line. */
export function clampHelpOffset(offset: number, total: number, inner: number): number {
  return Math.max(0, Math.min(offset, total - Math.max(1, inner)));
}

/** The offset after a movement command; undefined for a command that does not scroll. */
export function scrollHelp(command: CommandName, offset: number, total: number, inner: number): number | undefined {
  const page = pageStep(inner);
  const step: Partial<Record<CommandName, number>> = {
    up: -1,
    down: 1,
    'page-up': -page,
    'page-down': page,
    top: -total,
    bottom: total,
  };
  const delta = step[command];
  return delta === undefined ? undefined : clampHelpOffset(offset + delta, total, inner);
}

/** The box's title: which lines are shown and how to see the rest, when they do not all fit. */
export function helpTitle(offset: number, total: number, inner: number): string {
  if (total <= inner) return ' Help ';
  return ` Help ${offset + 1}–${Math.min(total, offset + inner)} of ${total} · j/k PgDn scroll `;
}
