/**
 * Memory bandwidth of common GPUs, GB/s, from their published specifications. node-llama-cpp
 * reports a GPU's name and memory, not its bandwidth, and the decode-speed estimate needs it.
 * Integrated GPUs share system memory: their figure is the machine's measured bandwidth instead.
 */
const KNOWN: [RegExp, number][] = [
  [/RTX 5090/i, 1792],
  [/RTX 5080/i, 960],
  [/RTX 5070 Ti/i, 896],
  [/RTX 5070/i, 672],
  [/RTX 4090/i, 1008],
  [/RTX 4080/i, 717],
  [/RTX 4070 Ti/i, 504],
  [/RTX 4070/i, 504],
  [/RTX 4060 Ti/i, 288],
  [/RTX 4060/i, 272],
  [/RTX 3090/i, 936],
  [/RTX 3080/i, 760],
  [/RTX 3070/i, 448],
  [/RTX 3060/i, 360],
  [/RX 7900 XTX/i, 960],
  [/RX 7900 XT/i, 800],
  [/RX 7800 XT/i, 624],
  [/RX 7600/i, 288],
  [/Arc.*A770/i, 560],
  [/Arc.*B580/i, 456],
  [/Apple M1 Max|M1 Max/i, 400],
  [/Apple M1 Pro|M1 Pro/i, 200],
  [/Apple M1|^M1$/i, 68],
  [/M2 Max/i, 400],
  [/M2 Pro/i, 200],
  [/Apple M2|^M2$/i, 100],
  [/M3 Max/i, 400],
  [/M3 Pro/i, 150],
  [/Apple M3|^M3$/i, 100],
  [/M4 Max/i, 546],
  [/M4 Pro/i, 273],
  [/Apple M4|^M4$/i, 120],
];

export function knownGpuBandwidthGBps(name: string): number | null {
  return KNOWN.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}

/** Software rasterisers expose a Vulkan device but compute on the CPU, slower than llama.cpp's own CPU code. */
export function isSoftwareRenderer(name: string): boolean {
  return /llvmpipe|lavapipe|swiftshader|microsoft basic render/i.test(name);
}
