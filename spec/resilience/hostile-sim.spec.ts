// The hostile scenario through the real SDK and the ECS source: escape sequences, markup, wide text,
// maximum-length names, 10,000 events, tasks without containers and missing fields arrive in the model intact
// (the model keeps AWS's text as is; escaping is the UI's job) and nothing breaks on the way.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createAwsClients } from '../../lib/aws/clients.js';
import { createEcsSource } from '../../lib/aws/ecs-source.js';
import { runOnce } from '../../lib/poller/poller.js';
import { HOSTILE_EVENT_COUNT, HOSTILE_TEXT, MAX_ECS_NAME_LENGTH } from '../../lib/sim/hostile-scenario.js';
import { parseScenario, startSimulator } from '../../lib/sim/index.js';
import type { Snapshot } from '../../lib/model/types.js';

async function hostileSnapshot(): Promise<{ snapshot: Snapshot; describeServicesCalls: number }> {
  const sim = await startSimulator({ scenario: 'hostile' });
  const clients = createAwsClients({ region: sim.region, endpoint: sim.endpoint, credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' } });
  try {
    const source = createEcsSource(clients, { cluster: sim.clusterName, region: sim.region, taskDefinitionTtlMs: 600_000 });
    const snapshot = await runOnce(source);
    return { snapshot, describeServicesCalls: sim.ledger.count('DescribeServices') };
  } finally {
    clients.destroy();
    await sim.close();
  }
}

describe('the hostile scenario through the SDK', () => {
  it('is a scenario name the simulator and --scenario accept', () => {
    assert.equal(parseScenario('hostile'), 'hostile');
  });

  it('delivers every hostile string unchanged, 100 of 10,000 events, and the odd shapes, without failing', async () => {
    const { snapshot } = await hostileSnapshot();
    assert.equal(snapshot.cluster.name, 'hostile');
    const byName = new Map(snapshot.services.map((s) => [s.name, s]));

    const text = byName.get('a-hostile-text');
    assert.ok(text);
    const messages = text.events.map((e) => e.message).join('\n');
    for (const hostile of Object.values(HOSTILE_TEXT)) assert.ok(messages.includes(hostile), `event text kept as sent: ${JSON.stringify(hostile)}`);
    const victim = text.stoppedTasks[0];
    assert.ok(victim, 'the stopped task is listed');
    assert.ok(victim.stoppedReason?.includes(HOSTILE_TEXT.clipboard));
    assert.ok(victim.containers.some((c) => c.reason?.includes(HOSTILE_TEXT.clearScreen)));
    assert.ok(text.deployments[0]?.rolloutStateReason?.includes(HOSTILE_TEXT.tags));

    const chatty = byName.get('c-many-events');
    assert.equal(chatty?.events.length, 100, 'DescribeServices returns the latest 100 events');
    assert.match(chatty.events[0]?.message ?? '', new RegExp(`event number ${HOSTILE_EVENT_COUNT} of`));

    const long = snapshot.services.find((s) => s.name.startsWith('z-long-service-name'));
    assert.equal(long?.name.length, MAX_ECS_NAME_LENGTH);
    assert.equal(long.tasks[0]?.containers[0]?.name.length, MAX_ECS_NAME_LENGTH);

    const empty = byName.get('d-no-containers');
    assert.equal(empty?.tasks.length, 2);
    assert.ok(empty.tasks.every((t) => t.containers.length === 0));

    const unchecked = byName.get('e-no-health-checks');
    assert.ok(unchecked?.tasks.every((t) => t.healthStatus === 'UNKNOWN' && t.containers.every((c) => c.hasHealthCheck === false && c.healthStatus === 'UNKNOWN')));

    const pending = byName.get('f-pending');
    assert.equal(pending?.tasks.length, 2);
    assert.ok(pending.tasks.every((t) => t.startedAt === undefined && t.lastStatus === 'PROVISIONING'));
  });
});
