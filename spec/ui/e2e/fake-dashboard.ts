// Runs the real dashboard on a fake poller, for end-to-end specs in a pseudo-terminal that should not depend
// on the simulator: `node dist/spec/ui/e2e/fake-dashboard.js [--no-mouse] [--picker] [--warn] [--crash] [--error] [--hostile]
// [--frozen-clock] [--no-data]`. With PAINT_LOG=<file> in the environment, every paint is appended to that file, one per line.
import { appendFileSync } from 'node:fs';
import { ThrottledError } from '../../../lib/model/errors.js';
import { startDashboard } from '../../../lib/ui/dashboard.js';
import { FakePoller } from './fake-poller.js';
import { fakeSnapshot } from './fake-snapshot.js';

const args = new Set(process.argv.slice(2));
const hostile = args.has('--hostile');
// Hostile names: an OSC title sequence, a colour escape and blessed tags, as a crafted API could return.
const clusterName = hostile ? 'demo\x1b]0;pwned\x07{bold}' : 'demo';
const poller = new FakePoller(() => {
  const snapshot = fakeSnapshot(Date.now());
  if (!hostile) return snapshot;
  const [first, ...rest] = snapshot.services;
  return first === undefined ? snapshot : { ...snapshot, services: [{ ...first, name: 'evil\x1b[31m{red-fg}svc' }, ...rest] };
});
const copied: string[] = [];
if (args.has('--no-data')) {
  // A first refresh that never ends: what the dashboard shows while it loads.
  poller.refreshNow = () => undefined;
}

if (args.has('--crash')) {
  // An error thrown from a timer once the screen is up: must restore the terminal and be printed.
  setTimeout(() => {
    throw new Error('deliberate crash for the test');
  }, 300);
}
if (args.has('--warn')) {
  // Stray output while the screen is up must not reach the terminal. Written when the first snapshot
  // arrives, before the dashboard draws it, so it has happened once the services are on screen.
  poller.once('snapshot', () => {
    console.log('STRAY CONSOLE OUTPUT');
    console.error('STRAY CONSOLE ERROR');
    process.emitWarning('STRAY WARNING', 'NodeVersionSupportWarning');
  });
}

if (args.has('--error')) {
  // A failed refresh after the first good one: the status line must say so while the data stays.
  poller.once('snapshot', () => {
    setTimeout(() => poller.fail(new ThrottledError('AWS is throttling requests; refreshing less often until it stops.'), Date.now()), 100);
  });
}

const picker = args.has('--picker');
const paintLog = process.env['PAINT_LOG'];
// A clock that stands still a little after the start: the header's age and countdown never change.
const frozenAt = Date.now() + 2000;
const code = await startDashboard({
  region: 'eu-west-1',
  ...(picker
    ? {
        listClusters: async () => [
          { name: 'demo', arn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/demo', status: 'ACTIVE', activeServicesCount: 6, runningTasksCount: 12, pendingTasksCount: 0 },
          { name: 'staging', arn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/staging', status: 'ACTIVE', activeServicesCount: 2, runningTasksCount: 3, pendingTasksCount: 1 },
        ],
        openCluster: () => poller,
      }
    : { clusterName, poller }),
  mouse: !args.has('--no-mouse'),
  intervalSec: 10,
  callsLastMinute: () => 4,
  costStats: () => ({ metricsRequestedLastHour: 120, estimatedCostPerDayUsd: 0.03 }),
  copyText: async (text) => {
    copied.push(text);
    return { message: `Copied ${text}` };
  },
  openUrl: async (url) => ({ message: `Opened ${url}` }),
  ...(args.has('--frozen-clock') ? { now: () => frozenAt } : {}),
  ...(paintLog === undefined ? {} : { onPaint: (paint: string) => appendFileSync(paintLog, `${paint}\n`) }),
});
process.stdout.write(`dashboard exited with ${code}; poller calls: ${poller.calls.filter((c) => c === 'stop').length} stop\n`);
process.exitCode = code;
