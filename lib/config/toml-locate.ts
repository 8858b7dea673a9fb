// Finds where a key or table sits in TOML source text. @iarna/toml reports positions only for syntax
// errors, not for values, so a wrong value is located here by reading the lines ourselves.

/** 1-based position of a key (or table header) and, for a key with a value on the line, of that value. */
export interface TomlPosition {
  readonly line: number;
  readonly col: number;
  readonly valueCol?: number;
}

const SEGMENT = String.raw`(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')`;
const DOTTED = String.raw`${SEGMENT}(?:\s*\.\s*${SEGMENT})*`;
const HEADER = new RegExp(String.raw`^(\s*)\[\[?\s*(${DOTTED})\s*\]\]?`);
const KEY_LINE = new RegExp(String.raw`^(\s*)(${DOTTED})\s*=\s*`);

/** Splits a dotted TOML key into its parts, unquoting quoted parts. */
export function splitDottedKey(text: string): string[] {
  return [...text.matchAll(new RegExp(SEGMENT, 'g'))].map(([part]) => {
    if (part.startsWith('"')) return part.slice(1, -1).replace(/\\(["\\])/g, '$1');
    if (part.startsWith("'")) return part.slice(1, -1);
    return part;
  });
}

const startsWith = (whole: readonly string[], head: readonly string[]): boolean =>
  head.length <= whole.length && head.every((part, i) => whole[i] === part);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The first place `path` is defined: a key whose full dotted path equals it (with the value's column),
 * else the first table header or key under it (e.g. `[refersh]` for `['refersh']`). Handles dotted
 * keys, quoted keys and one level of inline table; skips the bodies of multi-line strings. Returns
 * undefined when the path cannot be found this simply, and callers then report the file without a
 * position rather than a wrong one.
 */
export function locateKey(source: string, path: readonly string[]): TomlPosition | undefined {
  const lines = source.split(/\r?\n/);
  let table: string[] = [];
  let openString: string | undefined;
  for (const [index, text] of lines.entries()) {
    const line = index + 1;
    if (openString !== undefined) {
      if (text.includes(openString)) openString = undefined;
      continue;
    }
    const header = HEADER.exec(text);
    if (header) {
      table = splitDottedKey(header[2] ?? '');
      if (startsWith(table, path)) return { line, col: (header[1] ?? '').length + 1 };
      continue;
    }
    const keyLine = KEY_LINE.exec(text);
    if (!keyLine) continue;
    const full = [...table, ...splitDottedKey(keyLine[2] ?? '')];
    const col = (keyLine[1] ?? '').length + 1;
    const rest = text.slice(keyLine[0].length);
    if (full.length === path.length && startsWith(full, path)) return { line, col, valueCol: keyLine[0].length + 1 };
    if (startsWith(full, path)) return { line, col };
    if (startsWith(path, full) && path.length === full.length + 1 && rest.startsWith('{')) {
      const name = path[path.length - 1] ?? '';
      const inner = new RegExp(String.raw`([{,]\s*)(${escapeRegExp(name)}|"${escapeRegExp(name)}")\s*=\s*`).exec(rest);
      if (inner) {
        const keyCol = keyLine[0].length + inner.index + (inner[1] ?? '').length + 1;
        return { line, col: keyCol, valueCol: keyLine[0].length + inner.index + inner[0].length + 1 };
      }
    }
    const delimiter = rest.startsWith('"""') ? '"""' : rest.startsWith("'''") ? "'''" : undefined;
    if (delimiter !== undefined && !rest.slice(3).includes(delimiter)) openString = delimiter;
  }
  return undefined;
}
