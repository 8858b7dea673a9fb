import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isTooSmall, renderTooSmall } from '../../../lib/ui/render/too-small.js';

describe('too small', () => {
  it('needs at least 60×15', () => {
    assert.equal(isTooSmall(60, 15), false);
    assert.equal(isTooSmall(59, 40), true);
    assert.equal(isTooSmall(200, 14), true);
  });
  it('says what is needed and what there is', () => {
    assert.equal(renderTooSmall(50, 12), 'terminal too small (need 60×15, have 50×12)');
  });
});
