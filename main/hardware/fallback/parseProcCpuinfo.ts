import type { CpuFeature } from '../../../contract/index.js';
import { armImplementerName, armPartName } from './armCpuNames.js';
import { featuresFromLinuxFlags } from './mapCpuFeatures.js';

/** What /proc/cpuinfo says about the CPU; null where this kind of CPU does not say. */
export interface ProcCpuinfo {
  vendor: string | null;
  brand: string | null;
  family: number | null;
  model: number | null;
  features: CpuFeature[];
  /** Number of `processor` entries: the online logical CPUs. */
  logical: number;
  /** Distinct (physical id, core id) pairs; null when the file has no such fields (ARM). */
  physical: number | null;
}

type Fields = ReadonlyMap<string, string>;

/** One map per `processor` entry; other blocks (a Raspberry Pi's board block) are left out. */
function processorEntries(text: string): Fields[] {
  const entries: Fields[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      fields.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    }
    if (fields.has('processor')) entries.push(fields);
  }
  return entries;
}

function integer(value: string | undefined): number | null {
  if (value === undefined || !/^(0x[0-9a-f]+|\d+)$/i.test(value)) return null;
  return Number(value);
}

/** "ARM Cortex-A76 + Cortex-A55" for a big.LITTLE part, from the entries' implementer and parts. */
function armBrand(entries: readonly Fields[], implementer: number): string | null {
  const names: string[] = [];
  for (const entry of entries) {
    const part = integer(entry.get('CPU part'));
    const name = part === null ? null : armPartName(implementer, part);
    if (name !== null && !names.includes(name)) names.push(name);
  }
  return names.length === 0 ? null : `${armImplementerName(implementer)} ${names.join(' + ')}`;
}

/** Parses /proc/cpuinfo (x86 or ARM). Pure, so tests feed it recordings from other machines. */
export function parseProcCpuinfo(text: string): ProcCpuinfo {
  const entries = processorEntries(text);
  const first: Fields = entries[0] ?? new Map<string, string>();
  const implementer = integer(first.get('CPU implementer'));

  const cores = new Set<string>();
  for (const entry of entries) {
    const physicalId = entry.get('physical id');
    const coreId = entry.get('core id');
    if (physicalId !== undefined && coreId !== undefined) cores.add(`${physicalId}:${coreId}`);
  }

  const modelName = first.get('model name') ?? null;
  return {
    vendor: first.get('vendor_id') ?? (implementer === null ? null : armImplementerName(implementer)),
    // On ARM the part table names the core better than the generic "ARMv7 Processor rev 3 (v7l)".
    brand: (implementer === null ? null : armBrand(entries, implementer)) ?? modelName,
    family: integer(first.get('cpu family')),
    model: integer(first.get('model')),
    features: featuresFromLinuxFlags(first.get('flags') ?? first.get('Features') ?? ''),
    logical: entries.length,
    physical: cores.size > 0 ? cores.size : null,
  };
}
