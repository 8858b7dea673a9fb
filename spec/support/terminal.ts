// End-to-end tests "as a person would": a real pseudo-terminal runs the program, and a real terminal emulator
// (xterm.js, headless) turns its output into the screen a person would read.
import * as nodePty from '@lydell/node-pty';
import type { IPty } from '@lydell/node-pty';
// @xterm/headless is CommonJS without an `exports` map, so Node's ESM loader only offers its module.exports as
// the default export; named imports would fail at run time.
import xtermHeadless from '@xterm/headless';
import type { IBufferCell, IBufferLine, Terminal as XtermTerminal } from '@xterm/headless';

const { Terminal: HeadlessTerminal } = xtermHeadless;

/** How to start a program in a pseudo-terminal. */
export interface StartTerminalOptions {
  /** The executable (looked up on PATH). For a Node script use `process.execPath` and the script in `args`. */
  command: string;
  args?: readonly string[];
  /** Terminal size; defaults 120 × 40. */
  cols?: number;
  rows?: number;
  /**
   * Added to the environment inherited from the test process. A key set to `undefined` is removed.
   * TERM is always xterm-256color unless given here. TMUX, TMUX_PANE and STY are removed unless given here,
   * because a program that believes it runs in tmux wraps its output for tmux, which this emulator is not.
   */
  env?: Readonly<Record<string, string | undefined>>;
  /** Working directory; defaults to the test process's. */
  cwd?: string;
  /**
   * Pause after each key and each mouse event, default 50 ms. A person never sends two events in the same
   * instant, and programs rely on that: blessed reads only the first mouse report of each read (so a press and
   * release sent together lose the release, which is the click), and takes ESC followed by a key as Alt+key.
   */
  inputGapMs?: number;
}

/** Options of the `waitFor…` methods. */
export interface WaitOptions {
  /** How long to wait before failing; default 15 s, because CI boxes are slow. */
  timeoutMs?: number;
}

/** A colour as the emulator stores it, plus names that make assertions read well. */
export interface CellColor {
  mode: 'default' | 'palette' | 'rgb';
  /** Palette index (0–255) or 0xRRGGBB; 0 for the default colour. */
  value: number;
  /** 'default', a basic name ('green', 'bright-green', 'gray'), 'palette-N' or '#rrggbb'. */
  name: string;
  /**
   * The hue family a person would call it: 'default', 'black', 'red', 'green', 'yellow', 'blue', 'magenta',
   * 'cyan', 'white' or 'gray'. Bright and 256-colour shades fold into their family, so a test can say "green"
   * without caring whether the program used palette 2, 10 or 34.
   */
  family: ColorFamily;
}

/** The hue families of {@link CellColor.family}. */
export type ColorFamily = 'default' | 'black' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'white' | 'gray';

/** What one screen cell holds. */
export interface CellInfo {
  /** The character(s) drawn in the cell; '' for the right half of a wide character. */
  chars: string;
  /** 1 normally, 2 for a wide character, 0 for the cell after a wide character. */
  width: number;
  fg: CellColor;
  bg: CellColor;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
  inverse: boolean;
}

/** A position on the screen: 0-based column and row, the same numbering as `screenText()` indices. */
export interface ScreenPosition {
  col: number;
  row: number;
}

/** The terminal state a program is expected to leave behind when it exits. */
export interface TerminalModes {
  /** The alternate screen is active (DEC 1049/1047/47), as the emulator sees it. */
  alternateScreen: boolean;
  /** The cursor is visible (DEC 25). */
  cursorVisible: boolean;
  /** Mouse tracking the program asked for: 'none' once it turned everything off (DEC 9/1000/1002/1003). */
  mouseTracking: 'none' | 'x10' | 'vt200' | 'drag' | 'any';
  /** SGR mouse encoding is on (DEC 1006). */
  sgrMouse: boolean;
  /** Cursor keys send `ESC O x` instead of `ESC [ x` (DECCKM, DEC 1). */
  applicationCursorKeys: boolean;
  /** Bracketed paste is on (DEC 2004). */
  bracketedPaste: boolean;
}

/** One DEC private mode set (`CSI ? n h`) or reset (`CSI ? n l`), in the order the program sent them. */
export interface DecModeChange {
  mode: number;
  set: boolean;
}

/** A program running in a pseudo-terminal, with the screen a person would see. */
export interface TestTerminal {
  /** The process id of the program. */
  readonly pid: number;
  /** Current size. */
  readonly cols: number;
  readonly rows: number;
  /** The visible screen, one string per row, trailing spaces trimmed. */
  screenText(): string[];
  /** The visible screen as one string, rows joined with '\n'. */
  screen(): string;
  /** One visible row (0-based), trailing spaces trimmed; '' past the bottom. */
  line(row: number): string;
  /** Where `text` first appears on the screen (top to bottom, left to right), in cells; undefined if absent. */
  findText(text: string | RegExp): ScreenPosition | undefined;
  /**
   * Waits until `text` is on the screen and returns where it is.
   * Throws when the time runs out or the program exits first; the error shows the whole screen.
   */
  waitForText(text: string | RegExp, options?: WaitOptions): Promise<ScreenPosition>;
  /** Waits until `text` is no longer on the screen. Throws on timeout, with the screen. */
  waitForTextGone(text: string | RegExp, options?: WaitOptions): Promise<void>;
  /**
   * Waits until `predicate` returns true (checked after each screen update and every 50 ms).
   * Throws on timeout with `description` and the screen.
   */
  waitFor(predicate: () => boolean, description: string, options?: WaitOptions): Promise<void>;
  /** Waits until the program exits and returns its exit code. Throws on timeout, with the screen. */
  waitForExit(options?: WaitOptions): Promise<number>;
  /** Resolves when everything received so far has been drawn by the emulator. */
  settle(): Promise<void>;
  /**
   * Presses keys one after another, as a keyboard would send them. Names: enter, escape (esc), tab, shift-tab,
   * backspace, space, up, down, left, right, home, end, pageup, pagedown, insert, delete, f1–f12,
   * ctrl-<letter>. Anything else (a single character or a longer string) is typed as it is.
   * All input (keys, text, mouse) is queued in call order with a short pause after each event (see
   * `inputGapMs`); the promise resolves once these keys are sent. Awaiting it is optional.
   */
  press(...keys: string[]): Promise<void>;
  /** Types text as it is, in one write, without interpreting key names. Queued like {@link press}. */
  type(text: string): Promise<void>;
  /**
   * Clicks the left mouse button at a 0-based cell, as a terminal would report it: nothing when the program has
   * not turned mouse tracking on, SGR (`ESC [ < 0 ; col ; row M` then `m`, 1-based) when it asked for DEC 1006,
   * the legacy X10 bytes otherwise. Press and release are separate events. Queued like {@link press}.
   */
  click(col: number, row: number): Promise<void>;
  /** Two clicks at the same cell. */
  doubleClick(col: number, row: number): Promise<void>;
  /** One notch of the mouse wheel at a 0-based cell (buttons 64/65). */
  wheel(direction: 'up' | 'down', col: number, row: number): Promise<void>;
  /** Resizes the pseudo-terminal (the program gets SIGWINCH) and the emulator. */
  resize(cols: number, rows: number): void;
  /** The window title last set with OSC 0 or OSC 2; '' if never set. */
  readonly title: string;
  /**
   * What the program last put on the terminal's clipboard with OSC 52 (`ESC ] 52 ; c ; <base64> BEL`),
   * decoded; undefined if it never did. Like a real terminal, this emulator leaves the screen untouched.
   */
  readonly clipboard: string | undefined;
  /** The colour family of the foreground at a 0-based cell, e.g. 'green'. */
  cellColor(col: number, row: number): ColorFamily;
  /** Everything about one 0-based cell. Throws if the cell is off-screen. */
  cell(col: number, row: number): CellInfo;
  /** The terminal state now (see {@link TerminalModes}). */
  readonly modes: TerminalModes;
  /** Every DEC private mode change the program sent, in order. */
  readonly decModeChanges: readonly DecModeChange[];
  /**
   * What the program left changed that it should restore on exit: alternate screen still active, cursor hidden,
   * mouse tracking or SGR mouse still on, bracketed paste still on. Empty when the terminal was restored.
   */
  unrestoredModes(): string[];
  /** Every byte (as text) the program wrote to the terminal. */
  readonly rawOutput: string;
  /** Resolves with the exit code once the program has exited and its output has been drawn. */
  readonly exited: Promise<number>;
  /** The exit code, or undefined while running. */
  readonly exitCode: number | undefined;
  /** Sends a signal (default SIGTERM) if the program is still running. */
  kill(signal?: string): void;
  /**
   * Closes the terminal under the program, as closing its window or tmux pane does: the kernel hangs the
   * terminal up and the program gets SIGHUP. Nothing the program writes afterwards reaches the screen.
   * A program started in another pseudo-terminal while this one is open may inherit it and keep it from
   * hanging up (the program then gets only the SIGHUP): use it with no other program starting meanwhile.
   */
  hangUp(): void;
  /** Stops the program if still running (SIGTERM, SIGKILL after 3 s), waits for it, frees the emulator. */
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const POLL_MS = 50;
const running = new Set<TestTerminal>();

/**
 * Starts `command` in a pseudo-terminal (TERM=xterm-256color) wired to an in-process terminal emulator.
 * Call `close()` when done (e.g. in `t.after`), or {@link closeAllTerminals} in an `after` hook.
 * Rejects if the pseudo-terminal cannot be created. A missing command is not an error here: it exits with code 1
 * after printing "execvp(3) failed" on the screen.
 */
export async function startTerminal(options: StartTerminalOptions): Promise<TestTerminal> {
  const cols = options.cols ?? 120;
  const rows = options.rows ?? 40;
  const emulator = new HeadlessTerminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
  const decModeChanges: DecModeChange[] = [];
  const decModes = new Map<number, boolean>();
  const recordDecModes = (set: boolean) => (params: (number | number[])[]): boolean => {
    for (const p of params) {
      if (typeof p !== 'number') continue;
      decModeChanges.push({ mode: p, set });
      decModes.set(p, set);
    }
    return false; // let the emulator act on it too
  };
  emulator.parser.registerCsiHandler({ prefix: '?', final: 'h' }, recordDecModes(true));
  emulator.parser.registerCsiHandler({ prefix: '?', final: 'l' }, recordDecModes(false));
  let title = '';
  emulator.onTitleChange((t) => {
    title = t;
  });
  let clipboard: string | undefined;
  emulator.parser.registerOscHandler(52, (data) => {
    // `<targets>;<base64>`; a `?` instead of base64 is a query, which this terminal does not answer.
    const semicolon = data.indexOf(';');
    const payload = data.slice(semicolon + 1);
    if (semicolon !== -1 && payload !== '?') clipboard = Buffer.from(payload, 'base64').toString('utf8');
    return true;
  });

  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'TMUX' && key !== 'TMUX_PANE' && key !== 'STY') env[key] = value;
  }
  env['TERM'] = 'xterm-256color';
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }

  const pty: IPty = nodePty.spawn(options.command, [...(options.args ?? [])], {
    name: env['TERM'] ?? 'xterm-256color',
    cols,
    rows,
    cwd: options.cwd ?? process.cwd(),
    env,
  });

  let rawOutput = '';
  let exitCode: number | undefined;
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const listener of [...listeners]) listener();
  };
  emulator.onWriteParsed(notify);
  pty.onData((data) => {
    rawOutput += data;
    emulator.write(data);
  });
  // Answers to the program's queries (cursor position, device attributes) go back as a real terminal's would.
  emulator.onData((data) => {
    if (exitCode === undefined) pty.write(data);
  });
  emulator.onBinary((data) => {
    if (exitCode === undefined) pty.write(data);
  });

  const settle = (): Promise<void> => new Promise((resolve) => emulator.write('', resolve));
  const exited = new Promise<number>((resolve) => {
    pty.onExit(({ exitCode: code, signal }) => {
      // node-pty reports a signal death as code 0 with the signal; give it the shell's 128+n so it is not "success".
      const effective = signal !== undefined && signal !== 0 && code === 0 ? 128 + signal : code;
      void settle().then(() => {
        exitCode = effective;
        notify();
        resolve(effective);
      });
    });
  });

  const screenText = (): string[] => {
    const buffer = emulator.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < emulator.rows; y++) {
      // translateToString(true) keeps spaces the program wrote, so trim those too.
      lines.push((buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '').replace(/ +$/, ''));
    }
    return lines;
  };
  const screen = (): string => screenText().join('\n');

  const bufferLine = (row: number): IBufferLine | undefined => {
    const buffer = emulator.buffer.active;
    return row >= 0 && row < emulator.rows ? buffer.getLine(buffer.viewportY + row) : undefined;
  };

  const findText = (text: string | RegExp): ScreenPosition | undefined => {
    for (let row = 0; row < emulator.rows; row++) {
      const line = bufferLine(row);
      if (!line) continue;
      // Map string offsets back to cells: a wide character is one or two UTF-16 units but two cells.
      let str = '';
      const cellOfOffset: number[] = [];
      const cell = emulator.buffer.active.getNullCell();
      for (let x = 0; x < line.length; x++) {
        line.getCell(x, cell);
        if (cell.getWidth() === 0) continue;
        const chars = cell.getChars() || ' ';
        for (let i = 0; i < chars.length; i++) cellOfOffset.push(x);
        str += chars;
      }
      const index = typeof text === 'string' ? str.indexOf(text) : str.search(text);
      if (index >= 0) return { col: cellOfOffset[index] ?? index, row };
    }
    return undefined;
  };

  const describe = (text: string | RegExp): string => (typeof text === 'string' ? JSON.stringify(text) : String(text));
  const failure = (what: string): Error => {
    const shown = screenText()
      .map((l, i) => `${String(i).padStart(3)}|${l}`)
      .join('\n');
    const status = exitCode === undefined ? 'still running' : `exited with code ${exitCode}`;
    return new Error(`${what} (program ${status}; ${emulator.cols}x${emulator.rows}). Screen:\n${shown}`);
  };

  const waitFor = (predicate: () => boolean, description: string, waitOptions?: WaitOptions): Promise<void> => {
    const timeoutMs = waitOptions?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return new Promise<void>((resolve, reject) => {
      let done = false;
      const finish = (error?: Error): void => {
        if (done) return;
        done = true;
        clearInterval(poll);
        clearTimeout(timer);
        listeners.delete(check);
        if (error) reject(error);
        else resolve();
      };
      const check = (): void => {
        if (predicate()) finish();
        else if (exitCode !== undefined) finish(failure(`Gave up waiting for ${description}: the program exited`));
      };
      const poll = setInterval(check, POLL_MS);
      const timer = setTimeout(() => finish(failure(`Timed out after ${timeoutMs} ms waiting for ${description}`)), timeoutMs);
      listeners.add(check);
      check();
    });
  };

  const write = (data: string): void => {
    if (exitCode === undefined) pty.write(data);
  };

  // Input events go out one at a time, in call order, each followed by a pause (see inputGapMs). An event is
  // a function so that mouse reports are encoded with the modes in force when they are sent.
  const inputGapMs = options.inputGapMs ?? 50;
  let inputQueue = Promise.resolve();
  const send = (events: readonly (() => string)[]): Promise<void> => {
    inputQueue = inputQueue.then(async () => {
      for (const event of events) {
        const data = event();
        if (data === '') continue;
        write(data);
        await new Promise((resolve) => setTimeout(resolve, inputGapMs));
      }
    });
    return inputQueue;
  };

  const mouse = (button: number, col: number, row: number, release: boolean) => (): string => {
    const tracking = emulator.modes.mouseTrackingMode;
    if (tracking === 'none') return ''; // a real terminal keeps the mouse for its own text selection
    if (tracking === 'x10' && release) return '';
    if (decModes.get(1006) === true) return `\x1b[<${button};${col + 1};${row + 1}${release ? 'm' : 'M'}`;
    // Legacy encoding: each value + 32 in one byte, release reported as button 3; breaks past column 223.
    const b = release ? 3 : button;
    return `\x1b[M${String.fromCharCode(b + 32, col + 1 + 32, row + 1 + 32)}`;
  };
  const click = (col: number, row: number) => [mouse(0, col, row, false), mouse(0, col, row, true)];

  const kill = (signal = 'SIGTERM'): void => {
    if (exitCode === undefined) {
      try {
        pty.kill(signal);
      } catch (error) {
        // The process may have died between the check and the signal; anything else is a real problem.
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
    }
  };

  let closed: Promise<void> | undefined;
  const term: TestTerminal = {
    pid: pty.pid,
    get cols() {
      return emulator.cols;
    },
    get rows() {
      return emulator.rows;
    },
    screenText,
    screen,
    line: (row) => screenText()[row] ?? '',
    findText,
    async waitForText(text, waitOptions) {
      let found: ScreenPosition | undefined;
      await waitFor(() => (found = findText(text)) !== undefined, `${describe(text)} to appear`, waitOptions);
      return found as ScreenPosition;
    },
    waitForTextGone: (text, waitOptions) => waitFor(() => findText(text) === undefined, `${describe(text)} to disappear`, waitOptions),
    waitFor,
    async waitForExit(waitOptions) {
      const timeoutMs = waitOptions?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(failure(`Timed out after ${timeoutMs} ms waiting for the program to exit`)), timeoutMs);
      });
      try {
        return await Promise.race([exited, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    settle,
    press: (...keys) => send(keys.map((key) => () => keySequence(key, emulator.modes.applicationCursorKeysMode))),
    type: (text) => send([() => text]),
    click: (col, row) => send(click(col, row)),
    doubleClick: (col, row) => send([...click(col, row), ...click(col, row)]),
    wheel: (direction, col, row) => send([mouse(direction === 'up' ? 64 : 65, col, row, false)]),
    resize(newCols, newRows) {
      if (exitCode === undefined) pty.resize(newCols, newRows);
      emulator.resize(newCols, newRows);
    },
    get title() {
      return title;
    },
    get clipboard() {
      return clipboard;
    },
    cellColor: (col, row) => term.cell(col, row).fg.family,
    cell(col, row) {
      const cell = bufferLine(row)?.getCell(col);
      if (!cell || col < 0 || col >= emulator.cols) throw new RangeError(`cell (${col}, ${row}) is off the ${emulator.cols}x${emulator.rows} screen`);
      return describeCell(cell);
    },
    get modes() {
      return currentModes(emulator, decModes);
    },
    decModeChanges,
    unrestoredModes() {
      const modes = currentModes(emulator, decModes);
      const problems: string[] = [];
      if (modes.alternateScreen) problems.push('still on the alternate screen');
      if (!modes.cursorVisible) problems.push('cursor still hidden');
      if (modes.mouseTracking !== 'none') problems.push(`mouse tracking still on (${modes.mouseTracking})`);
      if (modes.sgrMouse) problems.push('SGR mouse encoding still on');
      if (modes.bracketedPaste) problems.push('bracketed paste still on');
      return problems;
    },
    get rawOutput() {
      return rawOutput;
    },
    exited,
    get exitCode() {
      return exitCode;
    },
    kill,
    hangUp() {
      // node-pty's Unix terminal closes its side (the master) and then sends SIGHUP; IPty does not declare it.
      if (exitCode === undefined) (pty as IPty & { destroy(): void }).destroy();
    },
    close() {
      closed ??= (async () => {
        if (exitCode === undefined) {
          kill('SIGTERM');
          const timer = setTimeout(() => kill('SIGKILL'), 3000);
          await exited;
          clearTimeout(timer);
        }
        running.delete(term);
        emulator.dispose();
      })();
      return closed;
    },
  };
  running.add(term);
  return term;
}

/** Closes every terminal started by this module that is still open; for an `after` hook. */
export async function closeAllTerminals(): Promise<void> {
  await Promise.all([...running].map((t) => t.close()));
}

const CSI_KEYS: Readonly<Record<string, string>> = {
  up: 'A',
  down: 'B',
  right: 'C',
  left: 'D',
  home: 'H',
  end: 'F',
};

const FIXED_KEYS: Readonly<Record<string, string>> = {
  enter: '\r',
  return: '\r',
  escape: '\x1b',
  esc: '\x1b',
  tab: '\t',
  'shift-tab': '\x1b[Z',
  backspace: '\x7f',
  space: ' ',
  insert: '\x1b[2~',
  delete: '\x1b[3~',
  pageup: '\x1b[5~',
  pagedown: '\x1b[6~',
  f1: '\x1bOP',
  f2: '\x1bOQ',
  f3: '\x1bOR',
  f4: '\x1bOS',
  f5: '\x1b[15~',
  f6: '\x1b[17~',
  f7: '\x1b[18~',
  f8: '\x1b[19~',
  f9: '\x1b[20~',
  f10: '\x1b[21~',
  f11: '\x1b[23~',
  f12: '\x1b[24~',
};

/**
 * The bytes xterm sends for a key name (see `TestTerminal.press`); unknown names are returned as they are.
 * Cursor keys follow DECCKM like a real xterm: `ESC O A` in application mode, `ESC [ A` otherwise.
 */
export function keySequence(key: string, applicationCursorKeys = false): string {
  const name = key.toLowerCase();
  const csi = CSI_KEYS[name];
  if (csi !== undefined) return `${applicationCursorKeys ? '\x1bO' : '\x1b['}${csi}`;
  const fixed = FIXED_KEYS[name];
  if (fixed !== undefined) return fixed;
  const ctrl = /^ctrl-([a-z@[\\\]^_])$/.exec(name);
  if (ctrl?.[1] !== undefined) return String.fromCharCode(ctrl[1].toUpperCase().charCodeAt(0) & 0x1f);
  return key;
}

function currentModes(emulator: XtermTerminal, decModes: ReadonlyMap<number, boolean>): TerminalModes {
  return {
    alternateScreen: emulator.buffer.active.type === 'alternate',
    cursorVisible: decModes.get(25) ?? true,
    mouseTracking: emulator.modes.mouseTrackingMode,
    sgrMouse: decModes.get(1006) ?? false,
    applicationCursorKeys: emulator.modes.applicationCursorKeysMode,
    bracketedPaste: emulator.modes.bracketedPasteMode,
  };
}

function describeCell(cell: IBufferCell): CellInfo {
  const fgMode = cell.isFgRGB() ? 'rgb' : cell.isFgPalette() ? 'palette' : 'default';
  const bgMode = cell.isBgRGB() ? 'rgb' : cell.isBgPalette() ? 'palette' : 'default';
  return {
    chars: cell.getChars(),
    width: cell.getWidth(),
    fg: describeColor(fgMode, cell.getFgColor()),
    bg: describeColor(bgMode, cell.getBgColor()),
    bold: cell.isBold() !== 0,
    dim: cell.isDim() !== 0,
    italic: cell.isItalic() !== 0,
    underline: cell.isUnderline() !== 0,
    inverse: cell.isInverse() !== 0,
  };
}

const BASIC_NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const;

/** Names a colour and folds it into a hue family (see {@link CellColor}). */
export function describeColor(mode: CellColor['mode'], value: number): CellColor {
  if (mode === 'default') return { mode, value: 0, name: 'default', family: 'default' };
  if (mode === 'palette' && value < 16) {
    const basic = BASIC_NAMES[value % 8] ?? 'white';
    const name = value === 8 ? 'gray' : value < 8 ? basic : `bright-${basic}`;
    // Bright black is what blessed and most programs mean by "gray".
    const family: ColorFamily = value === 8 ? 'gray' : basic;
    return { mode, value, name, family };
  }
  const [r, g, b] = mode === 'rgb' ? [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff] : paletteRgb(value);
  const name = mode === 'rgb' ? `#${value.toString(16).padStart(6, '0')}` : `palette-${value}`;
  return { mode, value, name, family: rgbFamily(r, g, b) };
}

/** The xterm 256-colour palette entries 16–255: a 6×6×6 cube, then 24 grays. */
function paletteRgb(index: number): [number, number, number] {
  if (index >= 232) {
    const v = 8 + (index - 232) * 10;
    return [v, v, v];
  }
  const i = index - 16;
  const level = (n: number): number => (n === 0 ? 0 : 55 + n * 40);
  return [level(Math.floor(i / 36)), level(Math.floor(i / 6) % 6), level(i % 6)];
}

function rgbFamily(r: number, g: number, b: number): ColorFamily {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 40) return max < 50 ? 'black' : max > 220 ? 'white' : 'gray';
  // Hue in degrees decides the family; saturation was checked above.
  const d = max - min;
  let hue: number;
  if (max === r) hue = ((g - b) / d) % 6;
  else if (max === g) hue = (b - r) / d + 2;
  else hue = (r - g) / d + 4;
  hue = (hue * 60 + 360) % 360;
  if (hue < 20 || hue >= 330) return 'red';
  if (hue < 70) return 'yellow';
  if (hue < 160) return 'green';
  if (hue < 200) return 'cyan';
  if (hue < 260) return 'blue';
  return 'magenta';
}
