import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturePath, repoRoot } from '../support/paths.js';
import { ConfigError, loadConfig, parseConfigFile } from '../../lib/config/index.js';
import type { ConfigDeps } from '../../lib/config/index.js';

// The fixtures are loaded the way a user's file is: through --config, relative to the working directory,
// so every message starts with the path as the user typed it.
const fixtureDeps: ConfigDeps = {
  readFile: (path) => readFileSync(path, 'utf8'),
  homedir: () => '/home/nobody-here',
  cwd: () => fixturePath('config'),
};

const load = (path: string) => loadConfig({ configPath: path, demo: true }, {}, fixtureDeps);

const INVALID: Readonly<Record<string, string>> = {
  'syntax-error.toml':
    'invalid/syntax-error.toml:4:11: not valid TOML: expected a value after = (a "string", a number, true or false, a date, an [array] or an { inline table })',
  'unclosed-string.toml':
    'invalid/unclosed-string.toml:2:13: not valid TOML: this string is not closed; expected a closing quote on the same line',
  'duplicate-key.toml':
    'invalid/duplicate-key.toml:3:14: not valid TOML: this key or section is already defined above; expected each key once',
  'interval-with-unit.toml':
    'invalid/interval-with-unit.toml:4:12: refresh.interval must be a whole number of seconds between 5 and 3600, got "30s"',
  'interval-out-of-range.toml':
    'invalid/interval-out-of-range.toml:2:12: refresh.interval must be a whole number of seconds between 5 and 3600, got 2',
  'interval-fraction.toml':
    'invalid/interval-fraction.toml:2:12: refresh.interval must be a whole number of seconds between 5 and 3600, got 7.5',
  'inline-table-value.toml':
    'invalid/inline-table-value.toml:1:24: refresh.interval must be a whole number of seconds between 5 and 3600, got 1',
  'task-definition-interval-out-of-range.toml':
    'invalid/task-definition-interval-out-of-range.toml:2:28: refresh.task_definition_interval must be a whole number of seconds between 60 and 86400, got 100000',
  'max-api-rate-zero.toml':
    'invalid/max-api-rate-zero.toml:2:16: refresh.max_api_rate must be a number of ECS calls per second greater than 0, got 0',
  'mouse-wrong-type.toml': 'invalid/mouse-wrong-type.toml:2:9: ui.mouse must be true or false, got "no"',
  'name-wrong-type.toml': 'invalid/name-wrong-type.toml:2:8: cluster.name must be a string naming the cluster (or its ARN), got 42',
  'unknown-key.toml': 'invalid/unknown-key.toml:3:1: unknown key refresh.intervall; did you mean refresh.interval?',
  'unknown-key-no-match.toml': 'invalid/unknown-key-no-match.toml:2:1: unknown key ui.colour; the only key of [ui] is mouse',
  'unknown-section.toml': 'invalid/unknown-section.toml:4:1: unknown section [refersh]; did you mean [refresh]?',
  'key-outside-section.toml': 'invalid/key-outside-section.toml:1:1: unknown key region; did you mean cluster.region?',
  'section-as-value.toml': 'invalid/section-as-value.toml:1:11: cluster must be a section written [cluster], got "prod"',
  'bad-region.toml':
    'invalid/bad-region.toml:3:10: cluster.region must be an AWS region such as us-east-1 or eu-west-2, got "us-east-1a"',
};

describe('invalid config files', () => {
  it('each fixture in spec/fixtures/config/invalid has its expected message here', () => {
    assert.deepEqual(readdirSync(fixturePath('config', 'invalid')).sort(), Object.keys(INVALID).sort());
  });

  for (const [name, message] of Object.entries(INVALID)) {
    it(`${name} is refused with: ${message}`, () => {
      assert.throws(
        () => load(`invalid/${name}`),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.equal(error.message, message);
          assert.equal(error.exitCode, 2);
          assert.equal(error.file, `invalid/${name}`);
          assert.ok(!error.message.includes('\n'), 'one line');
          return true;
        },
      );
    });
  }

  it('names the key and its position on the error object', () => {
    assert.throws(() => load('invalid/interval-with-unit.toml'), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.deepEqual([error.key, error.line, error.col], ['refresh.interval', 4, 12]);
      return true;
    });
  });

  it('keeps the TOML parser error as the cause of a syntax error', () => {
    assert.throws(() => load('invalid/syntax-error.toml'), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.ok(error.cause instanceof Error);
      return true;
    });
  });
});

describe('valid config files', () => {
  it('full.toml sets every key', () => {
    const config = load('valid/full.toml');
    assert.deepEqual(
      {
        cluster: config.cluster,
        region: config.region,
        profile: config.profile,
        intervalSec: config.intervalSec,
        taskDefinitionIntervalSec: config.taskDefinitionIntervalSec,
        maxApiRate: config.maxApiRate,
        mouse: config.mouse,
        configPath: config.configPath,
      },
      {
        cluster: 'prod',
        region: 'eu-west-2',
        profile: 'readonly',
        intervalSec: 60,
        taskDefinitionIntervalSec: 900,
        maxApiRate: 2.5,
        mouse: false,
        configPath: fixturePath('config', 'valid', 'full.toml'),
      },
    );
  });

  it('minimal.toml sets the region and leaves the rest to the defaults', () => {
    const config = load('valid/minimal.toml');
    assert.equal(config.region, 'us-gov-west-1');
    assert.equal(config.cluster, undefined);
    assert.deepEqual([config.intervalSec, config.taskDefinitionIntervalSec, config.maxApiRate, config.mouse], [30, 300, 5, true]);
  });

  it('a file of comments only is accepted', () => {
    assert.equal(load('valid/comments-only.toml').intervalSec, 30);
  });

  it('dotted keys and inline tables are read like sections', () => {
    const config = load('valid/dotted-and-inline.toml');
    assert.deepEqual([config.region, config.intervalSec, config.maxApiRate, config.mouse], ['cn-north-1', 5, 10, true]);
  });
});

describe('config.example.toml', () => {
  it('is a valid config that sets every key', () => {
    const source = readFileSync(join(repoRoot, 'config.example.toml'), 'utf8');
    assert.deepEqual(Object.keys(parseConfigFile(source, 'config.example.toml')).sort(), [
      'cluster', 'intervalSec', 'maxApiRate', 'mouse', 'profile', 'region', 'taskDefinitionIntervalSec',
    ]);
  });

  it('has a comment above every key', () => {
    const lines = readFileSync(join(repoRoot, 'config.example.toml'), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (/^\w+ = /.test(line)) assert.match(lines[i - 1] ?? '', /^#/, `no comment above: ${line}`);
    });
  });
});

describe('parseConfigFile', () => {
  it('finds a bad value after a multi-line string', () => {
    const source = '[cluster]\nname = """\nregion = "not me"\n"""\nregion = 5\n';
    assert.throws(() => parseConfigFile(source, 'c.toml'), {
      message: 'c.toml:5:10: cluster.region must be an AWS region such as us-east-1 or eu-west-2, got 5',
    });
  });

  it('describes tables, arrays and dates by kind', () => {
    assert.throws(() => parseConfigFile('[ui]\nmouse = [true]\n', 'c.toml'), { message: 'c.toml:2:9: ui.mouse must be true or false, got an array' });
    assert.throws(() => parseConfigFile('[ui]\nmouse = 2024-01-02\n', 'c.toml'), {
      message: 'c.toml:2:9: ui.mouse must be true or false, got a date (2024-01-02)',
    });
    assert.throws(() => parseConfigFile('[ui.mouse]\n', 'c.toml'), { message: 'c.toml:1:1: ui.mouse must be true or false, got a table' });
  });

  it('shows a number too large for the parser as written', () => {
    assert.throws(() => parseConfigFile('[refresh]\ninterval = 99999999999999999999\n', 'c.toml'), {
      message: 'c.toml:2:12: refresh.interval must be a whole number of seconds between 5 and 3600, got 99999999999999999999',
    });
  });

  it('lists the sections when an unknown one resembles none', () => {
    assert.throws(() => parseConfigFile('[logging]\n', 'c.toml'), {
      message: 'c.toml:1:1: unknown section [logging]; the sections are [cluster], [refresh] and [ui]',
    });
  });

  it('suggests the right section for a key put in the wrong one', () => {
    assert.throws(() => parseConfigFile('[refresh]\nregion = "us-east-1"\n', 'c.toml'), {
      message: 'c.toml:2:1: unknown key refresh.region; did you mean cluster.region?',
    });
  });

  it('refuses an empty cluster name', () => {
    assert.throws(() => parseConfigFile('[cluster]\nname = ""\n', 'c.toml'), {
      message: 'c.toml:2:8: cluster.name must be a string naming the cluster (or its ARN), got ""',
    });
  });
});
