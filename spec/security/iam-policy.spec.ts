// The documented read-only policy and the code agree exactly: every AWS operation the code can call is in
// docs/iam-policy.json, and the policy asks for nothing the code does not call. Found by reading the sources,
// so a new Command import cannot slip in without the policy (and the docs) following.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../support/paths.js';

const SERVICE_OF_PACKAGE: Readonly<Record<string, string>> = {
  '@aws-sdk/client-ecs': 'ecs',
  '@aws-sdk/client-cloudwatch': 'cloudwatch',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

interface Found {
  /** `service:Operation` → files that can call it. */
  readonly actions: Map<string, Set<string>>;
  /** Problems that make the scan unreliable (a namespace import, a client package of unknown service). */
  readonly problems: string[];
}

/** Every `XCommand` / `paginateX` imported from an AWS SDK client package anywhere under lib/. */
function scanOperations(): Found {
  const actions = new Map<string, Set<string>>();
  const problems: string[] = [];
  for (const file of sourceFiles(join(repoRoot, 'lib'))) {
    const text = readFileSync(file, 'utf8');
    const shown = relative(repoRoot, file);
    for (const match of text.matchAll(/import\s+(type\s+)?([^;]*?)\s+from\s+'(@aws-sdk\/[^']+)'/gs)) {
      const [, typeOnly, clause = '', pkg = ''] = match;
      if (!pkg.startsWith('@aws-sdk/client-')) continue;
      const service = SERVICE_OF_PACKAGE[pkg];
      if (clause.includes('* as')) problems.push(`${shown} imports ${pkg} as a namespace; name the commands`);
      if (typeOnly !== undefined) continue;
      if (service === undefined) {
        problems.push(`${shown} imports ${pkg}, a service the policy does not cover`);
        continue;
      }
      const names = clause.replace(/[{}]/g, '').split(',').map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0] ?? '');
      for (const name of names) {
        const operation = /^(\w+)Command$/.exec(name)?.[1] ?? /^paginate(\w+)$/.exec(name)?.[1];
        if (operation === undefined) continue;
        const action = `${service}:${operation}`;
        const files = actions.get(action) ?? new Set<string>();
        files.add(shown);
        actions.set(action, files);
      }
    }
    // A command constructed without a named import (e.g. through a re-export) would escape the import scan.
    for (const match of text.matchAll(/new\s+(\w+)Command\s*\(/g)) {
      const operation = match[1] ?? '';
      const known = [...actions.keys()].some((a) => a.endsWith(`:${operation}`));
      if (!known) problems.push(`${shown} constructs ${operation}Command without importing it from an SDK client`);
    }
  }
  return { actions, problems };
}

interface PolicyStatement {
  Effect: string;
  Action: string | string[];
  Resource: string | string[];
}

function policy(): { Version: string; Statement: PolicyStatement[] } {
  return JSON.parse(readFileSync(join(repoRoot, 'docs/iam-policy.json'), 'utf8')) as { Version: string; Statement: PolicyStatement[] };
}

describe('read-only IAM policy', () => {
  it('lists exactly the AWS operations the code can call', () => {
    const { actions, problems } = scanOperations();
    assert.deepEqual(problems, []);
    const inCode = [...actions.keys()].sort();
    const statements = policy().Statement;
    const inPolicy = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])).sort();
    assert.deepEqual(inCode, inPolicy, `called by the code: ${inCode.join(', ')}`);
  });

  it('allows only read operations, spelled out (no wildcards, no Deny tricks)', () => {
    const statements = policy().Statement;
    assert.equal(policy().Version, '2012-10-17');
    for (const statement of statements) {
      assert.equal(statement.Effect, 'Allow');
      for (const action of Array.isArray(statement.Action) ? statement.Action : [statement.Action]) {
        assert.match(action, /^(ecs|cloudwatch):(Describe|List|Get)[A-Za-z]+$/, action);
      }
    }
  });

  it('finds the calls it is meant to find (the scan itself works)', () => {
    const { actions } = scanOperations();
    // Each of these is made on every refresh or by the cluster picker; if the scan misses them it is broken.
    for (const action of ['ecs:ListServices', 'ecs:DescribeTasks', 'ecs:ListClusters', 'cloudwatch:GetMetricData']) {
      assert.ok(actions.has(action), action);
    }
  });
});
