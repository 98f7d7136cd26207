/**
 * Words that carry no topic: a passage containing "what", "the" and "is" says nothing about
 * whether it answers the question, so they do not count toward coverage.
 */
const FUNCTION_WORDS = new Set(
  (
    'a an and are as at be by can do does for from how i if in is it its me my of on or should ' +
    'that the their them there these they this to was were what when where which who why will with you your'
  ).split(' '),
);

/**
 * The share (0..1) of a question's distinct content words that appear in a passage, case-folded
 * and matched on whole words or a shared stem of 5+ letters ("stored" finds "store"). It is the
 * evidence BM25 can vouch for when no reranker is installed; a question with no content word
 * at all covers nothing.
 */
export function queryCoverage(question: string, passage: string): number {
  const words = [...new Set(wordsOf(question).filter((word) => !FUNCTION_WORDS.has(word)))];
  if (words.length === 0) return 0;
  const inPassage = new Set(wordsOf(passage));
  const stems = new Set([...inPassage].filter((word) => word.length >= 5).map((word) => word.slice(0, 5)));
  const found = words.filter((word) => inPassage.has(word) || (word.length >= 5 && stems.has(word.slice(0, 5))));
  return found.length / words.length;
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
