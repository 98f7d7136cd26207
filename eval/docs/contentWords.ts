/**
 * Words that carry no topic, for checking that a paraphrased question shares no content word
 * with its answer. Its own list (not the search's): the check must not move when retrieval's
 * stop words are tuned.
 */
const STOP_WORDS = new Set(
  (
    'a an the and or but if then so of to in on at by for with from into onto about as than ' +
    'is are was were be been being am do does did doing done have has had having not no ' +
    'i me my we our you your he him his she her it its they them their this that these those ' +
    'what which who whom whose when where why how can could should would will shall may might must ' +
    'there here some any each every all both either such own same other just also very too ' +
    'more most much many one get got use used using make made way s t'
  ).split(' '),
);

/** The content words of a text: lower-cased letters/digits runs, minus the stop words. */
export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((word) => !STOP_WORDS.has(word)));
}

const SUFFIXES = ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ers', 'er', 'ed', 'es', 'ly', 's', 'e'];

/**
 * A crude stem, so that "installing" and "installed" count as one word: a search engine's
 * stemmer (FTS5's porter) would match them, and a paraphrase must not lean on that.
 */
export function roughStem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
  }
  return word;
}

/**
 * The content words a question shares with a passage (empty for a true paraphrase): equal
 * stems, or one stem of five letters or more starting the other ("config" / "configuration").
 */
export function sharedContentWords(question: string, passage: string): string[] {
  const inPassage = [...contentWords(passage)].map(roughStem);
  return [...contentWords(question)].filter((word) => {
    const stem = roughStem(word);
    return inPassage.some(
      (other) =>
        other === stem ||
        (Math.min(stem.length, other.length) >= 5 && (other.startsWith(stem) || stem.startsWith(other))),
    );
  });
}
