// The dashboard's view state and its pure reducer: what is selected (by service name and tree line id, so a
// selection survives refreshes, sorts and filters), what is scrolled, focused, filtered and expanded.
// The screen layer derives a ViewContext from the snapshot, feeds actions in and draws what comes out.
import { clampIndex, keepVisible, pageStep } from './list-window.js';
import { editFilter, effectiveFilter } from './name-filter.js';
import type { FilterEdit } from './name-filter.js';
import { SORT_KEYS } from './render/service-table.js';
import type { SortKey } from './render/service-table.js';
import type { TreeLine } from './render/tree.js';

export type Pane = 'services' | 'tree' | 'details';

/** The order `s` cycles through: name, health, tasks, CPU, memory. */
export const SORT_ORDER: readonly SortKey[] = SORT_KEYS;

export interface ViewState {
  readonly focus: Pane;
  readonly sort: SortKey;
  /** The filter in force (case-insensitive substring of the service name); '' for none. */
  readonly filter: string;
  /** The filter being typed after `/`; undefined when not typing. Applied live while typing. */
  readonly filterDraft: string | undefined;
  readonly selectedService: string | undefined;
  /** Where the selection was, for when the selected service disappears (filtered out or deleted). */
  readonly serviceIndex: number;
  readonly serviceOffset: number;
  /** The service the tree selection belongs to; a different service starts its tree at the top. */
  readonly treeService: string | undefined;
  readonly selectedLine: string | undefined;
  readonly lineIndex: number;
  readonly treeOffset: number;
  readonly detailsOffset: number;
  /** Expanded tasks, by task id, kept across refreshes. */
  readonly expanded: ReadonlySet<string>;
  readonly stoppedExpanded: boolean;
}

/** What the reducer needs to know about the data on screen (derived from the snapshot and the layout). */
export interface ViewContext {
  /** Services in display order, with the effective filter and sort applied. */
  readonly serviceNames: readonly string[];
  readonly treeLines: readonly Pick<TreeLine, 'id' | 'kind' | 'expandable' | 'taskId'>[];
  /** Rows each pane shows. */
  readonly heights: Readonly<Record<Pane, number>>;
  readonly detailsLineCount: number;
  /** The panes of the current layout, in Tab order (compact has no details pane). */
  readonly panes: readonly Pane[];
}

export type ViewAction =
  | { readonly type: 'move'; readonly delta: number; readonly pane?: Pane }
  | { readonly type: 'page'; readonly direction: 1 | -1 }
  | { readonly type: 'top' }
  | { readonly type: 'bottom' }
  | { readonly type: 'enter' }
  | { readonly type: 'back' }
  | { readonly type: 'next-pane' }
  | { readonly type: 'focus'; readonly pane: Pane }
  | { readonly type: 'select-row'; readonly pane: Pane; readonly row: number }
  | { readonly type: 'activate-row'; readonly pane: Pane; readonly row: number }
  | FilterEdit
  | { readonly type: 'cycle-sort' };

/** The state a dashboard starts in. */
export function initialViewState(): ViewState {
  return {
    focus: 'services',
    sort: 'name',
    filter: '',
    filterDraft: undefined,
    selectedService: undefined,
    serviceIndex: 0,
    serviceOffset: 0,
    treeService: undefined,
    selectedLine: undefined,
    lineIndex: 0,
    treeOffset: 0,
    detailsOffset: 0,
    expanded: new Set(),
    stoppedExpanded: false,
  };
}

/** The filter that decides which services show: the one being typed, else the one in force. */
export { effectiveFilter };

/** Index of the selected service in `names`, falling back to where it was. */
export function selectedServiceIndex(state: ViewState, names: readonly string[]): number {
  const found = state.selectedService === undefined ? -1 : names.indexOf(state.selectedService);
  return found >= 0 ? found : clampIndex(state.serviceIndex, names.length);
}

/** Index of the selected tree line in `lines`, falling back to where it was. */
export function selectedLineIndex(state: ViewState, lines: ViewContext['treeLines']): number {
  const found = state.selectedLine === undefined ? -1 : lines.findIndex((l) => l.id === state.selectedLine);
  return found >= 0 ? found : clampIndex(state.lineIndex, lines.length);
}

function selectService(state: ViewState, ctx: ViewContext, index: number): ViewState {
  const i = clampIndex(index, ctx.serviceNames.length);
  return { ...state, selectedService: ctx.serviceNames[i], serviceIndex: i };
}

function selectLine(state: ViewState, ctx: ViewContext, index: number): ViewState {
  const i = clampIndex(index, ctx.treeLines.length);
  return { ...state, selectedLine: ctx.treeLines[i]?.id, lineIndex: i };
}

function moveIn(state: ViewState, ctx: ViewContext, pane: Pane, delta: number): ViewState {
  switch (pane) {
    case 'services':
      return selectService(state, ctx, selectedServiceIndex(state, ctx.serviceNames) + delta);
    case 'tree':
      return selectLine(state, ctx, selectedLineIndex(state, ctx.treeLines) + delta);
    case 'details': {
      const max = Math.max(0, ctx.detailsLineCount - ctx.heights.details);
      return { ...state, detailsOffset: Math.min(Math.max(state.detailsOffset + delta, 0), max) };
    }
  }
}

function enter(state: ViewState, ctx: ViewContext): ViewState {
  if (state.focus === 'services') {
    return ctx.serviceNames.length > 0 && ctx.panes.includes('tree') ? { ...state, focus: 'tree' } : state;
  }
  if (state.focus !== 'tree') return state;
  const line = ctx.treeLines[selectedLineIndex(state, ctx.treeLines)];
  if (line === undefined) return state;
  if (line.kind === 'task' && line.taskId !== undefined) {
    const expanded = new Set(state.expanded);
    if (expanded.has(line.taskId)) expanded.delete(line.taskId);
    else expanded.add(line.taskId);
    return { ...state, expanded };
  }
  if (line.kind === 'stopped-group') return { ...state, stoppedExpanded: !state.stoppedExpanded };
  return ctx.panes.includes('details') ? { ...state, focus: 'details', detailsOffset: 0 } : state;
}

function back(state: ViewState): ViewState {
  if (state.filterDraft !== undefined) return { ...state, filterDraft: undefined, filter: '' };
  if (state.focus === 'details') return { ...state, focus: 'tree' };
  if (state.focus === 'tree') return { ...state, focus: 'services' };
  if (state.filter !== '') return { ...state, filter: '' };
  return state;
}

/**
 * Applies one user action. Pure. Follow it with {@link reconcileView} against a context derived from the
 * new state, because filters and sorts change which services `ctx` lists.
 */
export function reduceView(state: ViewState, action: ViewAction, ctx: ViewContext): ViewState {
  switch (action.type) {
    case 'move':
      return moveIn(state, ctx, action.pane ?? state.focus, action.delta);
    case 'page':
      return moveIn(state, ctx, state.focus, action.direction * pageStep(ctx.heights[state.focus]));
    case 'top':
      return moveIn(state, ctx, state.focus, -Number.MAX_SAFE_INTEGER / 2);
    case 'bottom':
      return moveIn(state, ctx, state.focus, Number.MAX_SAFE_INTEGER / 2);
    case 'enter':
      return enter(state, ctx);
    case 'back':
      return back(state);
    case 'next-pane': {
      const i = ctx.panes.indexOf(state.focus);
      return { ...state, focus: ctx.panes[(i + 1) % ctx.panes.length] ?? 'services' };
    }
    case 'focus':
      return ctx.panes.includes(action.pane) ? { ...state, focus: action.pane } : state;
    case 'select-row': {
      if (!ctx.panes.includes(action.pane)) return state;
      const focused = { ...state, focus: action.pane };
      if (action.row < 0) return focused;
      if (action.pane === 'services') {
        const index = state.serviceOffset + action.row;
        return index < ctx.serviceNames.length ? selectService(focused, ctx, index) : focused;
      }
      if (action.pane === 'tree') {
        const index = state.treeOffset + action.row;
        return index < ctx.treeLines.length ? selectLine(focused, ctx, index) : focused;
      }
      return focused;
    }
    case 'activate-row':
      return enter(reduceView(state, { type: 'select-row', pane: action.pane, row: action.row }, ctx), ctx);
    case 'filter-start':
      return { ...editFilter(state, action), focus: 'services' };
    case 'filter-input':
    case 'filter-backspace':
    case 'filter-commit':
    case 'filter-cancel':
      return editFilter(state, action);
    case 'cycle-sort':
      return { ...state, sort: SORT_ORDER[(SORT_ORDER.indexOf(state.sort) + 1) % SORT_ORDER.length] ?? 'name' };
  }
}

/**
 * Fits the state to the data now on screen: a selection that vanished falls back to the row where it was,
 * a new service's tree starts at the top, offsets keep the selection visible, a focus on a pane the layout
 * lacks goes back to the table. Pure; call after every action, snapshot and resize. Returns `state` itself
 * when it already fits, so a caller can tell that nothing moved.
 */
export function reconcileView(state: ViewState, ctx: ViewContext): ViewState {
  const sIndex = selectedServiceIndex(state, ctx.serviceNames);
  const selectedService = ctx.serviceNames[sIndex];
  let next: ViewState = {
    ...state,
    selectedService,
    serviceIndex: sIndex,
    serviceOffset: keepVisible(state.serviceOffset, sIndex, ctx.heights.services, ctx.serviceNames.length),
    focus: ctx.panes.includes(state.focus) ? state.focus : 'services',
  };
  if (selectedService !== state.treeService) {
    next = { ...next, treeService: selectedService, selectedLine: undefined, lineIndex: 0, treeOffset: 0, detailsOffset: 0 };
  }
  const lIndex = selectedLineIndex(next, ctx.treeLines);
  const maxDetails = Math.max(0, ctx.detailsLineCount - ctx.heights.details);
  const reconciled: ViewState = {
    ...next,
    selectedLine: ctx.treeLines[lIndex]?.id,
    lineIndex: lIndex,
    treeOffset: keepVisible(next.treeOffset, lIndex, ctx.heights.tree, ctx.treeLines.length),
    detailsOffset: Math.min(next.detailsOffset, maxDetails),
  };
  return sameFields(reconciled, state) ? state : reconciled;
}

function sameFields(a: ViewState, b: ViewState): boolean {
  return (Object.keys(a) as (keyof ViewState)[]).every((k) => a[k] === b[k]);
}
