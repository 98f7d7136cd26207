import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Message } from '../../contract/index.js';
import type { ChatForgedArch } from '../forge/forgeModels.js';
import { ask, finished } from '../support/chatHelpers.js';
import { useForgedModels } from '../support/forgedModels.js';
import { startHearth, type TestHearth } from '../support/startHearth.js';

const forged = useForgedModels();
const RECURRENT: ChatForgedArch[] = ['rwkv7', 'rwkv6', 'mamba2', 'mamba'];
const QUESTIONS = ['Hello there.', 'Tell me about the hearth.', 'Why is it warm?', 'And the chimney?', 'Thank you.'];
const PERSONA = 'You are Hearth, a careful assistant. '.repeat(8);

interface Setup {
  arch: ChatForgedArch;
  saveStates?: boolean;
  systemPrompt?: string;
  maxTokens?: number;
}

async function conversationOn(hearth: TestHearth, setup: Setup) {
  const modelId = hearth.addModel(forged.paths[setup.arch], `${setup.arch}.gguf`);
  await hearth.call('settings.update', {
    contextSize: 2048,
    threads: 1,
    saveStates: setup.saveStates ?? true,
    defaultSampling: { temperature: 0, topP: 1, maxTokens: setup.maxTokens ?? 12, seed: 1 },
  });
  return hearth.call('conversations.create', { modelId, systemPrompt: setup.systemPrompt ?? PERSONA });
}

function turnStates(hearth: TestHearth, conversationId: string) {
  return hearth.db
    .prepare<[string], { message_id: string; token_count: number; byte_size: number; stored_size: number }>(
      "SELECT message_id, token_count, byte_size, stored_size FROM states WHERE kind = 'turn' AND conversation_id = ? ORDER BY token_count",
    )
    .all(conversationId);
}

describe('saved recurrent states', () => {
  for (const arch of RECURRENT) {
    test(`${arch}: a new engine resumes from the saved state and continues exactly as an uninterrupted one`, async () => {
      // A: five turns in one engine process.
      const a = startHearth();
      const convA = await conversationOn(a, { arch });
      const answersA: Message[] = [];
      for (const question of QUESTIONS) answersA.push(await ask(a, convA.id, question));

      // B: three turns, the engine process stopped, then the last two in a new process.
      const b = startHearth();
      const convB = await conversationOn(b, { arch });
      const answersB: Message[] = [];
      for (const question of QUESTIONS.slice(0, 3)) answersB.push(await ask(b, convB.id, question));
      const firstPid = b.engine.status.pid;
      await b.engine.shutdown();
      for (const question of QUESTIONS.slice(3)) answersB.push(await ask(b, convB.id, question));
      assert.notEqual(b.engine.status.pid, firstPid, 'the last turns ran in a new engine process');

      // C: as B, with saved states turned off: the new engine has to re-read the whole history.
      const c = startHearth();
      const convC = await conversationOn(c, { arch, saveStates: false });
      const answersC: Message[] = [];
      for (const question of QUESTIONS.slice(0, 3)) answersC.push(await ask(c, convC.id, question));
      await c.engine.shutdown();
      for (const question of QUESTIONS.slice(3)) answersC.push(await ask(c, convC.id, question));

      assert.deepEqual(
        answersB.map((m) => m.content),
        answersA.map((m) => m.content),
        'resumed answers are token-identical to the uninterrupted ones',
      );
      assert.deepEqual(
        answersA.map((m) => m.content),
        answersC.map((m) => m.content),
        'and identical to re-reading the history',
      );
      const resumed = answersB[3];
      assert.equal(resumed?.context?.source, 'state', 'the first turn in the new engine loaded the saved state');
      assert.ok(answersB.every((m) => m.content.length > 0));
      const reread = answersC[3]?.context;
      assert.equal(reread?.source, 'reread');
      assert.ok(
        (resumed?.context?.tokens ?? Infinity) * 4 < (reread?.tokens ?? 0),
        `the resumed turn read ${resumed?.context?.tokens} tokens, the re-read ${reread?.tokens}`,
      );
    });
  }

  test('a recurrent state stays the same size as the conversation grows; a dense model’s grows', async () => {
    const sizes: Record<string, { token_count: number; byte_size: number }[]> = {};
    for (const arch of ['rwkv6', 'llama'] as const) {
      const hearth = startHearth();
      const conversation = await conversationOn(hearth, { arch, maxTokens: 24 });
      for (const question of QUESTIONS) await ask(hearth, conversation.id, question);
      sizes[arch] = turnStates(hearth, conversation.id);
      assert.equal(sizes[arch].length, QUESTIONS.length, `${arch}: one state per turn`);
    }
    // node-llama-cpp stores the token list in the file: 4 bytes a token. The rest is the state.
    const recurrent = (sizes.rwkv6 ?? []).map((s) => s.byte_size - 4 * s.token_count);
    assert.equal(new Set(recurrent).size, 1, `rwkv6 state without its token list: ${recurrent.join(', ')}`);
    const dense = sizes.llama ?? [];
    for (let i = 1; i < dense.length; i++) {
      const [before, after] = [dense[i - 1], dense[i]];
      if (!before || !after) continue;
      const perToken = (after.byte_size - before.byte_size) / (after.token_count - before.token_count);
      assert.ok(perToken > 64, `llama grows by its KV cache: ${perToken.toFixed(0)} bytes a token`);
    }
  });

  test('regenerate at turn k and edit-and-resend at turn k start from the state at that point', async () => {
    const hearth = startHearth();
    const conversation = await conversationOn(hearth, { arch: 'rwkv7' });
    const answers: Message[] = [];
    for (const question of QUESTIONS.slice(0, 4)) answers.push(await ask(hearth, conversation.id, question));

    // Regenerate turn 2: the saved state after turn 1 covers everything but question 2.
    const { assistantMessage } = await hearth.call('chat.regenerate', {
      conversationId: conversation.id,
      messageId: answers[1]?.id ?? '',
    });
    const regenerated = await finished(hearth, assistantMessage.id);
    await hearth.chat.idle();
    assert.equal(regenerated.context?.source, 'state');
    assert.equal(regenerated.content, answers[1]?.content, 'greedy: the same answer, from the same state');
    const questionTokens = regenerated.context?.tokens ?? Infinity;
    assert.ok(questionTokens < 40, `only question 2 was read: ${questionTokens} tokens`);
    assert.deepEqual(regenerated.siblingIds, [answers[1]?.id, regenerated.id]);

    // Edit question 3 (on the original branch): again from the state after turn 2.
    await hearth.call('conversations.selectBranch', {
      conversationId: conversation.id,
      messageId: answers[3]?.id ?? '',
    });
    const view = await hearth.call('conversations.get', { conversationId: conversation.id });
    const question3 = view.messages[4];
    assert.equal(question3?.content, QUESTIONS[2]);
    const edited = await hearth.call('chat.edit', {
      conversationId: conversation.id,
      messageId: question3?.id ?? '',
      content: 'Why is the fire so warm?',
    });
    const answer = await finished(hearth, edited.assistantMessage.id);
    assert.equal(answer.context?.source, 'state');
    assert.ok(
      (answer.context?.tokens ?? Infinity) < 40,
      `only the edited question was read: ${answer.context?.tokens}`,
    );
    assert.deepEqual(edited.userMessage.siblingIds, [question3?.id, edited.userMessage.id]);

    const settled = await hearth.call('conversations.get', { conversationId: conversation.id });
    assert.equal(settled.messages.length, 6, 'q1 a1 q2 a2 q3′ a3′');
  });
});
