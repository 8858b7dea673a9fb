import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TaskDefinitionCache } from '../../lib/aws/task-definition-cache.js';
import type { TaskDefinitionInfo } from '../../lib/model/task-definition.js';

function counter() {
  const calls: string[] = [];
  const load = async (arn: string): Promise<TaskDefinitionInfo> => {
    calls.push(arn);
    return { arn, family: 'web', revision: 1, containers: [] };
  };
  return { calls, load };
}

describe('TaskDefinitionCache', () => {
  it('describes a task definition once while it is fresh', async () => {
    let now = 0;
    const cache = new TaskDefinitionCache({ ttlMs: 300_000, now: () => now });
    const { calls, load } = counter();
    await cache.get('web:1', load);
    now = 299_999;
    await cache.get('web:1', load);
    assert.deepEqual(calls, ['web:1']);
  });

  it('never describes a definition again while refreshes keep using it', async () => {
    let now = 0;
    const cache = new TaskDefinitionCache({ ttlMs: 300_000, now: () => now });
    const { calls, load } = counter();
    // A refresh every 200 s (an interval stretched by the API budget) for an hour.
    for (now = 0; now <= 3_600_000; now += 200_000) await cache.get('web:1', load);
    assert.deepEqual(calls, ['web:1']);
  });

  it('never describes a definition again while every refresh uses it, however far apart refreshes are', async () => {
    let now = 0;
    const cache = new TaskDefinitionCache({ ttlMs: 300_000, now: () => now });
    const { calls, load } = counter();
    // The API budget stretched a 5,000-service cluster's interval to 20 minutes, four times the TTL.
    for (now = 0; now <= 7_200_000; now += 1_200_000) {
      cache.prune();
      await cache.get('web:1', load);
    }
    assert.deepEqual(calls, ['web:1']);
  });

  it('forgets a definition the last refresh did not use once unused for the TTL', async () => {
    let now = 0;
    const cache = new TaskDefinitionCache({ ttlMs: 300_000, now: () => now });
    const { calls, load } = counter();
    cache.prune();
    await cache.get('web:1', load);
    now = 1_200_000;
    cache.prune(); // this refresh uses web:2 only
    await cache.get('web:2', load);
    now = 2_400_000;
    cache.prune();
    assert.equal(cache.size, 1);
    await cache.get('web:1', load);
    assert.deepEqual(calls, ['web:1', 'web:2', 'web:1']);
  });

  it('keeps a definition that only stopped tasks still show', async () => {
    let now = 0;
    const cache = new TaskDefinitionCache({ ttlMs: 300_000, now: () => now });
    const { calls, load } = counter();
    await cache.get('web:1', load);
    now = 200_000;
    assert.equal(cache.peek('web:1')?.arn, 'web:1');
    now = 400_000;
    cache.prune();
    assert.equal(cache.size, 1);
    await cache.get('web:1', load);
    assert.deepEqual(calls, ['web:1']);
  });

  it('describes it again once unused for the TTL', async () => {
    let now = 0;
    const cache = new TaskDefinitionCache({ ttlMs: 300_000, now: () => now });
    const { calls, load } = counter();
    await cache.get('web:1', load);
    now = 300_000;
    assert.equal(cache.peek('web:1'), undefined);
    await cache.get('web:1', load);
    assert.deepEqual(calls, ['web:1', 'web:1']);
  });

  it('shares one call between concurrent requests for the same ARN', async () => {
    const cache = new TaskDefinitionCache({ ttlMs: 1000 });
    const { calls, load } = counter();
    const [a, b] = await Promise.all([cache.get('web:1', load), cache.get('web:1', load)]);
    assert.equal(a, b);
    assert.deepEqual(calls, ['web:1']);
  });

  it('does not cache a failure', async () => {
    const cache = new TaskDefinitionCache({ ttlMs: 1000 });
    await assert.rejects(cache.get('web:1', async () => Promise.reject(new Error('throttled'))), /throttled/);
    const { calls, load } = counter();
    await cache.get('web:1', load);
    assert.deepEqual(calls, ['web:1']);
  });

  it('prunes expired entries', async () => {
    let now = 0;
    const cache = new TaskDefinitionCache({ ttlMs: 10, now: () => now });
    const { load } = counter();
    await cache.get('a', load);
    await cache.get('b', load);
    now = 10;
    cache.prune();
    assert.equal(cache.size, 0);
  });
});
