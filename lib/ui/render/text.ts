// Text primitives for the terminal: stripping control sequences, escaping blessed tags and measuring,
// truncating and padding by display cells (what the terminal draws), not by UTF-16 code units.

// ESC-introduced sequences: CSI (ESC [ … final), OSC/DCS/SOS/PM/APC strings ended by BEL or ST, and
// two-character escapes; plus their single-byte C1 forms (0x9B CSI, 0x9D OSC, 0x90 DCS …).
const CSI = String.raw`(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]`;
// The body excludes every introducer, so an unterminated string stops at the next one: matching stays
// linear on hostile input (a lazy `[\s\S]*?` would rescan to the end from every introducer).
const STRING_SEQ = String.raw`(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x90\x98\x9c-\x9f]*(?:\x07|\x1b\\|\x9c)`;
const ESC_SHORT = String.raw`\x1b[ -/]*[0-~]`;
const SEQUENCE = new RegExp(`${STRING_SEQ}|${CSI}|${ESC_SHORT}`, 'g');
const LINE_BREAKS = /[\r\n\t\v\f\u0085\u2028\u2029]+/g;
// Remaining C0/C1 controls, DEL, and invisible format characters (Cf: bidi overrides that can visually
// reorder a row, zero-width spaces and joiners, soft hyphens): terminals and blessed disagree on their
// width, so keeping them would break column alignment.
const CONTROLS = /[\x00-\x1f\x7f-\x9f]|\p{Cf}/gu;
// Hangul fillers draw as nothing in some places and as wide blanks in others (xterm): a spoofing tool.
const FILLERS = /[\u115f\u1160\u3164\uffa0]/g;
// A combining mark with nothing before it to combine with takes a cell of its own in xterm.
const LEADING_MARKS = /^\p{M}+/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// With the u flag a surrogate range matches only unpaired halves.
const NEEDS_WORK = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\u115f\u1160\u3164\uffa0]|\p{Cf}|^\p{M}/u;

/**
 * Makes untrusted text safe to draw: removes ESC/CSI/OSC/DCS sequences (and their C1 forms), BEL and
 * every other C0/C1 control, invisible format characters (bidi overrides, zero-width spaces, soft
 * hyphens), Hangul fillers and combining marks with no letter before them; lone surrogates become
 * U+FFFD; each run of line breaks or tabs becomes one space. Never throws.
 */
export function sanitize(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  return s
    .replace(SEQUENCE, '')
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROLS, '')
    .replace(FILLERS, '')
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(LEADING_MARKS, '');
}

/** Escapes blessed tag syntax so `{bold}` in data is shown literally: `{` → `{open}`, `}` → `{close}`. */
export function escapeTags(s: string): string {
  if (!s.includes('{') && !s.includes('}')) return s;
  return s.replace(/[{}]/g, (c) => (c === '{' ? '{open}' : '{close}'));
}

/** `escapeTags(sanitize(s))`: apply to every string that comes from AWS before measuring or colouring it. */
export function clean(s: string): string {
  return escapeTags(sanitize(s));
}

// Ranges of East Asian Wide/Fullwidth code points that terminals (and blessed with fullUnicode) draw in
// two cells. Emoji are left at one cell because blessed and xterm's Unicode 6 tables count them so.
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x2329, 0x232a], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf],
  [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff],
  [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1b000, 0x1b001],
  [0x1f200, 0x1f251], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200f\u2060-\u2064\ufeff]$/u;

// Widths of BMP code points, filled in as they are met: 255 means not yet computed. The regex test
// for combining marks is slow enough to dominate row rendering without it.
const BMP_WIDTH = new Uint8Array(0x10000).fill(255);

/** Cells one code point occupies: 0 for combining marks and zero-width characters, 2 for wide ones. */
export function charWidth(cp: number): number {
  if (cp < 0x300) return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? 0 : 1;
  if (cp < 0x10000) {
    const known = BMP_WIDTH[cp] ?? 255;
    if (known !== 255) return known;
    const w = computeWidth(cp);
    BMP_WIDTH[cp] = w;
    return w;
  }
  return computeWidth(cp);
}

function computeWidth(cp: number): number {
  if (ZERO_WIDTH.test(String.fromCodePoint(cp))) return 0;
  if (cp < 0x1100) return 1;
  for (const [lo, hi] of WIDE) {
    if (cp < lo) return 1;
    if (cp <= hi) return 2;
  }
  return 1;
}

// A blessed tag as the renderer emits it; `{open}`/`{close}` draw one brace, any other tag draws nothing.
const TAG = /\{\/?[\w\-,;!#]*\}/y;

/** Length in UTF-16 units of the blessed tag at `i`, or 0. `{}` is not a tag (blessed prints it). */
function tagAt(s: string, i: number): number {
  if (s.charCodeAt(i) !== 0x7b) return 0;
  TAG.lastIndex = i;
  const m = TAG.exec(s);
  if (!m || m[0] === '{}') return 0;
  return m[0].length;
}

function tagWidth(tag: string): number {
  return tag === '{open}' || tag === '{close}' ? 1 : 0;
}

/**
 * Display width in terminal cells of `s` as blessed draws it with tags enabled: tags take no cells
 * (except `{open}`/`{close}`, one brace each), wide characters two, combining marks none.
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    if (c < 0x7b) {
      // Printable ASCII fast path: the common case for names and numbers.
      w += c >= 0x20 ? 1 : 0;
      i++;
      continue;
    }
    if (c === 0x7b) {
      const t = tagAt(s, i);
      if (t > 0) {
        w += tagWidth(s.slice(i, i + t));
        i += t;
        continue;
      }
      w++;
      i++;
      continue;
    }
    const cp = s.codePointAt(i) ?? c;
    w += charWidth(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return w;
}

/**
 * Cuts `s` to at most `width` cells, ending with `…` when anything was cut. Tags are kept whole (and
 * tags after the cut are kept, so a closing colour tag is never lost). A negative width counts as 0.
 */
export function truncate(s: string, width: number): string {
  const max = Math.max(0, Math.floor(width));
  if (displayWidth(s) <= max) return s;
  if (max === 0) return keepTags(s, 0);
  const limit = max - 1; // room for the ellipsis
  let w = 0;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const t = tagAt(s, i);
    if (t > 0) {
      const tag = s.slice(i, i + t);
      const tw = tagWidth(tag);
      if (w + tw > limit) break;
      out += tag;
      w += tw;
      i += t;
      continue;
    }
    const cp = s.codePointAt(i) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    const cw = charWidth(cp);
    if (w + cw > limit) break;
    out += s.slice(i, i + len);
    w += cw;
    i += len;
  }
  return out + '…' + keepTags(s, i);
}

/** The longest prefix of `s` that fits in `width` cells (tags kept whole), without an ellipsis. */
export function takeCells(s: string, width: number): string {
  return s.slice(0, prefixEnd(s, Math.max(0, Math.floor(width)), false));
}

/** Where the longest prefix of `s` within `width` cells ends (tags kept whole); with `atLeastOne`, never 0 for a non-empty `s`. */
function prefixEnd(s: string, width: number, atLeastOne: boolean): number {
  let w = 0;
  let i = 0;
  while (i < s.length) {
    const t = tagAt(s, i);
    const len = t > 0 ? t : (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    const cw = t > 0 ? tagWidth(s.slice(i, i + t)) : charWidth(s.codePointAt(i) ?? 0);
    if (w + cw > width && !(atLeastOne && i === 0)) break;
    w += cw;
    i += len;
  }
  return i;
}

/** The tags (not braces) in `s` from index `from`: what must survive a cut so colours stay balanced. */
function keepTags(s: string, from: number): string {
  let out = '';
  for (let i = s.indexOf('{', from); i !== -1; i = s.indexOf('{', i + 1)) {
    const t = tagAt(s, i);
    if (t > 0) {
      const tag = s.slice(i, i + t);
      if (tagWidth(tag) === 0) out += tag;
    }
  }
  return out;
}

/** Truncates then pads `s` with spaces to exactly `width` cells (`align` right puts the spaces first). */
export function pad(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  const max = Math.max(0, Math.floor(width));
  const t = truncate(s, max);
  const fill = max - displayWidth(t);
  if (fill <= 0) return t;
  const spaces = ' '.repeat(fill);
  return align === 'right' ? spaces + t : t + spaces;
}

/**
 * Splits `s` into lines of at most `width` cells, breaking at spaces where possible and hard-breaking
 * words longer than a line. Stops after `maxLines` lines (so a megabyte of hostile text costs only
 * what is shown). Tags are not expected here: use it on clean text before colouring. Returns at
 * least one line.
 */
export function wrap(s: string, width: number, maxLines = Number.POSITIVE_INFINITY): string[] {
  const max = Math.max(1, Math.floor(width));
  const limit = Math.max(1, maxLines);
  const lines: string[] = [];
  let line = '';
  let lineW = 0;
  let start = 0;
  while (start <= s.length) {
    let end = s.indexOf(' ', start);
    if (end === -1) end = s.length;
    const word = s.slice(start, end);
    start = end + 1;
    const ww = displayWidth(word);
    const sep = line === '' ? 0 : 1;
    if (lineW + sep + ww <= max) {
      line += (sep ? ' ' : '') + word;
      lineW += sep + ww;
      continue;
    }
    if (line !== '') {
      lines.push(line);
      if (lines.length >= limit) return lines;
    }
    // A word longer than the line is cut into line-sized pieces.
    let rest = word;
    for (;;) {
      const [head, tail] = splitAt(rest, max);
      if (tail === '') {
        rest = head;
        break;
      }
      lines.push(head);
      if (lines.length >= limit) return lines;
      rest = tail;
    }
    line = rest;
    lineW = displayWidth(rest);
  }
  lines.push(line);
  return lines;
}

/** The longest prefix of at most `width` cells (at least one character) and the rest. */
function splitAt(s: string, width: number): [string, string] {
  const i = prefixEnd(s, width, true);
  return [s.slice(0, i), s.slice(i)];
}
