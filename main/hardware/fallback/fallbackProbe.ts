import { readFile } from 'node:fs/promises';
import os from 'node:os';
import type { Npu } from '../../../contract/index.js';
import type { CpuIdentity, CpuTopology } from '../probeParts.js';
import { countCoreTopology } from './countCoreTopology.js';
import { describeAccelerator } from './describeAccelerator.js';
import { featuresFromMacSysctl, inCanonicalOrder } from './mapCpuFeatures.js';
import { parseProcCpuinfo, type ProcCpuinfo } from './parseProcCpuinfo.js';
import { parseProcessorIdentifier } from './parseProcessorIdentifier.js';
import { readAccelDevices, readHybridCpuLists, readSysCpus } from './readLinuxSys.js';
import { readSysctl } from './readSysctl.js';

/**
 * The pure-TypeScript probe, answering when the addon is not built: /proc and /sys on Linux,
 * sysctl on macOS, what Node and the environment know on Windows. Each function answers with
 * what it can and never throws for a missing file or tool.
 */

const SYS_ROOT = '/sys';

async function readProcCpuinfo(): Promise<ProcCpuinfo | null> {
  try {
    return parseProcCpuinfo(await readFile('/proc/cpuinfo', 'utf8'));
  } catch {
    return null;
  }
}

const integerOrNull = (value: string | undefined) =>
  value !== undefined && /^\d+$/.test(value) ? Number(value) : null;

/** What every platform has: Node's own view. */
function nodeCpuIdentity(): CpuIdentity {
  return {
    arch: os.arch(),
    vendor: '',
    brand: os.cpus()[0]?.model.trim() ?? '',
    family: null,
    model: null,
    features: [],
  };
}

async function macCpuIdentity(): Promise<CpuIdentity> {
  const identity = nodeCpuIdentity();
  const values = await readSysctl([
    'machdep.cpu.brand_string',
    'machdep.cpu.vendor',
    'machdep.cpu.family',
    'machdep.cpu.model',
    'machdep.cpu.features',
    'machdep.cpu.leaf7_features',
    'hw.optional.AdvSIMD',
    'hw.optional.neon',
    'hw.optional.arm.FEAT_DotProd',
    'hw.optional.arm.FEAT_SVE',
  ]);
  const brand = values.get('machdep.cpu.brand_string') ?? identity.brand;
  if (identity.arch === 'arm64') {
    const enabled = (name: string) => values.get(name) === '1';
    return {
      ...identity,
      vendor: 'Apple',
      brand,
      features: inCanonicalOrder([
        ...(enabled('hw.optional.AdvSIMD') || enabled('hw.optional.neon') ? (['neon'] as const) : []),
        ...(enabled('hw.optional.arm.FEAT_DotProd') ? (['dotprod'] as const) : []),
        ...(enabled('hw.optional.arm.FEAT_SVE') ? (['sve'] as const) : []),
      ]),
    };
  }
  return {
    ...identity,
    vendor: values.get('machdep.cpu.vendor') ?? '',
    brand,
    family: integerOrNull(values.get('machdep.cpu.family')),
    model: integerOrNull(values.get('machdep.cpu.model')),
    features: featuresFromMacSysctl(
      `${values.get('machdep.cpu.features') ?? ''} ${values.get('machdep.cpu.leaf7_features') ?? ''}`,
    ),
  };
}

/** Windows: vendor, family and model from PROCESSOR_IDENTIFIER; instruction-set features are unknown. */
function windowsCpuIdentity(): CpuIdentity {
  const identity = nodeCpuIdentity();
  const parsed = parseProcessorIdentifier(process.env.PROCESSOR_IDENTIFIER ?? '');
  return parsed === null
    ? identity
    : { ...identity, vendor: parsed.vendor ?? '', family: parsed.family, model: parsed.model };
}

export async function fallbackCpuIdentity(): Promise<CpuIdentity> {
  if (process.platform === 'darwin') return macCpuIdentity();
  if (process.platform === 'win32') return windowsCpuIdentity();
  const identity = nodeCpuIdentity();
  const cpuinfo = process.platform === 'linux' ? await readProcCpuinfo() : null;
  if (cpuinfo === null) return identity;
  return {
    arch: identity.arch,
    vendor: cpuinfo.vendor ?? '',
    brand: cpuinfo.brand ?? identity.brand,
    family: cpuinfo.family,
    model: cpuinfo.model,
    features: cpuinfo.features,
  };
}

/**
 * Only a guess, for Windows (where Node cannot see cores): x64 parts of four or more threads
 * usually run two threads per core, ARM ones never do. Erring low suits its one use, a thread
 * count, better than oversubscribing SMT siblings would.
 */
function estimatePhysicalCores(logical: number): number {
  const smtLikely = os.arch() === 'x64' && logical >= 4 && logical % 2 === 0;
  return smtLikely ? logical / 2 : logical;
}

/** Linux topology from a /sys tree alone (the real one, or a recording in tests). */
export async function linuxSysTopology(sysRoot: string): Promise<CpuTopology | null> {
  const [cpus, hybrid] = await Promise.all([readSysCpus(sysRoot), readHybridCpuLists(sysRoot)]);
  return countCoreTopology(cpus, hybrid);
}

export async function fallbackTopology(): Promise<CpuTopology> {
  const logical = Math.max(1, os.cpus().length);
  const guess: CpuTopology = { logical, physical: estimatePhysicalCores(logical), performance: null, efficiency: null };
  if (process.platform === 'linux') {
    const fromSys = await linuxSysTopology(SYS_ROOT);
    if (fromSys !== null) return fromSys;
    // Containers without /sys topology: /proc/cpuinfo's core ids, then the guess.
    const cpuinfo = await readProcCpuinfo();
    if (cpuinfo === null || cpuinfo.logical === 0 || cpuinfo.physical === null) return guess;
    const physical = Math.min(cpuinfo.physical, cpuinfo.logical);
    return { logical: cpuinfo.logical, physical, performance: null, efficiency: null };
  }
  if (process.platform === 'darwin') {
    const values = await readSysctl([
      'hw.logicalcpu',
      'hw.physicalcpu',
      'hw.nperflevels',
      'hw.perflevel0.physicalcpu',
      'hw.perflevel1.physicalcpu',
    ]);
    const read = (name: string) => integerOrNull(values.get(name));
    const hybrid = (read('hw.nperflevels') ?? 1) >= 2;
    const performance = hybrid ? read('hw.perflevel0.physicalcpu') : null;
    const efficiency = hybrid ? read('hw.perflevel1.physicalcpu') : null;
    const both = performance !== null && efficiency !== null;
    return {
      logical: read('hw.logicalcpu') || logical,
      physical: read('hw.physicalcpu') || guess.physical,
      performance: both ? performance : null,
      efficiency: both ? efficiency : null,
    };
  }
  return guess;
}

/** Null where the fallback cannot look (Windows: NPUs are only visible through DXCore/SetupAPI). */
export async function fallbackNpus(sysRoot = SYS_ROOT): Promise<Npu[] | null> {
  if (process.platform === 'linux') return (await readAccelDevices(sysRoot)).map(describeAccelerator);
  if (process.platform === 'darwin') {
    // Every Apple silicon Mac has a Neural Engine, also when Node runs as x64 under Rosetta.
    const translated = async () => (await readSysctl(['sysctl.proc_translated'])).get('sysctl.proc_translated') === '1';
    const appleSilicon = os.arch() === 'arm64' || (await translated());
    return appleSilicon ? [{ name: 'Apple Neural Engine', vendor: 'Apple', driver: null }] : [];
  }
  return null;
}
