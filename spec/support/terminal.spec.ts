import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeAllTerminals, describeColor, keySequence, startTerminal } from './terminal.js';
import { repoRoot } from './paths.js';

// Small programs stand in for ecs-monitor: a Node script that shows everything it has read so far on row 1,
// so the test can see the exact bytes keys and clicks produced however the reads were split.
const echoScript = `
process.stdin.setRawMode(true);
process.stdout.write('ready\\r\\n');
let all = '';
process.stdin.on('data', (d) => {
  all += d.toString('latin1');
  process.stdout.write('\\x1b[2;1H\\x1b[Kgot ' + JSON.stringify(all));
  if (all.endsWith('q')) process.exit(3);
});
`;

// The UI library ecs-monitor uses, in the smallest program that has a list, a status line and the mouse.
const blessedList = `
const blessed = require('blessed');
const screen = blessed.screen({ smartCSR: true, fullUnicode: true, mouse: true, title: 'list demo' });
screen.program.setMouse({ sgrMouse: true }, true);
const list = blessed.list({ parent: screen, top: 0, left: 0, width: 20, height: 5, items: ['alpha', 'beta', 'gamma'], keys: true, mouse: true });
const status = blessed.box({ parent: screen, bottom: 0, left: 0, height: 1, width: '100%', tags: true, content: '{green-fg}✓{/green-fg} ready' });
const say = (text) => { status.setContent(text); screen.render(); };
list.focus();
list.on('select', (item) => say('picked ' + item.getText()));
list.on('element click', (el) => say('clicked ' + el.getText()));
list.on('element wheelup', () => say('wheel up'));
screen.on('resize', () => say('size ' + screen.width + 'x' + screen.height));
screen.key('escape', () => say('escape'));
screen.key('q', () => { screen.destroy(); process.exit(0); });
screen.key('M-q', () => say('alt-q'));
screen.render();
`;

function node(script: string, extra: Partial<Parameters<typeof startTerminal>[0]> = {}) {
  return startTerminal({ command: process.execPath, args: ['-e', script], cols: 200, rows: 12, ...extra });
}

after(closeAllTerminals);

describe('the terminal harness', () => {
  it('shows what the program printed, line by line, and its exit code', async () => {
    const term = await startTerminal({ command: 'printf', args: ['one\\n  two  \\nthree'], cols: 40, rows: 5 });
    assert.equal(await term.waitForExit(), 0);
    assert.deepEqual(term.screenText(), ['one', '  two', 'three', '', '']);
    assert.equal(term.line(1), '  two');
    assert.deepEqual(term.findText('three'), { col: 0, row: 2 });
    assert.deepEqual(term.findText(/tw./), { col: 2, row: 1 });
  });

  it('runs with TERM=xterm-256color, the given size and env, without inheriting TMUX', async () => {
    const term = await node(
      `console.log([process.env.TERM, process.stdout.columns, process.stdout.rows, process.env.GREETING, String(process.env.TMUX)].join(' '))`,
      { cols: 60, env: { GREETING: 'hello', TMUX: undefined } },
    );
    await term.waitForExit();
    assert.equal(term.line(0), 'xterm-256color 60 12 hello undefined');
  });

  it('presses named keys as xterm sends them and types strings as they are', async () => {
    const term = await node(echoScript);
    await term.waitForText('ready');
    await term.press('enter', 'up', 'pagedown');
    void term.press('ctrl-c'); // not awaited: input still goes out in call order
    await term.press('x', 'tab');
    await term.waitForText('got "\\r\\u001b[A\\u001b[6~\\u0003x\\t"');
    await term.press('q');
    assert.equal(await term.exited, 3);
  });

  it('sends cursor keys in application mode once the program asks for DECCKM', () => {
    assert.equal(keySequence('down', true), '\x1bOB');
    assert.equal(keySequence('down', false), '\x1b[B');
    assert.equal(keySequence('shift-tab'), '\x1b[Z');
    assert.equal(keySequence('ctrl-a'), '\x01');
    assert.equal(keySequence('hello'), 'hello');
  });

  it('reports clicks and the wheel in SGR encoding once the program turns mouse tracking on', async () => {
    const term = await node(`process.stdout.write('\\x1b[?1000h\\x1b[?1006h');\n${echoScript}`);
    await term.waitForText('ready');
    await term.click(4, 2);
    await term.wheel('down', 0, 0);
    await term.waitForText('got "\\u001b[<0;5;3M\\u001b[<0;5;3m\\u001b[<65;1;1M"');
    await term.doubleClick(0, 1);
    await term.waitForText('65;1;1M\\u001b[<0;1;2M\\u001b[<0;1;2m\\u001b[<0;1;2M\\u001b[<0;1;2m"');
    assert.deepEqual(term.modes.mouseTracking, 'vt200');
    assert.equal(term.modes.sgrMouse, true);
  });

  it('sends nothing for a click when the program has not asked for the mouse', async () => {
    const term = await node(echoScript);
    await term.waitForText('ready');
    await term.click(1, 1);
    await term.press('z');
    await term.waitForText('got "z"');
  });

  it('drives a blessed program with keys, clicks, the wheel and a resize, and sees it restore the terminal', async () => {
    const term = await startTerminal({ command: process.execPath, args: ['-e', blessedList], cwd: repoRoot, cols: 60, rows: 15 });
    await term.waitForText('ready');
    assert.equal(term.title, 'list demo');
    assert.equal(term.modes.alternateScreen, true);
    assert.equal(term.modes.sgrMouse, true);
    assert.equal(term.cellColor(term.findText('✓')?.col ?? -1, 14), 'green');

    await term.press('down', 'enter');
    await term.waitForText('picked beta');
    await term.waitForTextGone('ready');
    const gamma = await term.waitForText('gamma');
    await term.click(gamma.col, gamma.row);
    await term.waitForText('clicked gamma');
    await term.wheel('up', gamma.col, gamma.row);
    await term.waitForText('wheel up');
    // ESC and q arrive as two keys, not as Alt+q. The program is seen handling ESC before q is sent:
    // on a loaded machine it may not read between two presses 50 ms apart, and then sees ESC q as Alt+q.
    await term.press('escape');
    await term.waitForText('escape');
    await term.press('q');
    assert.equal(await term.waitForExit(), 0);
    assert.deepEqual(term.unrestoredModes(), []);
  });

  it('resizes a blessed program', async () => {
    const term = await startTerminal({ command: process.execPath, args: ['-e', blessedList], cwd: repoRoot, cols: 60, rows: 15 });
    await term.waitForText('ready');
    term.resize(80, 20);
    await term.waitForText('size 80x20');
    assert.match(term.line(19), /size 80x20/);
  });

  it('sees the window title and the colour of each cell', async () => {
    const term = await startTerminal({
      command: 'printf',
      args: ['\\033]2;my title\\007\\033[32m✓\\033[0m \\033[33m⚠\\033[0m \\033[31m✗\\033[0m \\033[90mo\\033[0m \\033[38;5;34mg\\033[0m plain'],
      cols: 40,
      rows: 3,
    });
    await term.waitForExit();
    assert.equal(term.title, 'my title');
    assert.equal(term.line(0), '✓ ⚠ ✗ o g plain');
    assert.equal(term.cellColor(0, 0), 'green');
    assert.equal(term.cellColor(2, 0), 'yellow');
    assert.equal(term.cellColor(4, 0), 'red');
    assert.equal(term.cellColor(6, 0), 'gray');
    assert.equal(term.cellColor(8, 0), 'green');
    assert.equal(term.cell(8, 0).fg.name, 'palette-34');
    assert.equal(term.cellColor(10, 0), 'default');
  });

  it('receives what the program puts on the terminal clipboard with OSC 52', async () => {
    const term = await startTerminal({ command: 'printf', args: ['before\\033]52;c;aMOpbGxv\\007after'], cols: 40, rows: 2 });
    await term.waitForExit();
    assert.equal(term.clipboard, 'héllo');
    assert.equal(term.line(0), 'beforeafter');
  });

  it('finds text after wide characters by cell, not by string offset', async () => {
    const term = await startTerminal({ command: 'printf', args: ['名前 here'], cols: 20, rows: 2 });
    await term.waitForExit();
    assert.deepEqual(term.findText('here'), { col: 5, row: 0 });
    assert.equal(term.cell(5, 0).chars, 'h');
  });

  it('tells whether the program restored the terminal when it left', async () => {
    const tidy = await node(
      `process.stdout.write('\\x1b[?1049h\\x1b[?25l\\x1b[?1000h\\x1b[?1006hbusy');` +
        `process.stdout.write('\\x1b[?1000l\\x1b[?1006l\\x1b[?25h\\x1b[?1049l');`,
    );
    await tidy.waitForExit();
    assert.deepEqual(tidy.unrestoredModes(), []);
    assert.deepEqual(
      tidy.decModeChanges.filter((c) => c.mode === 1049).map((c) => c.set),
      [true, false],
    );

    const messy = await node(`process.stdout.write('\\x1b[?1049h\\x1b[?25l\\x1b[?1002h\\x1b[?1006hbusy')`);
    await messy.waitForExit();
    assert.deepEqual(messy.unrestoredModes(), [
      'still on the alternate screen',
      'cursor still hidden',
      'mouse tracking still on (drag)',
      'SGR mouse encoding still on',
    ]);
    assert.match(messy.rawOutput, /\x1b\[\?1049h/);
  });

  it('resizes the program and the screen together', async () => {
    const term = await node(
      `process.stdout.on('resize', () => console.log('now', process.stdout.columns, process.stdout.rows)); console.log('ready'); setInterval(() => {}, 1000);`,
    );
    await term.waitForText('ready');
    term.resize(70, 15);
    await term.waitForText('now 70 15');
    assert.equal(term.screenText().length, 15);
    await term.close();
    assert.notEqual(term.exitCode, undefined);
  });

  it('fails a wait with the whole screen in the message', async () => {
    const term = await node(`console.log('something else'); setInterval(() => {}, 1000);`);
    await term.waitForText('something else');
    await assert.rejects(term.waitForText('never shown', { timeoutMs: 200 }), (error: Error) => {
      assert.match(error.message, /Timed out after 200 ms waiting for "never shown"/);
      assert.match(error.message, /\| *something else/);
      return true;
    });
    await term.close();
  });

  it('stops waiting as soon as the program exits without showing the text', async () => {
    const term = await node(`console.log('bye'); process.exit(2)`);
    await assert.rejects(term.waitForText('never shown'), /the program exited.*exited with code 2[\s\S]*bye/);
  });

  it('names 256-colour and true colours by family', () => {
    assert.equal(describeColor('palette', 2).name, 'green');
    assert.equal(describeColor('palette', 10).name, 'bright-green');
    assert.equal(describeColor('palette', 10).family, 'green');
    assert.equal(describeColor('palette', 8).family, 'gray');
    assert.equal(describeColor('palette', 244).family, 'gray');
    assert.equal(describeColor('palette', 196).family, 'red');
    assert.equal(describeColor('palette', 226).family, 'yellow');
    assert.equal(describeColor('rgb', 0x00ff00).name, '#00ff00');
    assert.equal(describeColor('rgb', 0x00ff00).family, 'green');
  });
});
