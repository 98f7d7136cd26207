import type { SearchHit } from '../../contract/index.js';

/** A reranking model as retrieval sees it; `key` names the model (for logs). */
export interface Reranker {
  key: string;
  /** Each passage's relevance to the query, 0..1, in the passages' order. */
  rank(query: string, passages: string[]): Promise<number[]>;
}

/**
 * Fused candidates a reranker reorders. 30, inside the 20-50 that rerankers are used with: the
 * passage that answers is nearly always in the fused top 30, and a cross-encoder reads every
 * candidate in full, so each extra one costs a model pass per question. That cost is real on a
 * CPU: bench:rerank measured ~1 s per question for the tiny forged reranker and ~116 s for the
 * ~100M one on one engine thread (no chat model loaded); real rerankers are 5-6x that size. Lower
 * it (or give the engine more threads) before shipping on CPU-only machines.
 */
export const RERANK_CANDIDATES = 30;
/** Characters of a passage the reranker reads: chunks are ~2,000 (plus overlap), this only trims outliers. */
const RERANK_CHARS = 2600;

/**
 * Reorders fused search hits by a reranker's relevance and keeps the best `limit`, each with its
 * score. A reranker that fails leaves the fused order (without scores): retrieval must not stop
 * because an optional model is missing or broken.
 */
export async function rerankHits(
  query: string,
  hits: readonly SearchHit[],
  reranker: Reranker | null,
  limit: number,
  log: (line: string) => void,
): Promise<SearchHit[]> {
  if (!reranker || hits.length === 0) return hits.slice(0, limit);
  let scores: number[];
  try {
    scores = await reranker.rank(
      query,
      hits.map(
        (hit) =>
          `${hit.headingPath.length > 0 ? `${hit.headingPath.join(' › ')}\n` : ''}${hit.text.slice(0, RERANK_CHARS)}`,
      ),
    );
  } catch (error) {
    log(`the passages were not reranked: ${(error as Error).message}; fused order kept`);
    return hits.slice(0, limit);
  }
  return (
    hits
      .map((hit, index) => ({ hit, relevance: scores[index] ?? 0, index }))
      // Ties keep the fused order, so equal scores never shuffle results between runs.
      .sort((a, b) => b.relevance - a.relevance || a.index - b.index)
      .slice(0, limit)
      .map(({ hit, relevance }) => ({ ...hit, relevance }))
  );
}
