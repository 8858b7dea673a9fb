// The cluster picker, shown when no cluster is configured: lists the account's clusters (status, services,
// running and pending tasks) and opens the one chosen by keys or mouse.
import blessed from 'blessed';
import type { Widgets } from 'blessed';
import type { ClusterSummary } from '../../model/types.js';
import { clusterConsoleUrl } from '../../model/console-urls.js';
import type { ClusterLister } from '../../poller/types.js';
import type { CommandName } from '../keys.js';
import { clampIndex, keepVisible, pageStep } from '../list-window.js';
import { layoutMode } from '../layout.js';
import { visibleRows } from '../pane-rows.js';
import { renderStatusLines } from '../status-line.js';
import { clean } from '../render/text.js';
import { renderTooSmall } from '../render/too-small.js';
import type { ModeHost, MouseEvent, ScreenMode } from './mode.js';
import { createGrid, lineBox, paneBox, setFocused } from './pane-widgets.js';
import { renderClusterRows } from '../render/cluster-picker.js';
import { editFilter, effectiveFilter, filterByName, filterKeyAction } from '../name-filter.js';
import type { FilterEdit, NameFilter } from '../name-filter.js';

const HEADER_HEIGHT = 3;
const DOUBLE_CLICK_MS = 500;

/** The cluster picker; lists clusters on construction and again on `r`. */
export class PickerMode implements ScreenMode {
  readonly scope = 'picker' as const;
  private clusters: readonly ClusterSummary[] | undefined;
  private loadError: string | undefined;
  private index = 0;
  private offset = 0;
  private abort: AbortController | undefined;
  private widgets: Widgets.BoxElement[] = [];
  private header: Widgets.BoxElement | undefined;
  private list: Widgets.BoxElement | undefined;
  private status: Widgets.BoxElement | undefined;
  private tooSmall: Widgets.BoxElement | undefined;
  private lastClick: { row: number; at: number } | undefined;
  /** `/` filters the clusters by name, as in the service table. */
  private filter: NameFilter = { filter: '', filterDraft: undefined };
  /** Lines of the status area: more than one only while a long message (a copied URL) is shown. */
  private statusHeight = 1;

  constructor(
    private readonly host: ModeHost,
    private readonly lister: ClusterLister | undefined,
    /** Coming back from a dashboard: the list shown before (refreshed in the background) and the choice. */
    previous?: { readonly clusters: readonly ClusterSummary[] | undefined; readonly selected: string | undefined },
  ) {
    this.preselect = previous?.selected;
    this.clusters = previous?.clusters;
    this.selectPreselected();
    this.load();
  }

  private readonly preselect: string | undefined;

  /** The clusters listed so far, to show at once when the picker opens again. */
  get listed(): readonly ClusterSummary[] | undefined {
    return this.clusters;
  }

  /** The clusters shown: those matching the filter, in the order listed. */
  private shown(): readonly ClusterSummary[] {
    return filterByName(this.clusters ?? [], effectiveFilter(this.filter));
  }

  private selectPreselected(): void {
    const at = this.preselect === undefined ? -1 : this.shown().findIndex((c) => c.name === this.preselect);
    if (at >= 0) this.index = at;
  }

  /** Changes the filter, keeping the cursor on the same cluster while it still matches. */
  private edit(edit: FilterEdit): void {
    const selected = this.shown()[this.index]?.name;
    this.filter = editFilter(this.filter, edit);
    const at = selected === undefined ? -1 : this.shown().findIndex((c) => c.name === selected);
    this.index = at >= 0 ? at : clampIndex(this.index, this.shown().length);
    this.host.requestRender();
  }

  private load(): void {
    this.abort?.abort();
    if (this.lister === undefined) {
      this.loadError = 'No cluster given and no way to list clusters: pass --cluster NAME.';
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    this.loadError = undefined;
    this.lister(abort.signal).then(
      (clusters) => {
        if (abort.signal.aborted) return;
        const selected = this.shown()[this.index]?.name ?? this.preselect;
        this.clusters = clusters;
        // Keep the cursor on the same cluster by name when the list comes back in a different order.
        const at = selected === undefined ? -1 : this.shown().findIndex((c) => c.name === selected);
        if (at >= 0) this.index = at;
        this.host.requestRender();
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        this.loadError = error instanceof Error ? error.message : String(error);
        this.host.requestRender();
      },
    );
  }

  private listHeight(): number {
    return Math.max(0, (this.host.screen.height as number) - HEADER_HEIGHT - this.statusHeight - 3);
  }

  layout(): void {
    for (const w of this.widgets) w.destroy();
    this.widgets = [];
    this.header = this.list = this.status = this.tooSmall = undefined;
    const cols = this.host.screen.width as number;
    const rows = this.host.screen.height as number;
    if (layoutMode(cols, rows) === 'too-small') {
      this.tooSmall = blessed.box({ parent: this.host.screen, top: 'center', left: 'center', width: '100%', height: 1, align: 'center', tags: true, wrap: false });
      this.widgets = [this.tooSmall];
      return;
    }
    const grid = createGrid(this.host.screen, cols, rows);
    this.header = paneBox(grid, { top: 0, left: 0, width: cols, height: HEADER_HEIGHT });
    this.list = paneBox(grid, { top: HEADER_HEIGHT, left: 0, width: cols, height: rows - HEADER_HEIGHT - this.statusHeight }, ' Clusters ');
    this.status = lineBox(this.host.screen, { top: rows - this.statusHeight, left: 0, width: cols, height: this.statusHeight });
    setFocused(this.list, true);
    this.widgets = [this.header, this.list, this.status];
  }

  draw(): void {
    const cols = this.host.screen.width as number;
    const shown = this.shown();
    const status = renderStatusLines(
      {
        scope: 'picker',
        filterDraft: this.filter.filterDraft,
        matchCount: shown.length,
        filter: this.filter.filter,
        message: this.host.message,
        error: this.loadError,
        mouse: this.host.mouseOn,
      },
      cols,
    );
    if (status.length !== this.statusHeight && this.tooSmall === undefined) {
      this.statusHeight = status.length;
      this.layout();
    }
    if (this.tooSmall) {
      this.tooSmall.setContent(renderTooSmall(cols, this.host.screen.height as number));
      return;
    }
    const count = shown.length;
    this.index = clampIndex(this.index, count);
    this.offset = keepVisible(this.offset, this.index, this.listHeight(), count);
    this.header?.setContent(`{bold}Choose a cluster{/bold}  region ${clean(this.host.region)}  ·  Enter opens it`);
    let lines: string[];
    if (this.clusters === undefined) lines = [this.loadError === undefined ? 'Loading clusters…' : 'Could not list clusters'];
    else if (this.clusters.length === 0) lines = [`No clusters found in ${clean(this.host.region)}`];
    else if (count === 0) lines = [`No clusters match "${clean(effectiveFilter(this.filter))}"`];
    else {
      const table = renderClusterRows(shown, cols - 2);
      lines = [table.header, ...visibleRows(table.rows, this.offset, this.listHeight(), this.index, true)];
    }
    this.list?.setContent(lines.join('\n'));
    const filter = effectiveFilter(this.filter);
    const total = this.clusters?.length ?? 0;
    this.list?.setLabel(filter === '' ? ' Clusters ' : ` Clusters ${count}/${total} · filter: ${clean(filter)} `);
    this.status?.setContent(status.join('\n'));
  }

  tick(): undefined {
    // Nothing in the picker shows time.
    return undefined;
  }

  captureKey(name: string, ch: string | undefined): boolean {
    if (this.filter.filterDraft === undefined) return false;
    const action = filterKeyAction(name, ch);
    if (action?.type === 'move') this.move(action.delta);
    else if (action !== undefined) this.edit(action);
    return true;
  }

  private move(delta: number): void {
    this.index = clampIndex(this.index + delta, this.shown().length);
    this.host.requestRender();
  }

  private choose(): void {
    const cluster = this.shown()[this.index];
    if (cluster !== undefined) this.host.openCluster(cluster.name);
  }

  command(name: CommandName): void {
    const page = pageStep(this.listHeight());
    switch (name) {
      case 'up':
        return this.move(-1);
      case 'down':
        return this.move(1);
      case 'page-up':
        return this.move(-page);
      case 'page-down':
        return this.move(page);
      case 'top':
        return this.move(-Number.MAX_SAFE_INTEGER / 2);
      case 'bottom':
        return this.move(Number.MAX_SAFE_INTEGER / 2);
      case 'enter':
        return this.choose();
      case 'refresh':
        this.load();
        this.host.requestRender();
        return;
      case 'filter':
        return this.edit({ type: 'filter-start' });
      case 'back':
        // Esc clears a filter in force, as in the service table.
        if (this.filter.filter !== '') this.edit({ type: 'filter-cancel' });
        return;
      default:
        return;
    }
  }

  mouse(event: MouseEvent): void {
    // The list's first inner row is the column header.
    const row = event.y - HEADER_HEIGHT - 2;
    if (event.action === 'wheelup' || event.action === 'wheeldown') return this.move(event.action === 'wheelup' ? -1 : 1);
    if (event.action !== 'mousedown' || this.list === undefined || row < 0 || row >= this.listHeight()) return;
    const index = this.offset + row;
    if (index >= this.shown().length) return;
    const now = this.host.now();
    const double = this.lastClick !== undefined && this.lastClick.row === row && now - this.lastClick.at < DOUBLE_CLICK_MS;
    this.lastClick = double ? undefined : { row, at: now };
    this.index = index;
    if (double) this.choose();
    else this.host.requestRender();
  }

  selectionUrl(): string | undefined {
    const cluster = this.shown()[this.index];
    return cluster === undefined ? undefined : clusterConsoleUrl({ region: this.host.region, cluster: cluster.name });
  }

  dispose(): void {
    this.abort?.abort();
    for (const w of this.widgets) w.destroy();
    this.widgets = [];
  }
}
