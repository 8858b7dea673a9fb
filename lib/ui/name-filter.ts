// Filtering a list by name with `/`, shared by the service table and the cluster picker: which rows match,
// what each key does while the filter is typed, and how an edit changes the filter. Pure.

/** A filter by name: the one in force and the one being typed (applied live while typed). */
export interface NameFilter {
  /** The filter in force (case-insensitive substring of the name); '' for none. */
  readonly filter: string;
  /** The filter being typed after `/`; undefined when not typing. */
  readonly filterDraft: string | undefined;
}

/** An edit of a {@link NameFilter}. */
export type FilterEdit =
  | { readonly type: 'filter-start' }
  | { readonly type: 'filter-input'; readonly text: string }
  | { readonly type: 'filter-backspace' }
  | { readonly type: 'filter-commit' }
  | { readonly type: 'filter-cancel' };

/** What a key does while a filter is typed: an edit, a move of the selection, or nothing. */
export type FilterKeyAction = FilterEdit | { readonly type: 'move'; readonly delta: -1 | 1 };

/** The filter that decides which rows show: the one being typed, else the one in force. */
export function effectiveFilter(f: NameFilter): string {
  return f.filterDraft ?? f.filter;
}

/** The items whose name contains `filter`, ignoring case; all of them when it is blank. */
export function filterByName<T extends { readonly name: string }>(items: readonly T[], filter: string): readonly T[] {
  const needle = filter.trim();
  if (needle === '') return items;
  // One case-insensitive regex instead of lower-casing 5,000 names on every keystroke.
  const re = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  return items.filter((item) => re.test(item.name));
}

/**
 * The action of a key (as keyNameOf names it, and the character typed) while a filter is typed: Enter keeps
 * the filter, Esc clears it, Backspace deletes a character, ↑/↓ move the selection, a printable character is
 * typed. Undefined for other keys, which typing swallows.
 */
export function filterKeyAction(name: string, ch: string | undefined): FilterKeyAction | undefined {
  if (name === 'enter') return { type: 'filter-commit' };
  if (name === 'escape') return { type: 'filter-cancel' };
  if (name === 'backspace') return { type: 'filter-backspace' };
  if (name === 'up') return { type: 'move', delta: -1 };
  if (name === 'down') return { type: 'move', delta: 1 };
  if (ch !== undefined && ch.length > 0 && ch >= ' ' && ch !== '\x7f') return { type: 'filter-input', text: ch };
  return undefined;
}

/** Applies an edit; typing edits only count after `/` started it. */
export function editFilter<F extends NameFilter>(f: F, edit: FilterEdit): F {
  switch (edit.type) {
    case 'filter-start':
      return { ...f, filterDraft: f.filter };
    case 'filter-input':
      return f.filterDraft === undefined ? f : { ...f, filterDraft: f.filterDraft + edit.text };
    case 'filter-backspace':
      return f.filterDraft === undefined ? f : { ...f, filterDraft: [...f.filterDraft].slice(0, -1).join('') };
    case 'filter-commit':
      return f.filterDraft === undefined ? f : { ...f, filter: f.filterDraft, filterDraft: undefined };
    case 'filter-cancel':
      return { ...f, filter: '', filterDraft: undefined };
  }
}
