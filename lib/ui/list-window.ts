// Scroll arithmetic shared by every list on screen: widgets only ever receive the rows that fit, so the
// selection index and the first visible row are kept here rather than in blessed.

/** Clamps `index` into a list of `count` rows (0 when the list is empty). */
export function clampIndex(index: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(Math.max(index, 0), count - 1);
}

/**
 * The first visible row so that `index` is on screen in a window of `height` rows, moving `offset` as little
 * as possible and never leaving empty rows at the bottom when the list could fill them.
 */
export function keepVisible(offset: number, index: number, height: number, count: number): number {
  if (height <= 0 || count <= 0) return 0;
  let next = offset;
  if (index < next) next = index;
  if (index >= next + height) next = index - height + 1;
  return Math.max(0, Math.min(next, count - height));
}

/** How far PgUp/PgDn move: one window less one row, so a row of context stays, at least 1. */
export function pageStep(height: number): number {
  return Math.max(1, height - 1);
}
