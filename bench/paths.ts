/**
 * `npm run bench:paths`: decode speed of every forged architecture on every compute path this
 * machine has — the CPU with 1 and 2 threads, and Vulkan when a device is visible (here Mesa's
 * lavapipe, a software Vulkan device, made visible with GGML_VK_VISIBLE_DEVICES=0) — next to the
 * planner's memory-roofline estimate and the measured memory bandwidth, in one run.
 * Writes bench/results/paths.json and bench/results/paths.md.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HardwareProfile, ModelFacts } from '../contract/index.js';
import { EngineSupervisor, type LoadParams } from '../main/engine/EngineSupervisor.js';
import { forkLauncher } from '../main/engine/transport/forkTransport.js';
import { planExecution } from '../main/hardware/planner/planExecution.js';
import { ensureForgedModel, FORGED_ARCHS, type ForgedArch, type ForgeSize } from '../test/forge/forgeModels.js';

interface PathSpec {
  name: string;
  gpu: LoadParams['gpu'];
  threads: number;
}

interface Row {
  arch: ForgedArch;
  size: ForgeSize;
  path: string;
  threads: number;
  backend: string;
  gpuLayers: number;
  promptTokensPerSecond: number | null;
  decodeTokensPerSecond: number | null;
  rooflineTokensPerSecond: number | null;
  note: string;
}

const PROMPT = 'The fire in the hearth burns low while the snow keeps falling over the quiet village road. '.repeat(4);

function option(name: string): string[] {
  return process.argv.flatMap((arg, i) => (arg === name ? [process.argv[i + 1] ?? ''] : []));
}

async function measure(engine: EngineSupervisor, params: LoadParams, maxTokens: number) {
  const loaded = await engine.ensureModel(params);
  const runs = [];
  for (let i = 0; i < 2; i++) {
    const result = await engine.generate(
      params,
      async () => ({
        requestId: randomUUID(),
        systemPrompt: '',
        history: [{ role: 'user', text: PROMPT }],
        sampling: { temperature: 0, topP: 1, maxTokens, seed: 1 },
        resume: null,
        savePromptState: null,
        saveTurnState: null,
      }),
      { onText: () => undefined },
    );
    runs.push(result);
  }
  const best = runs.reduce((a, b) => ((a.tokensPerSecond ?? 0) >= (b.tokensPerSecond ?? 0) ? a : b));
  return {
    loaded,
    decode: best.tokensPerSecond,
    prompt: best.context.tokens > 0 && best.context.ms > 0 ? best.context.tokens / (best.context.ms / 1000) : null,
  };
}

async function main(): Promise<void> {
  const only = option('--only');
  const engine = new EngineSupervisor({ launcher: forkLauncher, env: { GGML_VK_VISIBLE_DEVICES: '0' } });
  const rows: Row[] = [];
  let hardware: HardwareProfile;
  try {
    hardware = await engine.probeHardware(500, true);
    const paths: PathSpec[] = [
      { name: 'cpu', gpu: false, threads: 1 },
      { name: 'cpu', gpu: false, threads: 2 },
      ...hardware.gpus.map((gpu) => ({ name: `${gpu.backend} (${gpu.name})`, gpu: gpu.backend, threads: 1 })),
    ];
    const plan: { arch: ForgedArch; size: ForgeSize }[] = [
      ...FORGED_ARCHS.map((arch) => ({ arch, size: 'tiny' as const })),
      { arch: 'rwkv7', size: 'bench' },
      { arch: 'qwen3moe', size: 'bench' },
    ];
    for (const { arch, size } of plan.filter(
      ({ arch, size }) => only.length === 0 || only.includes(`${arch}:${size}`),
    )) {
      const modelPath = await ensureForgedModel(arch, { size });
      const { facts }: { facts: ModelFacts } = await engine.inspectModel(modelPath);
      for (const path of paths) {
        const gpuPath = path.gpu !== false;
        const maxTokens = size === 'tiny' ? (gpuPath ? 16 : 64) : gpuPath ? 8 : 32;
        const params: LoadParams = {
          modelPath,
          contextSize: 1024,
          threads: path.threads,
          gpu: path.gpu,
          gpuLayers: gpuPath ? facts.layers : 0,
          batchSize: 512,
        };
        const roofline = planExecution({
          hardware: { ...hardware, gpus: gpuPath ? hardware.gpus.filter((gpu) => gpu.backend === path.gpu) : [] },
          model: facts,
          contextSize: 1024,
          overrides: {
            backend: gpuPath ? (path.gpu as 'vulkan') : 'cpu',
            gpuLayers: gpuPath ? facts.layers : null,
            threads: path.threads,
          },
        }).expectedTokensPerSecond;
        try {
          const result = await measure(engine, params, maxTokens);
          rows.push({
            arch,
            size,
            path: path.name,
            threads: path.threads,
            backend: result.loaded.gpu,
            gpuLayers: result.loaded.gpuLayers,
            promptTokensPerSecond: result.prompt,
            decodeTokensPerSecond: result.decode,
            rooflineTokensPerSecond: roofline,
            note: '',
          });
        } catch (error) {
          rows.push({
            arch,
            size,
            path: path.name,
            threads: path.threads,
            backend: '—',
            gpuLayers: 0,
            promptTokensPerSecond: null,
            decodeTokensPerSecond: null,
            rooflineTokensPerSecond: roofline,
            note: (error as Error).message.slice(0, 120),
          });
        }
        const row = rows.at(-1);
        console.log(
          `${arch.padEnd(9)} ${size.padEnd(5)} ${path.name.padEnd(34)} ${path.threads}t: ` +
            `decode ${row?.decodeTokensPerSecond?.toFixed(1) ?? '—'} tok/s, prompt ${row?.promptTokensPerSecond?.toFixed(0) ?? '—'} tok/s` +
            `${row?.note ? ` (${row.note})` : ''}`,
        );
      }
    }
  } finally {
    await engine.shutdown();
  }
  write(hardware, rows, only.length > 0);
}

function write(hardware: HardwareProfile, rows: Row[], partial: boolean): void {
  const dir = partial ? join(import.meta.dirname, 'results', 'partial') : join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const meta = {
    benchmark: 'paths',
    date: new Date().toISOString(),
    node: process.version,
    cpu: hardware.cpu.brand,
    cores: `${hardware.cpu.physicalCores} physical / ${hardware.cpu.logicalCores} logical`,
    memoryBandwidthGBps: hardware.memoryBandwidthGBps,
    bandwidthSource: hardware.sources.bandwidth,
    gpus: hardware.gpus.map((gpu) => `${gpu.backend}: ${gpu.name}`),
  };
  writeFileSync(join(dir, 'paths.json'), `${JSON.stringify({ ...meta, rows }, null, 2)}\n`);
  const fmt = (value: number | null, digits = 1) => (value === null ? '—' : value.toFixed(digits));
  const lines = [
    '# Decode speed per compute path',
    '',
    `${meta.date} · Node ${meta.node} · ${meta.cpu} (${meta.cores}) · memory bandwidth ${fmt(meta.memoryBandwidthGBps)} GB/s (${meta.bandwidthSource}) · GPUs: ${meta.gpus.join(', ') || 'none'}`,
    '',
    'Best of two runs of greedy decoding after a ~100-token prompt, context 1024. "Roofline" is the',
    "planner's estimate for the same path: memory bandwidth ÷ bytes read per token. Forged models:",
    'random weights, real llama.cpp compute. lavapipe is a software Vulkan device running on the CPU.',
    '',
    '| model | size | path | threads | ran on | GPU layers | prompt (tok/s) | decode (tok/s) | roofline (tok/s) |',
    '|---|---|---|---:|---|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.arch} | ${row.size} | ${row.path} | ${row.threads} | ${row.backend} | ${row.gpuLayers} | ${fmt(row.promptTokensPerSecond, 0)} | ` +
        `${fmt(row.decodeTokensPerSecond)} | ${fmt(row.rooflineTokensPerSecond, 0)}${row.note ? ` (${row.note})` : ''} |`,
    ),
    '',
  ];
  writeFileSync(join(dir, 'paths.md'), lines.join('\n'));
  console.log(`\nWrote ${join(dir, 'paths.json')} and paths.md`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
