/**
 * The work of a turn does not grow with the history (counted, not timed), a turn is closed
 * without reading the answer again when the model's tokens are already those of the next turn's
 * rendering, and the next turn continues from the engine's memory.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Message } from '../../contract/index.js';
import type { SupervisorEvent } from '../../main/engine/EngineSupervisor.js';
import { ConversationStore } from '../../main/storage/ConversationStore.js';
import { ask } from '../support/chatHelpers.js';
import { useForgedModels } from '../support/forgedModels.js';
import { startHearth, type TestHearth } from '../support/startHearth.js';
import { writeHistory } from '../support/syntheticHistory.js';

const forged = useForgedModels();
type TurnWork = Extract<SupervisorEvent, { type: 'turnDone' }>;

/** Asks, and returns the answer with the engine's account of the turn. */
async function askCounted(hearth: TestHearth, conversationId: string, content: string) {
  const done: TurnWork[] = [];
  const unsubscribe = hearth.engine.on((event) => {
    if (event.type === 'turnDone') done.push(event);
  });
  try {
    const answer: Message = await ask(hearth, conversationId, content);
    await hearth.chat.idle();
    const turn = done.find((event) => event.requestId === answer.id);
    assert.ok(turn, 'the engine reported the turn');
    return { answer, turn };
  } finally {
    unsubscribe();
  }
}

/** A conversation on a forged model, one thread, the given sampling and settings. */
async function newConversation(
  hearth: TestHearth,
  arch: 'rwkv7' | 'rwkv6' | 'mamba2',
  sampling: { temperature: number; maxTokens: number; seed: number },
  options: { systemPrompt?: string; contextSize?: number; saveStates?: boolean } = {},
) {
  const modelId = hearth.addModel(forged.paths[arch], `${arch}.gguf`);
  await hearth.call('settings.update', {
    contextSize: options.contextSize ?? 2048,
    threads: 1,
    saveStates: options.saveStates ?? true,
    defaultSampling: { ...sampling, topP: 1 },
  });
  const conversation = await hearth.call('conversations.create', { modelId, systemPrompt: options.systemPrompt ?? '' });
  return { modelId, conversation };
}

async function conversationWithHistory(hearth: TestHearth, chars: number) {
  const sampling = { temperature: 0, maxTokens: 12, seed: 1 };
  const { modelId, conversation } = await newConversation(hearth, 'rwkv7', sampling, {
    systemPrompt: 'You are Hearth.',
  });
  writeHistory(new ConversationStore(hearth.db), conversation.id, modelId, chars);
  return conversation;
}

describe('incremental turns', () => {
  test('the work of the next turn is the same for a 1k- and a 16k-token history', async () => {
    const counted: Record<string, { reread: TurnWork; resumed: TurnWork; live: TurnWork; resumedAnswer: Message }> = {};
    for (const [name, chars] of [
      ['short', 1_500],
      ['long', 24_000],
    ] as const) {
      const hearth = startHearth();
      const conversation = await conversationWithHistory(hearth, chars);
      // No state yet: the whole history is read once, and the turn saved.
      const reread = await askCounted(hearth, conversation.id, 'What was the first thing I said?');
      assert.equal(reread.answer.context?.source, 'reread');
      // A fresh engine: the turn starts from the saved state.
      await hearth.engine.shutdown();
      const resumed = await askCounted(hearth, conversation.id, 'And after that?');
      assert.equal(resumed.answer.context?.source, 'state', resumed.answer.context?.rejected ?? '');
      // The same engine: the next turn continues from its memory.
      const live = await askCounted(hearth, conversation.id, 'Thank you.');
      assert.equal(live.answer.context?.source, 'live', live.answer.context?.rejected ?? '');
      counted[name] = { reread: reread.turn, resumed: resumed.turn, live: live.turn, resumedAnswer: resumed.answer };
    }
    const { short, long } = counted;
    assert.ok(short && long);
    assert.ok(
      long.reread.work.promptEvaluated > 10_000,
      `the long history is long (${long.reread.work.promptEvaluated})`,
    );
    assert.ok(
      long.reread.work.promptTokenized > 10_000,
      `reading it whole tokenizes all of it (${long.reread.work.promptTokenized})`,
    );
    for (const step of ['resumed', 'live'] as const) {
      assert.equal(
        long[step].work.promptEvaluated,
        short[step].work.promptEvaluated,
        `${step}: the same tokens evaluated for either history`,
      );
      assert.ok(
        long[step].work.promptTokenized < long.reread.work.promptEvaluated / 4,
        `${step}: tokenizing ${long[step].work.promptTokenized} tokens for a ${long.reread.work.promptEvaluated}-token history`,
      );
      // Closing the turn reads at most the answer again (from the checkpoint before it), never the history.
      assert.ok(
        long[step].work.closingEvaluated < 200,
        `${step}: closing read ${long[step].work.closingEvaluated} tokens`,
      );
      // The last exchange and the new question are rendered; the earlier history is not.
      assert.ok(
        Math.abs(long[step].work.promptTokenized - short[step].work.promptTokenized) < 200,
        `${step}: ${long[step].work.promptTokenized} vs ${short[step].work.promptTokenized} tokens tokenized`,
      );
    }
    assert.ok((long.resumedAnswer.context?.tokens ?? Infinity) < 40, 'the answer says it read only the new turn');
  });

  test('a turn is closed without re-reading the answer unless its tokens differ; the next turn reads only itself', async () => {
    const hearth = startHearth();
    const { conversation } = await newConversation(hearth, 'rwkv6', { temperature: 0.9, maxTokens: 16, seed: 7 });
    // One-token answers are never in the sequence before the turn is closed (LlamaChat evaluates a
    // sampled token only before sampling the next): their tokens always match, nothing is re-read.
    // Sixteen random tokens from a forged model include partial UTF-8 bytes, whose text ("�")
    // re-tokenizes differently: the forged case where the answer must be read once more.
    // (A one-token answer that is only part of a character has no text: such a turn is not closed.)
    const plan = [1, 16, 1, 1, 16, 1, 16, 1].map((maxTokens, n) => ({ question: `Question ${n + 1}?`, maxTokens }));
    const turns = [];
    for (const { question, maxTokens } of plan) {
      await hearth.call('settings.update', { defaultSampling: { temperature: 0.9, topP: 1, maxTokens, seed: 7 } });
      turns.push({ maxTokens, ...(await askCounted(hearth, conversation.id, question)) });
    }
    let rereads = 0;
    let matched = 0;
    for (const [index, { answer, turn, maxTokens }] of turns.entries()) {
      const completion = answer.stats?.completionTokens ?? 0;
      if (!answer.content) {
        assert.equal(turn.live, false, `turn ${index}: an answer without text is not closed`);
        continue;
      }
      if (maxTokens === 1) {
        assert.equal(turn.work.answerReread, false, `turn ${index}: a one-token answer matches`);
        matched++;
      }
      if (turn.work.answerReread) {
        rereads++;
        assert.ok(turn.work.closingEvaluated >= completion - 2, `turn ${index}: the answer was read again, once`);
      } else {
        assert.ok(
          turn.work.closingEvaluated <= 8,
          `turn ${index}: only the end of the turn was read (${turn.work.closingEvaluated})`,
        );
      }
      assert.equal(turn.live, true, `turn ${index}: the engine holds the closed turn`);
      if (turns[index - 1]?.turn.live) {
        assert.equal(answer.context?.source, 'live', `turn ${index} continued in memory`);
        assert.ok(
          (answer.context?.tokens ?? Infinity) < 40,
          `turn ${index} read only its question (${answer.context?.tokens})`,
        );
      }
    }
    assert.ok(rereads >= 1, 'at least one random answer re-tokenized differently and was read again');
    assert.ok(matched >= 1, 'at least one answer was closed without being read again');
    console.log(`answers read again to close their turn: ${rereads} of ${turns.length}`);
  });
});

describe('a recurrent conversation longer than the context size', () => {
  test('runs on without a re-read, and resumed, uninterrupted and re-read answers are token-identical', async () => {
    const questions = [1, 2, 3, 4].map(
      (n) => `Question ${n}: ${'tell me about the fire and the long winter night. '.repeat(4)}`,
    );
    const run = async (setup: { restartBefore: number | null; saveStates: boolean }) => {
      const hearth = startHearth();
      const sampling = { temperature: 0, maxTokens: 16, seed: 3 };
      const { conversation } = await newConversation(hearth, 'mamba2', sampling, {
        contextSize: 256,
        saveStates: setup.saveStates,
      });
      const answers: Message[] = [];
      for (const [index, question] of questions.entries()) {
        if (index === setup.restartBefore) await hearth.engine.shutdown();
        answers.push((await askCounted(hearth, conversation.id, question)).answer);
      }
      return answers;
    };
    const uninterrupted = await run({ restartBefore: null, saveStates: true });
    const resumed = await run({ restartBefore: 3, saveStates: true });
    const reread = await run({ restartBefore: 3, saveStates: false });
    const read = uninterrupted.reduce((sum, answer) => sum + (answer.context?.tokens ?? 0), 0);
    assert.ok(read > 256 * 2, `the conversation (${read} tokens read) is far longer than the 256-token context`);
    assert.deepEqual(
      uninterrupted.slice(1).map((answer) => answer.context?.source),
      ['live', 'live', 'live'],
      'every later turn continued in memory',
    );
    assert.equal(resumed[3]?.context?.source, 'state', resumed[3]?.context?.rejected ?? '');
    assert.equal(reread[3]?.context?.source, 'reread');
    const texts = (answers: Message[]) => answers.map((answer) => answer.content);
    assert.deepEqual(texts(resumed), texts(uninterrupted), 'resumed = uninterrupted');
    assert.deepEqual(texts(reread), texts(uninterrupted), 're-read = uninterrupted');
  });
});

describe('eager resume', () => {
  test('opening a conversation loads its saved state into the engine; the next turn continues from it', async () => {
    const questions = ['Hello there.', 'Tell me about the hearth.', 'And the chimney?'];
    const sampling = { temperature: 0, maxTokens: 12, seed: 1 };
    // Uninterrupted, for the answers to compare with.
    const a = startHearth();
    const convA = (await newConversation(a, 'rwkv7', sampling)).conversation;
    const expected: string[] = [];
    for (const question of questions) expected.push((await ask(a, convA.id, question)).content);

    const b = startHearth();
    const { modelId, conversation } = await newConversation(b, 'rwkv7', sampling);
    for (const question of questions.slice(0, 2)) await ask(b, conversation.id, question);
    const lastAnswerId = new ConversationStore(b.db).leafId(conversation.id);
    await b.engine.shutdown();

    // With no engine running, opening the conversation starts nothing.
    await b.call('conversations.get', { conversationId: conversation.id });
    await b.chat.idle();
    assert.equal(b.engine.status.pid, null, 'no engine was started just to open a conversation');

    // The model loaded (as the start-up warm-up does), then the conversation opened.
    await b.call('models.load', { modelId });
    await b.call('conversations.get', { conversationId: conversation.id });
    await b.chat.idle();
    assert.equal(b.engine.liveTurn?.key, lastAnswerId, 'the engine holds the newest answer’s state');

    const next = await askCounted(b, conversation.id, questions[2] ?? '');
    assert.equal(next.answer.context?.source, 'live', next.answer.context?.rejected ?? '');
    assert.ok((next.answer.context?.tokens ?? Infinity) < 40, `read ${next.answer.context?.tokens} tokens`);
    assert.equal(next.answer.content, expected[2], 'the answer is the uninterrupted one');
  });
});
