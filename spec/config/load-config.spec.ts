import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../lib/config/index.js';
import type { ConfigDeps, ConfigFlags } from '../../lib/config/index.js';

const HOME = '/home/ana';
const CWD = '/home/ana/work';

/** A machine with exactly these files, so no test depends on the real home directory. */
function machine(files: Readonly<Record<string, string>>): ConfigDeps {
  return {
    readFile(path) {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return text;
    },
    homedir: () => HOME,
    cwd: () => CWD,
  };
}

const region = (r: string) => `[cluster]\nregion = "${r}"\n`;

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    assert.equal(error.exitCode, 2);
    return error.message;
  }
  assert.fail('expected a ConfigError');
}

describe('where the config file is found', () => {
  const all = {
    '/etc/monitor.toml': region('ap-southeast-3'),
    [`${CWD}/config.toml`]: region('eu-west-1'),
    '/xdg/ecs-monitor/config.toml': region('eu-west-2'),
    [`${HOME}/.config/ecs-monitor/config.toml`]: region('eu-west-3'),
  };

  const withoutCwdFile = () => Object.fromEntries(Object.entries(all).filter(([path]) => path !== `${CWD}/config.toml`));

  it('--config PATH comes first', () => {
    const config = loadConfig({ configPath: '/etc/monitor.toml' }, { XDG_CONFIG_HOME: '/xdg' }, machine(all));
    assert.equal(config.region, 'ap-southeast-3');
    assert.equal(config.configPath, '/etc/monitor.toml');
  });

  it('--config is relative to the working directory and understands ~/', () => {
    assert.equal(loadConfig({ configPath: 'config.toml' }, {}, machine(all)).configPath, `${CWD}/config.toml`);
    assert.equal(loadConfig({ configPath: '~/.config/ecs-monitor/config.toml' }, {}, machine(all)).region, 'eu-west-3');
  });

  it('then ./config.toml', () => {
    assert.equal(loadConfig({}, { XDG_CONFIG_HOME: '/xdg' }, machine(all)).configPath, `${CWD}/config.toml`);
  });

  it('then $XDG_CONFIG_HOME/ecs-monitor/config.toml', () => {
    const rest = withoutCwdFile();
    const config = loadConfig({}, { XDG_CONFIG_HOME: '/xdg' }, machine(rest));
    assert.deepEqual([config.region, config.configPath], ['eu-west-2', '/xdg/ecs-monitor/config.toml']);
  });

  it('then ~/.config/ecs-monitor/config.toml when XDG_CONFIG_HOME is unset, empty or relative', () => {
    const rest = withoutCwdFile();
    for (const env of [{}, { XDG_CONFIG_HOME: '' }, { XDG_CONFIG_HOME: 'relative/dir' }]) {
      assert.equal(loadConfig({}, env, machine(rest)).configPath, `${HOME}/.config/ecs-monitor/config.toml`);
    }
  });

  it('uses only the first file found: settings are not merged across files', () => {
    const config = loadConfig({}, {}, machine({
      [`${CWD}/config.toml`]: region('eu-west-1'),
      [`${HOME}/.config/ecs-monitor/config.toml`]: '[refresh]\ninterval = 90\n',
    }));
    assert.equal(config.intervalSec, 30);
  });

  it('needs no file at all when the environment names a region', () => {
    const config = loadConfig({}, { AWS_REGION: 'sa-east-1' }, machine({}));
    assert.equal(config.region, 'sa-east-1');
    assert.equal(config.configPath, undefined);
  });

  it('refuses a --config path that does not exist, even when other files do', () => {
    assert.equal(
      messageOf(() => loadConfig({ configPath: 'prod.toml' }, {}, machine(all))),
      'prod.toml: the config file given by --config does not exist',
    );
  });

  it('names a file in the XDG directory with ~ in its errors', () => {
    assert.equal(
      messageOf(() => loadConfig({}, {}, machine({ [`${HOME}/.config/ecs-monitor/config.toml`]: '[refresh]\ninterval = 1\n' }))),
      '~/.config/ecs-monitor/config.toml:2:12: refresh.interval must be a whole number of seconds between 5 and 3600, got 1',
    );
  });

  it('gives the example message of the issue for ./config.toml', () => {
    const source = '[cluster]\nregion = "us-east-1"\n[refresh]\ninterval = "30s"\n';
    assert.equal(
      messageOf(() => loadConfig({}, {}, machine({ [`${CWD}/config.toml`]: source }))),
      'config.toml:4:12: refresh.interval must be a whole number of seconds between 5 and 3600, got "30s"',
    );
  });

  it('says why a file that exists cannot be read', () => {
    const deps: ConfigDeps = {
      ...machine({}),
      readFile: (path) => {
        if (path === `${CWD}/config.toml`) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      },
    };
    assert.equal(messageOf(() => loadConfig({}, {}, deps)), 'config.toml: the file cannot be read (permission denied)');
  });
});

describe('precedence: flags > config file > environment > AWS profile region > defaults', () => {
  const files = {
    [`${CWD}/config.toml`]: '[cluster]\nname = "from-file"\nregion = "eu-west-1"\nprofile = "file-profile"\n[refresh]\ninterval = 60\n[ui]\nmouse = true\n',
  };
  const env = { AWS_REGION: 'eu-north-1', AWS_DEFAULT_REGION: 'eu-south-1', AWS_PROFILE: 'env-profile' };

  it('flags beat the file and the environment', () => {
    const flags: ConfigFlags = { cluster: 'from-flag', region: 'us-west-2', profile: 'flag-profile', intervalSec: 10, noMouse: true };
    const config = loadConfig(flags, env, machine(files));
    assert.deepEqual(
      [config.cluster, config.region, config.profile, config.intervalSec, config.mouse],
      ['from-flag', 'us-west-2', 'flag-profile', 10, false],
    );
    assert.deepEqual(config.sources, {
      cluster: 'flag', region: 'flag', profile: 'flag', intervalSec: 'flag', mouse: 'flag',
      taskDefinitionIntervalSec: 'default', maxApiRate: 'default',
    });
  });

  it('the file beats the environment', () => {
    const config = loadConfig({}, env, machine(files));
    assert.deepEqual([config.cluster, config.region, config.profile, config.intervalSec], ['from-file', 'eu-west-1', 'file-profile', 60]);
    assert.deepEqual([config.sources.region, config.sources.profile], ['config-file', 'config-file']);
  });

  it('AWS_REGION beats AWS_DEFAULT_REGION, which beats the profile\'s region', () => {
    const awsConfig = { [`${HOME}/.aws/config`]: '[profile env-profile]\nregion = ap-south-1\n' };
    const withBoth = loadConfig({}, env, machine(awsConfig));
    assert.deepEqual([withBoth.region, withBoth.sources.region, withBoth.profile, withBoth.sources.profile], ['eu-north-1', 'AWS_REGION', 'env-profile', 'AWS_PROFILE']);
    const withDefault = loadConfig({}, { ...env, AWS_REGION: undefined }, machine(awsConfig));
    assert.deepEqual([withDefault.region, withDefault.sources.region], ['eu-south-1', 'AWS_DEFAULT_REGION']);
    const withProfile = loadConfig({}, { AWS_PROFILE: 'env-profile' }, machine(awsConfig));
    assert.deepEqual([withProfile.region, withProfile.sources.region], ['ap-south-1', 'aws-config']);
  });

  it('ignores empty environment variables', () => {
    const config = loadConfig({}, { AWS_REGION: '', AWS_DEFAULT_REGION: 'ca-central-1', AWS_PROFILE: '' }, machine({}));
    assert.deepEqual([config.region, config.profile], ['ca-central-1', undefined]);
  });

  it('uses the defaults for what nothing sets, and leaves cluster and profile unset', () => {
    const config = loadConfig({ region: 'us-east-1' }, {}, machine({}));
    assert.deepEqual(
      { ...config },
      {
        region: 'us-east-1', intervalSec: 30, taskDefinitionIntervalSec: 300, maxApiRate: 5, mouse: true,
        sources: { region: 'flag', intervalSec: 'default', taskDefinitionIntervalSec: 'default', maxApiRate: 'default', mouse: 'default' },
      },
    );
  });
});

describe('the region from the AWS shared config file', () => {
  const awsConfig = [
    '# written by aws configure',
    '[default]',
    'region = us-west-1',
    '',
    '[profile dev]',
    'sso_session = corp',
    'region = eu-central-1 ; the team region',
    's3 =',
    '  region = not-this-one',
    '',
    '[profile broken]',
    'region = eu-central',
  ].join('\n');

  it('reads [default] when no profile is chosen', () => {
    const config = loadConfig({}, {}, machine({ [`${HOME}/.aws/config`]: awsConfig }));
    assert.deepEqual([config.region, config.sources.region, config.profile], ['us-west-1', 'aws-config', undefined]);
  });

  it('reads [profile NAME] for the chosen profile, wherever the profile came from', () => {
    const deps = machine({ [`${HOME}/.aws/config`]: awsConfig, [`${CWD}/config.toml`]: '[cluster]\nprofile = "dev"\n' });
    assert.equal(loadConfig({}, {}, deps).region, 'eu-central-1');
    assert.equal(loadConfig({ profile: 'dev' }, {}, machine({ [`${HOME}/.aws/config`]: awsConfig })).region, 'eu-central-1');
  });

  it('honours AWS_CONFIG_FILE', () => {
    const config = loadConfig({}, { AWS_CONFIG_FILE: '/etc/aws.ini', AWS_PROFILE: 'dev' }, machine({ '/etc/aws.ini': awsConfig }));
    assert.equal(config.region, 'eu-central-1');
  });

  it('points at a malformed region in the AWS config file', () => {
    assert.equal(
      messageOf(() => loadConfig({ profile: 'broken' }, {}, machine({ [`${HOME}/.aws/config`]: awsConfig }))),
      '~/.aws/config:12:10: region of profile broken must be an AWS region such as us-east-1 or eu-west-2, got "eu-central"',
    );
  });
});

describe('a missing or malformed region', () => {
  it('says every way to give one', () => {
    assert.equal(
      messageOf(() => loadConfig({}, {}, machine({}))),
      'no AWS region given: pass --region (e.g. --region us-east-1), set AWS_REGION, add region = "us-east-1" under [cluster] in config.toml, or give the default profile a region in ~/.aws/config',
    );
  });

  it('names the config file that was used and the profile that has no region', () => {
    const deps = machine({ [`${HOME}/.config/ecs-monitor/config.toml`]: '[cluster]\nname = "prod"\n' });
    assert.equal(
      messageOf(() => loadConfig({ profile: 'ops' }, { AWS_CONFIG_FILE: '/etc/aws.ini' }, deps)),
      'no AWS region given: pass --region (e.g. --region us-east-1), set AWS_REGION, add region = "us-east-1" under [cluster] in ~/.config/ecs-monitor/config.toml, or give profile ops a region in /etc/aws.ini',
    );
  });

  it('refuses a malformed AWS_REGION', () => {
    assert.equal(
      messageOf(() => loadConfig({}, { AWS_REGION: 'Frankfurt' }, machine({}))),
      'the environment variable AWS_REGION must be an AWS region such as us-east-1 or eu-west-2, got "Frankfurt"',
    );
  });

  it('refuses a malformed region passed in as a flag', () => {
    assert.equal(messageOf(() => loadConfig({ region: 'eu' }, {}, machine({}))), '--region must be an AWS region such as us-east-1 or eu-west-2, got "eu"');
  });
});

describe('--demo', () => {
  it('needs no region and never reads the environment or the AWS config', () => {
    const deps = machine({ [`${HOME}/.aws/config`]: '[default]\nregion = eu-west-1\n' });
    const config = loadConfig({ demo: true }, { AWS_REGION: 'ap-east-1', AWS_PROFILE: 'prod' }, deps);
    assert.deepEqual([config.region, config.sources.region, config.profile], ['us-east-1', 'demo', undefined]);
  });

  it('still takes a region from a flag or the config file', () => {
    assert.equal(loadConfig({ demo: true, region: 'eu-west-3' }, {}, machine({})).region, 'eu-west-3');
    assert.equal(loadConfig({ demo: true }, {}, machine({ [`${CWD}/config.toml`]: region('me-south-1') })).region, 'me-south-1');
  });
});
