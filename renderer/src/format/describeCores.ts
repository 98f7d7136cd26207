import type { CpuInfo } from '../../../contract/index.js';
import { t } from '../i18n/i18n.js';

/** "8 cores (4 performance + 4 efficiency), 8 threads" or "12 cores, 24 threads". */
export function describeCores(cpu: CpuInfo): string {
  const cores = t('coreCount', { ns: 'settings', count: cpu.physicalCores });
  const threads = t('threadCount', { ns: 'settings', count: cpu.logicalCores });
  return cpu.performanceCores !== null && cpu.efficiencyCores !== null && cpu.efficiencyCores > 0
    ? t('coresHybridAndThreads', {
        ns: 'settings',
        cores,
        performance: cpu.performanceCores,
        efficiency: cpu.efficiencyCores,
        threads,
      })
    : t('coresAndThreads', { ns: 'settings', cores, threads });
}
