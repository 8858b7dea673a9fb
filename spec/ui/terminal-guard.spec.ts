import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { installTerminalGuard } from '../../lib/ui/terminal-guard.js';
import type { GuardedProcess } from '../../lib/ui/terminal-guard.js';

function fakeProcess(): EventEmitter & GuardedProcess {
  const emitter = new EventEmitter() as EventEmitter & GuardedProcess;
  emitter.emitWarning = (() => {
    throw new Error('the original emitWarning must not be called while guarded');
  }) as unknown as typeof process.emitWarning;
  return emitter;
}

/** A guard on a fake process recording, in order, what it does; `present` says whether the terminal is still there. */
function recordedGuard(present = true) {
  const target = fakeProcess();
  const events: string[] = [];
  let printed = '';
  const guard = installTerminalGuard({
    restore: () => events.push('restore'),
    log: (line) => events.push(`log:${line}`),
    onSignal: (s, c) => events.push(`${s}:${c}`),
    errorOutput: { write: (t: string) => (printed += t) },
    exit: (c) => events.push(`exit:${c}`),
    target,
    terminalPresent: () => present,
    dieBy: (s) => events.push(`died:${s}`),
  });
  return { target, events, guard, printed: () => printed };
}

describe('terminal guard', () => {
  it('routes console output and process warnings to the log while installed, and gives them back', () => {
    const target = fakeProcess();
    const original = target.emitWarning;
    const originalLog = console.log;
    const logged: string[] = [];
    const guard = installTerminalGuard({ restore: () => {}, log: (l) => logged.push(l), onSignal: () => {}, target });
    try {
      console.log('hello %d', 42);
      console.error('oops');
      target.emitWarning('The AWS SDK will stop supporting Node 20', 'NodeVersionSupportWarning');
    } finally {
      guard.dispose();
    }
    assert.deepEqual(logged, ['hello 42', 'oops', 'NodeVersionSupportWarning: The AWS SDK will stop supporting Node 20']);
    assert.equal(console.log, originalLog);
    assert.equal(target.emitWarning, original);
  });

  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it(`restores the terminal on ${signal} and reports exit code ${code}`, () => {
      const { target, events, guard } = recordedGuard();
      target.emit(signal);
      guard.dispose();
      assert.deepEqual(events, ['restore', `${signal}:${code}`]);
      assert.equal(target.listenerCount(signal), 0, 'dispose removes the handler');
    });
  }

  it('on an uncaught error restores the terminal, prints the error and exits 1', () => {
    const { target, events, printed } = recordedGuard();
    target.emit('uncaughtException', new Error('kaboom'));
    assert.deepEqual(events, ['restore', 'exit:1']);
    assert.match(printed(), /kaboom/);
    assert.match(printed(), /at /, 'the stack is printed');
    assert.equal(target.listenerCount('uncaughtException'), 0);
  });

  it('on a hang-up with the terminal gone writes nothing to it and dies of the hang-up (after a line in the log)', () => {
    const { target, events } = recordedGuard(false);
    target.emit('SIGHUP');
    assert.deepEqual(events, ['log:The terminal was closed (hang-up): exiting.', 'died:SIGHUP']);
    assert.equal(target.listenerCount('SIGHUP'), 0);
    assert.equal(target.listenerCount('uncaughtException'), 0);
  });

  it('takes EIO from writing to a closed terminal for the hang-up it is, but prints an EIO with the terminal there', () => {
    const eio = (): Error => Object.assign(new Error('write EIO'), { code: 'EIO' });
    const gone = recordedGuard(false);
    gone.target.emit('uncaughtException', eio());
    assert.deepEqual(gone.events, ['log:The terminal was closed (hang-up): exiting.', 'died:SIGHUP']);
    assert.equal(gone.printed(), '');

    const there = recordedGuard(true);
    there.target.emit('uncaughtException', eio());
    assert.deepEqual(there.events, ['restore', 'exit:1']);
    assert.match(there.printed(), /write EIO/);
  });
});
