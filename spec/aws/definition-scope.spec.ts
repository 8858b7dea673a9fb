// Which task definitions a refresh asks for, by what the screen shows.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { definitionScope } from '../../lib/aws/definition-loader.js';

describe('definitionScope', () => {
  it('a cluster of a screenful: every definition, the rest queued', () => {
    const scope = definitionScope({ large: false, firstRefresh: false, shown: new Set(['api']) });
    assert.deepEqual([scope.wants('web'), scope.wants(undefined), scope.queue, scope.narrowed], [true, true, true, false]);
  });

  it('a larger cluster with the screen known: the services shown and standalone tasks, the queue trimmed', () => {
    const scope = definitionScope({ large: true, firstRefresh: false, shown: new Set(['api']) });
    assert.deepEqual([scope.wants('api'), scope.wants('web'), scope.wants(undefined), scope.queue, scope.narrowed], [true, false, true, true, true]);
  });

  it('a larger cluster without the screen: the burst on the first refresh, nothing new later, nothing queued', () => {
    const first = definitionScope({ large: true, firstRefresh: true, shown: undefined });
    assert.deepEqual([first.wants('web'), first.queue, first.narrowed], [true, false, false]);
    const later = definitionScope({ large: true, firstRefresh: false, shown: undefined });
    assert.deepEqual([later.wants('web'), later.wants(undefined), later.queue], [false, false, false]);
  });
});
