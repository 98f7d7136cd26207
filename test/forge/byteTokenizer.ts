/** llama.cpp token types (llama_token_type). */
export const TOKEN_TYPE_NORMAL = 1;
export const TOKEN_TYPE_CONTROL = 3;

export interface ByteTokenizer {
  /** `tokenizer.ggml.model`: GPT-2 style byte-level BPE. */
  readonly model: 'gpt2';
  /** `tokenizer.ggml.pre`: anything else is either unknown to llama.cpp or prints a degraded-quality warning. */
  readonly pre: 'default';
  readonly tokens: readonly string[];
  readonly tokenTypes: readonly number[];
  readonly merges: readonly string[];
  readonly bosTokenId: number;
  readonly eosTokenId: number;
  readonly chatTemplate: string;
}

/** ChatML, the template family node-llama-cpp recognises and wraps with its ChatML wrapper. */
export const CHATML_TEMPLATE =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

const CONTROL_TOKENS = ['<|endoftext|>', '<|im_start|>', '<|im_end|>'] as const;

/**
 * Pairs in GPT-2 notation (Ġ is a leading space). Order is rank: a merge may only use pieces made by
 * an earlier one, which buildByteTokenizer checks.
 */
const MERGES: readonly (readonly [string, string])[] = [
  ['Ġ', 't'],
  ['Ġ', 'a'],
  ['h', 'e'],
  ['i', 'n'],
  ['r', 'e'],
  ['o', 'n'],
  ['Ġt', 'he'],
  ['e', 'r'],
  ['Ġ', 's'],
  ['a', 't'],
  ['Ġ', 'w'],
  ['Ġ', 'o'],
  ['e', 'n'],
  ['Ġ', 'c'],
  ['i', 't'],
  ['i', 's'],
  ['a', 'n'],
  ['o', 'r'],
  ['e', 's'],
  ['Ġ', 'b'],
  ['e', 'd'],
  ['Ġ', 'f'],
  ['in', 'g'],
  ['Ġ', 'p'],
  ['o', 'u'],
  ['Ġa', 'n'],
  ['a', 'l'],
  ['a', 'r'],
  ['Ġt', 'o'],
  ['Ġ', 'm'],
  ['Ġo', 'f'],
  ['Ġ', 'in'],
  ['Ġ', 'd'],
  ['Ġ', 'h'],
  ['Ġan', 'd'],
  ['l', 'l'],
  ['Ġ', 'l'],
  ['Ġ', 're'],
  ['Ġ', 'n'],
  ['Ġ', 'is'],
];

/**
 * GPT-2's bytes_to_unicode: printable Latin-1 bytes stand for themselves, the rest are shifted to
 * U+0100 upwards, so every byte is one visible character and merges can be written as text.
 */
export function gpt2ByteToUnicode(): readonly string[] {
  const table: string[] = [];
  const isPrintable = (byte: number): boolean =>
    (byte >= 0x21 && byte <= 0x7e) || (byte >= 0xa1 && byte <= 0xac) || (byte >= 0xae && byte <= 0xff);
  let shifted = 0;
  for (let byte = 0; byte < 256; byte += 1) {
    if (isPrintable(byte)) {
      table.push(String.fromCodePoint(byte));
    } else {
      table.push(String.fromCodePoint(256 + shifted));
      shifted += 1;
    }
  }
  return table;
}

/**
 * A 299-token vocabulary: the 256 byte tokens (ids = byte values), the merge results in rank order, then
 * the three control tokens. Small enough to keep tiny models tiny, real enough that llama.cpp's BPE
 * tokenizer, its end-of-generation detection and node-llama-cpp's chat wrappers all work on it.
 */
export function buildByteTokenizer(): ByteTokenizer {
  const tokens = [...gpt2ByteToUnicode()];
  const known = new Set(tokens);
  const merges: string[] = [];
  for (const [left, right] of MERGES) {
    if (!known.has(left) || !known.has(right)) {
      throw new Error(`merge "${left} ${right}" uses a piece that no earlier token makes`);
    }
    const merged = left + right;
    if (known.has(merged)) throw new Error(`merge "${left} ${right}" makes a token that already exists`);
    merges.push(`${left} ${right}`);
    tokens.push(merged);
    known.add(merged);
  }
  const tokenTypes: number[] = tokens.map(() => TOKEN_TYPE_NORMAL);
  const controlId = (text: (typeof CONTROL_TOKENS)[number]): number => tokens.length + CONTROL_TOKENS.indexOf(text);
  const bosTokenId = controlId('<|endoftext|>');
  const eosTokenId = controlId('<|im_end|>');
  for (const control of CONTROL_TOKENS) {
    tokens.push(control);
    tokenTypes.push(TOKEN_TYPE_CONTROL);
  }
  return {
    model: 'gpt2',
    pre: 'default',
    tokens,
    tokenTypes,
    merges,
    bosTokenId,
    eosTokenId,
    chatTemplate: CHATML_TEMPLATE,
  };
}
