import os from 'node:os';
import type { CpuInfo, Npu, ProbeSource } from '../../contract/index.js';
import { fallbackCpuIdentity, fallbackNpus, fallbackTopology } from './fallback/fallbackProbe.js';
import { measureJsBandwidth } from './fallback/measureJsBandwidth.js';
import { loadNativeAddon, type HearthNative } from './nativeAddon.js';
import type { CpuIdentity, CpuTopology } from './probeParts.js';

/** Everything of a HardwareProfile but the GPUs, which node-llama-cpp reports. */
export interface MachineProbe {
  platform: string;
  cpu: CpuInfo;
  totalMemoryBytes: number;
  freeMemoryBytes: number;
  memoryBandwidthGBps: number | null;
  npus: Npu[];
  sources: { cpu: ProbeSource; topology: ProbeSource; npus: ProbeSource; bandwidth: ProbeSource };
}

export interface ProbeMachineOptions {
  /** How long the bandwidth probe reads memory, at most 10 s; 0 skips it (bandwidth null, source 'none'). */
  bandwidthMs?: number;
  /** false forces the TypeScript fallback even when the addon is built (tests). */
  useAddon?: boolean;
}

/** Long enough to get past the caches' warm-up and to average out a scheduler hiccup. */
export const DEFAULT_BANDWIDTH_MS = 200;
/** The addon's own limit; the JavaScript probe blocks its thread, so a runaway value must not reach it. */
const MAX_BANDWIDTH_MS = 10_000;

/** Whole milliseconds within the probes' range; 0 (skip) for zero, negative or non-finite values. */
function bandwidthMsFrom(value: number | undefined): number {
  if (value === undefined) return DEFAULT_BANDWIDTH_MS;
  if (!Number.isFinite(value) || value <= 0) return 0;
  return Math.min(MAX_BANDWIDTH_MS, Math.max(1, Math.round(value)));
}

interface Answer<T> {
  value: T;
  source: ProbeSource;
}

/** The first source that answers, in order; a source that throws is one that did not answer. */
async function firstAnswer<T>(
  sources: readonly [ProbeSource, () => T | null | Promise<T | null>][],
  nobody: T,
): Promise<Answer<T>> {
  for (const [source, ask] of sources) {
    try {
      const value = await ask();
      if (value !== null) return { value, source };
    } catch {
      // The next source, or the default: a probe never fails the whole profile.
    }
  }
  return { value: nobody, source: 'none' };
}

/**
 * The addon knows the features best but not always the names: on ARM Linux it leaves vendor and
 * brand empty, and /proc/cpuinfo fills them in. Family and model are x86 notions (null on ARM).
 * The two names may also disagree: a virtual machine's CPUID brand is the hypervisor's ("Oxide
 * Virtual Turin-like Processor") while the kernel names the host part ("AMD EPYC …"); both are
 * true, so the OS's name is kept beside the brand rather than chosen over it.
 */
async function completeIdentity(identity: CpuIdentity): Promise<CpuIdentity & { osBrand?: string }> {
  try {
    return mergeCpuIdentity(identity, await fallbackCpuIdentity());
  } catch {
    return identity;
  }
}

/** The addon's identity, gaps filled from the OS's, and the OS's name kept where it differs. */
export function mergeCpuIdentity(identity: CpuIdentity, fromOs: CpuIdentity): CpuIdentity & { osBrand?: string } {
  const brand = identity.brand || fromOs.brand;
  return {
    ...identity,
    vendor: identity.vendor || fromOs.vendor,
    brand,
    family: identity.family ?? fromOs.family,
    model: identity.model ?? fromOs.model,
    ...(fromOs.brand !== '' && fromOs.brand !== brand ? { osBrand: fromOs.brand } : {}),
  };
}

const UNKNOWN_IDENTITY = (): CpuIdentity => ({
  arch: process.arch,
  vendor: '',
  brand: '',
  family: null,
  model: null,
  features: [],
});
const UNKNOWN_TOPOLOGY: CpuTopology = { logical: 1, physical: 1, performance: null, efficiency: null };

/**
 * Probes CPU, topology, NPUs and memory bandwidth: the addon where it is built and answers, the
 * TypeScript fallback for whatever it cannot, and `sources` says which did. Never throws: a part
 * nobody can answer gets a cautious default and source 'none'.
 */
export async function probeMachine(options: ProbeMachineOptions = {}): Promise<MachineProbe> {
  const bandwidthMs = bandwidthMsFrom(options.bandwidthMs);
  const addon: HearthNative | null = options.useAddon === false ? null : loadNativeAddon().addon;

  const [identity, topology, npus] = await Promise.all([
    firstAnswer<CpuIdentity & { osBrand?: string }>(
      [
        [
          'addon',
          async () => {
            const identity = addon?.cpuInfo() ?? null;
            return identity === null ? null : completeIdentity(identity);
          },
        ],
        ['fallback', fallbackCpuIdentity],
      ],
      UNKNOWN_IDENTITY(),
    ),
    firstAnswer<CpuTopology>(
      [
        ['addon', () => addon?.cpuTopology() ?? null],
        ['fallback', fallbackTopology],
      ],
      UNKNOWN_TOPOLOGY,
    ),
    firstAnswer<Npu[]>(
      [
        ['addon', () => addon?.npus() ?? null],
        ['fallback', () => fallbackNpus()],
      ],
      [],
    ),
  ]);

  // Last and alone: it loads every core, and would slow (and be slowed by) the probes above.
  const bandwidth =
    bandwidthMs > 0
      ? await firstAnswer<number>(
          [
            [
              'addon',
              async () => (addon === null ? null : ((await addon.memoryBandwidth(bandwidthMs))?.gbPerSecond ?? null)),
            ],
            ['fallback', () => measureJsBandwidth(bandwidthMs).gbPerSecond],
          ],
          0,
        )
      : { value: 0, source: 'none' as const };

  const logical = topology.value.logical;
  const physical = Math.min(topology.value.physical, logical);
  return {
    platform: process.platform,
    cpu: {
      ...identity.value,
      logicalCores: logical,
      physicalCores: physical,
      performanceCores: topology.value.performance,
      efficiencyCores: topology.value.efficiency,
    },
    totalMemoryBytes: os.totalmem(),
    freeMemoryBytes: os.freemem(),
    memoryBandwidthGBps: bandwidth.source === 'none' ? null : bandwidth.value,
    npus: npus.value,
    sources: { cpu: identity.source, topology: topology.source, npus: npus.source, bandwidth: bandwidth.source },
  };
}
