import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ruledPane, visibleRows } from '../../lib/ui/pane-rows.js';
import { displayWidth } from '../../lib/ui/render/text.js';

describe('pane rows', () => {
  const lines = ['a', 'b', 'c', 'd', 'e'];

  it('gives the widget only the window that fits', () => {
    assert.deepEqual(visibleRows(lines, 1, 2, undefined, true), ['b', 'c']);
    assert.deepEqual(visibleRows(lines, 3, 10, undefined, true), ['d', 'e']);
    assert.deepEqual(visibleRows(lines, 0, 0, 0, true), []);
  });

  it('highlights the selected row, brighter in the focused pane', () => {
    const focused = visibleRows(lines, 1, 3, 2, true);
    assert.equal(focused[0], 'b');
    assert.match(focused[1] ?? '', /^\{blue-bg\}.*c.*\{\/blue-bg\}$/);
    const unfocused = visibleRows(lines, 1, 3, 2, false);
    assert.notEqual(unfocused[1], focused[1]);
    assert.match(unfocused[1] ?? '', /c/);
  });

  it('handles 5,000 rows by slicing, not by building them all', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `row ${i}`);
    assert.deepEqual(visibleRows(many, 4990, 20, 4999, true).length, 10);
  });
});

describe('ruled pane', () => {
  it('puts the label in the top rule and closes with a bottom rule, every line the full width', () => {
    const lines = ruledPane(' Services 2/2 ', ['a', 'b'], 30, 6, true);
    assert.equal(lines.length, 6);
    assert.match(lines[0] ?? '', /Services 2\/2/);
    assert.equal(displayWidth(lines[0] ?? ''), 30);
    assert.equal(displayWidth(lines[5] ?? ''), 30);
    assert.deepEqual(lines.slice(1, 5), ['a', 'b', '', '']);
  });

  it('cuts rows that do not fit and a label longer than the width', () => {
    const lines = ruledPane(' a very long label that will not fit ', ['1', '2', '3', '4'], 12, 4, false);
    assert.equal(lines.length, 4);
    assert.deepEqual(lines.slice(1, 3), ['1', '2']);
    assert.equal(displayWidth(lines[0] ?? ''), 12);
    assert.match(lines[0] ?? '', /…/);
  });

  it('marks the focused pane by the colour of its rules', () => {
    assert.match(ruledPane(' x ', [], 10, 3, true)[2] ?? '', /cyan-fg/);
    assert.match(ruledPane(' x ', [], 10, 3, false)[2] ?? '', /gray-fg/);
  });
});
