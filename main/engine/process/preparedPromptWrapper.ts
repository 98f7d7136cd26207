import {
  type ChatHistoryItem,
  type ChatWrapper,
  type ChatWrapperGenerateContextStateOptions,
  type ChatWrapperGeneratedContextState,
  LlamaText,
  type Token,
} from 'node-llama-cpp';
import type { Rendered } from './TurnRenderer.js';

export interface PreparedPromptWrapper {
  /** The wrapper LlamaChat is given. */
  wrapper: ChatWrapper;
  /** For the next render of exactly `history`: these tokens instead of rendering it again. */
  prepare(history: readonly ChatHistoryItem[], rendered: Rendered): void;
  clear(): void;
}

/**
 * The model's chat wrapper, as LlamaChat sees it, except that the prompt of a turn is the token
 * list Hearth already built turn by turn (see TurnRenderer), not a fresh rendering of the whole
 * history. LlamaChat reads a rendering only through `contextText.tokenize(...)`, so the prepared
 * tokens are handed over as a LlamaText whose tokenize returns them. Any other rendering — the
 * history with a partial answer, a shortened history after a context shift — goes to the real
 * wrapper. Everything else (stop triggers, segments, settings) is the real wrapper's.
 */
export function preparedPromptWrapper(inner: ChatWrapper): PreparedPromptWrapper {
  let prepared: { history: readonly ChatHistoryItem[]; rendered: Rendered } | null = null;
  const generateContextState = (options: ChatWrapperGenerateContextStateOptions): ChatWrapperGeneratedContextState => {
    const current = prepared;
    if (current && !options.availableFunctions && sameItems(options.chatHistory, current.history)) {
      return { ...current.rendered.state, contextText: tokenText(current.rendered.tokens) };
    }
    return inner.generateContextState(options);
  };
  const wrapper = new Proxy(inner, {
    get(target, property) {
      if (property === 'generateContextState') return generateContextState;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    wrapper,
    prepare(history, rendered) {
      prepared = { history, rendered };
    },
    clear() {
      prepared = null;
    },
  };
}

/** A LlamaText that tokenizes to exactly `tokens` (its text is never looked at by LlamaChat). */
function tokenText(tokens: readonly Token[]): LlamaText {
  const text = LlamaText([]);
  Object.defineProperty(text, 'tokenize', { value: () => [...tokens] });
  return text;
}

/** The same history items (LlamaChat passes its own copy of the array, with the same items). */
function sameItems(a: readonly ChatHistoryItem[], b: readonly ChatHistoryItem[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
