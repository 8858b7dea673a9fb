import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { helpText, versionText } from '../../lib/cli/help.js';
import { FLAGS } from '../../lib/cli/flags.js';
import { repoRoot } from '../support/paths.js';
import { FAULT_SPEC_HELP } from '../../lib/sim/faults.js';

describe('--help', () => {
  const text = helpText();

  it('lists every flag the parser accepts', () => {
    for (const flag of FLAGS) {
      assert.ok(text.includes(flag.value === undefined ? flag.name : `${flag.name} ${flag.value}`), flag.name);
      if (flag.short !== undefined) assert.ok(text.includes(`${flag.short}, ${flag.name}`), flag.short);
    }
  });

  it('explains the config search order and precedence', () => {
    assert.match(text, /1\. --config PATH\s+2\. \.\/config\.toml\s+3\. \$XDG_CONFIG_HOME\/ecs-monitor\/config\.toml/);
    assert.match(text, /flags > config file > environment/);
  });

  it('names every config key', () => {
    for (const key of ['name', 'region', 'profile', 'interval', 'task_definition_interval', 'max_api_rate', 'mouse']) {
      assert.match(text, new RegExp(`\\b${key}\\b`), key);
    }
  });

  it('gives the exit codes and the fault example', () => {
    assert.match(text, /0 {2}normal exit/);
    assert.match(text, /1 {2}the run failed/);
    assert.match(text, /2 {2}bad flags or configuration/);
    assert.ok(text.includes('ecs-monitor --demo --fault throttle=0.3'));
  });

  it('names every kind of demo fault the simulator understands', () => {
    for (const kind of ['throttle', 'error', 'deny', 'expired', 'notfound', 'reset', 'latency', 'down']) {
      assert.match(FAULT_SPEC_HELP, new RegExp(`\\b${kind}\\b`), `the simulator no longer knows ${kind}`);
      assert.match(text, new RegExp(`\\b${kind}\\b`), kind);
    }
  });

  it('fits an 80-column terminal', () => {
    for (const line of text.split('\n')) assert.ok(line.length <= 80, `too long: ${line}`);
  });
});

describe('--version', () => {
  it('prints the version of package.json', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    assert.equal(versionText(), `ecs-monitor ${manifest.version}`);
  });
});
