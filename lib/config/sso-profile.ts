// Whether a profile signs in through IAM Identity Center (SSO), so an expired session can be met
// with the exact `aws sso login --profile X` command rather than a generic hint.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseIni, profileSetting } from './aws-shared-config.js';
import type { ConfigEnv } from './load-config.js';

/** True when the profile's section has `sso_session` or `sso_start_url`. Never throws: an unreadable file is "no". */
export function profileUsesSso(env: ConfigEnv, profile: string, readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): boolean {
  const configured = env['AWS_CONFIG_FILE']?.trim();
  const path = configured ? resolve(configured.replace(/^~(?=$|\/)/, homedir())) : join(homedir(), '.aws', 'config');
  let text: string;
  try {
    text = readFile(path);
  } catch {
    // No shared config file means no SSO profile; the SDK reports any real credential problem itself.
    return false;
  }
  const sections = parseIni(text);
  return profileSetting(sections, profile, 'sso_session') !== undefined || profileSetting(sections, profile, 'sso_start_url') !== undefined;
}
