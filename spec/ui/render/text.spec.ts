import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import xterm from '@xterm/headless';
import { fixturePath } from '../../support/paths.js';
import { visible } from './builders.js';
import { clean, displayWidth, escapeTags, pad, sanitize, truncate, wrap } from '../../../lib/ui/render/text.js';
import { fitSegments } from '../../../lib/ui/render/cell.js';

describe('sanitize', () => {
  it('removes CSI colour and cursor sequences', () => {
    assert.equal(sanitize('a\x1b[31mred\x1b[0m b\x1b[2J\x1b[10;20H'), 'ared b');
  });
  it('removes an OSC window-title sequence ended by BEL or ST', () => {
    assert.equal(sanitize('x\x1b]0;pwned\x07y\x1b]2;t\x1b\\z'), 'xyz');
  });
  it('removes an OSC 52 clipboard write and a DCS string', () => {
    assert.equal(sanitize('a\x1b]52;c;ZXZpbA==\x07b\x1bPq#0;2;0;0;0\x1b\\c'), 'abc');
  });
  it('removes C1 controls including 8-bit CSI and OSC', () => {
    assert.equal(sanitize('a\x9b31mb\x9d0;t\x9cc\x85d\x80e'), 'abc de');
  });
  it('removes BEL, NUL, DEL and a lone ESC', () => {
    assert.equal(sanitize('a\x07b\x00c\x7fd\x1b'), 'abcd');
  });
  it('turns each run of newlines and tabs into one space', () => {
    assert.equal(sanitize('line1\r\n\tline2\nline3'), 'line1 line2 line3');
  });
  it('removes bidi overrides, zero-width and soft-hyphen characters and repairs lone surrogates', () => {
    assert.equal(sanitize('ab\u202ecd\u2066e'), 'abcde');
    assert.equal(sanitize('a\u200bb\u200dc\u00add\ufeffe'), 'abcde');
    assert.equal(sanitize('\u0301\u0302x\u1160y\u3164'), 'xy');
    assert.equal(sanitize('x\ud800y'), 'x\ufffdy');
  });
  it('handles megabytes of unterminated sequences', () => {
    const junk = '\x1b]0;'.repeat(200_000) + '\x9d' + 'a'.repeat(100_000) + '\x90x'.repeat(100_000);
    const out = sanitize(junk);
    assert.equal(out, '0;'.repeat(200_000) + 'a'.repeat(100_000) + 'x'.repeat(100_000));
  });
  it('leaves ordinary Unicode alone', () => {
    assert.equal(sanitize('café 服务 ✓'), 'café 服务 ✓');
  });
});

describe('escapeTags and clean', () => {
  it('escapes blessed tags so data cannot style the screen', () => {
    assert.equal(escapeTags('{bold}x{/bold}'), '{open}bold{close}x{open}/bold{close}');
  });
  it('cleans control characters and tags together', () => {
    assert.equal(clean('\x1b[1m{red-fg}\n'), '{open}red-fg{close} ');
  });
});

describe('displayWidth', () => {
  it('agrees with a terminal emulator on every hostile fixture string once cleaned', async () => {
    const { strings } = JSON.parse(readFileSync(fixturePath('ui', 'hostile-strings.json'), 'utf8')) as { strings: string[] };
    const term = new xterm.Terminal({ cols: 300, rows: 2, allowProposedApi: true });
    try {
      for (const s of [...strings, '\u0301x', 'e\u0301x', '支払い', 'ｆｕｌｌ']) {
        const c = clean(s);
        term.reset();
        await new Promise<void>((resolve) => term.write(visible(c), resolve));
        assert.equal(term.buffer.active.cursorX, displayWidth(c), JSON.stringify(c));
      }
    } finally {
      term.dispose();
    }
  });
  it('counts wide CJK characters as two cells and combining marks as none', () => {
    assert.equal(displayWidth('服务'), 4);
    assert.equal(displayWidth('e\u0301'), 1);
    assert.equal(displayWidth('ｗ'), 2);
  });
  it('counts colour tags as nothing and escaped braces as one cell', () => {
    assert.equal(displayWidth('{green-fg}✓{/green-fg}'), 1);
    assert.equal(displayWidth(clean('{x}')), 3);
  });
});

describe('truncate and pad', () => {
  it('cuts with an ellipsis at the width', () => {
    assert.equal(truncate('checkout-service', 8), 'checkou…');
    assert.equal(truncate('short', 8), 'short');
  });
  it('never splits a wide character', () => {
    assert.equal(truncate('服务服务', 4), '服…');
    assert.equal(pad('服务服务', 4), '服… ');
  });
  it('keeps combining marks with their letter', () => {
    assert.equal(truncate('e\u0301e\u0301e\u0301', 2), 'e\u0301…');
  });
  it('pads to the exact width on either side', () => {
    assert.equal(pad('ab', 5), 'ab   ');
    assert.equal(pad('ab', 5, 'right'), '   ab');
    assert.equal(pad('abcdef', 0), '');
  });
  it('counts an escaped brace as one cell when cutting', () => {
    const s = clean('{bold}abc');
    assert.equal(pad(s, 4), '{open}bo…');
    assert.equal(displayWidth(pad(s, 4)), 4);
  });
  it('keeps closing colour tags when the coloured text is cut', () => {
    assert.equal(truncate('{red-fg}abcdef{/red-fg}', 4), '{red-fg}abc…{/red-fg}');
  });
});

describe('fitSegments', () => {
  it('colours each piece after fitting so padding counts cells', () => {
    assert.equal(fitSegments([{ text: 'ok ' }, { text: '✓', tags: ['green-fg'] }], 6), 'ok {green-fg}✓{/green-fg}  ');
  });
  it('cuts across pieces with an ellipsis and keeps the width exact around wide characters', () => {
    assert.equal(fitSegments([{ text: 'ab', tags: ['red-fg'] }, { text: 'cdef' }], 4), '{red-fg}ab{/red-fg}c…');
    assert.equal(fitSegments([{ text: 'a服b' }], 3), 'a …');
  });
});

describe('wrap', () => {
  it('breaks at spaces and hard-breaks long words by cells', () => {
    assert.deepEqual(wrap('the task stopped now', 10), ['the task', 'stopped', 'now']);
    assert.deepEqual(wrap('服务服务服务', 4), ['服务', '服务', '服务']);
    assert.deepEqual(wrap('a  b', 10), ['a  b']);
    assert.deepEqual(wrap('', 10), ['']);
  });
  it('stops after maxLines, even for a megabyte without spaces', () => {
    assert.deepEqual(wrap('x'.repeat(1_000_000), 3, 2), ['xxx', 'xxx']);
    assert.deepEqual(wrap('aa bb cc dd', 2, 3), ['aa', 'bb', 'cc']);
  });
});
