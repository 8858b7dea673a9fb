// From (snapshot, view state, layout) to what each pane shows: the ordered services, the selected service's
// tree lines and details text, and the ViewContext the reducer works against. Pure.
import type { Service, Snapshot, Task } from '../model/types.js';
import type { DashboardLayout, Rect } from './layout.js';
import { effectiveFilter, selectedLineIndex, selectedServiceIndex } from './view-state.js';
import type { Pane, ViewContext, ViewState } from './view-state.js';
import { renderContainerDetails, renderServiceDetails, renderTaskDetails } from './render/details.js';
import { renderTaskTree } from './render/tree.js';
import { selectServices } from './render/service-table.js';
import type { TreeLine } from './render/tree.js';

export interface DashboardModel {
  /** All services after filter and sort, in display order. */
  readonly services: readonly Service[];
  readonly totalServices: number;
  readonly selectedService: Service | undefined;
  readonly treeLines: readonly TreeLine[];
  readonly selectedLine: TreeLine | undefined;
  /** Details pane text split in lines (empty in the compact layout). */
  readonly detailsLines: readonly string[];
  readonly context: ViewContext;
}

/** Rows inside a bordered pane. */
export function innerHeight(rect: Rect | undefined): number {
  return rect === undefined ? 0 : Math.max(0, rect.height - 2);
}

/** Columns inside a bordered pane. */
export function innerWidth(rect: Rect | undefined): number {
  return rect === undefined ? 0 : Math.max(0, rect.width - 2);
}

/** Panes in Tab order for a layout. */
export function panesOf(layout: DashboardLayout): readonly Pane[] {
  if (layout.mode === 'too-small') return ['services'];
  return layout.details === undefined ? ['services', 'tree'] : ['services', 'tree', 'details'];
}

function findTask(service: Service, taskId: string | undefined): Task | undefined {
  if (taskId === undefined) return undefined;
  return service.tasks.find((t) => t.id === taskId) ?? service.stoppedTasks.find((t) => t.id === taskId);
}

/** The details pane text for the selection: the tree line's task or container when the tree is in use. */
export function detailsText(service: Service | undefined, line: TreeLine | undefined, focus: Pane, now: number, width: number): string {
  if (service === undefined) return 'No service selected';
  if (focus !== 'services' && line !== undefined) {
    const task = findTask(service, line.taskId);
    if (task !== undefined && line.kind === 'container') {
      const container = task.containers.find((c) => c.name === line.containerName);
      if (container !== undefined) return renderContainerDetails(container, task, now, width);
    }
    if (task !== undefined && (line.kind === 'task' || line.kind === 'stopped-task')) return renderTaskDetails(task, now, width);
  }
  return renderServiceDetails(service, now, width);
}

/** Builds everything the panes show for the state; `state` should already be reconciled for exact results. */
export function buildDashboardModel(snapshot: Snapshot | undefined, state: ViewState, layout: DashboardLayout, now: number): DashboardModel {
  const all = snapshot?.services ?? [];
  const services = selectServices(all, { sort: state.sort, filter: effectiveFilter(state) });
  const names = services.map((s) => s.name);
  const selectedService = services[selectedServiceIndex(state, names)];
  // The tree starts over for a newly selected service, exactly as reconcileView will decide.
  const treeState = selectedService?.name === state.treeService ? state : { ...state, selectedLine: undefined, lineIndex: 0 };
  const treeLines =
    selectedService === undefined
      ? []
      : renderTaskTree(selectedService, {
          expanded: state.expanded,
          stoppedExpanded: state.stoppedExpanded,
          now,
          width: innerWidth(layout.tree),
        });
  const selectedLine = treeLines[selectedLineIndex(treeState, treeLines)];
  const detailsLines =
    layout.details === undefined ? [] : detailsText(selectedService, selectedLine, state.focus, now, innerWidth(layout.details)).split('\n');
  const context: ViewContext = {
    serviceNames: names,
    treeLines,
    heights: {
      // The table's first inner row is the column header.
      services: Math.max(0, innerHeight(layout.services) - 1),
      tree: innerHeight(layout.tree),
      details: innerHeight(layout.details),
    },
    detailsLineCount: detailsLines.length,
    panes: panesOf(layout),
  };
  return { services, totalServices: all.length, selectedService, treeLines, selectedLine, detailsLines, context };
}
