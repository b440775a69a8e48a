// The only source of randomness in a simulation: xoshiro128** (Blackman & Vigna), seeded through
// splitmix32 from a hash of the seed and a list of labels. Labels give each call and each concern
// (plan, faults, desk) its own stream, so adding a fault draw never changes which buyer a call gets,
// and the same seed replays the same campaign in every mode.
import { SimulationInputError } from './errors.js';

const TWO_POW_32 = 0x1_0000_0000;

/** A deterministic pseudo-random stream. Never shared between concerns: fork one per use. */
export class Rng {
  private readonly s: Uint32Array;

  private constructor(state: Uint32Array) {
    this.s = state;
  }

  /** The stream for `seed` and `labels`, e.g. `Rng.seeded(42, 'call', 7, 'plan')`. */
  static seeded(seed: number, ...labels: readonly (string | number)[]): Rng {
    if (!Number.isSafeInteger(seed)) {
      throw new SimulationInputError('seed', `seed must be a safe integer, got ${String(seed)}`);
    }
    let h = hashText(`${seed}|${labels.map(String).join('|')}`);
    const state = new Uint32Array(4);
    for (let i = 0; i < 4; i++) {
      h = (h + 0x9e3779b9) >>> 0;
      state[i] = splitmix32(h);
    }
    // xoshiro's one forbidden state; splitmix never yields it in practice, but be certain.
    if (state.every((word) => word === 0)) state[0] = 1;
    return new Rng(state);
  }

  /** A new independent stream derived from this one's current state and `label`. */
  fork(label: string | number): Rng {
    const words = [this.nextUint32(), this.nextUint32()];
    return Rng.seeded(words[0] * 0x10_0000 + (words[1] >>> 12), 'fork', label);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p` (0 never, 1 always). */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One of `items`, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new SimulationInputError('items', 'cannot pick from no items');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A key of `weights` with probability proportional to its weight (weights ≥ 0, some > 0). */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    if (!(total > 0))
      throw new SimulationInputError('weights', 'weights must add up to more than 0');
    let point = this.next() * total;
    for (const [key, weight] of entries) {
      if (point < weight) return key;
      point -= weight;
    }
    // Rounding can leave `point` a hair above the last weight: the last positive key takes it.
    return entries.filter(([, weight]) => weight > 0).at(-1)?.[0] as K;
  }

  /** An exponentially distributed number with `mean` (0 when mean is 0). */
  exponential(mean: number): number {
    if (mean === 0) return 0;
    return -mean * Math.log(1 - this.next());
  }

  private nextUint32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1] as number, 5), 7), 9) >>> 0;
    const t = (s[1] as number) << 9;
    s[2] = (s[2] as number) ^ (s[0] as number);
    s[3] = (s[3] as number) ^ (s[1] as number);
    s[1] = (s[1] as number) ^ (s[2] as number);
    s[0] = (s[0] as number) ^ (s[3] as number);
    s[2] = (s[2] as number) ^ t;
    s[3] = rotl(s[3] as number, 11);
    return result;
  }
}

/** The plan, fault and desk streams of one call: `callRng(seed, 12, 'plan')`. */
export function callRng(seed: number, callIndex: number, stream: string): Rng {
  return Rng.seeded(seed, 'call', callIndex, stream);
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

function splitmix32(x: number): number {
  let z = x >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

// FNV-1a over UTF-16 code units: only needs to spread labels, not resist attack.
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
