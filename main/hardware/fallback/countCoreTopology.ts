import type { CpuTopology } from '../probeParts.js';

/** One online CPU as /sys/devices/system/cpu/cpuN/topology describes it. */
export interface SysCpu {
  cpu: number;
  packageId: number;
  /** 0 where the kernel has no die_id. */
  dieId: number;
  coreId: number;
}

/** Intel hybrid parts: /sys/devices/cpu_core/cpus and /sys/devices/cpu_atom/cpus, as read. */
export interface HybridCpuLists {
  performance: string;
  efficiency: string;
}

/** The kernel's CPU list format, "0-3,8,10-11", as ids; malformed parts are skipped. */
export function parseCpuList(text: string): number[] {
  const ids: number[] = [];
  for (const part of text.trim().split(',')) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (match === null) continue;
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    // A real list names at most a few thousand CPUs; the cap keeps a corrupt file harmless.
    if (last < first || last - first > 65536) continue;
    for (let id = first; id <= last; id++) ids.push(id);
  }
  return ids;
}

/**
 * Logical CPUs, physical cores (distinct package/die/core ids) and, on hybrid parts, how many
 * cores are of each kind. Pure, the same rules as the addon's Linux probe. Null when there is
 * no topology to count.
 */
export function countCoreTopology(cpus: readonly SysCpu[], hybrid: HybridCpuLists | null): CpuTopology | null {
  if (cpus.length === 0) return null;
  const coreOf = new Map<number, string>(cpus.map((cpu) => [cpu.cpu, `${cpu.packageId}:${cpu.dieId}:${cpu.coreId}`]));
  const cores = new Set(coreOf.values());
  const topology: CpuTopology = { logical: coreOf.size, physical: cores.size, performance: null, efficiency: null };
  if (hybrid === null) return topology;

  const coresOf = (list: string) =>
    new Set(parseCpuList(list).flatMap((cpu) => (coreOf.has(cpu) ? [coreOf.get(cpu) ?? ''] : [])));
  const performance = coresOf(hybrid.performance);
  const efficiency = coresOf(hybrid.efficiency);
  // Only a full split counts: a core of no kind would make the split look smaller than it is.
  if (performance.size > 0 && efficiency.size > 0 && performance.size + efficiency.size === cores.size) {
    topology.performance = performance.size;
    topology.efficiency = efficiency.size;
  }
  return topology;
}
