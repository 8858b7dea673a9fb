// A dashboard that fails after its screen is up, for the crash specs: `node dist/spec/resilience/crash-driver.js
// throw|reject`. `throw` throws from a timer; `reject` leaves a promise rejection unhandled (Node 20 raises it as
// an uncaught exception). Either way the terminal must be restored and the error printed, never swallowed.
import { startDashboard } from '../../lib/ui/dashboard.js';
import { FakePoller } from '../ui/e2e/fake-poller.js';
import { fakeSnapshot } from '../ui/e2e/fake-snapshot.js';

const how = process.argv[2];
const poller = new FakePoller(() => fakeSnapshot(Date.now()));
poller.once('snapshot', () => {
  setTimeout(() => {
    if (how === 'reject') void Promise.reject(new Error('deliberate unhandled rejection'));
    else throw new Error('deliberate uncaught error');
  }, 300);
});
const code = await startDashboard({ region: 'eu-west-1', clusterName: 'demo', poller, mouse: true, intervalSec: 10 });
process.stdout.write(`dashboard returned ${code} instead of crashing\n`);
process.exitCode = code;
