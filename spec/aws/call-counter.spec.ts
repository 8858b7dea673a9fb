import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CallCounter } from '../../lib/aws/call-counter.js';
import { createAwsClients } from '../../lib/aws/clients.js';

describe('CallCounter', () => {
  it('counts calls per operation for the cycle and starts afresh after takeCycle', () => {
    const counter = new CallCounter({ now: () => 0 });
    counter.record('ListServices');
    counter.record('DescribeServices');
    counter.record('DescribeServices');
    assert.deepEqual(counter.takeCycle(), { DescribeServices: 2, ListServices: 1 });
    assert.deepEqual(counter.peekCycle(), {});
  });

  it('counts the calls of the last 60 seconds only', () => {
    let now = 0;
    const counter = new CallCounter({ now: () => now });
    counter.record('ListTasks');
    now = 30_000;
    counter.record('ListTasks');
    counter.takeCycle();
    assert.equal(counter.lastMinute(), 2, 'taking the cycle does not reset the minute');
    now = 60_000;
    assert.equal(counter.lastMinute(), 1);
    now = 90_001;
    assert.equal(counter.lastMinute(), 0);
  });
});

describe('createAwsClients', () => {
  it('configures adaptive retry with 10 attempts on both clients', async () => {
    const clients = createAwsClients({ region: 'eu-west-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' } });
    try {
      for (const client of [clients.ecs, clients.cloudwatch]) {
        assert.equal(await client.config.maxAttempts(), 10);
        assert.equal(client.config.retryMode, 'adaptive');
        assert.equal(await client.config.region(), 'eu-west-1');
      }
    } finally {
      clients.destroy();
    }
  });
});
