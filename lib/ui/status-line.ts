// The bottom line: what the user is typing, else the result of the last action, else the poller's error,
// else the key hints. Pure; returns blessed-tagged text.
import { keyHints } from './keys.js';
import type { BindingScope } from './keys.js';
import { clean, escapeTags, sanitize, truncate, wrap } from './render/text.js';

export interface StatusMessage {
  readonly text: string;
  readonly kind: 'info' | 'error';
  /** Cleared by the next snapshot too (e.g. "Refreshing…"), not only by the next key. */
  readonly untilSnapshot?: boolean;
}

export interface StatusInput {
  readonly scope: BindingScope;
  /** The filter being typed, if any, and how many services match it. */
  readonly filterDraft?: string | undefined;
  readonly matchCount?: number;
  /** The filter in force, shown beside the hints. */
  readonly filter?: string;
  readonly message?: StatusMessage | undefined;
  /** The poller's error message (one sentence), while the last refresh failed. */
  readonly error?: string | undefined;
  readonly mouse: boolean;
}

/** The most lines the status area grows to for a message (a console URL at 80 columns takes two). */
export const STATUS_MAX_LINES = 3;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 'es'}`;
}

/** The status line's text for the current situation. */
export function renderStatusLine(input: StatusInput): string {
  if (input.filterDraft !== undefined) {
    return `{bold}/{/bold}${clean(input.filterDraft)}█  ${plural(input.matchCount ?? 0, 'match')} · Enter keep · Esc clear`;
  }
  if (input.message !== undefined) {
    const text = clean(input.message.text);
    return input.message.kind === 'error' ? `{red-fg}${text}{/red-fg}` : text;
  }
  if (input.error !== undefined) return `{red-fg}${clean(input.error)}{/red-fg}`;
  const parts: string[] = [];
  if (input.filter !== undefined && input.filter !== '') parts.push(`filter "${clean(input.filter)}" (${plural(input.matchCount ?? 0, 'match')})`);
  parts.push(keyHints(input.scope));
  if (!input.mouse) parts.push('mouse off (m)');
  return parts.join('  ');
}

/**
 * The status area's lines for a terminal `width` cells wide: one line, except that a message (the result of
 * `c` or `o`, which ends with a console URL) wraps onto up to `maxLines` lines so the whole URL stays on
 * screen to be selected by hand. The URL starts a line of its own when it does not fit after the sentence.
 * Only a message longer than `maxLines` full lines is cut, with `…` at the end.
 */
export function renderStatusLines(input: StatusInput, width: number, maxLines = STATUS_MAX_LINES): string[] {
  const message = input.filterDraft === undefined ? input.message : undefined;
  if (message === undefined || width <= 0) return [renderStatusLine(input)];
  // Wrapped as plain text, escaped afterwards: an escaped brace is 6 characters but shows as 1 cell.
  const lines = wrap(sanitize(message.text), width, maxLines + 1);
  if (lines.length > maxLines) {
    lines.length = maxLines;
    lines[maxLines - 1] = truncate(`${lines[maxLines - 1] ?? ''} …`, width);
  }
  return lines.map((line) => {
    const text = escapeTags(line);
    return message.kind === 'error' ? `{red-fg}${text}{/red-fg}` : text;
  });
}
