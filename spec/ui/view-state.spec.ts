import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { initialViewState, reconcileView, reduceView } from '../../lib/ui/view-state.js';
import type { ViewAction, ViewContext, ViewState } from '../../lib/ui/view-state.js';

function ctx(names: readonly string[], overrides: Partial<ViewContext> = {}): ViewContext {
  return {
    serviceNames: names,
    treeLines: [],
    heights: { services: 3, tree: 3, details: 3 },
    detailsLineCount: 0,
    panes: ['services', 'tree', 'details'],
    ...overrides,
  };
}

/** Applies actions the way the screen does: reduce, then reconcile against a context built for the new state. */
function run(state: ViewState, actions: readonly ViewAction[], contextFor: (s: ViewState) => ViewContext): ViewState {
  let s = reconcileView(state, contextFor(state));
  for (const action of actions) {
    s = reduceView(s, action, contextFor(s));
    s = reconcileView(s, contextFor(s));
  }
  return s;
}

const NAMES = ['api', 'billing', 'checkout', 'frontend', 'search', 'worker'];
const fixed = (s: ViewState): ViewContext => {
  void s;
  return ctx(NAMES);
};
const filtering = (s: ViewState): ViewContext => {
  const f = (s.filterDraft ?? s.filter).toLowerCase();
  return ctx(NAMES.filter((n) => n.includes(f)));
};

describe('view state', () => {
  it('reconciling a state that already fits returns that same state, and a vanished selection a new one', () => {
    const s = run(initialViewState(), [{ type: 'move', delta: 2 }], fixed);
    assert.equal(reconcileView(s, ctx(NAMES)), s);
    const moved = reconcileView(s, ctx(NAMES.filter((n) => n !== 'checkout')));
    assert.notEqual(moved, s);
    assert.equal(moved.selectedService, 'frontend');
  });

  it('selects the first service at start and moves with up and down, stopping at the ends', () => {
    let s = run(initialViewState(), [], fixed);
    assert.equal(s.selectedService, 'api');
    s = run(s, [{ type: 'move', delta: 1 }, { type: 'move', delta: 1 }], fixed);
    assert.equal(s.selectedService, 'checkout');
    s = run(s, [{ type: 'move', delta: -5 }], fixed);
    assert.equal(s.selectedService, 'api');
    s = run(s, [{ type: 'bottom' }], fixed);
    assert.equal(s.selectedService, 'worker');
    s = run(s, [{ type: 'top' }], fixed);
    assert.equal(s.selectedService, 'api');
  });

  it('scrolls the window so the selection stays visible', () => {
    const s = run(initialViewState(), [{ type: 'bottom' }], fixed);
    // Six services in a window of three: the last three show.
    assert.equal(s.serviceOffset, 3);
    const up = run(s, [{ type: 'top' }], fixed);
    assert.equal(up.serviceOffset, 0);
  });

  it('pages by a window less one row', () => {
    const s = run(initialViewState(), [{ type: 'page', direction: 1 }], fixed);
    assert.equal(s.selectedService, 'checkout');
  });

  it('keeps the selection by name when the order changes across refreshes', () => {
    let s = run(initialViewState(), [{ type: 'move', delta: 2 }], fixed);
    assert.equal(s.selectedService, 'checkout');
    s = reconcileView(s, ctx(['worker', 'checkout', 'api']));
    assert.equal(s.selectedService, 'checkout');
    assert.equal(s.serviceIndex, 1);
  });

  it('falls back to the row where the selection was when the selected service disappears', () => {
    let s = run(initialViewState(), [{ type: 'move', delta: 2 }], fixed);
    s = reconcileView(s, ctx(['api', 'billing', 'frontend', 'search']));
    assert.equal(s.selectedService, 'frontend');
  });

  it('filters live while typing, keeps the filter on Enter and clears it on Esc', () => {
    let s = run(initialViewState(), [{ type: 'filter-start' }, { type: 'filter-input', text: 'r' }], filtering);
    assert.deepEqual(filtering(s).serviceNames, ['frontend', 'search', 'worker']);
    s = run(s, [{ type: 'filter-input', text: 'c' }], filtering);
    assert.equal(s.filterDraft, 'rc');
    assert.deepEqual(filtering(s).serviceNames, ['search']);
    assert.equal(s.selectedService, 'search');
    s = run(s, [{ type: 'filter-commit' }], filtering);
    assert.equal(s.filter, 'rc');
    assert.equal(s.filterDraft, undefined);
    assert.equal(s.selectedService, 'search');
    s = run(s, [{ type: 'back' }], filtering);
    assert.equal(s.filter, '');
    assert.equal(s.selectedService, 'search', 'the selection survives clearing the filter');
  });

  it('backspace removes the last typed character, Esc while typing drops the filter', () => {
    let s = run(initialViewState(), [{ type: 'filter-start' }, { type: 'filter-input', text: 'wx' }, { type: 'filter-backspace' }], filtering);
    assert.equal(s.filterDraft, 'w');
    s = run(s, [{ type: 'filter-cancel' }], filtering);
    assert.equal(s.filterDraft, undefined);
    assert.equal(s.filter, '');
  });

  it('cycles the sort through name, health, tasks, CPU and memory', () => {
    const seen: string[] = [];
    let s = initialViewState();
    for (let i = 0; i < 5; i++) {
      s = reduceView(s, { type: 'cycle-sort' }, fixed(s));
      seen.push(s.sort);
    }
    assert.deepEqual(seen, ['health', 'tasks', 'cpu', 'memory', 'name']);
  });

  it('Enter drills from the table into the tree, Esc comes back', () => {
    let s = run(initialViewState(), [{ type: 'enter' }], fixed);
    assert.equal(s.focus, 'tree');
    s = run(s, [{ type: 'back' }], fixed);
    assert.equal(s.focus, 'services');
  });

  it('Enter on a task expands it by task id, and the expansion survives a refresh', () => {
    const tree = ctx(['api'], {
      treeLines: [
        { id: 'task:t1', kind: 'task', expandable: true, taskId: 't1' },
        { id: 'task:t2', kind: 'task', expandable: true, taskId: 't2' },
      ],
    });
    let s = run(initialViewState(), [{ type: 'enter' }, { type: 'move', delta: 1 }, { type: 'enter' }], () => tree);
    assert.deepEqual([...s.expanded], ['t2']);
    assert.equal(s.selectedLine, 'task:t2');
    // A refresh brings a new task first: the selection stays on t2 by id.
    const refreshed = ctx(['api'], {
      treeLines: [
        { id: 'task:t0', kind: 'task', expandable: true, taskId: 't0' },
        { id: 'task:t1', kind: 'task', expandable: true, taskId: 't1' },
        { id: 'task:t2', kind: 'task', expandable: true, taskId: 't2' },
      ],
    });
    s = reconcileView(s, refreshed);
    assert.equal(s.selectedLine, 'task:t2');
    s = run(s, [{ type: 'enter' }], () => refreshed);
    assert.deepEqual([...s.expanded], []);
  });

  it('Enter on the stopped group toggles it', () => {
    const tree = ctx(['api'], { treeLines: [{ id: 'stopped', kind: 'stopped-group', expandable: true }] });
    const s = run(initialViewState(), [{ type: 'enter' }, { type: 'enter' }], () => tree);
    assert.equal(s.stoppedExpanded, true);
  });

  it('selecting another service starts its tree at the top', () => {
    const tree = (s: ViewState): ViewContext =>
      ctx(NAMES, {
        treeLines: [1, 2, 3, 4, 5].map((n) => ({ id: `task:${s.selectedService}${n}`, kind: 'task' as const, expandable: true, taskId: `${n}` })),
      });
    let s = run(initialViewState(), [{ type: 'enter' }, { type: 'bottom' }], tree);
    assert.equal(s.selectedLine, 'task:api5');
    s = run(s, [{ type: 'back' }, { type: 'move', delta: 1 }], tree);
    assert.equal(s.selectedLine, 'task:billing1');
    assert.equal(s.treeOffset, 0);
  });

  it('Tab cycles through the panes of the layout; compact has no details pane', () => {
    let s = run(initialViewState(), [{ type: 'next-pane' }, { type: 'next-pane' }], fixed);
    assert.equal(s.focus, 'details');
    s = run(s, [{ type: 'next-pane' }], fixed);
    assert.equal(s.focus, 'services');
    const compact = (): ViewContext => ctx(NAMES, { panes: ['services', 'tree'] });
    s = run(initialViewState(), [{ type: 'next-pane' }, { type: 'next-pane' }], compact);
    assert.equal(s.focus, 'services');
  });

  it('a focus on the details pane moves to the table when the layout turns compact', () => {
    const s = run(initialViewState(), [{ type: 'focus', pane: 'details' }], fixed);
    assert.equal(s.focus, 'details');
    assert.equal(reconcileView(s, ctx(NAMES, { panes: ['services', 'tree'] })).focus, 'services');
  });

  it('a click selects the row under the pointer (offset applied), a click on the header only focuses', () => {
    let s = run(initialViewState(), [{ type: 'bottom' }], fixed);
    assert.equal(s.serviceOffset, 3);
    s = run(s, [{ type: 'select-row', pane: 'services', row: 0 }], fixed);
    assert.equal(s.selectedService, 'frontend');
    s = run(s, [{ type: 'focus', pane: 'tree' }, { type: 'select-row', pane: 'services', row: -1 }], fixed);
    assert.equal(s.focus, 'services');
    assert.equal(s.selectedService, 'frontend');
    s = run(s, [{ type: 'select-row', pane: 'services', row: 9 }], fixed);
    assert.equal(s.selectedService, 'frontend', 'a click below the last row selects nothing new');
  });

  it('a double-click on a service drills into its tree', () => {
    const s = run(initialViewState(), [{ type: 'activate-row', pane: 'services', row: 1 }], fixed);
    assert.equal(s.selectedService, 'billing');
    assert.equal(s.focus, 'tree');
  });

  it('the wheel over a pane moves in that pane without focusing it', () => {
    const s = run(initialViewState(), [{ type: 'move', pane: 'services', delta: 1 }], fixed);
    assert.equal(s.selectedService, 'billing');
    assert.equal(s.focus, 'services');
  });

  it('scrolls the details pane within its text', () => {
    const details = (): ViewContext => ctx(NAMES, { detailsLineCount: 5 });
    let s = run(initialViewState(), [{ type: 'focus', pane: 'details' }, { type: 'move', delta: 10 }], details);
    assert.equal(s.detailsOffset, 2);
    s = run(s, [{ type: 'move', delta: -10 }], details);
    assert.equal(s.detailsOffset, 0);
  });

  it('an empty cluster selects nothing and never fails', () => {
    const empty = (): ViewContext => ctx([]);
    const s = run(initialViewState(), [{ type: 'move', delta: 1 }, { type: 'bottom' }, { type: 'enter' }], empty);
    assert.equal(s.selectedService, undefined);
    assert.equal(s.focus, 'services');
  });
});
