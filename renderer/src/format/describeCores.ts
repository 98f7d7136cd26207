import type { CpuInfo } from '../../../contract/index.js';

/** "8 cores (4 performance + 4 efficiency), 8 threads" or "12 cores, 24 threads". */
export function describeCores(cpu: CpuInfo): string {
  const cores = `${cpu.physicalCores} ${cpu.physicalCores === 1 ? 'core' : 'cores'}`;
  const hybrid =
    cpu.performanceCores !== null && cpu.efficiencyCores !== null && cpu.efficiencyCores > 0
      ? ` (${cpu.performanceCores} performance + ${cpu.efficiencyCores} efficiency)`
      : '';
  return `${cores}${hybrid}, ${cpu.logicalCores} ${cpu.logicalCores === 1 ? 'thread' : 'threads'}`;
}
