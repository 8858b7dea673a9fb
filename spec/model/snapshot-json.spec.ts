import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { snapshotToJson } from '../../lib/model/snapshot-json.js';
import { container, service, snapshot, task } from './builders.js';

describe('snapshotToJson', () => {
  it('keeps the documented field names at every level', () => {
    const json = snapshotToJson(snapshot());
    assert.deepEqual(Object.keys(json).sort(), [
      'apiCalls', 'cluster', 'definitionsWarning', 'durationMs', 'fetchedAt', 'metrics', 'services', 'standaloneTasks', 'stoppedTasks',
    ]);
    for (const key of ['name', 'region', 'status', 'containerInsights']) assert.ok(key in json.cluster, key);
    const s = json.services[0];
    assert.ok(s);
    for (const key of ['name', 'status', 'desiredCount', 'runningCount', 'pendingCount', 'health', 'deployments', 'events', 'tasks']) {
      assert.ok(key in s, key);
    }
    const d = s.deployments[0];
    assert.ok(d);
    for (const key of ['id', 'status', 'rolloutState', 'desiredCount', 'runningCount', 'pendingCount', 'failedTasks', 'taskDefinition']) {
      assert.ok(key in d, key);
    }
    const t = s.tasks[0];
    assert.ok(t);
    for (const key of ['id', 'shortId', 'lastStatus', 'healthStatus', 'startedAt', 'taskDefinitionArn', 'containers']) {
      assert.ok(key in t, key);
    }
    const c = t.containers[0];
    assert.ok(c);
    for (const key of ['name', 'lastStatus', 'healthStatus', 'cpuLimit', 'memoryLimit', 'cpuUsed', 'memoryUsed']) {
      assert.ok(key in c, key);
    }
  });

  it('writes unknown metric values as null, surviving JSON.stringify', () => {
    const parsed = JSON.parse(JSON.stringify(snapshotToJson(snapshot()))) as ReturnType<typeof snapshotToJson>;
    const c = parsed.services[0]?.tasks[0]?.containers[0];
    assert.equal(c?.cpuUsed, null);
    assert.equal(c?.memoryUsed, null);
    assert.equal(parsed.services[0]?.cpuPct, null);
  });

  it('carries container usage from the metrics engineer when present', () => {
    const measured = container({
      cpuLimit: 256,
      memoryLimit: 512,
      metrics: { cpuUsed: 128, memoryUsed: 300, cpuHistory: [], memHistory: [] },
    });
    const json = snapshotToJson(snapshot({ services: [service({ tasks: [task({ containers: [measured] })] })] }));
    assert.deepEqual(
      (({ cpuLimit, memoryLimit, cpuUsed, memoryUsed }) => ({ cpuLimit, memoryLimit, cpuUsed, memoryUsed }))(
        json.services[0]!.tasks[0]!.containers[0]!,
      ),
      { cpuLimit: 256, memoryLimit: 512, cpuUsed: 128, memoryUsed: 300 },
    );
  });

  it('writes times as ISO strings', () => {
    const at = Date.UTC(2026, 11, 4, 11, 59, 0);
    const json = snapshotToJson(snapshot({
      services: [service({ events: [{ id: 'e1', createdAt: at, message: 'steady state' }], tasks: [task({ startedAt: at })] })],
    }));
    assert.equal(json.fetchedAt, '2026-12-04T12:00:00.000Z');
    assert.equal(json.services[0]?.events[0]?.createdAt, '2026-12-04T11:59:00.000Z');
    assert.equal(json.services[0]?.tasks[0]?.startedAt, '2026-12-04T11:59:00.000Z');
  });

  it('lists service and standalone stopped tasks together, newest first', () => {
    const older = task({ id: 'older', lastStatus: 'STOPPED', stoppedAt: 1000 });
    const newer = task({ id: 'newer', lastStatus: 'STOPPED', stoppedAt: 2000, group: 'family:batch' });
    const json = snapshotToJson(snapshot({ services: [service({ stoppedTasks: [older] })], stoppedTasks: [newer] }));
    assert.deepEqual(json.stoppedTasks.map((t) => t.id), ['newer', 'older']);
  });

  it('copies the per-operation call counts', () => {
    assert.deepEqual(snapshotToJson(snapshot()).apiCalls, { DescribeClusters: 1, ListServices: 1 });
  });
});
