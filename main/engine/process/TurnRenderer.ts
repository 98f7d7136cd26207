import type {
  ChatHistoryItem,
  ChatWrapper,
  ChatWrapperGeneratedContextState,
  LlamaModel,
  Token,
  Tokenizer,
} from 'node-llama-cpp';
import { cachedTokenizer } from './cachedTokenizer.js';

/**
 * Texts a next user message might start with. A closed turn ends where any next turn begins: the
 * longest prefix shared by the renderings of the history followed by each of these. Probing with
 * several first characters keeps a tokenizer merge across the boundary out of it.
 */
const NEXT_MESSAGE_PROBES = ['a', 'Z', '0', ' x', '\nx', '{', 'é', '你'];

/** A stand-in first exchange, so the exchange rendered after it renders as a later one does. */
const PAD: readonly ChatHistoryItem[] = [
  { type: 'user', text: 'Hello.' },
  { type: 'model', response: ['Hello! How can I help?'] },
];

/** A made-up conversation the self-check renders both ways: varied scripts, spaces and line ends. */
const CHECK_SYSTEM: ChatHistoryItem = { type: 'system', text: 'Be brief.' };
const CHECK_TURNS: readonly ChatHistoryItem[] = [
  { type: 'user', text: 'What is it?' },
  { type: 'model', response: ['A state. '] },
  { type: 'user', text: '中文？\n' },
  { type: 'model', response: ['状态。'] },
  { type: 'user', text: '  Why?' },
  { type: 'model', response: ['Memory\n'] },
  { type: 'user', text: '{"x": 1}' },
];

/** A rendering's tokens, and what else the chat wrapper said about it (stop triggers, segments). */
export interface Rendered {
  tokens: Token[];
  state: ChatWrapperGeneratedContextState;
}

/** Tokens known to be the rendering of `history.slice(0, items)` as a closed turn. */
export interface TokenBase {
  items: number;
  tokens: readonly Token[];
}

const OPEN: ChatHistoryItem = { type: 'model', response: [] };

/** Closed renderings remembered (see closed): a turn uses three or four. */
const CLOSED_CACHE_ENTRIES = 32;

/**
 * The model's chat template as token sequences, rendered a turn at a time. A conversation's tokens
 * are those of its whole history rendered by node-llama-cpp's chat wrapper; rendering and
 * tokenizing all of it every turn costs time in proportion to the history. Most templates render
 * each turn on its own (a turn's text does not depend on the turns before it, and a special token
 * or fixed separator starts the next one), so the tokens of history + new turn are the tokens of
 * the history followed by those of the new turn, rendered after a small local context: the system
 * prompt, a stand-in exchange and the last real exchange. `extend` renders only that, and checks
 * that the last exchange renders to the very tokens the base ends with. Templates that number
 * turns or move the system prompt fail the self-check on a made-up conversation and are always
 * rendered whole.
 */
export class TurnRenderer {
  readonly #wrapper: ChatWrapper;
  /** The model's tokenizer, remembering the text runs the renderings of a turn share. */
  readonly #tokenizer: Tokenizer;
  /** With and without a system prompt: whether turn-at-a-time rendering gives exactly the whole rendering. */
  readonly #incremental = new Map<string, boolean>();
  /** Recently closed histories (small local contexts), oldest first. */
  readonly #closedCache = new Map<string, Token[]>();
  /**
   * Tokens of the renderings tokenized (the work that grows with what is rendered; counted whether
   * the tokenizer remembered them or not).
   */
  tokenized = 0;
  /** Tokens produced by the once-per-model template self-check (not part of any turn's work). */
  checkTokenized = 0;

  constructor(wrapper: ChatWrapper, model: LlamaModel) {
    this.#wrapper = wrapper;
    this.#tokenizer = cachedTokenizer(model.tokenizer);
  }

  /** The tokens (and generation settings) node-llama-cpp evaluates for `history` + an open model turn. */
  open(history: readonly ChatHistoryItem[]): Rendered {
    const state = this.#wrapper.generateContextState({ chatHistory: [...history, OPEN] });
    const tokens = state.contextText.tokenize(this.#tokenizer);
    this.tokenized += tokens.length;
    return { tokens, state };
  }

  /**
   * The tokens of `history` as a closed turn: what the rendering of any continuation starts with.
   * `history` must end with a complete model response or a system message.
   */
  closed(history: readonly ChatHistoryItem[]): Token[] {
    // The same local context is closed several times in a turn (the prompt, then the closing; each
    // candidate base of a re-read turn; the pad every turn): remembered, as eight renders each.
    const key = JSON.stringify(history);
    const known = this.#closedCache.get(key);
    if (known) return known;
    const tokens = this.#closedUncached(history);
    if (this.#closedCache.size >= CLOSED_CACHE_ENTRIES) {
      const oldest = this.#closedCache.keys().next().value;
      if (oldest !== undefined) this.#closedCache.delete(oldest);
    }
    this.#closedCache.set(key, tokens);
    return tokens;
  }

  #closedUncached(history: readonly ChatHistoryItem[]): Token[] {
    const renders = NEXT_MESSAGE_PROBES.map((probe) => this.open([...history, { type: 'user', text: probe }]).tokens);
    const first = renders[0] ?? [];
    let length = 0;
    while (length < first.length && renders.every((tokens) => tokens[length] === first[length])) length++;
    return first.slice(0, length);
  }

  /**
   * `history` (open: ending with an open model turn; closed: as a closed turn) as tokens, from a
   * base whose tokens cover its first `base.items` items. Renders only the new items after a small
   * local context. Null when this template cannot be rendered turn by turn, or the base does not
   * end the way the local rendering of its last exchange does.
   */
  extend(base: TokenBase, history: readonly ChatHistoryItem[], end: 'open'): Rendered | null;
  extend(base: TokenBase, history: readonly ChatHistoryItem[], end: 'closed'): Token[] | null;
  extend(base: TokenBase, history: readonly ChatHistoryItem[], end: 'open' | 'closed'): Rendered | Token[] | null {
    if (base.items <= 0 || base.items > history.length || base.tokens.length === 0) return null;
    const system = history[0]?.type === 'system' ? history[0] : null;
    if (!this.isIncremental(system)) return null;
    return end === 'open' ? this.#extendOpen(base, history) : this.#extendClosed(base, history);
  }

  #extendOpen(base: TokenBase, history: readonly ChatHistoryItem[]): Rendered | null {
    const start = this.#anchored(base, history);
    if (!start) return null;
    const rendered = this.open([...start.local, ...history.slice(base.items)]);
    if (!startsWith(rendered.tokens, start.localBase)) return null;
    return { tokens: [...base.tokens, ...rendered.tokens.slice(start.localBase.length)], state: rendered.state };
  }

  #extendClosed(base: TokenBase, history: readonly ChatHistoryItem[]): Token[] | null {
    const start = this.#anchored(base, history);
    if (!start) return null;
    const closed = this.closed([...start.local, ...history.slice(base.items)]);
    if (!startsWith(closed, start.localBase)) return null;
    return [...base.tokens, ...closed.slice(start.localBase.length)];
  }

  /**
   * The local context the base's items render as, and its closed tokens, when the base's tokens
   * end exactly as that local rendering does (its last exchange, token for token).
   */
  #anchored(
    base: TokenBase,
    history: readonly ChatHistoryItem[],
  ): { local: readonly ChatHistoryItem[]; localBase: Token[] } | null {
    const { items: local, head, padded } = this.#local(history.slice(0, base.items));
    const localBase = this.closed(local);
    if (!padded) return sameTokens(base.tokens, localBase) ? { local, localBase } : null;
    const padTokens = this.closed(head);
    if (!startsWith(localBase, padTokens)) return null;
    const anchor = localBase.slice(padTokens.length);
    if (anchor.length === 0 || !endsAt(base.tokens, base.tokens.length, anchor)) return null;
    return { local, localBase };
  }

  /**
   * The closed part of `history` (up to its last model turn, or the system prompt), as a prefix of
   * `prompt`, the rendering of the whole history: found by where the last closed exchange's tokens
   * end, and checked by extending it back to `prompt`. Null when it cannot be found.
   */
  findBase(history: readonly ChatHistoryItem[], prompt: readonly Token[]): TokenBase | null {
    const system = history[0]?.type === 'system' ? history[0] : null;
    let items = history.length;
    while (items > 0 && history[items - 1]?.type !== 'model') items--;
    if (items === 0) items = system ? 1 : 0;
    if (items === 0 || items === history.length || !this.isIncremental(system)) return null;
    const covered = history.slice(0, items);
    const local = this.#local(covered);
    const localBase = this.closed(local.items);
    const anchor = local.padded ? localBase.slice(this.closed(local.head).length) : localBase;
    if (anchor.length === 0) return null;
    // Tried from the end: the new message might quote the exchange before it, never the other way.
    let tries = 0;
    for (let end = prompt.length - 1; end >= anchor.length && tries < 3; end--) {
      if (!endsAt(prompt, end, anchor)) continue;
      tries++;
      const base = { items, tokens: prompt.slice(0, end) };
      const extended = this.#extendOpen(base, history);
      if (extended && sameTokens(extended.tokens, prompt)) return base;
    }
    return null;
  }

  /** The items a covered history is rendered as: itself, or its last exchange after a pad. */
  #local(covered: readonly ChatHistoryItem[]): {
    items: readonly ChatHistoryItem[];
    head: readonly ChatHistoryItem[];
    padded: boolean;
  } {
    const head = covered[0]?.type === 'system' ? covered.slice(0, 1) : [];
    const exchangeStart = lastExchangeStart(covered, head.length);
    return exchangeStart === head.length
      ? { items: covered, head, padded: false }
      : { items: [...head, ...PAD, ...covered.slice(exchangeStart)], head: [...head, ...PAD], padded: true };
  }

  /**
   * Whether this template renders turn by turn: a made-up conversation rendered whole and a turn
   * at a time must give the same tokens, open and closed. What can break it is structural (turns
   * numbered, the system prompt moved into another turn), so it is checked once per model for
   * conversations with and without a system prompt, with a sample system prompt, not per text.
   */
  isIncremental(system: ChatHistoryItem | null): boolean {
    const key = system ? 'system' : 'none';
    const known = this.#incremental.get(key);
    if (known !== undefined) return known;
    // A one-time cost per model, not a turn's work: counted apart.
    const tokenizedBefore = this.tokenized;
    const head: ChatHistoryItem[] = system ? [CHECK_SYSTEM] : [];
    const whole = [...head, ...CHECK_TURNS];
    // Covering one exchange (rendered as it is) and two (the last one after the pad).
    const ok = [2, 4].every((covered) => {
      const items = head.length + covered;
      const base = { items, tokens: this.closed(whole.slice(0, items)) };
      const open = this.#extendOpen(base, whole);
      if (!open || !sameTokens(open.tokens, this.open(whole).tokens)) return false;
      const closedUpTo = whole.slice(0, -1);
      const closed = this.#extendClosed(base, closedUpTo);
      return closed !== null && sameTokens(closed, this.closed(closedUpTo));
    });
    this.#incremental.set(key, ok);
    this.checkTokenized += this.tokenized - tokenizedBefore;
    this.tokenized = tokenizedBefore;
    return ok;
  }
}

/** Where the last exchange of a history ending in a model turn starts: after the model turn before it. */
function lastExchangeStart(history: readonly ChatHistoryItem[], floor: number): number {
  let models = 0;
  for (let i = history.length - 1; i >= floor; i--) {
    if (history[i]?.type === 'model' && ++models === 2) return i + 1;
  }
  return floor;
}

export function startsWith(tokens: readonly Token[], prefix: readonly Token[]): boolean {
  if (prefix.length > tokens.length) return false;
  for (let i = 0; i < prefix.length; i++) if (tokens[i] !== prefix[i]) return false;
  return true;
}

/** Whether `tokens.slice(0, end)` ends with `suffix` (without copying). */
function endsAt(tokens: readonly Token[], end: number, suffix: readonly Token[]): boolean {
  if (suffix.length > end || end > tokens.length) return false;
  const offset = end - suffix.length;
  for (let i = 0; i < suffix.length; i++) if (tokens[offset + i] !== suffix[i]) return false;
  return true;
}

export function sameTokens(a: readonly Token[], b: readonly Token[]): boolean {
  return a.length === b.length && startsWith(a, b);
}
