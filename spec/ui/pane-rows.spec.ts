import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { visibleRows } from '../../lib/ui/pane-rows.js';

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
