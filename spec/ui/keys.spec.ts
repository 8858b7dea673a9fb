import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findBinding, helpLines, KEY_BINDINGS, keyHints, keyNameOf } from '../../lib/ui/keys.js';

describe('key bindings', () => {
  it('names presses the way the table lists them', () => {
    assert.equal(keyNameOf('j', { full: 'j', name: 'j' }), 'j');
    assert.equal(keyNameOf('G', { full: 'S-g', name: 'g' }), 'G');
    assert.equal(keyNameOf('/', { full: '/', name: undefined }), '/');
    assert.equal(keyNameOf(undefined, { full: 'up', name: 'up' }), 'up');
    assert.equal(keyNameOf('\r', { full: 'enter', name: 'enter' }), 'enter');
    // blessed sends a carriage return as `return` and again as `enter`; one press must act once.
    assert.equal(keyNameOf('\r', { full: 'return', name: 'return' }), undefined);
    assert.equal(keyNameOf('\x1b', { full: 'escape', name: 'escape' }), 'escape');
    assert.equal(keyNameOf('\t', { full: 'tab', name: 'tab' }), 'tab');
    assert.equal(keyNameOf('\x03', { full: 'C-c', name: 'c' }), 'C-c');
  });

  it('finds the documented keys on the dashboard', () => {
    const expect: Record<string, string> = {
      up: 'up', k: 'up', down: 'down', j: 'down', pageup: 'page-up', pagedown: 'page-down', g: 'top', G: 'bottom',
      enter: 'enter', escape: 'back', tab: 'next-pane', '/': 'filter', s: 'sort', c: 'copy', o: 'open', r: 'refresh',
      m: 'mouse', '?': 'help', q: 'quit', 'C-c': 'quit',
    };
    for (const [key, command] of Object.entries(expect)) {
      assert.equal(findBinding(key, 'dashboard')?.command, command, `key ${key}`);
    }
  });

  it('filters in the cluster picker too, but offers no sort or pane switching there', () => {
    assert.equal(findBinding('/', 'picker')?.command, 'filter');
    assert.equal(findBinding('s', 'picker'), undefined);
    assert.equal(findBinding('tab', 'picker'), undefined);
    assert.equal(findBinding('enter', 'picker')?.command, 'enter');
    assert.equal(findBinding('q', 'picker')?.command, 'quit');
  });

  it('binds every key at most once per screen', () => {
    for (const where of ['dashboard', 'picker'] as const) {
      const keys = KEY_BINDINGS.filter((b) => b.where.includes(where)).flatMap((b) => b.keys);
      assert.equal(new Set(keys).size, keys.length, where);
    }
  });

  it('the help lists every binding of the screen, one line each, from the same table', () => {
    const lines = helpLines('dashboard');
    assert.equal(lines.length, KEY_BINDINGS.filter((b) => b.where.includes('dashboard')).length);
    assert.ok(lines.some((l) => /^\/\s+Filter by name/.test(l)));
    assert.ok(lines.some((l) => /^q Ctrl-C\s+Quit$/.test(l)));
    assert.ok(helpLines('picker').some((l) => l.startsWith('/ ')), 'the picker filters too');
    assert.ok(!helpLines('picker').some((l) => l.startsWith('s ')), 'but has nothing to sort');
  });

  it('the status hints fit an 80-column line', () => {
    assert.ok(keyHints('dashboard').length <= 80, keyHints('dashboard'));
    assert.match(keyHints('dashboard'), /q quit/);
  });
});
