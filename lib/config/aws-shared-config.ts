// A small reader for the AWS shared config file (~/.aws/config): INI sections `[default]` and
// `[profile NAME]` holding `key = value` lines. Only the profile's `region` is needed here; the SDK
// reads everything else (credentials, SSO) itself.

/** A setting with its 1-based position, so a bad value can be pointed at. */
export interface IniSetting {
  readonly value: string;
  readonly line: number;
  readonly col: number;
}

export type IniSections = ReadonlyMap<string, ReadonlyMap<string, IniSetting>>;

/**
 * Parses INI text the way the AWS CLI and SDKs read their config file: `#` and `;` start comments,
 * section names are trimmed, indented lines under a key with an empty value are that key's nested
 * settings (e.g. `s3 =`) and are skipped. Lines that are neither are ignored, as the SDK ignores them,
 * so a stray line elsewhere in someone's AWS config never stops the monitor. Never throws.
 */
export function parseIni(text: string): IniSections {
  const sections = new Map<string, Map<string, IniSetting>>();
  let current: Map<string, IniSetting> | undefined;
  let nestedUnder = false;
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    if (nestedUnder && /^\s/.test(raw)) continue;
    nestedUnder = false;
    const header = /^\[([^\]]*)\]/.exec(trimmed);
    if (header) {
      const name = (header[1] ?? '').trim().replace(/\s+/g, ' ');
      current = sections.get(name) ?? new Map<string, IniSetting>();
      sections.set(name, current);
      continue;
    }
    const equals = raw.indexOf('=');
    if (current === undefined || equals < 0) continue;
    const key = raw.slice(0, equals).trim();
    const afterEquals = raw.slice(equals + 1);
    const value = afterEquals.replace(/\s[#;].*$/, '').trim();
    if (value === '') {
      nestedUnder = true;
      continue;
    }
    const col = equals + 1 + (afterEquals.length - afterEquals.trimStart().length) + 1;
    current.set(key, { value, line: index + 1, col });
  }
  return sections;
}

/** The section a profile lives in: `[default]` for the default profile, else `[profile NAME]`. */
export function profileSectionNames(profile: string): string[] {
  return profile === 'default' ? ['default', 'profile default'] : [`profile ${profile}`];
}

/** A setting of `profile`, or undefined when the profile or the setting is absent. */
export function profileSetting(sections: IniSections, profile: string, key: string): IniSetting | undefined {
  for (const name of profileSectionNames(profile)) {
    const setting = sections.get(name)?.get(key);
    if (setting !== undefined) return setting;
  }
  return undefined;
}
