/** A uniform source in [0, 1). */
export type UniformSource = () => number;

/**
 * mulberry32: 32-bit state, integer-only arithmetic, so every engine and platform gives the same stream.
 */
export function mulberry32(seed: number): UniformSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Derives an independent seed for one named stream (one tensor), so a tensor's values do not depend on
 * which tensors come before it: a malformed variant that drops or reshapes one tensor leaves the rest alone.
 */
export function deriveSeed(seed: number, label: string): number {
  // FNV-1a over the UTF-16 code units, started from the seed.
  let hash = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let index = 0; index < label.length; index += 1) {
    hash ^= label.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // One avalanche round so seeds that differ in one bit give unrelated streams.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return hash >>> 0;
}

const IRWIN_HALL_TERMS = 4;
// The sum of four U(0,1) has mean 2 and variance 4/12.
const IRWIN_HALL_SCALE = Math.sqrt(12 / IRWIN_HALL_TERMS);

/**
 * A bell-shaped draw with mean 0 and variance 1. Irwin–Hall rather than Box–Muller: it needs only
 * additions and a correctly rounded sqrt, where Math.log/Math.cos may differ between engines and
 * would break byte-identical files. Tails are bounded at ±3.46, which also keeps weights tame.
 */
export function nextNormalish(random: UniformSource): number {
  let sum = 0;
  for (let term = 0; term < IRWIN_HALL_TERMS; term += 1) sum += random();
  return (sum - IRWIN_HALL_TERMS / 2) * IRWIN_HALL_SCALE;
}

export function fillNormalish(target: Float32Array, random: UniformSource, std: number, mean = 0): void {
  for (let index = 0; index < target.length; index += 1) {
    target[index] = mean + std * nextNormalish(random);
  }
}

export function fillUniform(target: Float32Array, random: UniformSource, min: number, max: number): void {
  const span = max - min;
  for (let index = 0; index < target.length; index += 1) {
    target[index] = min + span * random();
  }
}

/**
 * Weights for a matrix whose input (ne0) has `fanIn` elements: std gain/sqrt(fanIn) keeps a unit-variance
 * input at roughly unit variance on the way out, so activations neither explode nor vanish over the blocks.
 */
export function fillFanIn(target: Float32Array, random: UniformSource, fanIn: number, gain = 1): void {
  fillNormalish(target, random, gain / Math.sqrt(fanIn));
}
