// Table cells made of coloured pieces: the text is fitted to the cell first, colour tags are added
// around what is left, so padding counts cells and a cut never splits or drops a tag.
import { displayWidth, takeCells } from './text.js';

/** A piece of cell text (already `clean()`ed) with the blessed colour/attribute tags to wrap it in. */
export interface Segment {
  readonly text: string;
  /** Tag names such as `green-fg` or `bold`; none for plain text. */
  readonly tags?: readonly string[];
}

/** Wraps `text` in blessed tags (`['red-fg','bold']` → `{red-fg}{bold}text{/bold}{/red-fg}`). */
export function styled(text: string, tags: readonly string[] | undefined): string {
  if (!tags || tags.length === 0 || text.trim() === '') return text;
  let open = '';
  let close = '';
  for (const t of tags) {
    open += `{${t}}`;
    close = `{/${t}}` + close;
  }
  return open + text + close;
}

/** Shorthand for one colour: `fg('red', 'x')` → `{red-fg}x{/red-fg}`. */
export function fg(color: string, text: string): string {
  return styled(text, [`${color}-fg`]);
}

/**
 * Lays `segments` into exactly `width` cells: cut with `…` when too long, padded with spaces (after,
 * or before when `align` is right) when short; each visible piece keeps its colour.
 */
export function fitSegments(segments: readonly Segment[], width: number, align: 'left' | 'right' = 'left'): string {
  const max = Math.max(0, Math.floor(width));
  let total = 0;
  for (const seg of segments) total += displayWidth(seg.text);
  let out = '';
  if (total <= max) {
    for (const seg of segments) out += styled(seg.text, seg.tags);
    const spaces = ' '.repeat(max - total);
    return align === 'right' ? spaces + out : out + spaces;
  }
  if (max === 0) return '';
  let budget = max - 1; // room for the ellipsis
  for (const seg of segments) {
    const w = displayWidth(seg.text);
    if (w <= budget) {
      out += styled(seg.text, seg.tags);
      budget -= w;
      continue;
    }
    const part = takeCells(seg.text, budget);
    out += styled(part, seg.tags);
    budget -= displayWidth(part);
    break;
  }
  // A wide character that did not fit leaves a cell over: fill it so the width stays exact.
  return out + ' '.repeat(budget) + '…';
}
