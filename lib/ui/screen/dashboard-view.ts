// The dashboard's widgets: built for one layout, rebuilt on resize, and filled with ready-made strings.
// This layer decides nothing; it only puts text into boxes.
//
// The table and the task tree are plain boxes holding only the visible rows, the selection painted in by
// pane-rows.ts. Not contrib.tree: it mutates the nodes given to setData and a mouse click on a node emits no
// `select`, so expansion and clicks could not be kept by task id. Not contrib.table: it measures cells by
// raw string length, so colour tags and wide characters break its columns. Not a blessed.list either: it
// keeps a selection and a scroll position of its own (per widget, lost on every rebuild) and one element
// per row, while the view state already keeps both by service name and tree line id.
import blessed from 'blessed';
import type { Widgets } from 'blessed';
import type { DashboardLayout } from '../layout.js';
import type { Pane } from '../view-state.js';
import { ruledPane } from '../pane-rows.js';
import { bareBox, createGrid, lineBox, paneBox, setFocused } from './pane-widgets.js';

/** Everything the dashboard shows, as text (blessed tags allowed). */
export interface DashboardFrame {
  readonly header: string;
  readonly servicesLabel: string;
  readonly servicesRows: readonly string[];
  readonly treeLabel: string;
  readonly treeRows: readonly string[];
  readonly detailsLabel: string;
  readonly detailsRows: readonly string[];
  readonly status: string;
  readonly focus: Pane;
  /** The centred notice shown instead of everything when the terminal is too small. */
  readonly tooSmall?: string;
}

/** The dashboard's widgets on one screen. */
export class DashboardView {
  private widgets: {
    header?: Widgets.BoxElement;
    services?: Widgets.BoxElement;
    tree?: Widgets.BoxElement;
    details?: Widgets.BoxElement;
    status?: Widgets.BoxElement;
    tooSmall?: Widgets.BoxElement;
  } = {};

  private layout: DashboardLayout | undefined;
  /** The header's current text, so an unchanged tick paints nothing. */
  private headerText: string | undefined;

  constructor(private readonly screen: Widgets.Screen) {}

  /** Throws away the widgets and builds them again for `layout` (after a resize or a mode change). */
  build(layout: DashboardLayout): void {
    this.destroyWidgets();
    this.layout = layout;
    this.headerText = undefined;
    if (layout.mode === 'too-small') {
      this.widgets.tooSmall = blessed.box({
        parent: this.screen,
        top: 'center',
        left: 'center',
        width: '100%',
        height: 1,
        align: 'center',
        tags: true,
        wrap: false,
      });
      return;
    }
    const grid = createGrid(this.screen, layout.cols, layout.rows);
    if (layout.header) this.widgets.header = paneBox(grid, layout.header);
    // The table draws its own top and bottom rules instead of a border, so its columns get the full width.
    if (layout.services) this.widgets.services = bareBox(this.screen, layout.cols, layout.rows, layout.services);
    if (layout.tree) this.widgets.tree = paneBox(grid, layout.tree, ' Tasks ');
    if (layout.details) this.widgets.details = paneBox(grid, layout.details, ' Details ');
    if (layout.status) this.widgets.status = lineBox(this.screen, layout.status);
  }

  /** Puts a whole frame on screen (does not render; the caller renders once). */
  fill(frame: DashboardFrame): void {
    const w = this.widgets;
    if (w.tooSmall) {
      w.tooSmall.setContent(frame.tooSmall ?? '');
      return;
    }
    this.setHeader(frame.header);
    const table = this.layout?.services;
    if (w.services && table) {
      w.services.setContent(ruledPane(frame.servicesLabel, frame.servicesRows, table.width, table.height, frame.focus === 'services').join('\n'));
    }
    if (w.tree) {
      w.tree.setLabel(frame.treeLabel);
      w.tree.setContent(frame.treeRows.join('\n'));
      setFocused(w.tree, frame.focus === 'tree');
    }
    if (w.details) {
      w.details.setLabel(frame.detailsLabel);
      w.details.setContent(frame.detailsRows.join('\n'));
      setFocused(w.details, frame.focus === 'details');
    }
    w.status?.setContent(frame.status);
  }

  /**
   * Only the header, for the 1 Hz countdown: returns the header widget when its text changed, so the caller
   * paints just that widget, and undefined when there is nothing new to show (most ticks once the age and
   * countdown count in minutes).
   */
  fillHeader(header: string): Widgets.BoxElement | undefined {
    return this.setHeader(header) ? this.widgets.header : undefined;
  }

  /** True when the header widget exists and its text changed. */
  private setHeader(text: string): boolean {
    const widget = this.widgets.header;
    if (widget === undefined || text === this.headerText) return false;
    this.headerText = text;
    widget.setContent(text);
    return true;
  }

  destroyWidgets(): void {
    for (const widget of Object.values(this.widgets)) widget?.destroy();
    this.widgets = {};
  }
}
