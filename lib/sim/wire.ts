// Reading request fields and writing response values of the AWS JSON protocols, where timestamps travel as
// epoch seconds and pagination tokens are opaque strings.

import { AwsApiError } from './api-error.js';

/** A JSON object as parsed from a request body. */
export type JsonObject = Record<string, unknown>;

/** The request body as an object. */
export function asObject(value: unknown): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

/** Epoch milliseconds as the epoch seconds the JSON protocols carry. */
export function seconds(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : ms / 1000;
}

/**
 * An optional string field.
 * @throws AwsApiError (SerializationException) when present but not a string.
 */
export function optString(input: JsonObject, key: string): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new AwsApiError('SerializationException', `${key} must be a string.`);
  return value;
}

/**
 * An optional list of strings.
 * @throws AwsApiError (SerializationException) when present but not a list of strings.
 */
export function optStringList(input: JsonObject, key: string): string[] | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new AwsApiError('SerializationException', `${key} must be a list of strings.`);
  }
  return value as string[];
}

/**
 * An optional number field.
 * @throws AwsApiError (SerializationException) when present but not a number.
 */
export function optNumber(input: JsonObject, key: string): number | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new AwsApiError('SerializationException', `${key} must be a number.`);
  return value;
}

/** An opaque pagination token for a position in a listing. */
export function encodeToken(state: object): string {
  return Buffer.from(JSON.stringify(state), 'utf8').toString('base64');
}

/**
 * Reads a token made by `encodeToken`; `undefined` for no token.
 * @throws the error `invalid()` makes when the token was not made here.
 */
export function decodeToken(token: string | undefined, invalid: () => AwsApiError): JsonObject | undefined {
  if (token === undefined) return undefined;
  try {
    return asObject(JSON.parse(Buffer.from(token, 'base64').toString('utf8')));
  } catch (error) {
    throw Object.assign(invalid(), { cause: error });
  }
}

/** One page of a listing: ECS's `nextToken`/`maxResults` contract. */
export function paginate<T>(items: readonly T[], input: JsonObject, defaultSize: number, maxSize: number): { page: T[]; nextToken?: string } {
  const maxResults = optNumber(input, 'maxResults') ?? defaultSize;
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > maxSize) {
    throw new AwsApiError('InvalidParameterException', `maxResults must be between 1 and ${maxSize}.`);
  }
  const state = decodeToken(optString(input, 'nextToken'), () => new AwsApiError('InvalidParameterException', 'Invalid nextToken.'));
  const offset = typeof state?.['offset'] === 'number' ? state['offset'] : 0;
  const page = items.slice(offset, offset + maxResults);
  const next = offset + maxResults;
  return next < items.length ? { page, nextToken: encodeToken({ offset: next }) } : { page };
}
