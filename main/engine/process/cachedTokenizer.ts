import type { Token, Tokenizer } from 'node-llama-cpp';

/** Characters of text remembered in all (with their tokens): about a long conversation's worth. */
const BUDGET_CHARS = 1_000_000;
/** Texts longer than this are tokenized every time (one long message would push out everything else). */
const LONGEST_CHARS = 200_000;

/**
 * The model's tokenizer, remembering the texts it was recently given. A chat template's rendering
 * is tokenized a run at a time — node-llama-cpp's LlamaText tokenizes the text between two
 * special tokens on its own — and the renderings of one turn share most runs: finding where a
 * closed turn ends renders the last exchange after eight different next messages, and the prompt
 * renders it once more. Measured on the forged rwkv7 (ChatML), a fresh engine's first resumed turn
 * tokenized ~3,500 tokens to add a 30-token question, ~10 ms. The tokenizer is deterministic, so
 * a remembered answer is the answer; the least recently used texts go first.
 */
export function cachedTokenizer(tokenizer: Tokenizer): Tokenizer {
  const cache = new Map<string, readonly Token[]>();
  let chars = 0;
  return new Proxy(tokenizer, {
    apply(target, thisArg, args: unknown[]) {
      const [text, special, options] = args;
      if (typeof text !== 'string' || text.length > LONGEST_CHARS || special === 'builtin') {
        return Reflect.apply(target, thisArg, args) as Token[];
      }
      const key = `${special === true ? 1 : 0}${options === 'trimLeadingSpace' ? 1 : 0}${text}`;
      const known = cache.get(key);
      if (known) {
        // Most recently used last.
        cache.delete(key);
        cache.set(key, known);
        return [...known];
      }
      const tokens = Reflect.apply(target, thisArg, args) as Token[];
      cache.set(key, [...tokens]);
      chars += key.length;
      for (const oldest of cache.keys()) {
        if (chars <= BUDGET_CHARS) break;
        cache.delete(oldest);
        chars -= oldest.length;
      }
      return tokens;
    },
  });
}
