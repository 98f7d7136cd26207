import type { ChatHistoryItem, ChatWrapper, LlamaModel, Token } from 'node-llama-cpp';

/**
 * Texts a next user message might start with. A state is saved at the point where any next turn
 * begins: the longest prefix shared by the renderings of the history followed by each of these.
 * Probing with several first characters keeps a tokenizer merge across the boundary out of it.
 */
const NEXT_MESSAGE_PROBES = ['a', 'Z', '0', ' x', '\nx', '{', 'é', '你'];

/** The tokens node-llama-cpp's LlamaChat evaluates for `history` (ending with an open model turn). */
export function renderTokens(wrapper: ChatWrapper, model: LlamaModel, history: readonly ChatHistoryItem[]): Token[] {
  return wrapper.generateContextState({ chatHistory: [...history] }).contextText.tokenize(model.tokenizer);
}

/**
 * The tokens of `history` as a closed turn: everything the rendering of any continuation starts
 * with. `history` must end with a complete model response or a system message.
 */
export function closedTurnTokens(
  wrapper: ChatWrapper,
  model: LlamaModel,
  history: readonly ChatHistoryItem[],
): Token[] {
  const renders = NEXT_MESSAGE_PROBES.map((probe) =>
    renderTokens(wrapper, model, [...history, { type: 'user', text: probe }, { type: 'model', response: [] }]),
  );
  const first = renders[0] ?? [];
  let length = 0;
  while (length < first.length && renders.every((tokens) => tokens[length] === first[length])) length++;
  return first.slice(0, length);
}

export function startsWith(tokens: readonly Token[], prefix: readonly Token[]): boolean {
  if (prefix.length > tokens.length) return false;
  for (let i = 0; i < prefix.length; i++) if (tokens[i] !== prefix[i]) return false;
  return true;
}
