// The bottom line: what the user is typing, else the result of the last action, else the poller's error,
// else the key hints. Pure; returns blessed-tagged text.
import { keyHints } from './keys.js';
import type { BindingScope } from './keys.js';
import { clean } from './render/text.js';

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
