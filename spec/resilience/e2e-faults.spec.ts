// Faults as a person sees them: the real executable in a pseudo-terminal, its SDK pointed (AWS_ENDPOINT_URL)
// at a simulator this test controls, so a fault can start and end mid-run. While a fault lasts the screen keeps
// the last good data, the header's age turns yellow and says stale, and the status line says what is wrong and
// what to do; when the fault clears, a refresh brings everything back without a restart.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator } from '../../lib/sim/index.js';
import type { FaultRule, Simulator } from '../../lib/sim/index.js';
import { closeAllTerminals, startTerminal } from '../support/terminal.js';
import type { TestTerminal } from '../support/terminal.js';
import { BIN, isolatedEnv } from './run-cli.js';

// Generous: CI is a loaded 2-core box. Only a limit on waiting, never an assertion about speed.
const WAIT = { timeoutMs: 30_000 };

after(closeAllTerminals);

interface Session {
  readonly sim: Simulator;
  readonly term: TestTerminal;
  close(): Promise<void>;
}

/** The simulator (static world) and the monitor on it, with the first refresh on screen. */
async function open(faults: readonly FaultRule[] = []): Promise<Session> {
  const sim = await startSimulator({ scenario: 'demo', living: false, faults });
  const { env, dir } = isolatedEnv({ AWS_ENDPOINT_URL: sim.endpoint, AWS_ACCESS_KEY_ID: 'AKIDE2E', AWS_SECRET_ACCESS_KEY: 'e2e-secret' });
  const term = await startTerminal({
    command: process.execPath,
    args: [BIN, '--cluster', sim.clusterName, '--region', sim.region, '--interval', '5'],
    env,
    cwd: dir,
  });
  return {
    sim,
    term,
    async close() {
      await term.close();
      await sim.close();
    },
  };
}

/** The row where `text` is, failing when it is not on screen. */
function rowOf(term: TestTerminal, text: string | RegExp): number {
  const at = term.findText(text);
  assert.ok(at, `${String(text)} on screen:\n${term.screen()}`);
  return at.row;
}

/**
 * Applies a fault, waits for the next scheduled refresh (every 5 s) and checks the stale screen: the data is
 * still there, the header's "Updated … ago, stale" is yellow, the status line carries `sentence`; then clears
 * the fault and checks that a later refresh recovers by itself.
 */
async function faultAndRecover(session: Session, apply: () => Promise<void> | void, sentence: string | RegExp, clear: () => Promise<void> | void): Promise<void> {
  const { term } = session;
  await term.waitForText('web-frontend', WAIT);
  await term.waitForText(/Updated \d\d:\d\d:\d\d/, WAIT);
  await apply();
  await term.waitForText(sentence, WAIT);
  await term.waitForText(/ago, stale\)/, WAIT);
  const stale = term.findText(/Updated \d\d:\d\d:\d\d/);
  assert.ok(stale);
  assert.equal(term.cellColor(stale.col, stale.row), 'yellow', 'the stale age is yellow');
  assert.ok(rowOf(term, sentence) > rowOf(term, 'web-frontend'), 'the sentence is on the status line, below the data');
  for (const name of ['api-gateway', 'payments', 'web-frontend']) assert.ok(term.findText(name), `${name} still shown`);

  await clear();
  await term.waitForTextGone(sentence, WAIT);
  await term.waitForTextGone(/ago, stale\)/, WAIT);
  const fresh = term.findText(/Updated \d\d:\d\d:\d\d/);
  assert.ok(fresh);
  assert.notEqual(term.cellColor(fresh.col, fresh.row), 'yellow', 'fresh again');
  assert.equal(term.exitCode, undefined, 'still running');
}

const rules = (sim: Simulator, list: readonly FaultRule[]) => (): void => sim.faults.set(list);

// Concurrently: each test mostly waits for the 5-second refreshes of its own process.
describe('faults on screen (real executable, simulator under test control)', { concurrency: true }, () => {
  it('the endpoint goes down and comes back', async () => {
    const session = await open();
    try {
      await faultAndRecover(
        session,
        () => session.sim.stopListening(),
        /Cannot reach AWS \(\w+\): ECONNREFUSED; check the network, VPN or proxy and the endpoint\./,
        () => session.sim.resumeListening(),
      );
    } finally {
      await session.close();
    }
  });

  it('credentials expire mid-run, then are renewed', async () => {
    const session = await open();
    try {
      await faultAndRecover(
        session,
        rules(session.sim, [{ kind: 'expired' }]),
        'The AWS credentials have expired; refresh them (or log in again) and the monitor will pick them up.',
        () => session.sim.faults.clear(),
      );
    } finally {
      await session.close();
    }
  });

  it('the cluster is deleted mid-run', async () => {
    const session = await open();
    try {
      await faultAndRecover(
        session,
        rules(session.sim, [{ kind: 'notfound' }]),
        'Cluster "demo" was not found in us-east-1; check --cluster and --region, or omit --cluster to pick one.',
        () => session.sim.faults.clear(),
      );
    } finally {
      await session.close();
    }
  });

  it('AccessDenied on one ECS operation names the permission', async () => {
    const session = await open();
    try {
      await faultAndRecover(
        session,
        rules(session.sim, [{ kind: 'deny', operation: 'ListTasks' }]),
        'Access denied: the credentials lack `ecs:ListTasks`; add it to the IAM policy (see docs/iam-policy.json).',
        () => session.sim.faults.clear(),
      );
    } finally {
      await session.close();
    }
  });

  it('r during a fault: once that refresh fails, the status line says why (not "Refreshing…")', async () => {
    const session = await open();
    try {
      const { term } = session;
      await term.waitForText('web-frontend', WAIT);
      session.sim.faults.set([{ kind: 'expired' }]);
      await term.press('r');
      await term.waitForText('The AWS credentials have expired; refresh them (or log in again) and the monitor will pick them up.', WAIT);
      assert.equal(term.findText('Refreshing…'), undefined);
      session.sim.faults.clear();
      await term.press('r');
      await term.waitForTextGone(/credentials have expired/, WAIT);
      await term.waitForTextGone('Refreshing…', WAIT);
    } finally {
      await session.close();
    }
  });

  it('AccessDenied on cloudwatch:GetMetricData only: services shown, CPU and memory as -, the header names the permission', async () => {
    const session = await open([{ kind: 'deny', operation: 'GetMetricData' }]);
    try {
      const { term } = session;
      await term.waitForText('web-frontend', WAIT);
      const header = await term.waitForText(/metrics: .*cloudwatch:GetMetricData/, WAIT);
      assert.ok(term.findText(/Services \d+\/12 healthy/), 'the service counts stay beside it');
      assert.ok(header.row < rowOf(term, 'web-frontend'), 'in the header');
      assert.equal(term.cellColor(header.col, header.row), 'red');
      const row = term.line(rowOf(term, /auth\s+ACTIVE/));
      assert.match(row, /-\s+-$/, `CPU and memory show - : ${row}`);
      assert.doesNotMatch(term.screen(), /ago, stale\)/, 'the ECS data is fresh, not stale');
      assert.equal(term.exitCode, undefined);
    } finally {
      await session.close();
    }
  });
  it('AccessDenied on ecs:DescribeTaskDefinition only: the dashboard opens, tasks show their sizes, the header names the permission', async () => {
    const session = await open([{ kind: 'deny', operation: 'DescribeTaskDefinition' }]);
    try {
      const { term } = session;
      await term.waitForText('web-frontend', WAIT);
      const header = await term.waitForText(/ecs:DescribeTaskDefinition/, WAIT);
      assert.ok(header.row < rowOf(term, 'web-frontend'), 'in the header');
      assert.equal(term.cellColor(header.col, header.row), 'red');
      assert.ok(term.findText(/Services \d+\/12 healthy/), 'the service counts stay beside it');
      assert.doesNotMatch(term.screen(), /ago, stale\)/, 'the ECS data is fresh, not stale');
      assert.equal(term.exitCode, undefined);
    } finally {
      await session.close();
    }
  });
});
