// The `hostile` cluster: data an attacker (or an unlucky deploy script) can put in front of the on-call
// engineer. Free text in ECS — service event messages, stoppedReason, a container's reason, a deployment's
// rolloutStateReason — is written by whoever calls StopTask or runs the deployment, so it may hold terminal
// escape sequences, blessed markup, newlines and any Unicode. Names are at ECS's maximum length, some tasks
// have no containers, containers have no health check or limits, optional fields are missing, and one
// service was sent 10,000 events (the API returns only the latest 100, as here).

import type { SimCluster, SimContainerDef } from './world-types.js';
import type { World } from './world.js';
import { SIM_ACCOUNT } from './world.js';
import { createSteadyService, shellHealthCheck } from './steady-service.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** ECS's limit for service names, task definition families and container names. */
export const MAX_ECS_NAME_LENGTH = 255;

/** How many events the `c-many-events` service is sent (the API keeps the latest 100). */
export const HOSTILE_EVENT_COUNT = 10_000;

/**
 * Strings that must reach the screen only as inert text. Each carries a marker word the tests look for:
 * a window title, a clipboard payload, markup that must stay literal.
 */
export const HOSTILE_TEXT = {
  /** OSC 0: sets the window title when passed through. */
  setTitle: '\u001b]0;PWNED-TITLE\u0007title-attempt',
  /** OSC 52: writes "pwned-clipboard" to the system clipboard when passed through. */
  clipboard: `\u001b]52;c;${Buffer.from('pwned-clipboard').toString('base64')}\u0007clipboard-attempt`,
  /** CSI: clears the screen and paints red. */
  clearScreen: '\u001b[2J\u001b[H\u001b[31;1mclear-attempt\u001b[0m',
  /** Leaves the alternate screen and hides the cursor. */
  modes: '\u001b[?1049l\u001b[?25lmodes-attempt',
  /** C1 controls (8-bit CSI and OSC). */
  c1: '\u009b31m\u009d0;C1-TITLE\u009cc1-attempt',
  bell: 'bell-attempt\u0007\u0007',
  /** blessed markup: must show literally, braces and all. */
  tags: '{red-fg}TAGGED{/red-fg} {bold}bold?{/bold} {/} done',
  newlines: 'first-line\nsecond-line\r\nthird-line\ttabbed',
  cjk: '支払いサービスが停止しました',
  emoji: 'deploy 🚀 failed 🔥 👨‍👩‍👧 👍🏽',
  combining: 'cafe\u0301 Z\u0324\u0354\u0367\u0311\u0313a\u0308\u0356\u032d',
  rtl: 'مرحبا \u202egnirts desrever\u202c end',
  invisible: 'zero\u200bwidth\ufeff\u0000nul\u007fdel',
} as const;

/** A name of exactly ECS's maximum length, made only of the characters ECS allows. */
export function maxLengthName(prefix: string): string {
  const filler = '-0123456789abcdefghijklmnopqrstuvwxyz_ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = prefix;
  while (name.length < MAX_ECS_NAME_LENGTH) name += filler;
  return name.slice(0, MAX_ECS_NAME_LENGTH);
}

function image(name: string): string {
  return `${SIM_ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/${name}:latest`;
}

/** The app container, without a health check or limits unless asked: many real definitions look like this. */
function bare(name: string, extra: Partial<SimContainerDef> = {}): SimContainerDef {
  return { name, image: image(name.slice(0, 40)), cpu: 0, essential: true, ...extra };
}

/** Builds the hostile cluster at clock time `now`. */
export function buildHostileCluster(world: World, name: string, now: number): SimCluster {
  const cluster = world.addCluster(name, 'enhanced');
  const steady = (serviceName: string, containers: readonly SimContainerDef[], desiredCount: number): ReturnType<typeof createSteadyService> =>
    createSteadyService(
      world,
      cluster,
      { name: serviceName, size: { cpu: 512, memory: 1024 }, containers, desiredCount, revision: 7, deployedAgoMs: 2 * HOUR },
      now,
    );

  // Escape sequences, markup and newlines in every free-text field.
  const text = steady('a-hostile-text', [bare('app', { healthCheck: shellHealthCheck('true') }), bare('sidecar')], 2);
  const all = Object.values(HOSTILE_TEXT);
  all.forEach((message, i) => world.addEvent(text.service, now - (all.length - i) * MINUTE, message));
  text.deployment.rolloutStateReason = `${HOSTILE_TEXT.tags} ${HOSTILE_TEXT.setTitle}`;
  const victim = world.launchTask(cluster, text.service, text.deployment, text.service.taskDef, now - 30 * MINUTE, now - 29 * MINUTE);
  world.stopTask(victim, now - 5 * MINUTE, 'UserInitiated', `${HOSTILE_TEXT.setTitle} ${HOSTILE_TEXT.clipboard} ${HOSTILE_TEXT.tags} ${HOSTILE_TEXT.newlines}`, {
    container: 'app',
    exitCode: 137,
    reason: `${HOSTILE_TEXT.clearScreen} ${HOSTILE_TEXT.c1} ${HOSTILE_TEXT.bell}`,
  });

  // Wide, combining and right-to-left text.
  const unicode = steady('b-unicode', [bare('app')], 1);
  for (const message of [HOSTILE_TEXT.cjk, HOSTILE_TEXT.emoji, HOSTILE_TEXT.combining, HOSTILE_TEXT.rtl, HOSTILE_TEXT.invisible]) {
    world.addEvent(unicode.service, now - 2 * MINUTE, message);
  }
  const stopped = world.launchTask(cluster, unicode.service, unicode.deployment, unicode.service.taskDef, now - 20 * MINUTE, now - 19 * MINUTE);
  world.stopTask(stopped, now - 3 * MINUTE, 'EssentialContainerExited', `${HOSTILE_TEXT.cjk} ${HOSTILE_TEXT.emoji}`, { container: 'app', exitCode: 1, reason: HOSTILE_TEXT.rtl });

  // 10,000 events: the world keeps the latest 100, as DescribeServices returns them.
  const chatty = steady('c-many-events', [bare('app')], 1);
  for (let i = 0; i < HOSTILE_EVENT_COUNT; i++) {
    world.addEvent(chatty.service, now - (HOSTILE_EVENT_COUNT - i) * 1000, `event number ${i + 1} of ${HOSTILE_EVENT_COUNT}`);
  }

  // A task definition without containers (nothing to expand) and containers without health checks or limits.
  steady('d-no-containers', [], 2);
  steady('e-no-health-checks', [bare('app'), bare('worker', { essential: false }), bare('cron', { essential: false })], 2);

  // Tasks that never started: no startedAt, no connectivity, containers without exit codes.
  const pending = steady('f-pending', [bare('app')], 0);
  pending.service.desiredCount = 2;
  world.launchTask(cluster, pending.service, pending.deployment, pending.service.taskDef, now - 10 * MINUTE);
  world.launchTask(cluster, pending.service, pending.deployment, pending.service.taskDef, now - MINUTE);

  // Names of the maximum length: service, task definition family and container.
  steady(maxLengthName('z-long-service-name'), [bare(maxLengthName('container'), { memory: 512, healthCheck: shellHealthCheck('true') })], 1);

  return cluster;
}
