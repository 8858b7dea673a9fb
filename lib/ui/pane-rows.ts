// The rows a pane widget receives: only the window that fits, the selected row highlighted. Pure.

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
