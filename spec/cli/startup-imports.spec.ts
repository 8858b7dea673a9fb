import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { repoRoot } from '../support/paths.js';

const DIST_LIB = join(repoRoot, 'dist', 'lib');

/**
 * Every module `entry` loads before any of its code runs: static `import … from` and `export … from`
 * of the compiled JavaScript, followed transitively (bare package names are listed, not followed).
 * Dynamic `import()` is not followed: that is how the heavy half is deferred.
 */
function staticImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gms)) {
      const spec = m[1] ?? '';
      if (/^import\s+type\s/.test(m[0])) continue;
      pending.push(spec.startsWith('.') ? join(dirname(file), spec) : spec);
    }
  }
  return seen;
}

describe('start-up imports', () => {
  it('the command loads neither the AWS SDK nor the simulator before the first frame', () => {
    const loaded = [...staticImports(join(DIST_LIB, 'cli', 'main.js'))].map((f) => (f.startsWith('/') ? relative(DIST_LIB, f) : f));
    assert.ok(loaded.includes('ui/dashboard.js'), 'the walk follows the dashboard');
    assert.ok(loaded.includes('sim/faults.js'), 'flag checks use the fault grammar');
    assert.deepEqual(
      loaded.filter((f) => f.startsWith('@aws-sdk/') || f.startsWith('aws/') || f === 'cli/backend.js' || f === 'sim/simulator.js'),
      [],
    );
  });
});
