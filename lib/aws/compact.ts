// Optional fields under exactOptionalPropertyTypes: build the object freely, then drop undefined values.

/** `T` with every property that may be undefined turned into an optional, defined one. */
export type Compact<T> = {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
} & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** A copy of `object` without the properties whose value is undefined. */
export function compact<T extends object>(object: T): Compact<T> {
  const out: Record<string, unknown> = {};
  const source = object as Record<string, unknown>;
  // Keys, not entries: this runs for every task and container of every refresh, and entries() would
  // allocate a pair per property only to drop it.
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value !== undefined) out[key] = value;
  }
  return out as Compact<T>;
}
