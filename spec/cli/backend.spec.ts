import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../../lib/cli/args.js';
import { connect } from '../../lib/cli/backend.js';
import type { MonitorConfig } from '../../lib/config/index.js';
import type { Poller } from '../../lib/poller/index.js';
import type { Snapshot } from '../../lib/model/types.js';

const config: MonitorConfig = {
  region: 'us-east-1',
  intervalSec: 60,
  taskDefinitionIntervalSec: 600,
  maxApiRate: 20,
  mouse: false,
  sources: {},
};

function firstSnapshot(poller: Poller): Promise<Snapshot> {
  return new Promise((resolve, reject) => {
    poller.once('snapshot', resolve);
    poller.once('error', (e) => reject(e.error));
    poller.start();
  });
}

describe('backend', () => {
  it('opening a cluster again (back from the picker) reuses its described task definitions', async () => {
    const backend = await connect(parseArgs(['--demo']), config, {}, undefined);
    try {
      const first = backend.poller('demo');
      const before = await firstSnapshot(first);
      first.stop();
      assert.ok((before.apiCalls['DescribeTaskDefinition'] ?? 0) > 0, 'the first open describes the definitions');

      const again = backend.poller('demo');
      const after = await firstSnapshot(again);
      again.stop();
      assert.equal(after.apiCalls['DescribeTaskDefinition'], undefined);
      assert.equal(after.services.length, before.services.length);
    } finally {
      await backend.close();
    }
  });
});
