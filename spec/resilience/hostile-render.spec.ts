// The hostile cluster, as fetched through the real SDK, fed to every render function at several widths, plus
// a service holding 10,000 events (more than the API ever returns, in case a future source pages them): no
// render throws, no control character survives into the text handed to blessed, data's braces are escaped so
// blessed cannot read them as markup, and the events shown stay bounded. (Random snapshots are the render
// specs' property tests; this is the concrete attack, end to end up to the widget.)
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createAwsClients } from '../../lib/aws/clients.js';
import { createEcsSource } from '../../lib/aws/ecs-source.js';
import { createMetricsSource } from '../../lib/aws/metrics.js';
import type { Service, Snapshot } from '../../lib/model/types.js';
import { runOnce } from '../../lib/poller/poller.js';
import { HOSTILE_TEXT } from '../../lib/sim/hostile-scenario.js';
import { startSimulator } from '../../lib/sim/index.js';
import { MAX_EVENTS, renderContainerDetails, renderServiceDetails, renderTaskDetails } from '../../lib/ui/render/details.js';
import { renderHeader } from '../../lib/ui/render/header.js';
import { renderServiceHeader, renderServiceRow, serviceColumns } from '../../lib/ui/render/service-table.js';
import { renderTaskTree } from '../../lib/ui/render/tree.js';
import { renderStatusLine } from '../../lib/ui/status-line.js';
import { ThrottledError } from '../../lib/model/errors.js';

// C0 controls other than the newline that separates lines, DEL, C1 controls, bidi overrides and isolates.
const FORBIDDEN = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
const WIDTHS = [20, 60, 80, 120, 250];

/** A brace in the text that is not part of blessed's own markup or of an escaped brace. */
function assertSafe(text: string, where: string): void {
  const bad = FORBIDDEN.exec(text);
  assert.equal(bad, null, `${where}: control character U+${bad?.[0].codePointAt(0)?.toString(16).padStart(4, '0')} in ${JSON.stringify(text.slice(0, 200))}`);
  // Every hostile tag must arrive escaped: a literal `{red-fg}TAGGED` would be drawn red and lose its braces.
  assert.ok(!text.includes('{red-fg}TAGGED') && !text.includes('{bold}bold?') && !/\{\/\} done/.test(text), `${where}: markup from the data is live`);
}

let snapshot: Snapshot;

before(async () => {
  const sim = await startSimulator({ scenario: 'hostile' });
  const clients = createAwsClients({ region: sim.region, endpoint: sim.endpoint, credentials: { accessKeyId: 'sim', secretAccessKey: 'sim' } });
  try {
    const ecs = createEcsSource(clients, { cluster: sim.clusterName, region: sim.region, taskDefinitionTtlMs: 600_000 });
    snapshot = await runOnce(ecs, createMetricsSource(clients.cloudwatch, { cluster: sim.clusterName }));
  } finally {
    clients.destroy();
    await sim.close();
  }
});

function withTenThousandEvents(service: Service): Service {
  const hostile = Object.values(HOSTILE_TEXT);
  const events = Array.from({ length: 10_000 }, (_, i) => ({
    id: `event-${i}`,
    createdAt: snapshot.fetchedAt - i * 1000,
    message: `${hostile[i % hostile.length] ?? ''} #${i}`,
  }));
  return { ...service, events };
}

describe('hostile data through every render function', () => {
  it('renders every service, task and container of the hostile cluster safely at every width', () => {
    const now = snapshot.fetchedAt + 5_000;
    let checked = 0;
    for (const width of WIDTHS) {
      const layout = serviceColumns(width);
      assertSafe(renderServiceHeader(layout), 'table header');
      for (const service of snapshot.services) {
        assertSafe(renderServiceRow(service, layout, now), `row of ${service.name.slice(0, 30)} at ${width}`);
        assertSafe(renderServiceDetails(service, now, width), `details of ${service.name.slice(0, 30)} at ${width}`);
        const expanded = new Set(service.tasks.map((t) => t.id));
        for (const line of renderTaskTree(service, { expanded, stoppedExpanded: true, now, width })) assertSafe(line.text, `tree of ${service.name.slice(0, 30)}`);
        for (const task of [...service.tasks, ...service.stoppedTasks]) {
          assertSafe(renderTaskDetails(task, now, width), `task ${task.shortId}`);
          for (const container of task.containers) assertSafe(renderContainerDetails(container, task, now, width), `container ${container.name.slice(0, 30)}`);
          checked++;
        }
      }
      const error = { error: new ThrottledError(`AWS is throttling ${HOSTILE_TEXT.setTitle}`), lastSnapshot: snapshot, staleForMs: 60_000 };
      assertSafe(renderHeader({ snapshot, error, now, width, clusterName: snapshot.cluster.name, region: snapshot.cluster.region }), 'header');
    }
    assert.ok(checked > 10, `${checked} tasks rendered`);
    assertSafe(renderStatusLine({ scope: 'dashboard', mouse: true, error: `${HOSTILE_TEXT.tags} ${HOSTILE_TEXT.clipboard}` }), 'status line');
  });

  it('shows the hostile markup as escaped text, not as colour', () => {
    const service = snapshot.services.find((s) => s.name === 'a-hostile-text');
    assert.ok(service);
    const details = renderServiceDetails(service, snapshot.fetchedAt, 200);
    assert.ok(details.includes('{open}red-fg{close}TAGGED{open}/red-fg{close}'), 'the braces are escaped for blessed');
    assert.ok(details.includes('first-line second-line third-line tabbed'), 'line breaks become spaces: one event stays one item');
  });

  it('renders a service with 10,000 hostile events, showing a bounded number of them', () => {
    const base = snapshot.services.find((s) => s.name === 'c-many-events');
    assert.ok(base);
    const service = withTenThousandEvents(base);
    const now = snapshot.fetchedAt;
    const details = renderServiceDetails(service, now, 100);
    assertSafe(details, 'details with 10,000 events');
    assert.ok(details.includes(`latest ${MAX_EVENTS} of 10000`), 'says how many are not shown');
    assert.ok(details.includes('#0'), 'the newest event is shown');
    assert.ok(!details.includes(`#${MAX_EVENTS} `) && !details.includes('#9999'), 'older events are left out');
    assert.ok(details.split('\n').length < MAX_EVENTS * 4 + 40, 'a bounded number of lines');
    assertSafe(renderServiceRow(service, serviceColumns(120), now), 'row with 10,000 events');
  });
});
