import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { noLocalDisplayReason } from '../../lib/ui/local-display.js';

describe('the local display check', () => {
  it('finds a display on a Linux desktop under X11 or Wayland', () => {
    assert.equal(noLocalDisplayReason({ env: { DISPLAY: ':0' }, platform: 'linux' }), undefined);
    assert.equal(noLocalDisplayReason({ env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux' }), undefined);
  });

  it('finds none on a headless Linux box, where the variables are unset or empty', () => {
    assert.equal(noLocalDisplayReason({ env: {}, platform: 'linux' }), 'no display');
    assert.equal(noLocalDisplayReason({ env: { DISPLAY: '' }, platform: 'linux' }), 'no display');
  });

  it('needs no DISPLAY on macOS or Windows', () => {
    assert.equal(noLocalDisplayReason({ env: {}, platform: 'darwin' }), undefined);
    assert.equal(noLocalDisplayReason({ env: {}, platform: 'win32' }), undefined);
  });

  it('treats an SSH session as remote, even with X forwarding or on a Mac', () => {
    assert.equal(noLocalDisplayReason({ env: { DISPLAY: 'localhost:10.0', SSH_CONNECTION: '1 2 3 4' }, platform: 'linux' }), 'SSH session');
    assert.equal(noLocalDisplayReason({ env: { SSH_TTY: '/dev/pts/1' }, platform: 'darwin' }), 'SSH session');
    assert.equal(noLocalDisplayReason({ env: { SSH_CLIENT: '10.0.0.1 5000 22' }, platform: 'linux' }), 'SSH session');
  });
});
