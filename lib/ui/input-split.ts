// blessed drops every key that arrives in the same read as a mouse report (its key parser returns early
// when a chunk holds any mouse sequence). With mouse motion reporting on, a key typed while the mouse moves
// would be lost. So each read is split into mouse reports and the bytes between them before blessed sees it.

/** SGR (1006) and X10/UTF (1000/1005) mouse reports; X10 carries three raw bytes after `ESC [ M`. */
const MOUSE_REPORT = /\x1b\[<\d+;\d+;\d+[mM]|\x1b\[M[\s\S]{3}/g;

/**
 * Splits one read from the terminal into parts so that every mouse report stands alone. Works on bytes
 * (latin1 maps each byte to one code unit) so a multi-byte character is never cut. Pure.
 */
export function splitMouseReports(chunk: Buffer): Buffer[] {
  const text = chunk.toString('latin1');
  const parts: Buffer[] = [];
  let last = 0;
  for (const match of text.matchAll(MOUSE_REPORT)) {
    const start = match.index;
    if (start > last) parts.push(chunk.subarray(last, start));
    parts.push(chunk.subarray(start, start + match[0].length));
    last = start + match[0].length;
  }
  if (last === 0) return [chunk];
  if (last < chunk.length) parts.push(chunk.subarray(last));
  return parts;
}

/**
 * Makes `input` deliver each mouse report as its own 'data' event, so that no listener (blessed's key
 * parser) ever sees a report and keys together. Returns a function that undoes it.
 */
export function separateMouseReports(input: NodeJS.ReadableStream): () => void {
  const original = input.emit;
  const patched = function (this: NodeJS.ReadableStream, event: string | symbol, ...args: unknown[]): boolean {
    const data = args[0];
    if (event === 'data' && (Buffer.isBuffer(data) || typeof data === 'string')) {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      const parts = splitMouseReports(bytes);
      if (parts.length > 1) {
        let handled = false;
        for (const part of parts) handled = original.call(this, 'data', typeof data === 'string' ? part.toString('utf8') : part) || handled;
        return handled;
      }
    }
    return original.call(this, event, ...args);
  };
  input.emit = patched as typeof input.emit;
  return () => {
    if (input.emit === patched) input.emit = original;
  };
}
