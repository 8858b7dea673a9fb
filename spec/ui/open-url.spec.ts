import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { spawn as realSpawn } from 'node:child_process';
import type { SpawnOptions } from 'node:child_process';
import { browserCommand, openUrl } from '../../lib/ui/open-url.js';

const url = 'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services?region=eu-west-1';

/** A spawn that records its calls; `outcome` decides whether the child starts or fails to. */
function fakeSpawn(outcome: 'spawn' | Error | 'throw') {
  const calls: { command: string; args: readonly string[]; options: SpawnOptions; unref: boolean }[] = [];
  const spawn = (command: string, args: readonly string[], options: SpawnOptions) => {
    if (outcome === 'throw') throw new TypeError('bad argument');
    const call = { command, args, options, unref: false };
    calls.push(call);
    const child = Object.assign(new EventEmitter(), { unref: () => void (call.unref = true) });
    setImmediate(() => (outcome === 'spawn' ? child.emit('spawn') : child.emit('error', outcome)));
    return child;
  };
  return { calls, spawn };
}

describe('opening a URL in the browser', () => {
  it('starts xdg-open detached, output ignored, on a Linux desktop', async () => {
    const fake = fakeSpawn('spawn');
    const result = await openUrl(url, { env: { DISPLAY: ':0' }, platform: 'linux', spawn: fake.spawn });
    assert.deepEqual(result, { opened: true, message: `opening in the browser: ${url}` });
    assert.equal(fake.calls.length, 1);
    assert.equal(fake.calls[0]?.command, 'xdg-open');
    assert.deepEqual(fake.calls[0]?.args, [url]);
    assert.equal(fake.calls[0]?.options.detached, true);
    assert.equal(fake.calls[0]?.options.stdio, 'ignore');
    assert.equal(fake.calls[0]?.unref, true, 'the dashboard does not wait for the opener');
  });

  it('uses open on macOS and cmd /c start on Windows', async () => {
    const fake = fakeSpawn('spawn');
    await openUrl(url, { env: {}, platform: 'darwin', spawn: fake.spawn });
    await openUrl(url, { env: {}, platform: 'win32', spawn: fake.spawn });
    assert.deepEqual(
      fake.calls.map((c) => [c.command, ...c.args]),
      [
        ['open', url],
        ['cmd', '/c', 'start', '""', url],
      ],
    );
  });

  it('escapes what cmd would take as operators in a Windows URL', () => {
    assert.deepEqual(browserCommand('https://x/?a=1&b=(2)', 'win32').args, ['/c', 'start', '""', 'https://x/?a=1^&b=^(2^)']);
  });

  it('says it cannot open a browser over SSH or without a display, and starts nothing', async () => {
    const fake = fakeSpawn('spawn');
    const ssh = await openUrl(url, { env: { DISPLAY: 'localhost:10.0', SSH_TTY: '/dev/pts/2' }, platform: 'linux', spawn: fake.spawn });
    assert.deepEqual(ssh, { opened: false, message: `cannot open a browser here (SSH session); select it: ${url}` });
    const headless = await openUrl(url, { env: {}, platform: 'linux', spawn: fake.spawn });
    assert.deepEqual(headless, { opened: false, message: `cannot open a browser here (no display); select it: ${url}` });
    assert.equal(fake.calls.length, 0);
  });

  it('turns a missing opener into a message instead of an exception', async () => {
    const missing = Object.assign(new Error('spawn xdg-open ENOENT'), { code: 'ENOENT' });
    const fake = fakeSpawn(missing);
    const result = await openUrl(url, { env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux', spawn: fake.spawn });
    assert.equal(result.opened, false);
    assert.equal(result.message, `could not open a browser (xdg-open: spawn xdg-open ENOENT); select it: ${url}`);
    assert.equal(result.cause, missing);
  });

  it('turns a spawn that throws into a message too', async () => {
    const result = await openUrl(url, { env: { DISPLAY: ':0' }, platform: 'linux', spawn: fakeSpawn('throw').spawn });
    assert.equal(result.message, `could not open a browser (xdg-open: bad argument); select it: ${url}`);
  });

  it('reports a missing opener with the real spawn', { skip: process.platform === 'win32' }, async () => {
    // An empty PATH makes xdg-open (or open) unfindable, so nothing is actually opened.
    const result = await openUrl(url, { env: { DISPLAY: ':0' }, platform: process.platform === 'darwin' ? 'darwin' : 'linux', spawn: withEmptyPath });
    assert.equal(result.opened, false);
    assert.match(result.message, /ENOENT\); select it: https:/);
  });
});

function withEmptyPath(command: string, args: readonly string[], options: SpawnOptions) {
  return realSpawn(command, args, { ...options, env: { PATH: '/nonexistent' } });
}
