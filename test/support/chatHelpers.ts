import type { Message } from '../../contract/index.js';
import type { TestHearth } from './startHearth.js';
import { waitFor } from './waitFor.js';

/** The final message of an answer, from its `chat.finished` event. */
export function finished(hearth: TestHearth, messageId: string, timeoutMs = 30_000): Promise<Message> {
  return waitFor(
    () =>
      hearth.emitted
        .filter((e) => e.event === 'chat.finished')
        .map((e) => (e.payload as { message: Message }).message)
        .find((m) => m.id === messageId),
    { timeoutMs, what: `chat.finished for ${messageId}` },
  );
}

/** A conversation on `modelFile`, answering greedily with one thread and at most `maxTokens`. */
export async function greedyConversation(hearth: TestHearth, modelFile: string, maxTokens: number) {
  const modelId = hearth.addModel(modelFile);
  await hearth.call('settings.update', {
    contextSize: 2048,
    threads: 1,
    defaultSampling: { temperature: 0, topP: 1, maxTokens, seed: 1 },
  });
  return hearth.call('conversations.create', { modelId });
}

/** Sends a question, waits for the answer and for the turn to settle (its state saved). */
export async function ask(hearth: TestHearth, conversationId: string, content: string): Promise<Message> {
  const { assistantMessage } = await hearth.call('chat.send', { conversationId, content });
  const answer = await finished(hearth, assistantMessage.id);
  await hearth.chat.idle();
  return answer;
}
