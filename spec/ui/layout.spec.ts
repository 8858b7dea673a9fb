import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeLayout, hitTest, layoutMode } from '../../lib/ui/layout.js';
import type { Rect } from '../../lib/ui/layout.js';

function cells(r: Rect | undefined): number {
  return r === undefined ? 0 : r.width * r.height;
}

describe('layout', () => {
  it('is full from 80×24, compact down to 60×15, too small below', () => {
    assert.equal(layoutMode(80, 24), 'full');
    assert.equal(layoutMode(200, 60), 'full');
    assert.equal(layoutMode(79, 40), 'compact');
    assert.equal(layoutMode(120, 23), 'compact');
    assert.equal(layoutMode(70, 20), 'compact');
    assert.equal(layoutMode(60, 15), 'compact');
    assert.equal(layoutMode(59, 40), 'too-small');
    assert.equal(layoutMode(120, 14), 'too-small');
    assert.equal(layoutMode(50, 12), 'too-small');
  });

  it('has a details pane only in the full layout and no panes when too small', () => {
    assert.ok(computeLayout(80, 24).details);
    assert.equal(computeLayout(70, 20).details, undefined);
    const small = computeLayout(50, 12);
    assert.equal(small.services, undefined);
    assert.equal(small.header, undefined);
  });

  it('tiles the whole screen without overlap at every supported size', () => {
    for (let cols = 60; cols <= 140; cols += 7) {
      for (let rows = 15; rows <= 50; rows += 5) {
        const l = computeLayout(cols, rows);
        const rects = [l.header, l.services, l.tree, l.details, l.status].filter((r): r is Rect => r !== undefined);
        const covered = new Set<string>();
        for (const r of rects) {
          assert.ok(r.width > 0 && r.height > 0, `${cols}x${rows}`);
          for (let y = r.top; y < r.top + r.height; y++) {
            for (let x = r.left; x < r.left + r.width; x++) {
              const key = `${x},${y}`;
              assert.ok(!covered.has(key), `overlap at ${key} for ${cols}x${rows}`);
              covered.add(key);
            }
          }
        }
        assert.equal(covered.size, cols * rows, `${cols}x${rows} fully covered`);
        assert.equal(rects.reduce((n, r) => n + cells(r), 0), cols * rows);
        // The table shows at least one service row below its border and column header.
        assert.ok((l.services?.height ?? 0) - 3 >= 1, `${cols}x${rows} table rows`);
        assert.ok((l.tree?.height ?? 0) - 2 >= 1, `${cols}x${rows} tree rows`);
      }
    }
  });

  it('maps a click to the pane and the content row under it', () => {
    const l = computeLayout(120, 40);
    const table = l.services as Rect;
    // First service row: below the border and the column header.
    assert.deepEqual(hitTest(l, 10, table.top + 2), { pane: 'services', row: 0 });
    assert.deepEqual(hitTest(l, 10, table.top + 1), { pane: 'services', row: -1 });
    const tree = l.tree as Rect;
    assert.deepEqual(hitTest(l, tree.left + 3, tree.top + 1), { pane: 'tree', row: 0 });
    const details = l.details as Rect;
    assert.equal(hitTest(l, details.left + 1, details.top + 4)?.pane, 'details');
    assert.equal(hitTest(l, 5, 0), undefined, 'the header is no pane');
    assert.equal(hitTest(computeLayout(50, 12), 5, 5), undefined);
  });

  it('grows the status area to 3 lines for a long message, taking the lines from the panes below the table', () => {
    for (const [cols, rows] of [[60, 15], [80, 24], [120, 40]] as const) {
      const one = computeLayout(cols, rows);
      const three = computeLayout(cols, rows, 3);
      assert.deepEqual(three.status, { top: rows - 3, left: 0, width: cols, height: 3 });
      assert.deepEqual(three.services, one.services, `${cols}x${rows}: the table does not move`);
      assert.equal(three.tree?.height, (one.tree?.height ?? 0) - 2);
      assert.ok((three.tree?.height ?? 0) >= 3, 'a row inside the tree border');
    }
    assert.equal(computeLayout(80, 24, 9).status?.height, 3);
  });
});
