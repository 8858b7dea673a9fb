// Copying a console URL: the system clipboard on a desktop, else the terminal's own clipboard through OSC 52
// (which also works over SSH), and always the URL in the message so it can be selected by hand.
import { noLocalDisplayReason } from './local-display.js';

/** How the text was copied, if at all. */
export type CopyMethod = 'clipboard' | 'osc52' | 'failed';

/** What happened, for the status line. */
export interface CopyResult {
  readonly method: CopyMethod;
  /** One sentence for the status line; it always ends with the copied text. */
  readonly message: string;
  /** Why the system clipboard failed, for the log (set even when OSC 52 then worked). */
  readonly cause?: unknown;
}

/** What copyText needs from the outside world; everything is optional and defaults to the real thing. */
export interface CopyDeps {
  /** Writes the system clipboard; defaults to clipboardy, loaded only when first needed. */
  readonly writeClipboard?: (text: string) => Promise<void>;
  /**
   * Writes bytes straight to the terminal (e.g. `process.stdout.write`). Pass the bytes on unchanged: blessed's
   * `program.write` would wrap them for tmux a second time. Without it OSC 52 is not tried.
   */
  readonly writeToTerminal?: (bytes: string) => void;
  /** Defaults to process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Defaults to process.platform. */
  readonly platform?: NodeJS.Platform;
  /** How long to wait for the clipboard tool before falling back to OSC 52; default 3000 ms. */
  readonly clipboardTimeoutMs?: number;
}

/**
 * Copies `text` (a URL): with the system clipboard when there is a local display, falling back to OSC 52 when
 * that fails or there is no display (SSH, headless Linux). Never throws: a failure is a result whose message
 * says why and still shows the text.
 */
export async function copyText(text: string, deps: CopyDeps = {}): Promise<CopyResult> {
  const env = deps.env ?? process.env;
  const noDisplay = noLocalDisplayReason({ env, platform: deps.platform ?? process.platform });

  let clipboardFailure: string | undefined;
  let cause: unknown;
  if (noDisplay === undefined) {
    try {
      await withTimeout((deps.writeClipboard ?? writeWithClipboardy)(text), deps.clipboardTimeoutMs ?? 3000);
      return { method: 'clipboard', message: `copied ${text}` };
    } catch (error) {
      cause = error;
      clipboardFailure = `clipboard: ${firstLine(error)}`;
    }
  }
  const withCause = cause === undefined ? {} : { cause };

  const why = clipboardFailure ?? noDisplay ?? 'no display';
  if (deps.writeToTerminal === undefined) {
    return { method: 'failed', message: `could not copy (${why}); select it: ${text}`, ...withCause };
  }
  try {
    const inTmux = isSet(env['TMUX']);
    for (const bytes of osc52Sequences(text, inTmux)) deps.writeToTerminal(bytes);
    const via = inTmux ? 'OSC 52 via tmux' : 'OSC 52';
    return { method: 'osc52', message: `sent to the terminal's clipboard (${via}): ${text}`, ...withCause };
  } catch (error) {
    return {
      method: 'failed',
      message: `could not copy (${why}; OSC 52: ${firstLine(error)}); select it: ${text}`,
      cause: cause ?? error,
    };
  }
}

/** `ESC ] 52 ; c ; <base64 of the UTF-8 text> BEL`: asks the terminal to put the text on its clipboard. */
export function osc52Sequence(text: string): string {
  return `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
}

/** tmux's passthrough envelope, `ESC P tmux; <sequence, every ESC doubled> ESC \`, delivered to the outer terminal. */
export function tmuxPassthrough(sequence: string): string {
  return `\x1bPtmux;${sequence.replaceAll('\x1b', '\x1b\x1b')}\x1b\\`;
}

/**
 * What to write for OSC 52. Inside tmux both the plain sequence and the passthrough envelope go out, because
 * each works under a different tmux setting and tmux silently drops the one it does not accept: plain OSC 52 is
 * taken up with `set-clipboard on` (tmux then sets its buffer and the outer terminal's clipboard), the envelope
 * with `allow-passthrough on`. With both settings the clipboard is set twice to the same text, which is harmless.
 */
export function osc52Sequences(text: string, inTmux: boolean): string[] {
  const plain = osc52Sequence(text);
  return inTmux ? [plain, tmuxPassthrough(plain)] : [plain];
}

async function writeWithClipboardy(text: string): Promise<void> {
  // Loaded on first use: clipboardy is ESM-only and needs xsel/wl-copy on Linux, which must not affect startup.
  const { default: clipboard } = await import('clipboardy');
  await clipboard.write(text);
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The first line of an error's message, short enough for a status line. */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n', 1)[0]?.trim() ?? '';
  const short = line.length > 80 ? `${line.slice(0, 79)}…` : line;
  return short === '' ? 'unknown error' : short;
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '';
}
