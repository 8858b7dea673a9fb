import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { separateMouseReports, splitMouseReports } from '../../lib/ui/input-split.js';

const parts = (s: string): string[] => splitMouseReports(Buffer.from(s, 'utf8')).map((b) => b.toString('utf8'));

describe('input split', () => {
  it('separates a key typed in the same read as a mouse report', () => {
    assert.deepEqual(parts('\x1b[<0;10;5mq'), ['\x1b[<0;10;5m', 'q']);
    assert.deepEqual(parts('j\x1b[<35;1;1M\x1b[<0;2;3Mk'), ['j', '\x1b[<35;1;1M', '\x1b[<0;2;3M', 'k']);
    assert.deepEqual(parts('\x1b[M !!q'), ['\x1b[M !!', 'q']);
  });

  it('leaves reads without mouse reports whole, including escape sequences and wide characters', () => {
    assert.deepEqual(parts('\x1b[A'), ['\x1b[A']);
    assert.deepEqual(parts('日本'), ['日本']);
    assert.deepEqual(parts('\x1b[<0;10;5M'), ['\x1b[<0;10;5M']);
  });

  it('makes a stream emit each part as its own data event, and can be undone', () => {
    const input = new EventEmitter() as unknown as NodeJS.ReadableStream;
    const seen: string[] = [];
    input.on('data', (d: Buffer) => seen.push(d.toString('utf8')));
    const undo = separateMouseReports(input);
    input.emit('data', Buffer.from('\x1b[<0;1;1mq'));
    assert.deepEqual(seen, ['\x1b[<0;1;1m', 'q']);
    undo();
    seen.length = 0;
    input.emit('data', Buffer.from('\x1b[<0;1;1mq'));
    assert.deepEqual(seen, ['\x1b[<0;1;1mq']);
  });
});
