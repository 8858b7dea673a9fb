// The cluster dashboard: listens to the poller, keeps the view state, and draws header, service table,
// task tree, details and status line through DashboardView. All decisions are in the pure modules.
import type { Widgets } from 'blessed';
import { reageMetrics } from '../../model/metric-attach.js';
import type { Snapshot } from '../../model/types.js';
import type { PollerErrorEvent, PollerState } from '../../poller/types.js';
import type { CommandName } from '../keys.js';
import { computeLayout, hitTest } from '../layout.js';
import type { DashboardLayout } from '../layout.js';
import { visibleRows } from '../pane-rows.js';
import { renderStatusLines } from '../status-line.js';
import { filterKeyAction } from '../name-filter.js';
import { buildDashboardModel, innerWidth } from '../view-model.js';
import type { DashboardModel } from '../view-model.js';
import { initialViewState, reconcileView, reduceView } from '../view-state.js';
import type { ViewAction, ViewState } from '../view-state.js';
import { clean } from '../render/text.js';
import { urlOfSelection } from '../selection-url.js';
import { DashboardView } from './dashboard-view.js';
import type { DashboardFrame } from './dashboard-view.js';
import type { ModeHost, MonitorInput, MouseEvent, ScreenMode } from './mode.js';
import { renderHeader } from '../render/header.js';
import { renderServiceHeader, renderServiceRow, serviceColumns } from '../render/service-table.js';
import { renderTooSmall } from '../render/too-small.js';

/** Two clicks on the same row within this time are a double-click (blessed reports only single clicks). */
const DOUBLE_CLICK_MS = 500;

const SORT_LABELS = { name: 'name', health: 'health', tasks: 'tasks', cpu: 'CPU', memory: 'memory' } as const;

/** The dashboard of one cluster; calls `poller.start()` on construction and `poller.stop()` on dispose. */
export class MonitorMode implements ScreenMode {
  readonly scope = 'dashboard' as const;
  private readonly view: DashboardView;
  private state: ViewState = initialViewState();
  private layoutNow: DashboardLayout;
  private model: DashboardModel;
  private snapshot: Snapshot | undefined;
  private pollerState: PollerState | undefined;
  private error: PollerErrorEvent | undefined;
  private focusedService: string | undefined;
  /** The service names on screen last told to the poller, joined (undefined: every service; null: not told yet). */
  private shownKey: string | undefined | null = null;
  private lastClick: { pane: string; row: number; at: number } | undefined;
  /** Lines of the status area in the current layout: more than one only while a long message is shown. */
  private statusHeight = 1;
  private readonly listeners: { snapshot: (s: Snapshot) => void; error: (e: PollerErrorEvent) => void; state: (s: PollerState) => void };

  constructor(
    private readonly host: ModeHost,
    private readonly input: MonitorInput,
  ) {
    this.view = new DashboardView(host.screen);
    this.layoutNow = computeLayout(host.screen.width as number, host.screen.height as number);
    this.snapshot = input.poller.lastSnapshot;
    this.pollerState = input.poller.state;
    this.model = buildDashboardModel(this.snapshot, this.state, this.layoutNow, host.now());
    this.listeners = {
      snapshot: (s) => {
        this.snapshot = s;
        this.error = undefined;
        if (host.message?.untilSnapshot === true) host.setMessage(undefined);
        this.sync();
        host.requestRender();
      },
      error: (e) => {
        this.error = e;
        // A failed refresh ends "Refreshing…" too: left up, it would hide the error's sentence, which the
        // status line shows only when no message is set.
        if (host.message?.untilSnapshot === true) host.setMessage(undefined);
        const kept = this.snapshot ?? e.lastSnapshot;
        if (kept !== undefined) {
          // The data stays on screen, marked stale, but its metric values turn to `-` as they age.
          this.snapshot = reageMetrics(kept, host.now());
          this.sync();
        }
        host.requestRender();
      },
      state: (s) => {
        this.pollerState = s;
        host.requestRender();
      },
    };
    input.poller.on('snapshot', this.listeners.snapshot);
    input.poller.on('error', this.listeners.error);
    input.poller.on('state', this.listeners.state);
    this.sync();
    input.poller.start();
  }

  layout(): void {
    this.layoutNow = computeLayout(this.host.screen.width as number, this.host.screen.height as number, this.statusHeight);
    this.view.build(this.layoutNow);
    this.sync();
  }

  /** Recomputes the model and fits the state to it; tells the poller when the selected service changed. */
  private sync(): void {
    const now = this.host.now();
    const first = buildDashboardModel(this.snapshot, this.state, this.layoutNow, now);
    const reconciled = reconcileView(this.state, first.context);
    // Usually nothing moved (a refresh of the same services): the model already built is the one to show.
    this.model = reconciled === this.state ? first : buildDashboardModel(this.snapshot, reconciled, this.layoutNow, now);
    this.state = reconciled;
    // The services on screen: in a large cluster only they get service metrics (CloudWatch bills each
    // metric), except when the table is sorted by CPU or memory, which needs every service's value.
    const shown =
      this.state.sort === 'cpu' || this.state.sort === 'memory'
        ? undefined
        : this.model.services.slice(this.state.serviceOffset, this.state.serviceOffset + this.model.context.heights.services).map((s) => s.name);
    const shownKey = shown === undefined ? undefined : shown.join('\n');
    if (this.state.selectedService !== this.focusedService || shownKey !== this.shownKey) {
      this.focusedService = this.state.selectedService;
      this.shownKey = shownKey;
      this.input.poller.setFocus(this.focusedService === undefined ? [] : [this.focusedService], shown);
    }
  }

  private apply(action: ViewAction): void {
    this.state = reduceView(this.state, action, this.model.context);
    this.sync();
    this.host.requestRender();
  }

  private header(): string {
    const calls = this.host.callsLastMinute?.();
    return renderHeader({
      snapshot: this.snapshot,
      state: this.pollerState,
      error: this.error,
      now: this.host.now(),
      width: innerWidth(this.layoutNow.header),
      callsLastMinute: calls,
      clusterName: this.input.clusterName,
      region: this.host.region,
    });
  }

  /** Everything on screen for the current state, as text. */
  private frame(): DashboardFrame {
    const { state, model, layoutNow: layout } = this;
    const now = this.host.now();
    // The table has no side borders (see DashboardView): its rows get the whole width.
    const tableWidth = layout.services?.width ?? 0;
    const columns = serviceColumns(tableWidth);
    const height = model.context.heights.services;
    const window = model.services.slice(state.serviceOffset, state.serviceOffset + height);
    const rows = window.map((s) => renderServiceRow(s, columns, now));
    const selectedRow = model.selectedService === undefined ? undefined : window.indexOf(model.selectedService);
    let servicesRows = [renderServiceHeader(columns), ...visibleRows(rows, 0, height, selectedRow, state.focus === 'services')];
    if (this.snapshot === undefined) servicesRows = [this.error ? 'No data yet' : 'Loading…'];
    else if (model.totalServices === 0) servicesRows = ['No services found'];
    else if (model.services.length === 0) servicesRows = [`No services match "${clean(state.filterDraft ?? state.filter)}"`];
    const filter = state.filterDraft ?? state.filter;
    // No counts before the first snapshot: "0/0" would read as an empty cluster.
    const counts = this.snapshot === undefined ? '' : ` ${model.services.length}/${model.totalServices}`;
    const servicesLabel = ` Services${counts} · sort: ${SORT_LABELS[state.sort]}${filter === '' ? '' : ` · filter: ${clean(filter)}`} `;
    const treeTexts = model.treeLines.map((l) => l.text);
    const treeIndex = model.selectedLine === undefined ? undefined : model.treeLines.indexOf(model.selectedLine);
    return {
      header: this.header(),
      servicesLabel,
      servicesRows,
      treeLabel: model.selectedService === undefined ? ' Tasks ' : ` Tasks · ${clean(model.selectedService.name)} `,
      treeRows: visibleRows(treeTexts, state.treeOffset, model.context.heights.tree, treeIndex, state.focus === 'tree'),
      detailsLabel: ' Details ',
      detailsRows: model.detailsLines.slice(state.detailsOffset, state.detailsOffset + model.context.heights.details),
      status: this.statusLines().join('\n'),
      focus: state.focus,
      tooSmall: renderTooSmall(layout.cols, layout.rows),
    };
  }

  private statusLines(): string[] {
    const model = this.model;
    return renderStatusLines(
      {
        scope: 'dashboard',
        filterDraft: this.state.filterDraft,
        matchCount: model.services.length,
        filter: this.state.filter,
        message: this.host.message,
        error: this.error?.error.message,
        mouse: this.host.mouseOn,
      },
      this.host.screen.width as number,
    );
  }

  draw(): void {
    this.sync();
    // The status area takes as many lines as its text needs (a copied URL at 80 columns): lay out again
    // when that changes, before the frame is made for the panes' new heights.
    const needed = this.statusLines().length;
    if (needed !== this.statusHeight) {
      this.statusHeight = needed;
      this.layout();
    }
    this.view.fill(this.frame());
  }

  tick(): Widgets.BoxElement | undefined {
    return this.view.fillHeader(this.header());
  }

  captureKey(name: string, ch: string | undefined): boolean {
    if (this.state.filterDraft === undefined) return false;
    const action = filterKeyAction(name, ch);
    if (action !== undefined) this.apply(action);
    return true;
  }

  command(name: CommandName): void {
    switch (name) {
      case 'up':
        return this.apply({ type: 'move', delta: -1 });
      case 'down':
        return this.apply({ type: 'move', delta: 1 });
      case 'page-up':
        return this.apply({ type: 'page', direction: -1 });
      case 'page-down':
        return this.apply({ type: 'page', direction: 1 });
      case 'top':
        return this.apply({ type: 'top' });
      case 'bottom':
        return this.apply({ type: 'bottom' });
      case 'enter':
        return this.apply({ type: 'enter' });
      case 'back': {
        const before = this.state;
        this.apply({ type: 'back' });
        if (this.state === before || JSON.stringify(stateKey(this.state)) === JSON.stringify(stateKey(before))) this.host.backToPicker?.();
        return;
      }
      case 'next-pane':
        return this.apply({ type: 'next-pane' });
      case 'filter':
        return this.apply({ type: 'filter-start' });
      case 'sort':
        return this.apply({ type: 'cycle-sort' });
      case 'refresh':
        this.input.poller.refreshNow();
        this.host.setMessage({ text: 'Refreshing…', kind: 'info', untilSnapshot: true });
        return;
      default:
        return;
    }
  }

  mouse(event: MouseEvent): void {
    const hit = hitTest(this.layoutNow, event.x, event.y);
    if (hit === undefined) return;
    if (event.action === 'wheelup' || event.action === 'wheeldown') {
      this.apply({ type: 'move', pane: hit.pane, delta: event.action === 'wheelup' ? -1 : 1 });
      return;
    }
    if (event.action !== 'mousedown') return;
    const now = this.host.now();
    const last = this.lastClick;
    const double = last !== undefined && last.pane === hit.pane && last.row === hit.row && now - last.at < DOUBLE_CLICK_MS && hit.row >= 0;
    this.lastClick = double ? undefined : { pane: hit.pane, row: hit.row, at: now };
    this.apply({ type: double ? 'activate-row' : 'select-row', pane: hit.pane, row: hit.row });
  }

  selectionUrl(): string | undefined {
    const line = this.state.focus === 'services' ? undefined : this.model.selectedLine;
    return urlOfSelection({
      region: this.host.region,
      cluster: this.snapshot?.cluster.name ?? this.input.clusterName,
      service: this.model.selectedService?.name,
      taskId: line?.kind === 'empty' || line?.kind === 'stopped-group' ? undefined : line?.taskId,
      containerName: line?.containerName,
    });
  }

  dispose(): void {
    this.input.poller.off('snapshot', this.listeners.snapshot);
    this.input.poller.off('error', this.listeners.error);
    this.input.poller.off('state', this.listeners.state);
    this.input.poller.stop();
    this.view.destroyWidgets();
  }
}

/** The parts of the state that Esc can change; unchanged means Esc had nothing left to undo. */
function stateKey(state: ViewState): unknown {
  return [state.focus, state.filter, state.filterDraft];
}
