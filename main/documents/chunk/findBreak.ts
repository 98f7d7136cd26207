/** A sentence ends at . ! ? (or their CJK forms), after any closing quotes or brackets, before space. */
const SENTENCE_END = /[.!?。！？][)\]"'”’»]*(?=\s)/g;

/**
 * Where to end a chunk that must end in `[min, max]`: after the last paragraph break there, else
 * the last sentence end, else the last line break, else the last space; only a text without any
 * of these is cut mid-word (never inside a surrogate pair).
 */
export function findBreak(text: string, min: number, max: number): number {
  const window = text.slice(min, max);
  const paragraph = window.lastIndexOf('\n\n');
  if (paragraph > 0) return min + paragraph;
  let sentence = -1;
  for (const match of window.matchAll(SENTENCE_END)) sentence = match.index + match[0].length;
  if (sentence > 0) return min + sentence;
  const line = window.lastIndexOf('\n');
  if (line > 0) return min + line;
  const space = window.search(/\s\S*$/);
  if (space > 0) return min + space;
  return safeCut(text, max);
}

/**
 * Where the next chunk starts when it repeats the text from `from` on: the first sentence that
 * starts there, else the first word, so an overlap never begins mid-word.
 */
export function findOverlapStart(text: string, from: number, end: number): number {
  const window = text.slice(from, end);
  SENTENCE_END.lastIndex = 0;
  const sentence = SENTENCE_END.exec(window);
  if (sentence) {
    const after = sentence.index + sentence[0].length;
    const next = window.slice(after).search(/\S/);
    if (next >= 0) return from + after + next;
  }
  const word = window.search(/\s\S/);
  if (word >= 0) return from + word + 1;
  return safeCut(text, from);
}

/** Moves a cut back off the second half of a surrogate pair. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff && at > 0 ? at - 1 : at;
}
