import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkTerminal, UsageError } from '../../lib/cli/args.js';

describe('checkTerminal', () => {
  it('refuses to draw the dashboard into a pipe, and says what to use instead', () => {
    assert.throws(() => checkTerminal(false, { once: false }), (error: unknown) => {
      assert.ok(error instanceof UsageError);
      assert.equal(error.message, 'ecs-monitor needs a terminal; use --once --json for scripts');
      assert.equal(error.exitCode, 2);
      return true;
    });
    assert.throws(() => checkTerminal(undefined, { once: false }), UsageError);
  });

  it('lets --once, --help and --version write to a pipe', () => {
    assert.doesNotThrow(() => checkTerminal(false, { once: true }));
    assert.doesNotThrow(() => checkTerminal(false, { once: false, help: true }));
    assert.doesNotThrow(() => checkTerminal(false, { once: false, version: true }));
  });

  it('lets the dashboard start on a terminal', () => {
    assert.doesNotThrow(() => checkTerminal(true, { once: false }));
  });
});
