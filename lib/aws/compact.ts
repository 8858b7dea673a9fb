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
  for (const [key, value] of Object.entries(object)) {
    if (value !== undefined) out[key] = value;
  }
  return out as Compact<T>;
}
