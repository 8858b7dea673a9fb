// Terminal size thresholds and the message shown when the terminal is too small to draw anything.

/** Below this many columns or rows nothing but the "too small" message is drawn. */
export const MIN_COLS = 60;
export const MIN_ROWS = 15;
/** Below this many columns or rows the compact layout is used (fewer columns, no details pane). */
export const COMPACT_COLS = 80;
export const COMPACT_ROWS = 24;

/** Whether a terminal of `cols`×`rows` can show the dashboard at all. */
export function isTooSmall(cols: number, rows: number): boolean {
  return cols < MIN_COLS || rows < MIN_ROWS;
}

/** `terminal too small (need 60×15, have 50×12)`, for the centre of an otherwise empty screen. */
export function renderTooSmall(cols: number, rows: number): string {
  const c = Number.isFinite(cols) ? Math.max(0, Math.floor(cols)) : 0;
  const r = Number.isFinite(rows) ? Math.max(0, Math.floor(rows)) : 0;
  return `terminal too small (need ${MIN_COLS}×${MIN_ROWS}, have ${c}×${r})`;
}
