// What the screen manager needs from a screen (the cluster picker or the cluster dashboard), and what it
// offers them. The manager owns the terminal, keys, mouse, help and quitting; a mode owns its data.
import type { Widgets } from 'blessed';
import type { CommandName } from '../keys.js';
import type { BindingScope } from '../keys.js';
import type { StatusMessage } from '../status-line.js';
import type { PollerHandle } from '../../poller/types.js';

/** Blessed's parsed mouse event (0-based cells). */
export interface MouseEvent {
  readonly x: number;
  readonly y: number;
  readonly action: string;
}

export interface ScreenMode {
  readonly scope: BindingScope;
  /** Builds widgets for the current screen size (first show and every resize). */
  layout(): void;
  /** Fills every widget from the current data and state. */
  draw(): void;
  /**
   * The 1 Hz tick: refreshes only what shows time (the header's countdown and ages). Returns the header widget
   * when its text changed (the caller paints only that widget), undefined when there is nothing to paint.
   */
  tick(): Widgets.BoxElement | undefined;
  /** Keys the mode takes before the binding table (typing a filter); true when consumed. */
  captureKey(name: string, ch: string | undefined): boolean;
  /** A command from the binding table that is the mode's business (movement, enter, back, sort...). */
  command(name: CommandName): void;
  mouse(event: MouseEvent): void;
  /** The console URL of what is selected, or undefined when nothing has one. */
  selectionUrl(): string | undefined;
  /** Stops data sources and removes widgets. */
  dispose(): void;
}

/** The screen manager as the modes see it. */
export interface ModeHost {
  readonly screen: Widgets.Screen;
  readonly region: string;
  readonly intervalSec: number;
  readonly callsLastMinute: (() => number) | undefined;
  now(): number;
  /** Schedules one redraw; calls within the same turn coalesce. */
  requestRender(): void;
  /** A transient result for the status line (cleared by the next key). */
  setMessage(message: StatusMessage | undefined): void;
  readonly message: StatusMessage | undefined;
  readonly mouseOn: boolean;
  /** From the picker: open a cluster's dashboard. */
  openCluster(name: string): void;
  /** From a dashboard opened through the picker: go back to it. Undefined when there is no picker. */
  readonly backToPicker: (() => void) | undefined;
}

/** What a dashboard mode is given. */
export interface MonitorInput {
  readonly clusterName: string;
  readonly poller: PollerHandle;
}
