import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clampHelpOffset, helpTitle, overlaySize, scrollHelp } from '../../lib/ui/help-window.js';
import { helpLines } from '../../lib/ui/keys.js';

describe('help window', () => {
  const lines = Array.from({ length: 24 }, (_, i) => `line ${i + 1}`);

  it('fits inside an 80×24 screen with room around it, and is only as big as its lines elsewhere', () => {
    const help = [...helpLines('dashboard'), '', 'CloudWatch metrics requested in the last hour: 120', '', 'Esc or ? closes this help.'];
    const small = overlaySize(80, 24, help);
    assert.ok(small.width <= 78 && small.height <= 22, JSON.stringify(small));
    assert.ok(small.inner < help.length, 'not every line fits at 80×24: the help scrolls');
    assert.deepEqual(overlaySize(200, 50, help), { width: Math.max(...help.map((l) => l.length)) + 4, height: help.length + 2, inner: help.length });
  });

  it('scrolls by line, by page and to either end, never past the last line', () => {
    assert.equal(scrollHelp('down', 0, 24, 20), 1);
    assert.equal(scrollHelp('up', 0, 24, 20), 0);
    assert.equal(scrollHelp('page-down', 0, 24, 20), 4);
    assert.equal(scrollHelp('bottom', 0, 24, 20), 4);
    assert.equal(scrollHelp('top', 4, 24, 20), 0);
    assert.equal(scrollHelp('page-up', 4, 24, 20), 0);
    assert.equal(scrollHelp('down', 0, 10, 20), 0, 'nothing to scroll when everything fits');
    assert.equal(scrollHelp('sort', 0, 24, 20), undefined);
  });

  it('keeps the offset inside the lines after the screen grows', () => {
    assert.equal(clampHelpOffset(4, lines.length, 30), 0);
    assert.equal(clampHelpOffset(10, lines.length, 20), 4);
  });

  it('says in its title which lines are shown and how to scroll, only when they do not all fit', () => {
    assert.equal(helpTitle(0, 24, 20), ' Help 1–20 of 24 · j/k PgDn scroll ');
    assert.equal(helpTitle(4, 24, 20), ' Help 5–24 of 24 · j/k PgDn scroll ');
    assert.equal(helpTitle(0, 10, 20), ' Help ');
  });
});
