// The `?` overlay: a centred box over everything, its text generated from the key binding table.
import blessed from 'blessed';
import type { Widgets } from 'blessed';
import { THEME } from './pane-widgets.js';

/** Shows `lines` in a centred bordered box sized to fit the screen; returns the box to destroy later. */
export function showOverlay(screen: Widgets.Screen, title: string, lines: readonly string[]): Widgets.BoxElement {
  const cols = screen.width as number;
  const rows = screen.height as number;
  const longest = Math.max(20, ...lines.map((l) => l.length));
  const width = Math.max(10, Math.min(cols - 2, longest + 4));
  const height = Math.max(3, Math.min(rows - 2, lines.length + 2));
  return blessed.box({
    parent: screen,
    top: 'center',
    left: 'center',
    width,
    height,
    label: ` ${title} `,
    tags: true,
    wrap: false,
    border: { type: 'line' },
    content: lines.join('\n'),
    style: { fg: THEME.text, bg: 'black', border: { fg: THEME.focusedBorder }, label: { fg: THEME.label } },
  });
}
