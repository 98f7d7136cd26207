import type { ConversationStore } from '../../main/storage/ConversationStore.js';

const WORDS = (
  'the fire burns low in the hearth and the room is warm while the wind moves over the roof ' +
  'a kettle sings on the stove and someone reads a long letter aloud by the light of the flames ' +
  'outside the snow keeps falling on the fields and the old road to the village is quiet tonight'
).split(' ');

/** Deterministic text of about `chars` characters. */
function prose(seed: number, chars: number): string {
  let text = '';
  let state = seed;
  while (text.length < chars) {
    state = (state * 1103515245 + 12345) >>> 0;
    text += `${WORDS[state % WORDS.length]} `;
  }
  return text.trim();
}

/** One question and its answer of the synthetic history. */
export interface Exchange {
  question: string;
  answer: string;
}

/**
 * A conversation of about `chars` characters: alternating questions and answers, as if it had been
 * chatted over many turns. Deterministic, so Hearth and direct node-llama-cpp read the same text.
 */
export function historyExchanges(chars: number): Exchange[] {
  const turnChars = 400;
  const exchanges: Exchange[] = [];
  let written = 0;
  for (let turn = 0; written < chars; turn++) {
    const question = prose(turn * 2 + 1, Math.min(turnChars / 4, chars - written));
    const answer = prose(turn * 2 + 2, turnChars);
    exchanges.push({ question, answer });
    written += question.length + answer.length;
  }
  return exchanges;
}

/** Writes the conversation of `historyExchanges(chars)` straight into the store, every answer finished. */
export function writeHistory(store: ConversationStore, conversationId: string, modelId: string, chars: number): void {
  for (const exchange of historyExchanges(chars)) writeExchange(store, conversationId, modelId, exchange);
}

/** One finished question and answer at the end of the conversation's active branch. */
export function writeExchange(
  store: ConversationStore,
  conversationId: string,
  modelId: string,
  { question, answer }: Exchange,
): void {
  const { assistant } = store.appendExchange(conversationId, store.leafId(conversationId), question, modelId);
  store.finish(assistant.id, {
    content: answer,
    status: 'complete',
    stopReason: 'end_of_turn',
    detail: null,
    stats: null,
    context: null,
  });
}
