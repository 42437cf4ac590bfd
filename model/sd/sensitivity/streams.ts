/**
 * Random streams keyed by (seed, run index), so run i draws the same numbers whichever worker, shard or order
 * runs it: the stream of a run depends on nothing but the seed and its index (the idea of counter-based
 * generators: Salmon, Moraes, Dror & Shaw 2011, "Parallel random numbers: as easy as 1, 2, 3", SC'11).
 *
 * Each stream is pure-rand's xoroshiro128+ (STYLE.md), started from a 128-bit state made of two outputs of
 * SplitMix64, as its authors recommend for seeding it (Blackman & Vigna, https://prng.di.unimi.it/: "we suggest
 * to use a SplitMix64 to initialize the state"). SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable
 * pseudorandom number generators", OOPSLA) starts from the seed of the domain (parameter draws, Latin
 * hypercube permutations, the model's own random functions); run i takes its outputs 2i+1 and 2i+2, so no two
 * runs share a state word. BigInt keeps the 64-bit arithmetic exact; it is called once per run, not per draw.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

const MASK = (1n << 64n) - 1n;
/** The golden-ratio increment of SplitMix64. */
const GAMMA = 0x9e3779b97f4a7c15n;

/** SplitMix64's output function (Steele et al. 2014, "mix64" variant 13 of Stafford's). */
function mix64(z0: bigint): bigint {
  let z = z0 & MASK;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
  return z ^ (z >> 31n);
}

/** The k-th output (k >= 1) of SplitMix64 started at `state`. */
const splitMixOutput = (state: bigint, k: bigint): bigint => mix64(state + k * GAMMA);

/** What a stream is for; each domain starts SplitMix64 from its own state, so their streams never coincide. */
export const STREAM_DOMAINS = { draws: 1, permutations: 2, modelRandom: 3 } as const;
export type StreamDomain = keyof typeof STREAM_DOMAINS;

const domainState = (seed: number, domain: StreamDomain): bigint =>
  mix64((BigInt(seed) << 8n) | BigInt(STREAM_DOMAINS[domain]));

/** Signed 32-bit halves of a 64-bit word, as pure-rand keeps xoroshiro's state. */
const high = (word: bigint): number => Number(BigInt.asIntN(32, word >> 32n));
const low = (word: bigint): number => Number(BigInt.asIntN(32, word));

/** The generator of stream `index` of a domain. */
export function streamGenerator(seed: number, domain: StreamDomain, index: number): RandomGenerator {
  const state = domainState(seed, domain);
  const k = BigInt(index) * 2n;
  const first = splitMixOutput(state, k + 1n);
  const second = splitMixOutput(state, k + 2n);
  // xoroshiro's state must not be all zero; SplitMix64 is a bijection, so two zero outputs cannot both happen,
  // but a guard costs nothing.
  if ((first | second) === 0n) return xoroshiro128plusFromState([0, 1, 0, 0]);
  return xoroshiro128plusFromState([high(first), low(first), high(second), low(second)]);
}

/** A uniform number strictly inside (0, 1): a quantile function maps 0 to -Infinity for unbounded laws. */
export function openUnit(generator: RandomGenerator): number {
  for (;;) {
    const u = uniformFloat64(generator);
    if (u > 0) return u;
  }
}

/**
 * The seed of the model's own random functions (RANDOM, NORMAL, ...) in run `index`: a non-negative 31-bit
 * integer, so the engine's RandomStream uses it as given.
 */
export function modelSeedOf(seed: number, index: number): number {
  return Number(splitMixOutput(domainState(seed, 'modelRandom'), BigInt(index) + 1n) >> 33n);
}
