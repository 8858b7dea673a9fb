import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Parses N tasks, each from its own JSON text as the SDK hands them over (so every string is a fresh
// copy), keeps them, and prints the heap retained per task after a full collection. With SAME, the
// values tasks of one service share (task definition, group, startedBy, statuses, images, container
// names) are equal in every task; otherwise each task has its own.
const CHILD = `
const { parseTask } = await import(process.env.PARSE_ECS);
const N = 3000;
const same = process.env.SAME === '1';
const json = (i) => {
  const v = same ? 'x' : (i + 1e6).toString(36);
  const id = (i.toString(16) + '0'.repeat(32)).slice(0, 32);
  return JSON.stringify({
    taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/prod/' + id,
    taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web-' + v + ':42',
    group: 'service:web-' + v, startedBy: 'ecs-svc/88320119' + v, lastStatus: 'RUNNING' + v, desiredStatus: 'RUNNING' + v,
    healthStatus: 'HEALTHY', launchType: 'FARGATE' + v, cpu: '1024', memory: '2048',
    containers: [
      { name: 'app-' + v, image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.' + v, runtimeId: id + '-1', lastStatus: 'RUNNING' + v, cpu: '768', memory: '1536' },
      { name: 'log-' + v, image: 'public.ecr.aws/aws-observability/fluent-bit:' + v, runtimeId: id + '-2', lastStatus: 'RUNNING' + v, cpu: '0', memory: '50' },
    ],
  });
};
const texts = Array.from({ length: N }, (_, i) => json(i));
globalThis.gc();
const before = process.memoryUsage().heapUsed;
const kept = texts.map((t) => parseTask(JSON.parse(t), undefined));
globalThis.gc();
process.stdout.write(String((process.memoryUsage().heapUsed - before) / kept.length));
`;

// The same for services with ECS's 100 events each: with SAME, every event of a service carries one
// message (a steady service's "has reached a steady state."), otherwise each its own, as long.
const SERVICES_CHILD = `
const { parseService } = await import(process.env.PARSE_ECS);
const N = 300;
const same = process.env.SAME === '1';
const json = (i) => JSON.stringify({
  serviceName: 'web-' + i, serviceArn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/web-' + i, status: 'ACTIVE', desiredCount: 1, runningCount: 1,
  events: Array.from({ length: 100 }, (_, e) => ({
    id: (i * 1000 + e).toString(16).padStart(36, '0'),
    message: '(service web-' + i + ') has reached a steady state. ' + (same ? 'x' : e.toString(36)).padStart(4, '-'),
  })),
});
const texts = Array.from({ length: N }, (_, i) => json(i));
globalThis.gc();
const before = process.memoryUsage().heapUsed;
const kept = texts.map((t) => parseService(JSON.parse(t), [], []));
globalThis.gc();
process.stdout.write(String((process.memoryUsage().heapUsed - before) / kept.length));
`;

async function bytesPer(child: string, same: boolean): Promise<number> {
  const parseEcs = new URL('../../lib/aws/parse-ecs.js', import.meta.url).href;
  const { stdout } = await run(process.execPath, ['--expose-gc', '--input-type=module', '-e', child], {
    env: { ...process.env, PARSE_ECS: parseEcs, SAME: same ? '1' : '0' },
  });
  return Number(stdout);
}

const bytesPerTask = (same: boolean): Promise<number> => bytesPer(CHILD, same);

test('tasks of one service share one copy of the strings they repeat (a 25,000-task snapshot is ~20 % smaller)', async () => {
  const distinct = await bytesPerTask(false);
  const repeated = await bytesPerTask(true);
  assert.ok(Number.isFinite(distinct) && Number.isFinite(repeated), `${distinct} / ${repeated}`);
  // The repeated values are ~300 characters per task. Kept per task they cost nearly as much as distinct
  // ones (V8 itself saves ~160 B here); shared, ~450 B less.
  assert.ok(distinct - repeated > 320, `distinct values ${Math.round(distinct)} B per task, repeated ${Math.round(repeated)} B`);
});

test('a service whose events repeat one message keeps that message once (100 events per service at 5,000 services)', async () => {
  const distinct = await bytesPer(SERVICES_CHILD, false);
  const repeated = await bytesPer(SERVICES_CHILD, true);
  assert.ok(Number.isFinite(distinct) && Number.isFinite(repeated), `${distinct} / ${repeated}`);
  assert.ok(distinct - repeated > 3000, `distinct messages ${Math.round(distinct)} B per service, repeated ${Math.round(repeated)} B`);
});
