/** What one retriever did with one answerable question: the 1-based rank of the first hit, or null. */
export interface QuestionOutcome {
  rank: number | null;
}

export interface RetrievalMetrics {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  /** Mean reciprocal rank; a question answered by no hit in the list counts 0. */
  mrr: number;
}

/** recall@1, recall@5 and MRR over answerable questions (all zero for an empty set). */
export function retrievalMetrics(outcomes: readonly QuestionOutcome[]): RetrievalMetrics {
  const n = outcomes.length;
  if (n === 0) return { questions: 0, recallAt1: 0, recallAt5: 0, mrr: 0 };
  const within = (k: number) => outcomes.filter((o) => o.rank !== null && o.rank <= k).length / n;
  const mrr = outcomes.reduce((sum, o) => sum + (o.rank === null ? 0 : 1 / o.rank), 0) / n;
  return { questions: n, recallAt1: within(1), recallAt5: within(5), mrr };
}

/** The 1-based rank of the first hit that `answers`, or null when none does. */
export function firstAnsweringRank<T>(hits: readonly T[], answers: (hit: T) => boolean): number | null {
  const index = hits.findIndex(answers);
  return index === -1 ? null : index + 1;
}
