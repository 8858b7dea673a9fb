#!/usr/bin/env node
// The executable: a thin shim over the compiled CLI, so nothing runs on import anywhere else.
import { main } from '../dist/lib/cli/main.js';

// `ecs-monitor --once --json | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`ecs-monitor: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
