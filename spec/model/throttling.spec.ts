// Calls per ECS throttling category, as the API budget counts them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { callsByCategory } from '../../lib/model/throttling.js';

describe('callsByCategory', () => {
  it('adds up operations of one bucket, labels included, busiest first', () => {
    const calls = callsByCategory({
      DescribeClusters: 1,
      ListServices: 10,
      DescribeServices: 100,
      ListTasks: 3,
      'ListTasks:STOPPED': 1,
      DescribeTasks: 50,
      'DescribeTasks:STOPPED': 1,
      'DescribeTaskDefinition:paced': 12,
    });
    assert.deepEqual(calls, [
      { category: 'service read', calls: 110 },
      { category: 'cluster resource read', calls: 55 },
      { category: 'task definition read', calls: 12 },
      { category: 'cluster read', calls: 1 },
    ]);
  });

  it('leaves out calls of no ECS bucket', () => {
    assert.deepEqual(callsByCategory({ GetMetricData: 4 }), []);
  });
});
