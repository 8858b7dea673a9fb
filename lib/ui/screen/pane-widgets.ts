// Bordered boxes placed by a blessed-contrib grid. The grid is built with one row and one column per
// terminal cell so each pane lands on exact cells; its percentages are then pinned to integers because
// blessed floors percentage arithmetic and float error can cost a row.
import { createRequire } from 'node:module';
import blessed from 'blessed';
import type contrib from 'blessed-contrib';
import type { Widgets } from 'blessed';
import type { Rect } from '../layout.js';

/** The dark theme's colours (blessed colour names). */
export const THEME = {
  border: 'gray',
  focusedBorder: 'cyan',
  text: 'white',
  label: 'cyan',
} as const;

// Only the grid is used. blessed-contrib's index loads every widget it has (maps, markdown, pictures),
// which costs about 150 ms before the first frame; the grid module alone costs next to nothing.
const Grid = createRequire(import.meta.url)('blessed-contrib/lib/layout/grid.js') as typeof contrib.grid;

/** A grid spanning the screen, one cell per character cell. */
export function createGrid(screen: Widgets.Screen, cols: number, rows: number): contrib.grid {
  return new Grid({ rows: Math.max(1, rows), cols: Math.max(1, cols), screen });
}

/** A bordered, tag-aware, non-wrapping box at `rect`. */
export function paneBox(grid: contrib.grid, rect: Rect, label?: string): Widgets.BoxElement {
  const options: Widgets.BoxOptions = {
    tags: true,
    wrap: false,
    style: { fg: THEME.text, border: { fg: THEME.border }, label: { fg: THEME.label } },
    ...(label === undefined ? {} : { label }),
  };
  // contrib's typings only list its own widgets as grid children; a plain box is a valid one at run time.
  const set = grid.set.bind(grid) as unknown as (r: number, c: number, h: number, w: number, make: typeof blessed.box, o: Widgets.BoxOptions) => Widgets.BoxElement;
  const box = set(rect.top, rect.left, rect.height, rect.width, blessed.box, options);
  box.top = rect.top;
  box.left = rect.left;
  box.width = rect.width;
  box.height = rect.height;
  box.style.border = { fg: THEME.border };
  return box;
}

/** A border-less, tag-aware, non-wrapping box at `rect`, placed by a grid of its own that adds no border. */
export function bareBox(screen: Widgets.Screen, cols: number, rows: number, rect: Rect): Widgets.BoxElement {
  const grid = new Grid({ rows: Math.max(1, rows), cols: Math.max(1, cols), screen, hideBorder: true });
  const set = grid.set.bind(grid) as unknown as (r: number, c: number, h: number, w: number, make: typeof blessed.box, o: Widgets.BoxOptions) => Widgets.BoxElement;
  const box = set(rect.top, rect.left, rect.height, rect.width, blessed.box, { tags: true, wrap: false, style: { fg: THEME.text } });
  box.top = rect.top;
  box.left = rect.left;
  box.width = rect.width;
  box.height = rect.height;
  return box;
}

/** A border-less one-line box (the status line). */
export function lineBox(screen: Widgets.Screen, rect: Rect): Widgets.BoxElement {
  return blessed.box({ parent: screen, top: rect.top, left: rect.left, width: rect.width, height: rect.height, tags: true, wrap: false, style: { fg: THEME.text } });
}

/** Marks the focused pane by its border colour. */
export function setFocused(box: Widgets.BoxElement | undefined, focused: boolean): void {
  if (box === undefined) return;
  box.style.border = { fg: focused ? THEME.focusedBorder : THEME.border };
}
