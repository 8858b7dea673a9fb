import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isAwsRegion } from '../../lib/config/region.js';

describe('isAwsRegion', () => {
  it('accepts regions of every partition', () => {
    for (const region of ['us-east-1', 'eu-west-2', 'us-gov-west-1', 'cn-north-1', 'ap-southeast-3', 'il-central-1', 'us-isob-east-1', 'eusc-de-east-1']) {
      assert.ok(isAwsRegion(region), region);
    }
  });

  it('refuses zones, display names, upper case and partial names', () => {
    for (const region of ['us-east-1a', 'US-EAST-1', 'Frankfurt', 'eu-west', 'useast1', '', ' us-east-1', 'us-east-1 ']) {
      assert.ok(!isAwsRegion(region), region);
    }
  });
});
