#!/usr/bin/env node
// The executable: a thin shim over the compiled CLI, so nothing runs on import anywhere else.
import { main } from '../dist/lib/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`ecs-monitor: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
