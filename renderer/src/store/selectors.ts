import { parseRemoteModelId } from '../../../contract/index.js';
import type { AllSlices } from './AllSlices.js';

/** Selectors shared by several components; each returns a primitive or a stored reference. */

export const selectIsStreaming = (state: AllSlices): boolean =>
  state.messageIds.some((id) => state.messagesById[id]?.status === 'streaming');

/** The answer being written in the held conversation, if any. */
export const selectStreamingId = (state: AllSlices): string | null =>
  state.messageIds.findLast((id) => state.messagesById[id]?.status === 'streaming') ?? null;

export const selectLastAssistantId = (state: AllSlices): string | null => {
  const lastId = state.messageIds.at(-1);
  return lastId !== undefined && state.messagesById[lastId]?.role === 'assistant' ? lastId : null;
};

export const selectOpenModelId = (state: AllSlices): string | null => state.openConversation?.modelId ?? null;

export const selectModelsFolder = (state: AllSlices): string | null =>
  state.modelsDir ?? state.appInfo?.modelsDir ?? null;

/**
 * The model Settings plans for: the open conversation's, else the default one, else the one loaded.
 * A remote model runs on another machine, so there is nothing to plan for it here.
 */
export const selectPlanModelId = (state: AllSlices): string | null => {
  const open = state.openConversation?.modelId ?? null;
  const local = (modelId: string | null | undefined) =>
    modelId != null && parseRemoteModelId(modelId) === null ? modelId : null;
  return local(open) ?? local(state.settings?.defaultModelId) ?? state.engine?.loadedModel?.modelId ?? null;
};
