import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { containerLimits } from '../../lib/model/task-definition.js';

describe('containerLimits', () => {
  const task = { cpu: 1024, memory: 2048 };

  it('uses the container-level cpu and memory when set', () => {
    assert.deepEqual(containerLimits({ name: 'app', cpu: 256, memory: 512, hasHealthCheck: false }, task), {
      cpuLimit: 256,
      memoryLimit: 512,
    });
  });

  it('uses memoryReservation when no hard memory limit is set', () => {
    assert.deepEqual(
      containerLimits({ name: 'app', cpu: 256, memoryReservation: 300, hasHealthCheck: false }, task),
      { cpuLimit: 256, memoryLimit: 300 },
    );
  });

  it('prefers the hard limit over the reservation', () => {
    const limits = containerLimits({ name: 'app', memory: 512, memoryReservation: 300, hasHealthCheck: false }, task);
    assert.equal(limits.memoryLimit, 512);
  });

  it('falls back to the task size when the container sets nothing', () => {
    assert.deepEqual(containerLimits({ name: 'app', hasHealthCheck: false }, task), { cpuLimit: 1024, memoryLimit: 2048 });
  });

  it('treats container cpu 0 (no reservation) as unset', () => {
    assert.equal(containerLimits({ name: 'app', cpu: 0, hasHealthCheck: false }, task).cpuLimit, 1024);
  });

  it('is undefined when neither the container nor the task defines a size', () => {
    assert.deepEqual(containerLimits(undefined, {}), { cpuLimit: undefined, memoryLimit: undefined });
  });
});
