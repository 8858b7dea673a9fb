import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseIni, profileSetting } from '../../lib/config/aws-shared-config.js';

describe('parseIni', () => {
  it('reads sections and settings with their positions', () => {
    const ini = parseIni('[default]\nregion=us-east-1\n[profile  dev ]\n  region =  eu-west-1\n');
    assert.deepEqual(ini.get('default')?.get('region'), { value: 'us-east-1', line: 2, col: 8 });
    assert.deepEqual(ini.get('profile dev')?.get('region'), { value: 'eu-west-1', line: 4, col: 13 });
  });

  it('skips comments, nested settings and lines it does not understand', () => {
    const ini = parseIni('# c\n; c\n[default]\nnonsense line\ns3 =\n  region = nested\nregion = us-east-2 # note\n');
    assert.equal(ini.get('default')?.get('region')?.value, 'us-east-2');
    assert.equal(ini.get('default')?.size, 1);
  });

  it('accepts Windows line endings', () => {
    assert.equal(parseIni('[default]\r\nregion = us-east-1\r\n').get('default')?.get('region')?.value, 'us-east-1');
  });
});

describe('profileSetting', () => {
  const ini = parseIni('[default]\nregion = us-east-1\n[profile ops]\nregion = eu-west-1\n[plain]\nregion = ap-east-1\n');

  it('finds the default profile under [default]', () => {
    assert.equal(profileSetting(ini, 'default', 'region')?.value, 'us-east-1');
  });

  it('finds a named profile under [profile NAME] only, as the config file names them', () => {
    assert.equal(profileSetting(ini, 'ops', 'region')?.value, 'eu-west-1');
    assert.equal(profileSetting(ini, 'plain', 'region'), undefined);
  });

  it('returns undefined for a profile that is not there', () => {
    assert.equal(profileSetting(ini, 'missing', 'region'), undefined);
  });
});
