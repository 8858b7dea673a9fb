// The error for a command line that cannot be run as typed.

/** A bad flag, value or combination: print `message` and exit with `exitCode` (2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = 2;
  /** The flag at fault, e.g. `--interval`, when there is one. */
  readonly flag: string | undefined;
  /** The flag the user probably meant, e.g. `--region` for `--regoin`. */
  readonly suggestion: string | undefined;

  constructor(message: string, options: { flag?: string | undefined; suggestion?: string | undefined } = {}) {
    super(message);
    this.flag = options.flag;
    this.suggestion = options.suggestion;
  }
}
