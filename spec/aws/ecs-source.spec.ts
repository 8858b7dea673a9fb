// The ECS source with a scripted client: edge cases of AWS paging and races the simulator does not make.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { createEcsSource } from '../../lib/aws/ecs-source.js';
import { AccessDeniedError, ClusterNotFoundError } from '../../lib/model/errors.js';

const ARN = 'arn:aws:ecs:eu-west-1:123456789012';

interface Call {
  readonly operation: string;
  readonly input: Record<string, unknown>;
  readonly signal: unknown;
}

type Handler = (input: Record<string, unknown>) => unknown;

/** A client whose `send` answers from per-operation handlers and records every call. */
function scriptedClient(handlers: Record<string, Handler>): { client: ECSClient; calls: Call[] } {
  const calls: Call[] = [];
  const send = async (command: { constructor: { name: string }; input: Record<string, unknown> }, options?: { abortSignal?: unknown }) => {
    const operation = command.constructor.name.replace(/Command$/, '');
    calls.push({ operation, input: command.input, signal: options?.abortSignal });
    const handler = handlers[operation];
    if (handler === undefined) throw new Error(`unexpected ${operation}`);
    return handler(command.input);
  };
  return { client: { send } as unknown as ECSClient, calls };
}

const cluster = {
  clusters: [{ clusterName: 'prod', clusterArn: `${ARN}:cluster/prod`, status: 'ACTIVE', settings: [] }],
  failures: [],
};

function task(id: string, group: string, extra: Record<string, unknown> = {}) {
  return {
    taskArn: `${ARN}:task/prod/${id}`,
    taskDefinitionArn: `${ARN}:task-definition/web:1`,
    group,
    lastStatus: 'RUNNING',
    containers: [{ name: 'app', healthStatus: 'UNKNOWN' }],
    ...extra,
  };
}

const definition = {
  taskDefinition: {
    taskDefinitionArn: `${ARN}:task-definition/web:1`,
    family: 'web',
    revision: 1,
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'app', healthCheck: { command: ['CMD', 'true'] } }],
  },
};

function baseHandlers(overrides: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    DescribeClusters: () => cluster,
    ListServices: () => ({ serviceArns: [`${ARN}:service/prod/web`] }),
    DescribeServices: () => ({ services: [{ serviceName: 'web', serviceArn: `${ARN}:service/prod/web`, desiredCount: 1, runningCount: 1 }] }),
    ListTasks: (input) => (input['desiredStatus'] === 'STOPPED' ? { taskArns: [] } : { taskArns: [`${ARN}:task/prod/t1`] }),
    DescribeTasks: () => ({ tasks: [task('t1', 'service:web')] }),
    DescribeTaskDefinition: () => definition,
    ...overrides,
  };
}

function source(client: ECSClient) {
  return createEcsSource({ ecs: client }, { cluster: 'prod', region: 'eu-west-1', taskDefinitionTtlMs: 60_000 });
}

describe('ECS source with a scripted client', () => {
  it('follows a nextToken that leads to an empty last page', async () => {
    let page = 0;
    const { client, calls } = scriptedClient(
      baseHandlers({
        ListServices: (input) => {
          page++;
          if (input['nextToken'] === undefined) return { serviceArns: [`${ARN}:service/prod/web`], nextToken: 'more' };
          return { serviceArns: [] };
        },
      }),
    );
    const snapshot = await source(client).fetchSnapshot(new AbortController().signal);
    assert.equal(page, 2);
    assert.deepEqual(calls.filter((c) => c.operation === 'ListServices').map((c) => c.input['maxResults']), [100, 100]);
    assert.equal(snapshot.services.length, 1);
  });

  it('stops a listing whose page token comes back again, with one sentence, instead of paging forever', async () => {
    // The first page leads to a, a leads to b, and b leads back to a.
    const nextOf: Record<string, string> = { '': 'a', a: 'b', b: 'a' };
    const { client, calls } = scriptedClient(
      baseHandlers({
        ListTasks: (input) =>
          input['desiredStatus'] === 'STOPPED'
            ? { taskArns: [] }
            : { taskArns: [`${ARN}:task/prod/t1`], nextToken: nextOf[String(input['nextToken'] ?? '')] },
      }),
    );
    await assert.rejects(source(client).fetchSnapshot(new AbortController().signal), {
      message: 'AWS call failed: ListTasks returned a page token it had already returned, so the listing was stopped.',
    });
    // Pages: no token, a, b; then a again is refused.
    assert.equal(calls.filter((c) => c.operation === 'ListTasks' && c.input['desiredStatus'] === 'RUNNING').length, 3);
  });

  it('describes services in full batches of 10 even when pages are not multiples of 10', async () => {
    const names = Array.from({ length: 21 }, (_, i) => `svc-${String(i).padStart(2, '0')}`);
    const { client, calls } = scriptedClient(
      baseHandlers({
        ListServices: (input) => {
          const offset = Number(input['nextToken'] ?? 0);
          const page = names.slice(offset, offset + 7).map((n) => `${ARN}:service/prod/${n}`);
          return offset + 7 < names.length ? { serviceArns: page, nextToken: String(offset + 7) } : { serviceArns: page };
        },
        DescribeServices: (input) => ({
          services: (input['services'] as string[]).map((arn) => ({ serviceName: arn.split('/').pop(), serviceArn: arn })),
        }),
      }),
    );
    const snapshot = await source(client).fetchSnapshot(new AbortController().signal);
    const batches = calls.filter((c) => c.operation === 'DescribeServices').map((c) => (c.input['services'] as string[]).length);
    assert.deepEqual(batches, [10, 10, 1]);
    assert.deepEqual(snapshot.services.map((s) => s.name), names);
  });

  it('fails the refresh once when a later page fails, without retrying it forever', async () => {
    const { client, calls } = scriptedClient(
      baseHandlers({
        ListServices: (input) => {
          if (input['nextToken'] === undefined) return { serviceArns: [`${ARN}:service/prod/web`], nextToken: 'p2' };
          throw Object.assign(new Error('User is not authorized to perform: ecs:ListServices'), { name: 'AccessDeniedException' });
        },
      }),
    );
    await assert.rejects(source(client).fetchSnapshot(new AbortController().signal), (error: unknown) => {
      assert.ok(error instanceof AccessDeniedError);
      assert.equal(error.action, 'ecs:ListServices');
      return true;
    });
    assert.equal(calls.filter((c) => c.operation === 'ListServices').length, 2);
  });

  it('passes an abort signal with every call', async () => {
    const { client, calls } = scriptedClient(baseHandlers());
    await source(client).fetchSnapshot(new AbortController().signal);
    assert.ok(calls.length >= 6);
    assert.ok(calls.every((c) => c.signal instanceof AbortSignal));
  });

  it('keeps tasks of a service deleted between list and describe as standalone', async () => {
    const { client } = scriptedClient(
      baseHandlers({
        ListTasks: (input) =>
          input['desiredStatus'] === 'STOPPED' ? { taskArns: [] } : { taskArns: [`${ARN}:task/prod/t1`, `${ARN}:task/prod/t2`] },
        DescribeTasks: () => ({ tasks: [task('t1', 'service:web'), task('t2', 'service:gone'), ] }),
      }),
    );
    const snapshot = await source(client).fetchSnapshot(new AbortController().signal);
    assert.deepEqual(snapshot.services[0]?.tasks.map((t) => t.id), ['t1']);
    assert.deepEqual(snapshot.standaloneTasks.map((t) => t.id), ['t2']);
  });

  it('fills limits and health-check presence from the task definition, described once for many tasks', async () => {
    const { client, calls } = scriptedClient(
      baseHandlers({
        ListTasks: (input) =>
          input['desiredStatus'] === 'STOPPED' ? { taskArns: [] } : { taskArns: [`${ARN}:task/prod/t1`, `${ARN}:task/prod/t2`] },
        DescribeTasks: () => ({ tasks: [task('t1', 'service:web'), task('t2', 'service:web')] }),
      }),
    );
    const snapshot = await source(client).fetchSnapshot(new AbortController().signal);
    const containers = snapshot.services[0]?.tasks.flatMap((t) => t.containers) ?? [];
    assert.deepEqual(containers.map((c) => [c.cpuLimit, c.memoryLimit, c.hasHealthCheck]), [
      [256, 512, true],
      [256, 512, true],
    ]);
    assert.equal(calls.filter((c) => c.operation === 'DescribeTaskDefinition').length, 1);
  });

  it('splits stopped tasks between their services and standalone ones, newest first', async () => {
    const { client } = scriptedClient(
      baseHandlers({
        ListTasks: (input) =>
          input['desiredStatus'] === 'STOPPED'
            ? { taskArns: ['s1', 's2', 's3'].map((id) => `${ARN}:task/prod/${id}`) }
            : { taskArns: [`${ARN}:task/prod/t1`] },
        DescribeTasks: (input) =>
          (input['tasks'] as string[]).some((a) => a.endsWith('/s1'))
            ? {
                tasks: [
                  task('s1', 'service:web', { lastStatus: 'STOPPED', stoppedAt: new Date(1_000) }),
                  task('s2', 'service:web', { lastStatus: 'STOPPED', stoppedAt: new Date(3_000) }),
                  task('s3', 'family:batch', { lastStatus: 'STOPPED', stoppedAt: new Date(2_000) }),
                ],
              }
            : { tasks: [task('t1', 'service:web')] },
      }),
    );
    const snapshot = await source(client).fetchSnapshot(new AbortController().signal);
    assert.deepEqual(snapshot.services[0]?.stoppedTasks.map((t) => t.id), ['s2', 's1']);
    assert.deepEqual(snapshot.stoppedTasks.map((t) => t.id), ['s3']);
  });

  it('reports a cluster that DescribeClusters lists as MISSING', async () => {
    const { client } = scriptedClient(
      baseHandlers({
        DescribeClusters: () => ({ clusters: [], failures: [{ arn: `${ARN}:cluster/prod`, reason: 'MISSING' }] }),
      }),
    );
    await assert.rejects(source(client).fetchSnapshot(new AbortController().signal), ClusterNotFoundError);
  });

  it('starts no call when the signal is already aborted', async () => {
    const { client, calls } = scriptedClient(baseHandlers());
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(source(client).fetchSnapshot(controller.signal));
    assert.equal(calls.length, 0);
  });
});
