// Turns a terminal emulator's screen (cells with characters and colours) into an SVG picture: a dark window,
// one text run per stretch of equally styled cells, placed on the cell grid so columns line up whatever the
// viewer's monospace font is.
import type { CellColor, CellInfo } from '../support/terminal.js';

/** The 16 basic colours of the picture's terminal theme (black, red, ... white, then the bright ones). */
const BASIC: readonly string[] = [
  '#1e2127', '#e06c75', '#98c379', '#d19a66', '#61afef', '#c678dd', '#56b6c2', '#abb2bf',
  '#5c6370', '#ff7b86', '#b5e890', '#f0c674', '#7cc4ff', '#de9bf0', '#74d6e0', '#e6e9ef',
];
const DEFAULT_FG = '#d7dae0';
const DEFAULT_BG = '#16181d';

/** Size of one cell and of the text in it, in SVG units (pixels). */
export interface SvgGrid {
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly fontSize: number;
  /** Space around the screen. */
  readonly padding: number;
}

export const DEFAULT_GRID: SvgGrid = { cellWidth: 8.4, cellHeight: 17, fontSize: 14, padding: 12 };

function hex(value: number): string {
  return `#${value.toString(16).padStart(6, '0')}`;
}

/** The xterm 256-colour palette beyond the basic 16: a 6×6×6 cube, then 24 grays. */
function paletteColor(index: number): string {
  if (index < 16) return BASIC[index] ?? DEFAULT_FG;
  if (index >= 232) {
    const v = 8 + (index - 232) * 10;
    return hex((v << 16) | (v << 8) | v);
  }
  const i = index - 16;
  const level = (n: number): number => (n === 0 ? 0 : 55 + n * 40);
  return hex((level(Math.floor(i / 36)) << 16) | (level(Math.floor(i / 6) % 6) << 8) | level(i % 6));
}

/** A cell colour as an SVG colour; `fallback` for the terminal's default. */
export function svgColor(color: CellColor, fallback: string): string {
  if (color.mode === 'default') return fallback;
  return color.mode === 'rgb' ? hex(color.value) : paletteColor(color.value);
}

/** Text safe inside an SVG element. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface Style {
  readonly fg: string;
  readonly bg: string;
  readonly bold: boolean;
  readonly underline: boolean;
}

function styleOf(cell: CellInfo): Style {
  let fg = svgColor(cell.fg, DEFAULT_FG);
  let bg = svgColor(cell.bg, DEFAULT_BG);
  if (cell.inverse) [fg, bg] = [bg, fg];
  // Dim text is drawn at 60% towards the background, as terminals do.
  return { fg: cell.dim ? `${fg}99` : fg, bg, bold: cell.bold, underline: cell.underline };
}

const sameStyle = (a: Style, b: Style): boolean => a.fg === b.fg && a.bg === b.bg && a.bold === b.bold && a.underline === b.underline;

/**
 * The SVG of a screen given as rows of cells (`rows[row][col]`), with a title for screen readers.
 * A wide character takes its two cells; the empty cell after it is skipped.
 */
export function screenToSvg(rows: readonly (readonly CellInfo[])[], title: string, grid: SvgGrid = DEFAULT_GRID): string {
  const cols = Math.max(0, ...rows.map((r) => r.length));
  const width = Math.ceil(cols * grid.cellWidth + grid.padding * 2);
  const height = Math.ceil(rows.length * grid.cellHeight + grid.padding * 2);
  const x = (col: number): string => (grid.padding + col * grid.cellWidth).toFixed(1);
  const backgrounds: string[] = [];
  const texts: string[] = [];

  rows.forEach((cells, row) => {
    const top = grid.padding + row * grid.cellHeight;
    const baseline = (top + grid.cellHeight * 0.78).toFixed(1);
    const styles = cells.map(styleOf);
    // Backgrounds first, as runs of one colour whatever the text on them.
    for (let col = 0; col < cells.length; ) {
      const bg = styles[col]?.bg ?? DEFAULT_BG;
      let end = col + 1;
      while (end < cells.length && styles[end]?.bg === bg) end += 1;
      if (bg !== DEFAULT_BG) {
        backgrounds.push(`<rect x="${x(col)}" y="${top}" width="${((end - col) * grid.cellWidth).toFixed(1)}" height="${grid.cellHeight}" fill="${bg}"/>`);
      }
      col = end;
    }
    // Then text, as runs of one style; runs of plain spaces need no text.
    for (let col = 0; col < cells.length; ) {
      const style = styles[col] as Style;
      let end = col;
      let text = '';
      while (end < cells.length) {
        const cell = cells[end] as CellInfo;
        if (cell.width !== 0 && !sameStyle(style, styles[end] as Style)) break;
        if (cell.width !== 0) text += cell.chars === '' ? ' ' : cell.chars;
        end += 1;
      }
      if (text.trim() !== '') {
        // textLength pins the run to its cells even when the viewer's font is a hair too wide or narrow.
        const span = ((end - col) * grid.cellWidth).toFixed(1);
        const attributes = [`x="${x(col)}"`, `y="${baseline}"`, `textLength="${span}"`, 'lengthAdjust="spacingAndGlyphs"', `fill="${style.fg}"`];
        if (style.bold) attributes.push('font-weight="bold"');
        if (style.underline) attributes.push('text-decoration="underline"');
        texts.push(`<text ${attributes.join(' ')}>${escapeXml(text)}</text>`);
      }
      col = end;
    }
  });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" rx="8" fill="${DEFAULT_BG}"/>`,
    ...backgrounds,
    `<g font-family="'DejaVu Sans Mono', 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace" font-size="${grid.fontSize}" xml:space="preserve">`,
    ...texts,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
