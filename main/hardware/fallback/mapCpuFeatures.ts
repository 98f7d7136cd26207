import { CpuFeatureSchema, type CpuFeature } from '../../../contract/index.js';

/**
 * Linux's names for the features Hearth reports. On x86 the kernel's `flags` already use
 * Hearth's names; on ARM `Features` uses the hwcap names. The kernel lists a flag only when the
 * OS supports its register state too, the same rule the addon applies through XCR0.
 */
const LINUX_NAMES: ReadonlyMap<string, CpuFeature> = new Map<string, CpuFeature>([
  ...CpuFeatureSchema.options
    .filter((feature) => feature !== 'neon' && feature !== 'dotprod' && feature !== 'sve')
    .map((feature): [string, CpuFeature] => [feature, feature]),
  ['asimd', 'neon'], // AArch64
  ['neon', 'neon'], // 32-bit ARM
  ['asimddp', 'dotprod'],
  ['sve', 'sve'],
]);

/** macOS on Intel: machdep.cpu.features and machdep.cpu.leaf7_features words. */
const MAC_X86_NAMES: ReadonlyMap<string, CpuFeature> = new Map<string, CpuFeature>([
  ['SSE4.2', 'sse4_2'],
  ['AVX1.0', 'avx'],
  ['AVX2', 'avx2'],
  ['FMA', 'fma'],
  ['F16C', 'f16c'],
  ['AVX512F', 'avx512f'],
  ['AVX512BW', 'avx512bw'],
  ['AVX512VL', 'avx512vl'],
  ['AVX512VNNI', 'avx512_vnni'],
]);

/** The contract's order, so answers from different sources compare equal. */
export function inCanonicalOrder(features: Iterable<CpuFeature>): CpuFeature[] {
  const present = new Set(features);
  return CpuFeatureSchema.options.filter((feature) => present.has(feature));
}

function mapWords(words: string, names: ReadonlyMap<string, CpuFeature>): CpuFeature[] {
  const features: CpuFeature[] = [];
  for (const word of words.split(/\s+/)) {
    const feature = names.get(word);
    if (feature !== undefined) features.push(feature);
  }
  return inCanonicalOrder(features);
}

/** /proc/cpuinfo `flags` (x86) or `Features` (ARM) to Hearth's names. */
export function featuresFromLinuxFlags(words: string): CpuFeature[] {
  return mapWords(words, LINUX_NAMES);
}

/** macOS sysctl feature words (Intel Macs) to Hearth's names. */
export function featuresFromMacSysctl(words: string): CpuFeature[] {
  return mapWords(words, MAC_X86_NAMES);
}
