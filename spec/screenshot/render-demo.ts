// `npm run screenshot`: runs `ecs-monitor --demo` in a pseudo-terminal of 120×40, waits until the dashboard
// shows the services with their metrics, and writes what the terminal emulator shows to docs/demo.svg, the
// picture in the README. Not a spec: it writes a file and is run by hand when the screen changes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isEntryPoint } from '../bench/entry.js';
import { repoRoot } from '../support/paths.js';
import { startTerminal } from '../support/terminal.js';
import type { CellInfo, TestTerminal } from '../support/terminal.js';
import { screenToSvg } from './terminal-svg.js';

const COLS = 120;
const ROWS = 40;
const WAIT = { timeoutMs: 60_000 };

/** Every cell of the visible screen, row by row. */
export function screenCells(term: TestTerminal): CellInfo[][] {
  return Array.from({ length: term.rows }, (_, row) => Array.from({ length: term.cols }, (_, col) => term.cell(col, row)));
}

/**
 * Renders the demo dashboard to an SVG file and resolves with its path.
 * @throws when the dashboard does not show its services within a minute (the error shows the screen).
 */
export async function renderDemo(output = join(repoRoot, 'docs', 'demo.svg')): Promise<string> {
  const term = await startTerminal({
    command: process.execPath,
    args: [join(repoRoot, 'bin', 'ecs-monitor.js'), '--demo', '--seed', '7'],
    cols: COLS,
    rows: ROWS,
    cwd: repoRoot,
    // The picture must not depend on whoever runs it: no config file, no AWS profile, a plain UTF-8 locale.
    env: { CI: 'true', HOME: repoRoot, XDG_CONFIG_HOME: join(repoRoot, 'spec', 'fixtures', 'ui', 'no-config'), AWS_PROFILE: undefined, LANG: 'C.UTF-8' },
  });
  try {
    await term.waitForText(/Services \d+\/\d+ healthy/, WAIT);
    await term.waitForText(/api-gateway\s/, WAIT);
    // The CPU column fills once the first GetMetricData answer is in: a percentage in the api-gateway row.
    await term.waitFor(() => /api-gateway.*\d+%/.test(term.screen()), 'metrics in the service table', WAIT);
    // Drill into the first service so the task tree and details panes have content too.
    await term.press('enter');
    await term.waitFor(() => /├─|└─/.test(term.screen()), 'the task tree', WAIT);
    // Container metrics are fetched for the service in focus: one more refresh brings them into the tree.
    await term.press('r');
    await term.waitFor(() => /RUNNING.*cpu\s+\S*\d+%/.test(term.screen()), 'container metrics in the task tree', WAIT);
    await term.settle();
    const svg = screenToSvg(screenCells(term), 'ecs-monitor --demo: the dashboard of the simulated demo cluster');
    await writeFile(output, svg);
    await term.press('q');
    await term.waitForExit(WAIT);
    return output;
  } finally {
    await term.close();
  }
}

if (isEntryPoint(import.meta.url)) {
  renderDemo().then(
    (path) => process.stdout.write(`wrote ${path}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
