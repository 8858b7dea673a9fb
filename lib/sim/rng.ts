// Seeded randomness: one generator for the world and the faults, and stateless hashing for metric values,
// so any datapoint can be recomputed on demand from (seed, series, minute) instead of being stored.

/** A 32-bit hash of a string (FNV-1a followed by a final avalanche so nearby strings spread apart). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return avalanche(h);
}

/** Combines two 32-bit values into a well-mixed 32-bit hash. */
export function mixHash(a: number, b: number): number {
  return avalanche((a ^ Math.imul(b ^ (b >>> 15), 0x2c1b3c6d)) + 0x9e3779b9);
}

/** A hash mapped to [0, 1). */
export function unitFromHash(h: number): number {
  return (h >>> 0) / 4294967296;
}

function avalanche(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const HEX_BUFFER = Buffer.alloc(36);

/** A small deterministic generator (mulberry32); the same seed always yields the same sequence. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = hashString(`seed:${seed}`);
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** `length` (even, at most 64) lowercase hex digits, like an ECS task id. */
  hex(length: number): string {
    // One native conversion instead of string concatenation: startup of 25,000-task scenarios depends on it.
    for (let i = 0; i < length / 2; i += 4) HEX_BUFFER.writeUInt32BE(Math.floor(this.next() * 0x100000000), i);
    return HEX_BUFFER.toString('hex', 0, length / 2);
  }

  /** `length` decimal digits without a leading zero, like the number in a deployment id. */
  digits(length: number): string {
    let out = String(this.int(1, 9));
    while (out.length < length) out += String(Math.floor(this.next() * 1e9)).padStart(9, '0');
    return out.length === length ? out : out.slice(0, length);
  }
}
