import { GgufFileType, GgufInsights, type Llama } from 'node-llama-cpp';
import type { ModelFacts, ModelInspection } from '../../../contract/index.js';
import { checkModelFile } from './checkModelFile.js';
import { modelFingerprint, parameterCounts, recurrentStateBytes, stateBytesPerToken } from './modelIdentity.js';

/**
 * What the planner needs to know about a model file, from its GGUF header alone (nothing is
 * loaded): size, quantization, parameters (total, and active per token for MoE), layers, and what
 * its context costs — KV bytes per token for attention layers, a fixed state for recurrent ones.
 */
export async function inspectModel(modelPath: string, llama: Llama): Promise<ModelInspection> {
  const { fileInfo, fileSize } = await checkModelFile(modelPath);
  const tokenizer = fileInfo.metadata.tokenizer as
    { ggml?: { model?: unknown; tokens?: readonly unknown[] }; chat_template?: unknown } | undefined;
  const template = tokenizer?.chat_template;
  return {
    facts: await modelFacts(fileInfo, fileSize, llama),
    fingerprint: await modelFingerprint(modelPath, fileInfo, fileSize),
    tokenizer: typeof tokenizer?.ggml?.model === 'string' ? tokenizer.ggml.model : null,
    vocabularySize: tokenizer?.ggml?.tokens?.length ?? 0,
    chatTemplate: typeof template === 'string' && template.trim() !== '' ? template.slice(0, 4000) : null,
  };
}

async function modelFacts(
  fileInfo: Awaited<ReturnType<typeof checkModelFile>>['fileInfo'],
  fileSize: number,
  llama: Llama,
): Promise<ModelFacts> {
  const insights = await GgufInsights.from(fileInfo, llama);
  const general = fileInfo.metadata.general;
  const architecture = String(general.architecture);
  const meta = fileInfo.architectureMetadata as {
    block_count?: number;
    expert_count?: number;
    expert_used_count?: number;
  };
  const { total, experts } = parameterCounts(fileInfo);
  const expertCount = meta.expert_count ?? null;
  const expertUsedCount = meta.expert_used_count ?? null;
  const unusedShare = expertCount && expertUsedCount ? 1 - expertUsedCount / expertCount : 0;
  const stateKind = insights.isRecurrent ? 'recurrent' : insights.isHybrid ? 'hybrid' : 'attention';
  const fileType = general.file_type;
  return {
    architecture,
    name: typeof general.name === 'string' ? general.name : null,
    fileBytes: fileSize,
    quantization:
      typeof fileType === 'number' && GgufFileType[fileType]
        ? GgufFileType[fileType].replace(/^(MOSTLY|ALL)_/, '')
        : 'unknown',
    totalParams: total,
    activeParams: Math.round(total - experts * unusedShare),
    layers: insights.totalLayers > 0 ? Math.max(0, insights.totalLayers - 1) : (meta.block_count ?? 0),
    trainedContextLength: insights.trainContextSize ?? 0,
    expertCount,
    expertUsedCount,
    stateKind,
    kvBytesPerToken: stateKind === 'recurrent' ? 0 : stateBytesPerToken(fileInfo),
    recurrentStateBytes: stateKind === 'attention' ? 0 : recurrentStateBytes(architecture, fileInfo),
    ranking: insights.supportsRanking,
  };
}
