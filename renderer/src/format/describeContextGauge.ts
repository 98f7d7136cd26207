import type { LoadedModel, Message } from '../../../contract/index.js';
import { formatNumber } from '../i18n/formatters.js';
import { t } from '../i18n/i18n.js';
import { formatBytes } from './formatBytes.js';

/** How full the conversation's context is, for the chat header. */
export type ContextGauge =
  /** An attention (or hybrid) model: tokens held against the context window. */
  | { kind: 'tokens'; used: number; size: number; text: string }
  /** A recurrent model (RWKV, Mamba): a fixed-size state, whatever the length. */
  | { kind: 'state'; bytes: number; text: string };

export interface ContextGaugeInput {
  /** The model in the engine now; the gauge speaks of it only when it is the conversation's. */
  loaded: Pick<LoadedModel, 'modelId' | 'stateKind' | 'contextSize'> | null;
  conversationModelId: string | null;
  /** The newest finished answer of the active branch, if any. */
  lastAnswer: Pick<Message, 'modelId' | 'context' | 'stats'> | null;
  /** The recurrent state's size from the model's facts, when they are known. */
  recurrentStateBytes: number | null;
}

/**
 * "3,120 of 4,096 tokens" (what the last answer held in context, plus the answer itself, against
 * the loaded model's context size) or "state: 13 MB, no context limit". Null when it is not
 * known: another model is loaded, the last answer came from another model or did not record how
 * much it held (older answers, remote engines), the state's size is not known. No guesses.
 */
export function describeContextGauge({
  loaded,
  conversationModelId,
  lastAnswer,
  recurrentStateBytes,
}: ContextGaugeInput): ContextGauge | null {
  if (!loaded || loaded.modelId !== conversationModelId) return null;
  if (loaded.stateKind === 'recurrent') {
    if (recurrentStateBytes === null || recurrentStateBytes <= 0) return null;
    return {
      kind: 'state',
      bytes: recurrentStateBytes,
      text: t('gaugeState', { ns: 'header', size: formatBytes(recurrentStateBytes) }),
    };
  }
  const held = lastAnswer?.context?.held;
  if (!lastAnswer || lastAnswer.modelId !== loaded.modelId || held === undefined || !lastAnswer.stats) return null;
  const used = held + lastAnswer.stats.completionTokens;
  return {
    kind: 'tokens',
    used,
    size: loaded.contextSize,
    text: t('gaugeTokens', { ns: 'header', used: formatNumber(used), size: formatNumber(loaded.contextSize) }),
  };
}
