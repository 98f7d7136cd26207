/**
 * The floors the document eval's BM25 retrieval must stay at or above (test/engine/docsEval.test.ts).
 * They are the baseline measured on 2026-12-04 (main at 9142254: 1,200-character chunks, content
 * words AND-first then OR, heading field weight 0.5), each rounded down by about 0.02:
 *   overall      recall@5 0.656, MRR 0.539 (93 answerable questions)
 *   paraphrased  recall@5 0.355, MRR 0.230 (31 questions)
 * Raise them when retrieval improves (to the new measurement, less the same margin); never lower
 * them silently — a lower floor needs a commit that says which change cost what, and why.
 */
export const DOCS_EVAL_FLOORS = {
  overall: { recallAt5: 0.63, mrr: 0.51 },
  paraphrased: { recallAt5: 0.33, mrr: 0.21 },
} as const;
