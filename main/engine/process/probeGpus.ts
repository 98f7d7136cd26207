import { getLlama, getLlamaGpuTypes, type Llama, LlamaLogLevel } from 'node-llama-cpp';
import type { Gpu, GpuBackend } from '../../../contract/index.js';

/**
 * The GPUs llama.cpp can use here, per backend, as node-llama-cpp sees them: each backend whose
 * prebuilt binary loads on this machine is started once, asked for its devices and free memory,
 * and disposed (unless it is the one already in use).
 */
export async function probeGpus(current: Llama | null): Promise<Gpu[]> {
  const types = (await getLlamaGpuTypes('supported')).filter((type): type is GpuBackend => type !== false);
  const gpus: Gpu[] = [];
  for (const backend of types) {
    let llama: Llama | null = current?.gpu === backend ? current : null;
    const owned = llama === null;
    try {
      llama ??= await getLlama({
        gpu: backend,
        build: 'never',
        usePrebuiltBinaries: true,
        skipDownload: true,
        progressLogs: false,
        logLevel: LlamaLogLevel.error,
        logger: () => undefined,
      });
      if (llama.gpu !== backend) continue;
      const names = await llama.getGpuDeviceNames();
      if (names.length === 0) continue;
      const vram = await llama.getVramState();
      gpus.push({
        backend,
        name: names.join(', '),
        vramBytes: Math.round(vram.total),
        freeVramBytes: Math.round(vram.free),
        unifiedMemory: backend === 'metal' || vram.unifiedSize > 0,
      });
    } catch {
      // The backend's binary or driver is missing here (no CUDA driver, no Vulkan loader): not a GPU path.
    } finally {
      if (owned && llama) await llama.dispose().catch(() => undefined);
    }
  }
  return gpus;
}
