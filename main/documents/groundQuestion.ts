import { type Language, promptText } from '../../contract/i18n/index.js';
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
  /** The UI's language: the instructions (and Hearth's own refusals) are written in it. English by default. */
  language?: Language;
}

/** Longest passage text put in a prompt; chunks are ~2,000 characters, so this only trims outliers. */
const PASSAGE_CHARS = 2600;

/** Strict mode's answer when no passage matched (English; see the `prompts` catalog). */
export const NOT_IN_DOCUMENTS = promptText('en', 'notInDocuments');

/** Strict mode's answer when the reranker found nothing relevant enough (English). */
export const DOCUMENTS_DO_NOT_COVER = promptText('en', 'documentsDoNotCover');

/**
 * Turns a question and its retrieved passages into the model's input. Sources are numbered in
 * rank order, labelled with file, section and page (so the model can cite them as [n] and the
 * user can check each citation) and given an evidence band. Strict mode tells the model to answer
 * only from the sources; it does not ask the model at all when no passage matched, or when a
 * reranker scored even the best passage below `minRelevance` (then it names the closest one).
 */
export function groundQuestion(question: string, hits: readonly SearchHit[], options: GroundingOptions): Grounding {
  const { strict } = options;
  const language = options.language ?? 'en';
  const text = (key: Parameters<typeof promptText>[1], params?: Record<string, string | number>) =>
    promptText(language, key, params);
  const minRelevance = options.minRelevance ?? STRICT_MIN_RELEVANCE;
  if (hits.length === 0) {
    return strict
      ? { modelContent: question, sources: [], refusal: text('notInDocuments') }
      : { modelContent: text('noPassageMatched', { question }), sources: [], refusal: null };
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
      refusal: `${text('documentsDoNotCover')} ${text('closestPassage', {
        where: describeWhere(closest, language),
        relevance: closest.relevance.toFixed(2),
        minRelevance: minRelevance.toFixed(2),
      })}`,
    };
  }
  const blocks = hits.map(
    (hit, index) => `[${index + 1}] (${describeWhere(hit, language)})\n${hit.text.slice(0, PASSAGE_CHARS)}`,
  );
  const rule = text(strict ? 'groundingStrictRule' : 'groundingLooseRule');
  return {
    modelContent: [`${text('groundingIntro')} ${rule}`, ...blocks, text('groundingQuestion', { question })].join(
      '\n\n',
    ),
    sources,
    refusal: null,
  };
}
