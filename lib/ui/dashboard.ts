// The screen manager: owns the terminal for the lifetime of the UI. It creates the screen, guards it from
// stray output, signals and crashes, routes keys through the binding table and the mouse to the active
// mode (cluster picker or cluster dashboard), shows the help overlay, coalesces renders, ticks the header
// once a second, and puts the terminal back on quit.
import type { Widgets } from 'blessed';
import type { ClusterSummary } from '../model/types.js';
import type { ClusterLister, PollerHandle } from '../poller/types.js';
import { findBinding, helpLines, keyNameOf } from './keys.js';
import { sanitize } from './render/text.js';
import type { CommandName } from './keys.js';
import type { StatusMessage } from './status-line.js';
import { separateMouseReports } from './input-split.js';
import { installTerminalGuard } from './terminal-guard.js';
import type { TerminalGuard } from './terminal-guard.js';
import { createScreen, disableMouse, enableMouse, TERMINAL_RESET } from './screen/create-screen.js';
import { showOverlay } from './screen/help-overlay.js';
import { clampHelpOffset, helpTitle, overlaySize, scrollHelp } from './help-window.js';
import type { ModeHost, MouseEvent, ScreenMode } from './screen/mode.js';
import { MonitorMode } from './screen/monitor-mode.js';
import { PickerMode } from './screen/picker-mode.js';

export interface DashboardOptions {
  region: string;
  /** Undefined → the cluster picker. */
  clusterName?: string;
  /** Given when clusterName is given; the dashboard calls start() and, on quit, stop(). */
  poller?: PollerHandle;
  /** For the picker. */
  listClusters?: ClusterLister;
  /** Picker choice → a poller for that cluster (the dashboard calls start()). */
  openCluster?: (name: string) => PollerHandle;
  mouse: boolean;
  intervalSec: number;
  /** For the header. */
  callsLastMinute?: () => number;
  /** For the help overlay. */
  costStats?: () => { metricsRequestedLastHour: number; estimatedCostPerDayUsd: number };
  copyText?: (text: string) => Promise<{ message: string }>;
  openUrl?: (url: string) => Promise<{ message: string }>;
  input?: NodeJS.ReadStream;
  output?: NodeJS.WriteStream;
  /** Receives console output and process warnings caught while the screen is up (optional addition). */
  log?: (line: string) => void;
  /** Clock for the countdown and double-clicks; default Date.now (optional addition, for tests). */
  now?: () => number;
  /**
   * Told of every paint (optional addition, for tests): `full` for a render of the whole screen, `header` for
   * a 1 Hz tick that painted only the header, `none` for a tick with nothing new to show.
   */
  onPaint?: (paint: 'full' | 'header' | 'none') => void;
}

/** How many caught log lines are kept when no `log` callback is given. */
const LOG_LINES_KEPT = 200;
/** After a signal, exit even if something still holds the event loop open. */
const SIGNAL_EXIT_GRACE_MS = 3000;

/**
 * Runs the full-screen UI until the user quits (`q`, Ctrl-C) or a signal arrives; resolves with the exit code
 * (0 on quit, 128+n on a signal). Rejects only when the screen cannot be created. An uncaught error while the
 * screen is up restores the terminal, prints the error and exits the process with code 1.
 */
export function startDashboard(options: DashboardOptions): Promise<number> {
  return new Promise<number>((resolve) => {
    const session = new DashboardSession(options, resolve);
    session.start();
  });
}

/** The terminal window title; the cluster name goes through sanitize() so it cannot end the OSC sequence. */
function windowTitle(clusterName: string | undefined): string {
  return clusterName === undefined ? 'ecs-monitor' : `ecs-monitor: ${sanitize(clusterName)}`;
}

class DashboardSession implements ModeHost {
  readonly screen: Widgets.Screen;
  readonly region: string;
  readonly intervalSec: number;
  readonly callsLastMinute: (() => number) | undefined;
  message: StatusMessage | undefined;
  mouseOn: boolean;
  readonly caughtLog: string[] = [];
  private mode: ScreenMode | undefined;
  private mouseListening = false;
  private helpBox: Widgets.BoxElement | undefined;
  /** The first help line shown: the help scrolls where the screen is too short for all of it. */
  private helpOffset = 0;
  private renderQueued = false;
  private ticker: NodeJS.Timeout | undefined;
  private guard: TerminalGuard | undefined;
  private restored = false;
  private finished = false;
  private readonly output: NodeJS.WriteStream;
  /** Undoes the input split (see input-split.ts). */
  private readonly joinInput: () => void;

  constructor(
    private readonly options: DashboardOptions,
    private readonly resolve: (code: number) => void,
  ) {
    this.region = options.region;
    this.intervalSec = options.intervalSec;
    this.callsLastMinute = options.callsLastMinute;
    this.mouseOn = options.mouse;
    this.output = options.output ?? process.stdout;
    this.joinInput = separateMouseReports(options.input ?? process.stdin);
    this.screen = createScreen({ title: windowTitle(options.clusterName), input: options.input, output: options.output });
  }

  now(): number {
    return (this.options.now ?? Date.now)();
  }

  get backToPicker(): (() => void) | undefined {
    if (this.options.clusterName !== undefined || this.options.openCluster === undefined) return undefined;
    return () => this.switchTo(new PickerMode(this, this.options.listClusters, { clusters: this.listedClusters, selected: this.currentCluster }));
  }

  private currentCluster: string | undefined;
  private listedClusters: readonly ClusterSummary[] | undefined;

  start(): void {
    this.guard = installTerminalGuard({
      restore: () => this.restoreTerminal(),
      log: (line) => this.log(line),
      onSignal: (_signal, code) => {
        this.finish(code);
        // Something (an SDK socket, a timer in a library) may still hold the loop open; a signal means "end".
        setTimeout(() => process.exit(code), SIGNAL_EXIT_GRACE_MS).unref();
      },
    });
    this.screen.on('keypress', (ch: string | undefined, key: { full?: string | undefined; name?: string | undefined } | undefined) => this.onKey(ch, key));
    this.screen.on('resize', () => {
      this.mode?.layout();
      this.redrawHelp();
      this.requestRender();
    });
    if (this.mouseOn) this.listenMouse();
    if (this.options.clusterName !== undefined && this.options.poller !== undefined) {
      this.currentCluster = this.options.clusterName;
      this.switchTo(new MonitorMode(this, { clusterName: this.options.clusterName, poller: this.options.poller }));
    } else {
      this.switchTo(new PickerMode(this, this.options.listClusters));
    }
    const onPaint = this.options.onPaint;
    if (onPaint !== undefined) this.screen.on('render', () => onPaint('full'));
    // Only the header shows time; everything else repaints on events.
    this.ticker = setInterval(() => this.tick(), 1000);
  }

  /**
   * Paints the header alone, and only when its text changed: screen.render() would render every widget
   * (parse and lay out the table, tree and details) each second although only the countdown moves.
   */
  private tick(): void {
    if (this.finished) return;
    const header = this.mode?.tick();
    // A full render already on its way (new data, a resize that reallocated the screen's lines) paints it.
    if (header === undefined || this.renderQueued) {
      this.options.onPaint?.('none');
      return;
    }
    header.render();
    let top = header.lpos?.yi;
    let bottom = header.lpos === undefined ? undefined : header.lpos.yl - 1;
    // The help overlay may cover the header: paint it again on top, over the rows of both.
    const overlay = this.helpBox;
    if (overlay !== undefined) {
      overlay.render();
      if (overlay.lpos !== undefined) {
        top = Math.min(top ?? overlay.lpos.yi, overlay.lpos.yi);
        bottom = Math.max(bottom ?? 0, overlay.lpos.yl - 1);
      }
    }
    // blessed's draw writes only the cells that changed within these rows.
    if (top !== undefined && bottom !== undefined) this.screen.draw(top, bottom);
    this.options.onPaint?.('header');
  }

  private switchTo(mode: ScreenMode): void {
    this.mode?.dispose();
    this.mode = mode;
    this.message = undefined;
    mode.layout();
    this.requestRender();
  }

  openCluster(name: string): void {
    const open = this.options.openCluster;
    if (open === undefined) return;
    this.currentCluster = name;
    if (this.mode instanceof PickerMode) this.listedClusters = this.mode.listed;
    this.screen.title = windowTitle(name);
    this.switchTo(new MonitorMode(this, { clusterName: name, poller: open(name) }));
  }

  requestRender(): void {
    if (this.renderQueued || this.finished) return;
    this.renderQueued = true;
    setImmediate(() => {
      this.renderQueued = false;
      if (this.finished) return;
      this.mode?.draw();
      this.screen.render();
    });
  }

  setMessage(message: StatusMessage | undefined): void {
    this.message = message;
    this.requestRender();
  }

  private log(line: string): void {
    if (this.options.log !== undefined) {
      this.options.log(line);
      return;
    }
    this.caughtLog.push(line);
    if (this.caughtLog.length > LOG_LINES_KEPT) this.caughtLog.shift();
  }

  private listenMouse(): void {
    if (!this.mouseListening) {
      this.mouseListening = true;
      // Registering the listener makes blessed switch reporting on; SGR is forced right after.
      this.screen.on('mouse', (data: MouseEvent) => this.onMouse(data));
    }
    enableMouse(this.screen);
  }

  private onMouse(data: MouseEvent): void {
    if (!this.mouseOn || this.finished) return;
    if (this.helpBox !== undefined) {
      if (data.action === 'mousedown') this.toggleHelp();
      else if (data.action === 'wheelup' || data.action === 'wheeldown') this.scrollHelpBy(data.action === 'wheelup' ? 'up' : 'down');
      return;
    }
    this.mode?.mouse(data);
  }

  private onKey(ch: string | undefined, key: { full?: string | undefined; name?: string | undefined } | undefined): void {
    if (this.finished) return;
    const name = keyNameOf(ch, key);
    if (name === undefined) return;
    if (name === 'C-c') return this.finish(0);
    if (this.message !== undefined) this.setMessage(undefined);
    if (this.helpBox !== undefined) {
      if (name === 'q') return this.finish(0);
      if (name === '?' || name === 'escape' || name === 'enter') return this.toggleHelp();
      const command = findBinding(name, this.mode?.scope ?? 'dashboard')?.command;
      if (command !== undefined) this.scrollHelpBy(command);
      return;
    }
    if (this.mode?.captureKey(name, ch) === true) return;
    const binding = findBinding(name, this.mode?.scope ?? 'dashboard');
    if (binding !== undefined) this.run(binding.command);
  }

  private run(command: CommandName): void {
    switch (command) {
      case 'quit':
        return this.finish(0);
      case 'help':
        return this.toggleHelp();
      case 'mouse':
        this.mouseOn = !this.mouseOn;
        if (this.mouseOn) this.listenMouse();
        else disableMouse(this.screen);
        this.setMessage({ text: this.mouseOn ? 'Mouse capture on.' : 'Mouse capture off: the terminal can select text again.', kind: 'info' });
        return;
      case 'copy':
        return this.withUrl('copy', this.options.copyText);
      case 'open':
        return this.withUrl('open', this.options.openUrl);
      default:
        this.mode?.command(command);
    }
  }

  /** Copies or opens the selection's console URL; the URL is always shown so it can be selected by hand. */
  private withUrl(verb: 'copy' | 'open', action: ((text: string) => Promise<{ message: string }>) | undefined): void {
    const url = this.mode?.selectionUrl();
    if (url === undefined) return this.setMessage({ text: 'Nothing selected.', kind: 'info' });
    if (action === undefined) return this.setMessage({ text: `Cannot ${verb} here: ${url}`, kind: 'info' });
    action(url).then(
      (result) => this.setMessage({ text: result.message, kind: 'info' }),
      (error: unknown) => this.setMessage({ text: `${error instanceof Error ? error.message : String(error)} ${url}`, kind: 'error' }),
    );
  }

  private helpContent(): string[] {
    const lines = helpLines(this.mode?.scope ?? 'dashboard');
    const stats = this.options.costStats?.();
    if (stats !== undefined) {
      lines.push(
        '',
        `CloudWatch metrics requested in the last hour: ${stats.metricsRequestedLastHour}`,
        `Estimated CloudWatch cost per day at this rate: $${stats.estimatedCostPerDayUsd.toFixed(2)}`,
      );
    }
    lines.push('', 'Esc or ? closes this help.');
    return lines;
  }

  private toggleHelp(): void {
    if (this.helpBox !== undefined) {
      this.helpBox.destroy();
      this.helpBox = undefined;
    } else {
      this.helpOffset = 0;
      this.helpBox = this.showHelp();
    }
    this.requestRender();
  }

  /** The help box for the current offset (kept within the lines), sized for the current screen. */
  private showHelp(): Widgets.BoxElement {
    const lines = this.helpContent();
    const { inner } = overlaySize(this.screen.width as number, this.screen.height as number, lines);
    this.helpOffset = clampHelpOffset(this.helpOffset, lines.length, inner);
    return showOverlay(this.screen, helpTitle(this.helpOffset, lines.length, inner), lines, this.helpOffset);
  }

  /** Scrolls the help for a movement command (j/k, arrows, PgUp/PgDn, g/G, the wheel); others do nothing. */
  private scrollHelpBy(command: CommandName): void {
    const lines = this.helpContent();
    const { inner } = overlaySize(this.screen.width as number, this.screen.height as number, lines);
    const next = scrollHelp(command, this.helpOffset, lines.length, inner);
    if (next === undefined || next === this.helpOffset) return;
    this.helpOffset = next;
    this.redrawHelp();
    this.requestRender();
  }

  private redrawHelp(): void {
    if (this.helpBox === undefined) return;
    this.helpBox.destroy();
    this.helpBox = this.showHelp();
  }

  /** Leaves the alternate screen, shows the cursor, turns the mouse off. Safe to call more than once. */
  private restoreTerminal(): void {
    if (this.restored) return;
    this.restored = true;
    try {
      this.screen.destroy();
      this.joinInput();
    } finally {
      // Explicit resets in case blessed's teardown stopped half-way.
      this.output.write(TERMINAL_RESET);
    }
  }

  private finish(code: number): void {
    if (this.finished) return;
    this.finished = true;
    if (this.ticker !== undefined) clearInterval(this.ticker);
    this.mode?.dispose();
    this.mode = undefined;
    this.restoreTerminal();
    this.guard?.dispose();
    this.resolve(code);
  }
}
