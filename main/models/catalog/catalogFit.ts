import type {
  CatalogEntry,
  CatalogFile,
  CatalogFit,
  HardwareProfile,
  ModelFacts,
  PlanOverrides,
  Recommendation,
} from '../../../contract/index.js';
import { localized } from '../../../contract/i18n/index.js';
import { planExecution } from '../../hardware/planner/planExecution.js';

/**
 * Before a download there is no file to read, so the planner gets facts estimated from the
 * catalog: the file size as the weights, the parameters, and a typical context cost for the
 * family (about 96 KB of KV cache per token for a GQA transformer in f16; a quarter of that for
 * hybrids, whose few attention layers hold the KV cache; nothing that grows for RWKV and Mamba).
 * After the download the model card plans from the file itself.
 */
const TYPICAL_LAYERS = 32;
const TYPICAL_KV_BYTES_PER_TOKEN = 96 * 1024;
const TYPICAL_RECURRENT_STATE_BYTES = 16 * 1024 ** 2;

export function estimatedFacts(entry: CatalogEntry, file: CatalogFile): ModelFacts {
  const stateKind =
    entry.family === 'rwkv6' || entry.family === 'rwkv7' || entry.family === 'mamba' || entry.family === 'mamba2'
      ? 'recurrent'
      : entry.family === 'hybrid'
        ? 'hybrid'
        : 'attention';
  return {
    architecture: entry.architecture,
    name: entry.name,
    fileBytes: file.sizeBytes ?? Math.round(entry.parameters.total * 0.6),
    quantization: file.quantization,
    totalParams: entry.parameters.total,
    activeParams: entry.parameters.active,
    layers: TYPICAL_LAYERS,
    trainedContextLength: entry.contextLength,
    expertCount: null,
    expertUsedCount: null,
    stateKind,
    kvBytesPerToken:
      stateKind === 'attention'
        ? TYPICAL_KV_BYTES_PER_TOKEN
        : stateKind === 'hybrid'
          ? TYPICAL_KV_BYTES_PER_TOKEN / 4
          : 0,
    recurrentStateBytes: stateKind === 'attention' ? 0 : TYPICAL_RECURRENT_STATE_BYTES,
  };
}

export interface FitRequest {
  hardware: HardwareProfile;
  contextSize: number;
  overrides: PlanOverrides;
  /** File name → model id, for files already in the library. */
  installed: ReadonlyMap<string, string>;
}

/** How each catalog file would run on this machine. */
export function catalogFits(entries: readonly CatalogEntry[], request: FitRequest): CatalogFit[] {
  return entries.flatMap((entry) =>
    entry.files.map((file) => {
      const plan = planExecution({
        hardware: request.hardware,
        model: estimatedFacts(entry, file),
        contextSize: request.contextSize,
        overrides: request.overrides,
      });
      const fileName = file.uri.split('/').pop() ?? '';
      return {
        entryId: entry.id,
        quantization: file.quantization,
        fit: plan.fit,
        expectedTokensPerSecond: plan.expectedTokensPerSecond,
        installedModelId: request.installed.get(fileName) ?? null,
      };
    }),
  );
}

/**
 * A speed at which answers come comfortably, well above reading speed: a first model that is
 * slower than this feels broken to a new user, however capable it is.
 */
export const COMFORTABLE_TOKENS_PER_SECOND = 20;

type Where = 'Vram' | 'Partial' | 'Ram';
const WHERE: Record<'vram' | 'partial' | 'ram', Where> = { vram: 'Vram', partial: 'Partial', ram: 'Ram' };

/**
 * The first model to suggest: among confirmed chat models whose file fits (in VRAM, or in RAM
 * using at most half of it), the one with the most active parameters that still answers
 * comfortably here (≥ {@link COMFORTABLE_TOKENS_PER_SECOND}); when none does, the fastest that
 * fits, saying so. The reason travels as a catalog key for the UI and in English.
 */
export function recommend(
  entries: readonly CatalogEntry[],
  fits: readonly CatalogFit[],
  hardware: HardwareProfile,
): Recommendation | null {
  const candidates = entries
    .filter((entry) => entry.confirmed && entry.family !== 'embedding' && entry.family !== 'reranker')
    .flatMap((entry) =>
      entry.files.flatMap((file) => {
        const fit = fits.find((f) => f.entryId === entry.id && f.quantization === file.quantization);
        if (!fit || fit.fit === 'no' || file.sizeBytes === null) return [];
        if (fit.fit === 'ram' && file.sizeBytes > hardware.totalMemoryBytes / 2) return [];
        return [{ entry, file, fit: fit.fit, speed: fit.expectedTokensPerSecond ?? 0 }];
      }),
    );
  if (candidates.length === 0) return null;
  const comfortable = candidates.filter((c) => c.speed >= COMFORTABLE_TOKENS_PER_SECOND);
  const known = candidates.some((c) => c.speed > 0);
  const pick = comfortable.length
    ? comfortable.sort((a, b) => b.entry.parameters.active - a.entry.parameters.active || b.speed - a.speed)[0]!
    : known
      ? candidates.sort((a, b) => b.speed - a.speed)[0]!
      : // No speed is known (bandwidth not measured): the smallest is the safest first model.
        candidates.sort((a, b) => a.file.sizeBytes! - b.file.sizeBytes!)[0]!;
  const where = WHERE[pick.fit];
  const rate = Math.round(pick.speed);
  const { message, text } = comfortable.length
    ? localized('library', `recommendLargest${where}`, { rate })
    : known
      ? localized('library', `recommendFastest${where}`, { rate, comfortable: COMFORTABLE_TOKENS_PER_SECOND })
      : localized('library', `recommendUnknownSpeed${where}`);
  return { entryId: pick.entry.id, quantization: pick.file.quantization, reason: message, text };
}
