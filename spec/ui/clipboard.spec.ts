import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyText, osc52Sequence, osc52Sequences, tmuxPassthrough } from '../../lib/ui/clipboard.js';
import { closeAllTerminals, startTerminal } from '../support/terminal.js';

after(closeAllTerminals);

const url = 'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/health?region=eu-west-1';
const urlOsc52 = `\x1b]52;c;${Buffer.from(url).toString('base64')}\x07`;
const desktop = { env: { DISPLAY: ':0' }, platform: 'linux' as const };

/** A terminal that records what was written to it. */
function terminal() {
  const written: string[] = [];
  return { written, writeToTerminal: (bytes: string) => void written.push(bytes) };
}

describe('copying a URL', () => {
  it('uses the system clipboard on a desktop and says "copied"', async () => {
    const copied: string[] = [];
    const tty = terminal();
    const result = await copyText(url, { ...desktop, writeClipboard: async (t) => void copied.push(t), ...tty });
    assert.deepEqual(result, { method: 'clipboard', message: `copied ${url}` });
    assert.deepEqual(copied, [url]);
    assert.deepEqual(tty.written, [], 'nothing is sent to the terminal');
  });

  it('falls back to OSC 52 when the clipboard tool fails, and keeps the failure for the log', async () => {
    const tty = terminal();
    const failure = new Error("Couldn't find the `xsel` binary and fallback didn't work.\nmore detail");
    const result = await copyText(url, { ...desktop, writeClipboard: () => Promise.reject(failure), ...tty });
    assert.equal(result.method, 'osc52');
    assert.equal(result.message, `sent to the terminal's clipboard (OSC 52): ${url}`);
    assert.equal(result.cause, failure);
    assert.deepEqual(tty.written, [urlOsc52]);
  });

  // clipboardy reads the real environment, so this only runs where it cannot reach a display (CI, SSH).
  const headless = process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY'];
  it('loads the real clipboard tool when needed and falls back when it cannot reach the display', { skip: !headless }, async () => {
    const tty = terminal();
    const result = await copyText(url, { env: { DISPLAY: ':987654' }, platform: 'linux', ...tty });
    assert.equal(result.method, 'osc52');
    assert.notEqual(result.cause, undefined);
    assert.deepEqual(tty.written, [urlOsc52]);
  });

  it('falls back to OSC 52 when the clipboard tool never answers', async () => {
    const tty = terminal();
    const result = await copyText(url, { ...desktop, writeClipboard: () => new Promise(() => {}), clipboardTimeoutMs: 20, ...tty });
    assert.equal(result.method, 'osc52');
    assert.deepEqual(tty.written, [urlOsc52]);
  });

  it('goes straight to OSC 52 over SSH and on a headless box, without touching the clipboard tool', async () => {
    for (const env of [{ SSH_TTY: '/dev/pts/3', DISPLAY: 'localhost:10.0' }, {}]) {
      const tty = terminal();
      const result = await copyText(url, {
        env,
        platform: 'linux',
        writeClipboard: () => assert.fail('the clipboard tool must not be tried'),
        ...tty,
      });
      assert.deepEqual(result, { method: 'osc52', message: `sent to the terminal's clipboard (OSC 52): ${url}` });
      assert.deepEqual(tty.written, [urlOsc52]);
    }
  });

  it('inside tmux sends the plain sequence and the passthrough envelope', async () => {
    const tty = terminal();
    const result = await copyText('hi', { env: { TMUX: '/tmp/tmux-1000/default,123,0' }, platform: 'linux', ...tty });
    assert.equal(result.message, "sent to the terminal's clipboard (OSC 52 via tmux): hi");
    assert.deepEqual(tty.written, ['\x1b]52;c;aGk=\x07', '\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\']);
  });

  it('says why it could not copy and still shows the URL', async () => {
    const noTerminal = await copyText(url, { env: { SSH_CONNECTION: '10.0.0.1 5000 10.0.0.2 22' }, platform: 'linux' });
    assert.deepEqual(noTerminal, { method: 'failed', message: `could not copy (SSH session); select it: ${url}` });

    const failure = new Error('xsel exited with code 1');
    const bothFail = await copyText(url, {
      ...desktop,
      writeClipboard: () => Promise.reject(failure),
      writeToTerminal: () => {
        throw new Error('EIO: i/o error, write');
      },
    });
    assert.equal(bothFail.method, 'failed');
    assert.equal(bothFail.message, `could not copy (clipboard: xsel exited with code 1; OSC 52: EIO: i/o error, write); select it: ${url}`);
    assert.equal(bothFail.cause, failure);
  });
});

describe('OSC 52 bytes', () => {
  it('put the URL on the clipboard of a real terminal emulator', async () => {
    const module = new URL('../../lib/ui/clipboard.js', import.meta.url).href;
    const script = `import(${JSON.stringify(module)})
      .then((m) => m.copyText(${JSON.stringify(url)}, { env: {}, platform: 'linux', writeToTerminal: (b) => process.stdout.write(b) }))
      .then((r) => console.log(r.method));`;
    const term = await startTerminal({ command: process.execPath, args: ['-e', script], cols: 40, rows: 4 });
    assert.equal(await term.waitForExit(), 0);
    assert.equal(term.line(0), 'osc52');
    assert.equal(term.clipboard, url);
  });

  it('encode the text as UTF-8 base64 between ESC ] 52 ; c ; and BEL', () => {
    assert.equal(osc52Sequence('hello'), '\x1b]52;c;aGVsbG8=\x07');
    assert.equal(osc52Sequence('ü'), '\x1b]52;c;w7w=\x07');
  });

  it('are wrapped for tmux with every ESC doubled and ESC \\ at the end', () => {
    assert.equal(tmuxPassthrough('\x1b]52;c;aGk=\x07'), '\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\');
    assert.deepEqual(osc52Sequences('hi', false), ['\x1b]52;c;aGk=\x07']);
  });
});
