import { z } from 'zod';

/**
 * How well a passage supports an answer, shown beside each source. One scale for both kinds of
 * evidence Hearth has: a reranker's relevance (0..1, the model's probability that the passage
 * answers the question) when one is installed, otherwise how much of the question's wording the
 * passage contains (BM25 only sees words, so that is what it can vouch for).
 */
export const EvidenceBandSchema = z.enum(['strong', 'partial', 'weak']);
export type EvidenceBand = z.infer<typeof EvidenceBandSchema>;

/**
 * Strict mode's default refusal threshold on the reranker's relevance, also the weak/partial line.
 * Provisional: no real reranker can be downloaded on the machine this was written on, so it is not
 * yet calibrated. 0.2 is low on purpose: both catalog rerankers output probabilities (a sigmoid for
 * bge-reranker-v2-m3, p("yes") for Qwen3-Reranker), so a passage under 0.2 is one the model itself
 * thinks is probably unrelated, and refusing too eagerly costs more than one weak answer that is
 * labelled weak. Calibrate it on eval:docs' unanswerable questions (the highest best-score they
 * get, against the lowest of the answerable ones) and change it here; users can also set it.
 */
export const STRICT_MIN_RELEVANCE = 0.2;
/** Relevance at or above which a passage counts as strong (the model is fairly sure it answers). */
export const STRONG_RELEVANCE = 0.6;
/**
 * Without a reranker: the share of the question's content words found in the passage. Most of
 * them (3 of 4) is strong; under 2 in 5 the passage matched on side words only, so it is weak.
 */
export const STRONG_COVERAGE = 0.75;
export const PARTIAL_COVERAGE = 0.4;

/** The band of one passage: from the reranker's relevance when there is one, else from word coverage. */
export function evidenceBand(
  evidence: { relevance: number | null; coverage: number },
  minRelevance: number = STRICT_MIN_RELEVANCE,
): EvidenceBand {
  if (evidence.relevance !== null) {
    if (evidence.relevance >= Math.max(STRONG_RELEVANCE, minRelevance)) return 'strong';
    return evidence.relevance >= minRelevance ? 'partial' : 'weak';
  }
  if (evidence.coverage >= STRONG_COVERAGE) return 'strong';
  return evidence.coverage >= PARTIAL_COVERAGE ? 'partial' : 'weak';
}

/** The best band among an answer's sources; null when it has none (or they predate bands). */
export function bestBand(bands: readonly (EvidenceBand | undefined)[]): EvidenceBand | null {
  for (const band of EvidenceBandSchema.options) if (bands.includes(band)) return band;
  return null;
}
