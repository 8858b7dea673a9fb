// While the full-screen UI is up, nothing else may write to the terminal: console output and process warnings
// (the AWS SDK's NodeVersionSupportWarning on Node 20) are routed to a log callback instead. Signals and
// uncaught errors restore the terminal first; an uncaught error is then printed and the process exits 1.
// A hang-up with the terminal gone (its window, tmux pane or SSH session closed) is different: there is
// nothing to restore, every write fails with EIO, and Node's own exit path aborts while resetting the
// vanished terminal (an assertion, then a crash). The process dies of the hang-up instead, as a program
// without a handler would.
import { isatty } from 'node:tty';
import { format } from 'node:util';

/** The subset of `process` the guard listens on (a fake in tests). */
export interface GuardedProcess {
  on(event: string, listener: (...args: never[]) => void): unknown;
  off(event: string, listener: (...args: never[]) => void): unknown;
  emitWarning: typeof process.emitWarning;
}

export interface TerminalGuardOptions {
  /** Puts the terminal back (alternate screen off, cursor on, mouse off). Must be safe to call twice. */
  restore(): void;
  /** Receives each console line and process warning while the guard is installed. */
  log(line: string): void;
  /** Called after `restore` when SIGINT, SIGTERM or SIGHUP arrives, with the conventional 128+n exit code. */
  onSignal(signal: GuardedSignal, exitCode: number): void;
  /** Where an uncaught error is printed after restoring; default process.stderr. */
  errorOutput?: { write(text: string): unknown };
  /** Ends the process after an uncaught error; default process.exit. */
  exit?: (code: number) => void;
  /** Default: the real process. */
  target?: GuardedProcess;
  /** Whether the terminal is still there; default: standard output is a terminal (false once it has hung up). */
  terminalPresent?: () => boolean;
  /** Ends the process by the signal's default action, as if it had no handler; default: re-raises it. */
  dieBy?: (signal: GuardedSignal) => void;
}

export type GuardedSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

const SIGNAL_CODES: Readonly<Record<GuardedSignal, number>> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

export interface TerminalGuard {
  /** Gives console, warnings and signal handling back. Idempotent. */
  dispose(): void;
}

/** Installs the guard. Nothing is installed on import; call `dispose()` when the screen closes. */
export function installTerminalGuard(options: TerminalGuardOptions): TerminalGuard {
  const target = options.target ?? (process as unknown as GuardedProcess);
  const errorOutput = options.errorOutput ?? process.stderr;
  const exit = options.exit ?? ((code: number) => process.exit(code));

  const savedConsole = CONSOLE_METHODS.map((name) => [name, console[name]] as const);
  for (const name of CONSOLE_METHODS) {
    console[name] = (...args: unknown[]) => options.log(format(...args));
  }
  const savedEmitWarning = target.emitWarning;
  target.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const typeArg = rest[0];
    const type = typeof typeArg === 'string' ? typeArg : typeof typeArg === 'object' && typeArg !== null && 'type' in typeArg ? String((typeArg as { type: unknown }).type) : undefined;
    const name = warning instanceof Error ? warning.name : (type ?? 'Warning');
    const message = warning instanceof Error ? warning.message : warning;
    options.log(`${name}: ${message}`);
  }) as typeof process.emitWarning;

  const terminalPresent = options.terminalPresent ?? (() => isatty(1));
  const dieBy = options.dieBy ?? dieByDefault;
  /** The terminal was closed under the program: note it in the log, then die of the hang-up. */
  const hungUp = (): void => {
    options.log('The terminal was closed (hang-up): exiting.');
    dispose();
    dieBy('SIGHUP');
  };

  const signalHandlers = (Object.keys(SIGNAL_CODES) as GuardedSignal[]).map((signal) => {
    const handler = (): void => {
      if (signal === 'SIGHUP' && !terminalPresent()) {
        hungUp();
        return;
      }
      options.restore();
      options.onSignal(signal, SIGNAL_CODES[signal]);
    };
    target.on(signal, handler);
    return [signal, handler] as const;
  });
  const onUncaught = (error: unknown): void => {
    // A write to a terminal that has been closed fails with EIO, often just before the hang-up arrives.
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'EIO' && !terminalPresent()) {
      hungUp();
      return;
    }
    dispose();
    options.restore();
    const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
    errorOutput.write(`ecs-monitor: uncaught error: ${text}\n`);
    exit(1);
  };
  target.on('uncaughtException', onUncaught);

  let disposed = false;
  function dispose(): void {
    if (disposed) return;
    disposed = true;
    for (const [name, fn] of savedConsole) console[name] = fn;
    target.emitWarning = savedEmitWarning;
    for (const [signal, handler] of signalHandlers) target.off(signal, handler);
    target.off('uncaughtException', onUncaught);
  }
  return { dispose };
}

function dieByDefault(signal: GuardedSignal): void {
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
}
