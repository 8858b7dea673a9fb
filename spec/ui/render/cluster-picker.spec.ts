import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderClusterRows } from '../../../lib/ui/render/cluster-picker.js';
import { displayWidth } from '../../../lib/ui/render/text.js';
import { visible } from './builders.js';

const clusters = [
  { name: 'prod', arn: 'a', status: 'ACTIVE', activeServicesCount: 12, runningTasksCount: 40, pendingTasksCount: 2 },
  { name: 'staging-很长的名字-cluster-{x}', arn: 'b', status: 'PROVISIONING', activeServicesCount: 0, runningTasksCount: 0, pendingTasksCount: 0 },
];

describe('renderClusterRows', () => {
  it('aligns name, status, services, running and pending under the header', () => {
    const { header, rows } = renderClusterRows(clusters, 70);
    assert.equal(visible(header), 'Cluster                      Status         Services  Running  Pending');
    assert.deepEqual(rows, [
      'prod                         {green-fg}ACTIVE{/green-fg}               12       40        {cyan-fg}2{/cyan-fg}',
      'staging-很长的名字-cluster-… {yellow-fg}PROVISIONING{/yellow-fg}          0        0        0',
    ]);
  });
  it('keeps rows at the width even when it is narrower than the fixed columns', () => {
    const { header, rows } = renderClusterRows(clusters, 30);
    for (const line of [header, ...rows]) assert.equal(displayWidth(line), 30);
  });
  it('shows - for a count ECS left out, not 0', () => {
    const partial = [{ name: 'prod', arn: 'a', status: 'ACTIVE', activeServicesCount: 3, runningTasksCount: undefined, pendingTasksCount: undefined }];
    assert.deepEqual(renderClusterRows(partial, 70).rows, ['prod                         {green-fg}ACTIVE{/green-fg}                3        -        -']);
  });
  it('returns no rows for no clusters', () => {
    assert.deepEqual(renderClusterRows([], 70).rows, []);
  });
});
