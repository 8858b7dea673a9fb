// The credential failures as the real provider chain produces them, in a scratch HOME with no AWS
// configuration at all (this file runs in its own process, so changing process.env is contained).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListClustersCommand } from '@aws-sdk/client-ecs';
import { createAwsClients } from '../../lib/aws/clients.js';
import { classifyAwsError } from '../../lib/aws/classify-error.js';
import { CredentialsExpiredError, NoCredentialsError } from '../../lib/model/errors.js';

const START_URL = 'https://example-sso.awsapps.com/start';
let home = '';

before(() => {
  home = mkdtempSync(join(tmpdir(), 'ecs-monitor-creds-'));
  mkdirSync(join(home, '.aws', 'sso', 'cache'), { recursive: true });
  writeFileSync(
    join(home, '.aws', 'config'),
    [
      '[profile dev-sso]',
      `sso_start_url = ${START_URL}`,
      'sso_region = eu-west-1',
      'sso_account_id = 123456789012',
      'sso_role_name = ReadOnly',
      'region = eu-west-1',
      '',
    ].join('\n'),
  );
  // The legacy SSO token cache: sha1 of the start URL, with a token that expired an hour ago.
  const cacheName = createHash('sha1').update(START_URL).digest('hex');
  writeFileSync(
    join(home, '.aws', 'sso', 'cache', `${cacheName}.json`),
    JSON.stringify({
      startUrl: START_URL,
      region: 'eu-west-1',
      accessToken: 'expired-token',
      expiresAt: new Date(Date.now() - 3_600_000).toISOString(),
    }),
  );
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('AWS_')) delete process.env[name];
  }
  process.env.HOME = home;
  process.env.USERPROFILE = home;
  process.env.AWS_CONFIG_FILE = join(home, '.aws', 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(home, '.aws', 'credentials');
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
});

after(() => {
  rmSync(home, { recursive: true, force: true });
});

async function firstCallError(profile: string | undefined): Promise<unknown> {
  // The endpoint is never reached: credentials are resolved before the request is signed.
  const clients = createAwsClients({ region: 'eu-west-1', profile, endpoint: 'http://127.0.0.1:9', maxAttempts: 1 });
  try {
    await clients.ecs.send(new ListClustersCommand({}));
  } catch (error) {
    return error;
  } finally {
    clients.destroy();
  }
  assert.fail('the call should have failed');
}

describe('credential failures from the real provider chain', () => {
  it('asks for aws sso login with the profile when the SSO session has expired', async () => {
    const error = classifyAwsError(await firstCallError('dev-sso'), { operation: 'ListClusters', profile: 'dev-sso' });
    assert.ok(error instanceof CredentialsExpiredError, `${error.name}: ${error.message}`);
    assert.equal(error.message, 'The SSO session has expired; run `aws sso login --profile dev-sso` and the monitor will pick it up.');
  });

  it('tells how to configure credentials when there are none', async () => {
    const error = classifyAwsError(await firstCallError(undefined), { operation: 'ListClusters' });
    assert.ok(error instanceof NoCredentialsError, `${error.name}: ${error.message}`);
    assert.match(error.message, /aws configure/);
  });
});
