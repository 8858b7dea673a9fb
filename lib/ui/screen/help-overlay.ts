// The `?` overlay: a centred box over everything, its text generated from the key binding table.
import blessed from 'blessed';
import type { Widgets } from 'blessed';
import { overlaySize } from '../help-window.js';
import { THEME } from './pane-widgets.js';

/**
 * Shows `lines` from `offset` in a centred bordered box sized to fit the screen (see overlaySize: the lines
 * that do not fit are scrolled to by the caller); returns the box to destroy later.
 */
export function showOverlay(screen: Widgets.Screen, title: string, lines: readonly string[], offset = 0): Widgets.BoxElement {
  const { width, height, inner } = overlaySize(screen.width as number, screen.height as number, lines);
  return blessed.box({
    parent: screen,
    top: 'center',
    left: 'center',
    width,
    height,
    label: title,
    tags: true,
    wrap: false,
    border: { type: 'line' },
    content: lines.slice(offset, offset + inner).join('\n'),
    style: { fg: THEME.text, bg: 'black', border: { fg: THEME.focusedBorder }, label: { fg: THEME.label } },
  });
}
