// The real machine behind loadConfig's injected dependencies.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import type { ConfigDeps } from './load-config.js';

/** ConfigDeps backed by node:fs, node:os and the process's working directory. */
export function nodeConfigDeps(): ConfigDeps {
  return {
    readFile: (path) => readFileSync(path, 'utf8'),
    homedir: () => homedir(),
    cwd: () => process.cwd(),
  };
}
