import { fileURLToPath } from 'node:url';

/** The repository root, from the compiled spec at dist/spec/support/paths.js. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A file under spec/fixtures (the sources, not dist). */
export function fixturePath(...parts: string[]): string {
  return fileURLToPath(new URL(`../../../spec/fixtures/${parts.join('/')}`, import.meta.url));
}
