import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderStatusLine, renderStatusLines } from '../../lib/ui/status-line.js';

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

  describe('lines for a width', () => {
    const url = 'https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/demo/services/notifications/health?region=us-east-1';
    const copied = { text: `sent to the terminal's clipboard (OSC 52): ${url}`, kind: 'info' as const };

    it('shows the whole console URL at 80 columns, on lines of its own after the sentence', () => {
      const lines = renderStatusLines({ scope: 'dashboard', message: copied, mouse: true }, 80);
      assert.deepEqual(lines, ["sent to the terminal's clipboard (OSC 52):", url.slice(0, 80), url.slice(80)]);
    });

    it('keeps the URL on one line where it fits, and the message on one line where all of it fits', () => {
      assert.deepEqual(renderStatusLines({ scope: 'dashboard', message: copied, mouse: true }, 120), ["sent to the terminal's clipboard (OSC 52):", url]);
      assert.deepEqual(renderStatusLines({ scope: 'dashboard', message: copied, mouse: true }, 200), [copied.text]);
    });

    it('is one line for the key hints, the filter being typed and an error, however narrow', () => {
      assert.equal(renderStatusLines({ scope: 'dashboard', mouse: true }, 40).length, 1);
      assert.equal(renderStatusLines({ scope: 'dashboard', filterDraft: 'x'.repeat(100), matchCount: 0, message: copied, mouse: true }, 40).length, 1);
      assert.equal(renderStatusLines({ scope: 'dashboard', error: 'e '.repeat(100), mouse: true }, 40).length, 1);
    });

    it('cuts a message longer than three lines with an ellipsis, and colours every line of an error message', () => {
      const lines = renderStatusLines({ scope: 'dashboard', message: { text: 'x'.repeat(500), kind: 'error' }, mouse: true }, 60);
      assert.equal(lines.length, 3);
      assert.equal(lines[2], `{red-fg}${'x'.repeat(59)}…{/red-fg}`);
      assert.ok(lines.every((l) => l.startsWith('{red-fg}') && l.endsWith('{/red-fg}')));
    });

    it('escapes tags after wrapping, so a brace still takes one cell', () => {
      const lines = renderStatusLines({ scope: 'dashboard', message: { text: `${'a'.repeat(9)}{ b`, kind: 'info' }, mouse: true }, 10);
      assert.deepEqual(lines, [`${'a'.repeat(9)}{open}`, 'b']);
    });
  });
});
