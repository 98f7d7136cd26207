import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { NpuSchema, type Npu } from '../../contract/index.js';
import {
  BandwidthMeasurementSchema,
  CpuIdentitySchema,
  CpuTopologySchema,
  type BandwidthMeasurement,
  type CpuIdentity,
  type CpuTopology,
} from './probeParts.js';

/** Hearth's addon (native/), with every answer checked: null means "no usable answer". */
export interface HearthNative {
  cpuInfo(): CpuIdentity | null;
  /** `sysRoot` points the Linux probe at a recorded /sys tree (tests); CPUID is then not asked. */
  cpuTopology(sysRoot?: string): CpuTopology | null;
  npus(sysRoot?: string): Npu[] | null;
  /** Reads memory for about `ms` on every physical core; runs off the JavaScript thread. */
  memoryBandwidth(ms: number, threads?: number): Promise<BandwidthMeasurement | null>;
}

export type NativeAddonStatus = { addon: HearthNative; path: string } | { addon: null; reason: string };

const ADDON_FILE = join('native', 'build', 'Release', 'hearth_native.node');

const isFunction = (value: unknown): value is (...args: unknown[]) => unknown => typeof value === 'function';
const RawAddonSchema = z.object({
  cpuInfo: z.custom<(...args: unknown[]) => unknown>(isFunction),
  cpuTopology: z.custom<(...args: unknown[]) => unknown>(isFunction),
  npus: z.custom<(...args: unknown[]) => unknown>(isFunction),
  memoryBandwidth: z.custom<(...args: unknown[]) => unknown>(isFunction),
});
type RawAddon = z.infer<typeof RawAddonSchema>;

/**
 * Where the built addon would be. This module runs from main/hardware/ (tsx, tests) and from
 * dist/main/hardware/ (built app), so the repository root is two or three levels up.
 */
export function nativeAddonCandidates(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  return [resolve(here, '..', '..', ADDON_FILE), resolve(here, '..', '..', '..', ADDON_FILE)];
}

let loaded: NativeAddonStatus | undefined;

/** Loads the addon once; `{ addon: null, reason }` when it is not built or does not load. */
export function loadNativeAddon(): NativeAddonStatus {
  loaded ??= tryLoad();
  return loaded;
}

function tryLoad(): NativeAddonStatus {
  const path = nativeAddonCandidates().find((candidate) => existsSync(candidate));
  if (path === undefined) {
    return { addon: null, reason: `not built: no ${ADDON_FILE} (run npm run build:native)` };
  }
  let raw: unknown;
  try {
    raw = createRequire(import.meta.url)(path);
  } catch (error) {
    return { addon: null, reason: `${path} did not load: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = RawAddonSchema.safeParse(raw);
  if (!parsed.success) return { addon: null, reason: `${path} does not export the expected functions` };
  return { addon: checkedAddon(parsed.data), path };
}

/**
 * The addon throws only TypeError/RangeError, for bad arguments: a bug in the caller, passed on.
 * Anything else it might throw counts as no answer, like a malformed result.
 */
function rethrowArgumentErrors(error: unknown): null {
  if (error instanceof TypeError || error instanceof RangeError) throw error;
  return null;
}

/** Calls the raw addon and keeps only answers of the right shape. */
function checkedAddon(raw: RawAddon): HearthNative {
  const answer = <T>(schema: z.ZodType<T>, call: () => unknown): T | null => {
    try {
      const result = schema.safeParse(call());
      return result.success ? result.data : null;
    } catch (error) {
      return rethrowArgumentErrors(error);
    }
  };
  return {
    cpuInfo: () => answer(CpuIdentitySchema, () => raw.cpuInfo()),
    cpuTopology: (sysRoot) => answer(CpuTopologySchema, () => raw.cpuTopology(sysRoot)),
    npus: (sysRoot) => answer(z.array(NpuSchema), () => raw.npus(sysRoot)),
    memoryBandwidth: async (ms, threads) => {
      try {
        const result = BandwidthMeasurementSchema.safeParse(await raw.memoryBandwidth(ms, threads));
        return result.success ? result.data : null;
      } catch (error) {
        return rethrowArgumentErrors(error);
      }
    },
  };
}
