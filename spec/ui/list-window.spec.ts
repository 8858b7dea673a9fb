import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clampIndex, keepVisible, pageStep } from '../../lib/ui/list-window.js';

describe('list window', () => {
  it('clamps a selection into the list', () => {
    assert.equal(clampIndex(-3, 5), 0);
    assert.equal(clampIndex(9, 5), 4);
    assert.equal(clampIndex(2, 0), 0);
  });

  it('scrolls as little as needed to keep the selection visible', () => {
    assert.equal(keepVisible(0, 4, 5, 100), 0);
    assert.equal(keepVisible(0, 5, 5, 100), 1);
    assert.equal(keepVisible(10, 3, 5, 100), 3);
    assert.equal(keepVisible(10, 12, 5, 100), 10);
  });

  it('never leaves empty rows at the bottom when the list could fill them', () => {
    // The list shrank from 100 to 8 rows while scrolled far down.
    assert.equal(keepVisible(50, 7, 5, 8), 3);
    assert.equal(keepVisible(3, 1, 10, 8), 0);
  });

  it('pages by a window less one row, at least one', () => {
    assert.equal(pageStep(10), 9);
    assert.equal(pageStep(1), 1);
    assert.equal(pageStep(0), 1);
  });
});
