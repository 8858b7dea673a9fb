// The README picture's converter: what the terminal showed is what the SVG shows, colours and columns included.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeColor } from '../support/terminal.js';
import type { CellInfo } from '../support/terminal.js';
import { screenToSvg } from './terminal-svg.js';

const plain = { bold: false, dim: false, italic: false, underline: false, inverse: false };
const DEFAULT = describeColor('default', 0);

function cells(text: string, fg = DEFAULT, extra: Partial<CellInfo> = {}): CellInfo[] {
  return [...text].map((chars) => ({ ...plain, chars: chars === ' ' ? '' : chars, width: 1, fg, bg: DEFAULT, ...extra }));
}

const grid = { cellWidth: 10, cellHeight: 20, fontSize: 16, padding: 0 };
const texts = (svg: string): string[] => [...svg.matchAll(/<text x="([\d.]+)"[^>]* fill="([^"]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);

describe('screenToSvg', () => {
  it('draws each run of equally coloured text at its column, in its colour', () => {
    const svg = screenToSvg([[...cells('ok '), ...cells('✓', describeColor('palette', 2)), ...cells(' 12%', describeColor('rgb', 0x123456))]], 'x', grid);
    assert.deepEqual(texts(svg), ['0.0 #d7dae0 ok ', '30.0 #98c379 ✓', '40.0 #123456  12%']);
    assert.match(svg, /width="80" height="20"/);
  });

  it('escapes markup characters from the screen and the title', () => {
    const svg = screenToSvg([cells('<a&b>')], 'say "hi" & <bye>', grid);
    assert.deepEqual(texts(svg), ['0.0 #d7dae0 &lt;a&amp;b&gt;']);
    assert.match(svg, /<title>say &quot;hi&quot; &amp; &lt;bye&gt;<\/title>/);
  });

  it('paints inverse cells with swapped colours, as a selected row shows', () => {
    const svg = screenToSvg([[...cells('sel', DEFAULT, { inverse: true }), ...cells('x')]], 't', grid);
    assert.match(svg, /<rect x="0.0" y="0" width="30.0" height="20" fill="#d7dae0"\/>/);
    assert.deepEqual(texts(svg), ['0.0 #16181d sel', '30.0 #d7dae0 x']);
  });

  it('gives a wide character its two cells, so the next column stays in line', () => {
    const wide: CellInfo[] = [{ ...plain, chars: '界', width: 2, fg: DEFAULT, bg: DEFAULT }, { ...plain, chars: '', width: 0, fg: DEFAULT, bg: DEFAULT }];
    const svg = screenToSvg([[...wide, ...cells('a', describeColor('palette', 1))]], 't', grid);
    assert.deepEqual(texts(svg), ['0.0 #d7dae0 界', '20.0 #e06c75 a']);
  });
});
