import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CallQueue } from '../../lib/aws/call-queue.js';

function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe('CallQueue', () => {
  it('serves a waiting list call before describes queued earlier', async () => {
    const queue = new CallQueue(1);
    const order: string[] = [];
    const first = gate();
    const running = queue.run('describe', async () => {
      order.push('describe-1');
      await first.promise;
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(order, ['describe-1'], 'the first call holds the only slot');
    const later = [
      queue.run('describe', async () => void order.push('describe-2')),
      queue.run('describe', async () => void order.push('describe-3')),
      queue.run('list', async () => void order.push('list')),
    ];
    first.open();
    await Promise.all([running, ...later]);
    assert.deepEqual(order, ['describe-1', 'list', 'describe-2', 'describe-3']);
  });

  it('never runs more than the bound at once and passes results and failures through', async () => {
    const queue = new CallQueue(2);
    let active = 0;
    let peak = 0;
    const job = (value: number) => async (): Promise<number> => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setImmediate(resolve));
      active--;
      if (value < 0) throw new Error('failed call');
      return value;
    };
    const results = await Promise.allSettled([1, 2, -1, 4, 5].map((v) => queue.run('describe', job(v))));
    assert.equal(peak, 2);
    assert.deepEqual(results.map((r) => (r.status === 'fulfilled' ? r.value : 'rejected')), [1, 2, 'rejected', 4, 5]);
  });
});
