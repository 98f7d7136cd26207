import { sharedContentWords } from './contentWords.js';
import type { EvalQuestion } from './evalQuestion.js';

/** What the issue asks of the set: size, share of paraphrased and of unanswerable questions. */
export const QUESTION_SET_RULES = { minQuestions: 80, minParaphrasedShare: 0.25, minUnanswerable: 10 };

/**
 * The ways a question set breaks the rules (empty when it keeps them): too few questions, too
 * few paraphrased or unanswerable ones, a paraphrase that shares a content word with its
 * snippet, a question naming a document the corpus lacks, a duplicate question.
 */
export function checkQuestionSet(questions: readonly EvalQuestion[], documentIds: readonly string[]): string[] {
  const problems: string[] = [];
  const { minQuestions, minParaphrasedShare, minUnanswerable } = QUESTION_SET_RULES;
  if (questions.length < minQuestions) problems.push(`${questions.length} questions, fewer than ${minQuestions}`);
  const paraphrased = questions.filter((q) => 'snippet' in q && q.paraphrased).length;
  if (paraphrased < questions.length * minParaphrasedShare) {
    problems.push(`${paraphrased} paraphrased questions, fewer than a quarter of ${questions.length}`);
  }
  const unanswerable = questions.filter((q) => 'unanswerable' in q).length;
  if (unanswerable < minUnanswerable)
    problems.push(`${unanswerable} unanswerable questions, fewer than ${minUnanswerable}`);
  const seen = new Set<string>();
  for (const q of questions) {
    if (seen.has(q.question)) problems.push(`asked twice: "${q.question}"`);
    seen.add(q.question);
    if (!documentIds.includes(q.document)) problems.push(`"${q.question}": no document "${q.document}"`);
    if ('snippet' in q && q.paraphrased) {
      const shared = sharedContentWords(q.question, q.snippet);
      if (shared.length > 0) problems.push(`paraphrase "${q.question}" shares ${shared.join(', ')} with its snippet`);
    }
  }
  return problems;
}
