import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { locateKey, splitDottedKey } from '../../lib/config/toml-locate.js';
import { parseConfigFile } from '../../lib/config/config-file.js';

describe('locateKey', () => {
  it('points at the value of a key under its table header', () => {
    assert.deepEqual(locateKey('[ui]\n  mouse   =   "no"\n', ['ui', 'mouse']), { line: 2, col: 3, valueCol: 15 });
  });

  it('understands quoted keys, quoted table names and dotted keys', () => {
    assert.deepEqual(locateKey('[refresh]\n"interval" = 2\n', ['refresh', 'interval']), { line: 2, col: 1, valueCol: 14 });
    assert.deepEqual(locateKey('[ "refresh" ]\ninterval = 2\n', ['refresh', 'interval']), { line: 2, col: 1, valueCol: 12 });
    assert.deepEqual(locateKey('refresh.interval = 2\n', ['refresh', 'interval']), { line: 1, col: 1, valueCol: 20 });
  });

  it('does not mistake a key of another table for the one sought', () => {
    assert.deepEqual(locateKey('[cluster]\ninterval = 1\n[refresh]\ninterval = 2\n', ['refresh', 'interval'])?.line, 4);
  });

  it('returns undefined rather than a wrong place', () => {
    assert.equal(locateKey('[refresh]\n', ['refresh', 'interval']), undefined);
  });
});

describe('splitDottedKey', () => {
  it('splits on dots outside quotes and unquotes the parts', () => {
    assert.deepEqual(splitDottedKey(`a . "b.c" . 'd'`), ['a', 'b.c', 'd']);
  });
});

describe('files from other editors', () => {
  it('reads Windows line endings and a byte-order mark, keeping positions right', () => {
    assert.throws(() => parseConfigFile('\uFEFF[refresh]\r\ninterval = 2\r\n', 'c.toml'), {
      message: 'c.toml:2:12: refresh.interval must be a whole number of seconds between 5 and 3600, got 2',
    });
  });
});
