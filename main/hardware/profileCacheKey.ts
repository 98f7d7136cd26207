import os from 'node:os';
import type { BackendChoice } from '../../contract/index.js';

/**
 * What a stored hardware profile depends on: the build that probed it (a new Hearth or
 * node-llama-cpp may probe differently), the machine as the OS names it (CPU, core count, total
 * memory, platform) and the compute path (GPUs are probed only when one may be used). Anything
 * else the probe sees changes with these or is refreshed by a manual re-probe.
 */
export function profileCacheKey(build: string, backend: BackendChoice): string {
  const cpus = os.cpus();
  return JSON.stringify({
    build,
    platform: process.platform,
    arch: process.arch,
    cpu: cpus[0]?.model.trim() ?? '',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    backend,
  });
}
