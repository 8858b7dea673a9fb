// The one table of key bindings: the key handler looks commands up here and the `?` help overlay and the
// status-line hints are generated from it, so what the help says is what the keys do.

/** What a key asks for. View commands change the view state; the others are effects the screen runs. */
export type CommandName =
  | 'up'
  | 'down'
  | 'page-up'
  | 'page-down'
  | 'top'
  | 'bottom'
  | 'enter'
  | 'back'
  | 'next-pane'
  | 'filter'
  | 'sort'
  | 'copy'
  | 'open'
  | 'refresh'
  | 'mouse'
  | 'help'
  | 'quit';

/** Which screen a binding works on. */
export type BindingScope = 'dashboard' | 'picker';

export interface KeyBinding {
  /** Normalised key names (see {@link keyNameOf}): printable keys as typed, others as blessed names them. */
  readonly keys: readonly string[];
  /** How the help overlay shows the keys. */
  readonly label: string;
  readonly description: string;
  readonly command: CommandName;
  /** Screens where the binding is active and listed in the help. */
  readonly where: readonly BindingScope[];
  /** Shown in the status line's key hints (kept short so they fit 80 columns). */
  readonly hint?: string;
}

const BOTH: readonly BindingScope[] = ['dashboard', 'picker'];
const DASHBOARD: readonly BindingScope[] = ['dashboard'];

/** Every key binding, in the order the help lists them. */
export const KEY_BINDINGS: readonly KeyBinding[] = [
  { keys: ['up', 'k'], label: '↑ k', description: 'Move up', command: 'up', where: BOTH },
  { keys: ['down', 'j'], label: '↓ j', description: 'Move down', command: 'down', where: BOTH },
  { keys: ['pageup'], label: 'PgUp', description: 'Page up', command: 'page-up', where: BOTH },
  { keys: ['pagedown'], label: 'PgDn', description: 'Page down', command: 'page-down', where: BOTH },
  { keys: ['g', 'home'], label: 'g Home', description: 'Go to the first row', command: 'top', where: BOTH },
  { keys: ['G', 'end'], label: 'G End', description: 'Go to the last row', command: 'bottom', where: BOTH },
  { keys: ['enter'], label: 'Enter', description: 'Drill into the service / expand a task / open the cluster', command: 'enter', where: BOTH, hint: 'Enter open' },
  { keys: ['escape'], label: 'Esc', description: 'Back / close / clear the filter', command: 'back', where: BOTH },
  { keys: ['tab'], label: 'Tab', description: 'Next pane', command: 'next-pane', where: DASHBOARD, hint: 'Tab pane' },
  { keys: ['/'], label: '/', description: 'Filter by name (Enter keeps, Esc clears)', command: 'filter', where: BOTH, hint: '/ filter' },
  { keys: ['s'], label: 's', description: 'Sort by name, health, tasks, CPU, memory', command: 'sort', where: DASHBOARD, hint: 's sort' },
  { keys: ['c'], label: 'c', description: 'Copy the console URL of the selection', command: 'copy', where: BOTH, hint: 'c copy' },
  { keys: ['o'], label: 'o', description: 'Open the console URL of the selection in a browser', command: 'open', where: BOTH },
  { keys: ['r'], label: 'r', description: 'Refresh now', command: 'refresh', where: BOTH, hint: 'r refresh' },
  { keys: ['m'], label: 'm', description: 'Mouse capture on/off (off lets the terminal select text)', command: 'mouse', where: BOTH },
  { keys: ['?'], label: '?', description: 'Help (this overlay)', command: 'help', where: BOTH, hint: '? help' },
  { keys: ['q', 'C-c'], label: 'q Ctrl-C', description: 'Quit', command: 'quit', where: BOTH, hint: 'q quit' },
];

/** Keys blessed names rather than prints; everything else is matched by the character typed. */
const NAMED_KEYS = new Set(['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'enter', 'escape', 'tab', 'backspace', 'delete', 'C-c', 'space']);

/**
 * One name per key press from blessed's keypress arguments: `G`, `/`, `?` as typed, `up`, `enter`, `C-c` as
 * blessed names them. Undefined for presses that name nothing (a lone modifier, the duplicate `return`).
 */
export function keyNameOf(ch: string | undefined, key: { full?: string | undefined; name?: string | undefined } | undefined): string | undefined {
  const full = key?.full;
  // blessed reports a carriage return twice, as `return` and again as `enter`: count only the second.
  if (full === 'return') return undefined;
  if (full !== undefined && NAMED_KEYS.has(full)) return full;
  if (ch !== undefined && ch.length > 0 && ch >= ' ' && ch !== '\x7f') return ch;
  return full ?? key?.name;
}

/** The binding a key triggers on a screen, if any. */
export function findBinding(keyName: string, where: BindingScope, bindings: readonly KeyBinding[] = KEY_BINDINGS): KeyBinding | undefined {
  return bindings.find((b) => b.where.includes(where) && b.keys.includes(keyName));
}

/** The help overlay's lines for a screen: key label, then description, aligned. */
export function helpLines(where: BindingScope, bindings: readonly KeyBinding[] = KEY_BINDINGS): string[] {
  const visible = bindings.filter((b) => b.where.includes(where));
  const width = Math.max(...visible.map((b) => b.label.length));
  return visible.map((b) => `${b.label.padEnd(width)}  ${b.description}`);
}

/** The status line's key hints for a screen. */
export function keyHints(where: BindingScope, bindings: readonly KeyBinding[] = KEY_BINDINGS): string {
  return bindings
    .filter((b) => b.where.includes(where) && b.hint !== undefined)
    .map((b) => b.hint)
    .join('  ');
}
