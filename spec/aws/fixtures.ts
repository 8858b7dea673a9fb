// Reads AWS wire-format JSON fixtures and turns timestamps into Dates, as the SDK's deserializer does.
import { readFileSync } from 'node:fs';
import { fixturePath } from '../support/paths.js';

const TIMESTAMP_KEYS = new Set([
  'createdAt', 'updatedAt', 'startedAt', 'stoppedAt', 'stoppingAt', 'registeredAt', 'pullStartedAt', 'pullStoppedAt',
  'executionStoppedAt', 'connectivityAt', 'deregisteredAt',
]);

/** An SDK-shaped response read from spec/fixtures/aws/<name>.json. */
export function readAwsFixture<T>(name: string): T {
  const text = readFileSync(fixturePath('aws', `${name}.json`), 'utf8');
  return JSON.parse(text, (key, value: unknown) =>
    TIMESTAMP_KEYS.has(key) && typeof value === 'number' ? new Date(value * 1000) : value,
  ) as T;
}
