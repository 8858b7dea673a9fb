import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closestMatch, editDistance } from '../../lib/config/suggest.js';

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit', () => {
    assert.equal(editDistance('regoin', 'region'), 1);
    assert.equal(editDistance('interval', 'intervall'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });
});

describe('closestMatch', () => {
  const keys = ['interval', 'task_definition_interval', 'max_api_rate'] as const;

  it('finds a typo', () => {
    assert.equal(closestMatch('intreval', keys), 'interval');
    assert.equal(closestMatch('MAX_API_RATE', keys), 'max_api_rate');
  });

  it('treats a prefix as a near match', () => {
    assert.equal(closestMatch('max', keys), 'max_api_rate');
  });

  it('suggests nothing rather than something unrelated', () => {
    assert.equal(closestMatch('colour', keys), undefined);
  });
});
