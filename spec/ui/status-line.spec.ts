import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderStatusLine } from '../../lib/ui/status-line.js';

describe('status line', () => {
  it('shows what is being typed after / and how many services match', () => {
    const line = renderStatusLine({ scope: 'dashboard', filterDraft: 'api', matchCount: 1, mouse: true });
    assert.match(line, /api/);
    assert.match(line, /1 match\b/);
    assert.match(renderStatusLine({ scope: 'dashboard', filterDraft: 'a', matchCount: 3, mouse: true }), /3 matches/);
  });

  it('prefers an action result over the poller error, and the error over the key hints', () => {
    const error = 'AWS is throttling requests; retrying in 20 s.';
    assert.match(renderStatusLine({ scope: 'dashboard', error, message: { text: 'Copied.', kind: 'info' }, mouse: true }), /Copied\./);
    const withError = renderStatusLine({ scope: 'dashboard', error, mouse: true });
    assert.match(withError, /\{red-fg\}AWS is throttling/);
    assert.match(renderStatusLine({ scope: 'dashboard', mouse: true }), /q quit/);
  });

  it('escapes tags and control characters in text it did not write', () => {
    const line = renderStatusLine({ scope: 'dashboard', error: 'bad {bold}\x1b[31m thing', mouse: true });
    assert.ok(!line.includes('\x1b'));
    assert.ok(!line.includes('{bold}'));
  });

  it('shows the filter in force and that the mouse is off', () => {
    const line = renderStatusLine({ scope: 'dashboard', filter: 'web', matchCount: 2, mouse: false });
    assert.match(line, /filter "web" \(2 matches\)/);
    assert.match(line, /mouse off/);
  });
});
