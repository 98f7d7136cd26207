import type { Citation, SearchHit } from '../../contract/index.js';

export interface Grounding {
  /** What the model is given instead of the bare question: instructions, numbered sources, the question. */
  modelContent: string;
  sources: Citation[];
  /** Strict mode with nothing retrieved: the answer, given without asking the model. */
  refusal: string | null;
}

/** Longest passage text put in a prompt; chunks are ~2,000 characters, so this only trims outliers. */
const PASSAGE_CHARS = 2600;

export const NOT_IN_DOCUMENTS =
  'The attached documents do not contain a passage about this, so I cannot answer it from them.';

/**
 * Turns a question and its retrieved passages into the model's input. Sources are numbered in
 * rank order and labelled with file, section and page, so the model can cite them as [n] and the
 * user can check each citation. Strict mode tells the model to answer only from the sources and
 * to say so when they do not hold the answer; with no passage at all it does not ask the model.
 */
export function groundQuestion(question: string, hits: readonly SearchHit[], strict: boolean): Grounding {
  if (hits.length === 0) {
    return strict
      ? { modelContent: question, sources: [], refusal: NOT_IN_DOCUMENTS }
      : {
          modelContent: `${question}\n\n(No passage of the attached documents matched this question. If you answer, say that it is not from the documents.)`,
          sources: [],
          refusal: null,
        };
  }
  const sources: Citation[] = hits.map((hit, index) => ({
    n: index + 1,
    chunkId: hit.chunkId,
    documentId: hit.documentId,
    fileName: hit.fileName,
    page: hit.page,
    headingPath: hit.headingPath,
    startOffset: hit.startOffset,
    endOffset: hit.endOffset,
  }));
  const blocks = hits.map((hit, index) => {
    const where = [hit.fileName, hit.headingPath.at(-1), hit.page === null ? null : `page ${hit.page}`]
      .filter(Boolean)
      .join(', ');
    return `[${index + 1}] (${where})\n${hit.text.slice(0, PASSAGE_CHARS)}`;
  });
  const rule = strict
    ? 'Use only these sources. If they do not contain the answer, reply that the documents do not contain it.'
    : 'Prefer these sources; if you add anything they do not say, make that clear.';
  return {
    modelContent: [
      `Answer the question from the numbered sources below. Cite the sources you use in brackets, like [1]. ${rule}`,
      ...blocks,
      `Question: ${question}`,
    ].join('\n\n'),
    sources,
    refusal: null,
  };
}
