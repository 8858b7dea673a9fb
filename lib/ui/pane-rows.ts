// The rows a pane widget receives: only the window that fits, the selected row highlighted. Pure.
import { displayWidth, truncate } from './render/text.js';

/** Highlight tags for the selected row: bright in the focused pane, dim elsewhere. */
export function highlight(row: string, focused: boolean): string {
  return focused ? `{blue-bg}{white-fg}${row}{/white-fg}{/blue-bg}` : `{#3a3a3a-bg}${row}{/#3a3a3a-bg}`;
}

/**
 * The visible slice of `lines` starting at `offset`, at most `height` long, with the line at `selected`
 * (an index into `lines`) highlighted.
 */
export function visibleRows(lines: readonly string[], offset: number, height: number, selected: number | undefined, focused: boolean): string[] {
  const out: string[] = [];
  for (let i = offset; i < Math.min(lines.length, offset + Math.max(0, height)); i++) {
    const line = lines[i] ?? '';
    out.push(i === selected ? highlight(line, focused) : line);
  }
  return out;
}

/**
 * A pane drawn as text between two rules, for a box without borders: the label in the top rule, `rows`
 * below it (padded or cut to fit), a closing rule at the bottom; every line exactly `width` cells. Used for
 * the service table so its columns get the terminal's full width (side borders would take two cells).
 */
export function ruledPane(label: string, rows: readonly string[], width: number, height: number, focused: boolean): string[] {
  if (width <= 0 || height <= 0) return [];
  const color = focused ? 'cyan-fg' : 'gray-fg';
  const rule = (n: number): string => `{${color}}${'─'.repeat(Math.max(0, n))}{/${color}}`;
  const title = truncate(label, Math.max(0, width - 2));
  const top = `${rule(Math.min(2, width))}{cyan-fg}${title}{/cyan-fg}${rule(width - 2 - displayWidth(title))}`;
  if (height === 1) return [top];
  const body = rows.slice(0, height - 2).map((r) => r);
  while (body.length < height - 2) body.push('');
  return [top, ...body, rule(width)];
}
