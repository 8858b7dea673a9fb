// Where each pane goes for a terminal size: the full layout from 80×24, a compact one (no details pane)
// down to 60×15, and below that only the "terminal too small" notice. Pure, so every size is testable.
import { COMPACT_COLS, COMPACT_ROWS, MIN_COLS, MIN_ROWS } from './render/too-small.js';

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly height: number;
}

export type LayoutMode = 'full' | 'compact' | 'too-small';

export interface DashboardLayout {
  readonly mode: LayoutMode;
  readonly cols: number;
  readonly rows: number;
  /** Undefined only when too small. */
  readonly header?: Rect;
  readonly services?: Rect;
  readonly tree?: Rect;
  /** Only in the full layout. */
  readonly details?: Rect;
  readonly status?: Rect;
}

/** The layout mode for a terminal of `cols` × `rows` cells. */
export function layoutMode(cols: number, rows: number): LayoutMode {
  if (cols < MIN_COLS || rows < MIN_ROWS) return 'too-small';
  if (cols < COMPACT_COLS || rows < COMPACT_ROWS) return 'compact';
  return 'full';
}

/**
 * Pane rectangles (borders included) for a terminal of `cols` × `rows`: header on top, the status area at
 * the bottom (`statusHeight` lines, 1 to 3: it grows while a long message is shown), the service table above
 * the task tree, and in the full layout the details pane beside the tree.
 */
export function computeLayout(cols: number, rows: number, statusHeight = 1): DashboardLayout {
  const mode = layoutMode(cols, rows);
  if (mode === 'too-small') return { mode, cols, rows };
  // The header's two lines plus its border, in both layouts: the second line holds the age and countdown.
  const headerHeight = 4;
  const header: Rect = { top: 0, left: 0, width: cols, height: headerHeight };
  const statusRows = Math.min(3, Math.max(1, Math.floor(statusHeight)));
  const status: Rect = { top: rows - statusRows, left: 0, width: cols, height: statusRows };
  const body = rows - headerHeight - statusRows;
  // The table keeps its height when the status area grows, so rows do not jump under the cursor; the
  // panes below give up the lines (keeping at least one row inside their borders).
  const tableHeight = Math.max(4, Math.min(body - 3, Math.floor((rows - headerHeight - 1) * (mode === 'full' ? 0.45 : 0.5))));
  const services: Rect = { top: headerHeight, left: 0, width: cols, height: tableHeight };
  const lowerTop = headerHeight + tableHeight;
  const lowerHeight = body - tableHeight;
  if (mode === 'compact') {
    return { mode, cols, rows, header, services, tree: { top: lowerTop, left: 0, width: cols, height: lowerHeight }, status };
  }
  const treeWidth = Math.floor(cols * 0.55);
  return {
    mode,
    cols,
    rows,
    header,
    services,
    tree: { top: lowerTop, left: 0, width: treeWidth, height: lowerHeight },
    details: { top: lowerTop, left: treeWidth, width: cols - treeWidth, height: lowerHeight },
    status,
  };
}

/** Which pane a screen cell (0-based) falls in, and which content row inside its border; undefined for none. */
export function hitTest(layout: DashboardLayout, x: number, y: number): { pane: 'services' | 'tree' | 'details'; row: number } | undefined {
  const panes = [
    ['services', layout.services, 1],
    ['tree', layout.tree, 0],
    ['details', layout.details, 0],
  ] as const;
  for (const [pane, rect, headerRows] of panes) {
    if (rect === undefined) continue;
    if (x >= rect.left && x < rect.left + rect.width && y >= rect.top && y < rect.top + rect.height) {
      // Row -1 (or less) is the border or the column header: a click there only focuses the pane.
      return { pane, row: y - rect.top - 1 - headerRows };
    }
  }
  return undefined;
}
