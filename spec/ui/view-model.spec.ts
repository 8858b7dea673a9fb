import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeLayout } from '../../lib/ui/layout.js';
import { buildDashboardModel } from '../../lib/ui/view-model.js';
import { initialViewState, reconcileView } from '../../lib/ui/view-state.js';
import type { ViewState } from '../../lib/ui/view-state.js';
import { fakeSnapshot } from './e2e/fake-snapshot.js';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 30);

function settle(state: ViewState, cols = 120, rows = 40): ReturnType<typeof buildDashboardModel> {
  const layout = computeLayout(cols, rows);
  const snapshot = fakeSnapshot();
  const first = buildDashboardModel(snapshot, state, layout, NOW);
  return buildDashboardModel(snapshot, reconcileView(state, first.context), layout, NOW);
}

describe('dashboard model', () => {
  it('lists the services filtered and sorted as the state says', () => {
    const model = settle({ ...initialViewState(), sort: 'health', filter: 'r' });
    assert.deepEqual(
      model.services.map((s) => s.name),
      ['search', 'frontend', 'worker'],
    );
    assert.equal(model.totalServices, 6);
  });

  it('applies the filter being typed before it is kept', () => {
    const model = settle({ ...initialViewState(), filterDraft: 'bill' });
    assert.deepEqual(model.context.serviceNames, ['billing']);
    assert.equal(model.selectedService?.name, 'billing');
  });

  it('gives the tree the selected service tasks, expanded ones with their containers', () => {
    const collapsed = settle({ ...initialViewState(), selectedService: 'checkout' });
    assert.equal(collapsed.selectedService?.name, 'checkout');
    assert.deepEqual(collapsed.treeLines.map((l) => l.kind), ['task', 'task', 'task']);
    const taskId = collapsed.treeLines[0]?.taskId;
    assert.ok(taskId);
    const expanded = settle({ ...initialViewState(), selectedService: 'checkout', expanded: new Set([taskId]) });
    assert.deepEqual(expanded.treeLines.map((l) => l.kind), ['task', 'container', 'container', 'task', 'task']);
  });

  it('fits the visible rows to the panes: the table loses a row to its column header', () => {
    const layout = computeLayout(120, 40);
    const model = settle(initialViewState());
    assert.equal(model.context.heights.services, (layout.services?.height ?? 0) - 3);
    assert.equal(model.context.heights.tree, (layout.tree?.height ?? 0) - 2);
    assert.deepEqual(model.context.panes, ['services', 'tree', 'details']);
  });

  it('has no details text and no details pane in the compact layout', () => {
    const model = settle(initialViewState(), 70, 20);
    assert.deepEqual(model.detailsLines, []);
    assert.deepEqual(model.context.panes, ['services', 'tree']);
  });

  it('shows the service in the details while the table has focus, the task once the tree has it', () => {
    const onTable = settle({ ...initialViewState(), selectedService: 'api' });
    assert.match(onTable.detailsLines.join('\n'), /api/);
    const onTree = settle({ ...initialViewState(), selectedService: 'api', treeService: 'api', focus: 'tree' });
    const task = fakeSnapshot().services[0]?.tasks[0];
    assert.ok(task);
    assert.match(onTree.detailsLines.join('\n'), new RegExp(task.id));
  });

  it('copes with no snapshot yet', () => {
    const model = buildDashboardModel(undefined, initialViewState(), computeLayout(80, 24), NOW);
    assert.deepEqual(model.services, []);
    assert.equal(model.selectedService, undefined);
    assert.deepEqual(model.treeLines, []);
  });
});
