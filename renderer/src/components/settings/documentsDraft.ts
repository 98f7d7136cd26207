import type { Settings } from '../../../../contract/index.js';
import { toNumber } from './samplingDraft.js';

/** The document settings as typed into the form. */
export interface DocumentsDraft {
  chunkChars: string;
  chunkOverlap: string;
  embeddingModelId: string | null;
  rerankerModelId: string | null;
  strictMinRelevance: string;
}

type DocumentsSettings = Pick<
  Settings,
  'documentChunkChars' | 'documentChunkOverlap' | 'embeddingModelId' | 'rerankerModelId' | 'strictMinRelevance'
>;

export function toDocumentsDraft(settings: DocumentsSettings): DocumentsDraft {
  return {
    chunkChars: String(settings.documentChunkChars),
    chunkOverlap: String(settings.documentChunkOverlap),
    embeddingModelId: settings.embeddingModelId,
    rerankerModelId: settings.rerankerModelId,
    strictMinRelevance: String(settings.strictMinRelevance),
  };
}

/** The draft as settings, unchecked: the caller validates them with the contract's schema. */
export function documentsInput(draft: DocumentsDraft): Record<keyof DocumentsSettings, unknown> {
  return {
    documentChunkChars: toNumber(draft.chunkChars),
    documentChunkOverlap: toNumber(draft.chunkOverlap),
    embeddingModelId: draft.embeddingModelId,
    rerankerModelId: draft.rerankerModelId,
    strictMinRelevance: toNumber(draft.strictMinRelevance),
  };
}

/** The overlap the importer will really use (at most half a chunk), when that is less than the one typed. */
export function overlapUsed(draft: DocumentsDraft): number | null {
  const chars = toNumber(draft.chunkChars);
  const overlap = toNumber(draft.chunkOverlap);
  if (!Number.isInteger(chars) || !Number.isInteger(overlap)) return null;
  const half = Math.floor(chars / 2);
  return overlap > half ? half : null;
}
