/**
 * A question as FTS5 queries. People ask in sentences ("How do I stop a service from starting at
 * boot?"); matched word by word with OR, "how", "do", "a", "at" match nearly every passage and
 * their BM25 weight, small but summed over many passages, buries the ones that hold "service",
 * "starting", "boot" together. So: the question's content words only, all of them first (AND),
 * and any of them as the fallback that fills the rest of the list.
 */

/**
 * Function words of English questions and sentences. Kept short on purpose: a word that can carry
 * a question's meaning ("not", "no", "only", "first", "new") stays.
 */
const STOP_WORDS = new Set(
  (
    'a an the and or but if then so of to in on at by for with from into onto about as than ' +
    'is are was were be been being am do does did doing done have has had having ' +
    'i me my we our you your he him his she her it its they them their this that these those ' +
    'what which who whom whose when where why how ' +
    'can could should would will shall may might must ' +
    'there here some any each every all both either neither such own same other ' +
    'please tell explain say says said show give get let want need know ' +
    'just also very too more most much many way ways thing things'
  ).split(' '),
);

import { stemmer } from 'stemmer';

export interface KeywordQuery {
  /** Every content word (each quoted): passages about all of the question's words. */
  all: string;
  /** Any content word: the fallback. Null when it would equal `all` (one content word). */
  any: string | null;
  /** The words searched for, in question order, lower-cased, without duplicates. */
  words: string[];
}

/**
 * The FTS5 queries for a question, or null when it has no word at all. Each word is quoted, so
 * FTS5 syntax in a question ("AND", a stray quote, a colon) is never read as an operator. A
 * question made only of function words ("What is this?") searches for those words instead of
 * nothing.
 */
export function keywordQuery(question: string): KeywordQuery | null {
  const words = [...new Set((question.match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => word.toLowerCase()))];
  if (words.length === 0) return null;
  const content = words.filter((word) => !STOP_WORDS.has(word));
  const chosen = content.length > 0 ? content : words;
  const quoted = chosen.map((word) => `"${word}"`);
  return {
    all: quoted.join(' AND '),
    any: quoted.length > 1 ? quoted.join(' OR ') : null,
    words: chosen,
  };
}

/**
 * The term the full-text index holds for a word: its tokenizer (unicode61 with diacritics removed,
 * then Porter's stemmer) applied the same way, so `chunks_vocab` can be asked how many passages
 * hold it. A word this gets wrong is only not found there, and stays in the query.
 */
export function indexTerm(word: string): string {
  return stemmer(word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''));
}

/**
 * The fallback query without the words in at least half of `passages` — for FTS5's bm25 such a
 * word's idf is 1e-6, so leaving it out changes no ranking among the passages that hold another
 * word, while matching and scoring its postings (half the index) was most of the query's time.
 * `holding` tells how many passages hold each term. Null when no word is left out, or every word
 * would be.
 */
export function informativeAny(
  query: KeywordQuery,
  passages: number,
  holding: (terms: readonly string[]) => Map<string, number>,
): string | null {
  if (!query.any) return null;
  const counts = holding([...new Set(query.words.map(indexTerm))]);
  const kept = query.words.filter((word) => (counts.get(indexTerm(word)) ?? 0) * 2 < passages);
  if (kept.length === 0 || kept.length === query.words.length) return null;
  return kept.map((word) => `"${word}"`).join(' OR ');
}
