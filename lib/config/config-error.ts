// The one error a bad configuration produces. Its message is a single sentence that starts with the
// place (`config.toml:4:12:`) so an editor or a person can jump straight to it.

/** Where a config problem is, as far as it is known. Line and column are 1-based. */
export interface ConfigErrorLocation {
  /** The file as shown to the user (relative to the working directory, or with `~`), if a file is at fault. */
  readonly file?: string | undefined;
  /** The dotted key (`refresh.interval`), section (`[refersh]`) or variable (`AWS_REGION`) at fault. */
  readonly key?: string | undefined;
  readonly line?: number | undefined;
  readonly col?: number | undefined;
  readonly cause?: unknown;
}

/** A configuration that cannot be used: the process should print `message` and exit with `exitCode` (2). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly exitCode = 2;
  readonly file: string | undefined;
  readonly key: string | undefined;
  readonly line: number | undefined;
  readonly col: number | undefined;

  /** `sentence` is the problem without the place; the place is prefixed from `location`. */
  constructor(sentence: string, location: ConfigErrorLocation = {}) {
    super(prefix(location) + sentence, location.cause === undefined ? undefined : { cause: location.cause });
    this.file = location.file;
    this.key = location.key;
    this.line = location.line;
    this.col = location.col;
  }
}

function prefix(location: ConfigErrorLocation): string {
  if (location.file === undefined) return '';
  if (location.line === undefined) return `${location.file}: `;
  if (location.col === undefined) return `${location.file}:${location.line}: `;
  return `${location.file}:${location.line}:${location.col}: `;
}
