import { type Citation, evidenceBand, type SearchHit, STRICT_MIN_RELEVANCE } from '../../contract/index.js';
import { describeWhere } from './describeWhere.js';
import { queryCoverage } from './queryCoverage.js';

export interface Grounding {
  /** What the model is given instead of the bare question: instructions, numbered sources, the question. */
  modelContent: string;
  sources: Citation[];
  /** Strict mode and nothing good enough retrieved: the answer, written by Hearth without asking the model. */
  refusal: string | null;
}

export interface GroundingOptions {
  /** Answer only from the documents, and refuse when they do not cover the question. */
  strict: boolean;
  /** With a reranker: the best passage's relevance under which strict mode refuses. */
  minRelevance?: number;
}

/** Longest passage text put in a prompt; chunks are ~2,000 characters, so this only trims outliers. */
const PASSAGE_CHARS = 2600;

export const NOT_IN_DOCUMENTS =
  'The attached documents do not contain a passage about this, so I cannot answer it from them.';

/** Strict mode's answer when the reranker found nothing relevant enough. */
export const DOCUMENTS_DO_NOT_COVER = 'The attached documents do not cover this.';

/**
 * Turns a question and its retrieved passages into the model's input. Sources are numbered in
 * rank order, labelled with file, section and page (so the model can cite them as [n] and the
 * user can check each citation) and given an evidence band. Strict mode tells the model to answer
 * only from the sources; it does not ask the model at all when no passage matched, or when a
 * reranker scored even the best passage below `minRelevance` (then it names the closest one).
 */
export function groundQuestion(question: string, hits: readonly SearchHit[], options: GroundingOptions): Grounding {
  const { strict } = options;
  const minRelevance = options.minRelevance ?? STRICT_MIN_RELEVANCE;
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
    ...(hit.relevance !== undefined && { relevance: hit.relevance }),
    band: evidenceBand(
      {
        relevance: hit.relevance ?? null,
        coverage: queryCoverage(question, `${hit.headingPath.join(' ')} ${hit.text}`),
      },
      minRelevance,
    ),
  }));
  const closest = hits[0]!;
  if (strict && closest.relevance !== undefined && closest.relevance < minRelevance) {
    return {
      modelContent: question,
      sources,
      refusal:
        `${DOCUMENTS_DO_NOT_COVER} The closest passage is [1] (${describeWhere(closest)}), ` +
        `with a relevance of ${closest.relevance.toFixed(2)}; Hearth answers from a passage scoring at least ` +
        `${minRelevance.toFixed(2)}.`,
    };
  }
  const blocks = hits.map(
    (hit, index) => `[${index + 1}] (${describeWhere(hit)})\n${hit.text.slice(0, PASSAGE_CHARS)}`,
  );
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
