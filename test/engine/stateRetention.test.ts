import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ask, finished } from '../support/chatHelpers.js';
import { useForgedModels } from '../support/forgedModels.js';
import { startHearth, type TestHearth } from '../support/startHearth.js';
import { greedySettings, hotCopies, hotKey, stateRows } from '../support/stateHelpers.js';
import { waitFor } from '../support/waitFor.js';

const forged = useForgedModels();

async function rwkv6Chat(hearth: TestHearth, systemPrompt = '') {
  const modelId = hearth.addModel(forged.paths.rwkv6, `rwkv6-${Math.random().toString(36).slice(2)}.gguf`);
  return hearth.call('conversations.create', { modelId, systemPrompt });
}

function assertConsistent(hearth: TestHearth) {
  assert.equal(hearth.db.pragma('integrity_check', { simple: true }), 'ok');
  assert.deepEqual(hearth.db.pragma('foreign_key_check'), []);
}

describe('saved-state retention', () => {
  test('deleting a conversation or a branch deletes its states', async () => {
    const hearth = startHearth();
    await greedySettings(hearth);
    const kept = await rwkv6Chat(hearth);
    await ask(hearth, kept.id, 'Stay.');
    const doomed = await rwkv6Chat(hearth);
    const a1 = await ask(hearth, doomed.id, 'One.');
    await ask(hearth, doomed.id, 'Two.');
    const { assistantMessage } = await hearth.call('chat.regenerate', { conversationId: doomed.id });
    await finished(hearth, assistantMessage.id);
    await hearth.chat.idle();
    assert.equal(stateRows(hearth, doomed.id).length, 3, 'a1, a2 and the regenerated a2');

    await hearth.call('conversations.deleteBranch', { conversationId: doomed.id, messageId: assistantMessage.id });
    assert.deepEqual(
      stateRows(hearth, doomed.id)
        .map((row) => row.message_id)
        .includes(assistantMessage.id),
      false,
      'the deleted branch’s state is gone',
    );
    assert.equal(stateRows(hearth, doomed.id).length, 2);
    assert.ok(stateRows(hearth, doomed.id).some((row) => row.message_id === a1.id));

    const doomedKeys = stateRows(hearth, doomed.id).map(hotKey);
    assert.ok(
      doomedKeys.some((key) => hotCopies(hearth).has(key)),
      'the newest states have hot copies beside the database',
    );
    await hearth.call('conversations.delete', { conversationId: doomed.id });
    assert.equal(stateRows(hearth, doomed.id).length, 0);
    assert.equal(stateRows(hearth, kept.id).length, 1, 'other conversations keep theirs');
    // The copies go with their states (swept when the deletion is announced).
    await waitFor(() => doomedKeys.every((key) => !hotCopies(hearth).has(key)), { what: 'the hot copies to go' });
    assert.ok(hotCopies(hearth).has(hotKey(stateRows(hearth, kept.id)[0] ?? assert.fail())));
    assertConsistent(hearth);
  });

  test('each branch keeps the states of its most recent turns only', async () => {
    const hearth = startHearth();
    await greedySettings(hearth, { checkpointsPerBranch: 2 });
    const conversation = await rwkv6Chat(hearth);
    const answers = [];
    for (const question of ['One.', 'Two.', 'Three.', 'Four.'])
      answers.push(await ask(hearth, conversation.id, question));
    assert.deepEqual(
      stateRows(hearth, conversation.id).map((row) => row.message_id),
      answers.slice(2).map((answer) => answer.id),
    );
  });

  test('the space budget evicts the least recently used states', async () => {
    const hearth = startHearth();
    await greedySettings(hearth);
    const first = await rwkv6Chat(hearth);
    await ask(hearth, first.id, 'One.');
    const [sample] = stateRows(hearth);
    assert.ok(sample);
    // Room for two states and a half.
    await hearth.call('settings.update', { stateBudgetBytes: Math.floor(sample.stored_size * 2.5) });

    const second = await rwkv6Chat(hearth);
    await ask(hearth, second.id, 'Two.');
    // Using the first conversation's state makes it the most recently used.
    await ask(hearth, first.id, 'Again.');
    const third = await rwkv6Chat(hearth);
    await ask(hearth, third.id, 'Three.');

    const usage = await hearth.call('states.usage', {});
    assert.ok(usage.totalBytes <= usage.budgetBytes, `${usage.totalBytes} bytes within ${usage.budgetBytes}`);
    assert.equal(stateRows(hearth, second.id).length, 0, 'the least recently used conversation lost its state');
    assert.ok(stateRows(hearth, third.id).length === 1);
    assert.ok(stateRows(hearth, first.id).length >= 1);
    assertConsistent(hearth);
  });

  test('purge empties the states and the database file gives the space back', async () => {
    const hearth = startHearth();
    await greedySettings(hearth, { defaultSampling: { temperature: 0, topP: 1, maxTokens: 24, seed: 1 } });
    const modelId = hearth.addModel(forged.paths.llama, 'llama.gguf');
    const conversations = [];
    for (let i = 0; i < 3; i++) {
      const conversation = await hearth.call('conversations.create', { modelId, systemPrompt: '' });
      for (const question of ['One.', 'Two.', 'Three.']) await ask(hearth, conversation.id, question);
      conversations.push(conversation);
    }
    const pages = () => hearth.db.pragma('page_count', { simple: true }) as number;
    const usage = await hearth.call('states.usage', {});
    assert.equal(usage.conversations.length, 3);
    const one = conversations[0]?.id ?? '';
    const afterOne = await hearth.call('states.purge', { conversationId: one });
    assert.equal(afterOne.conversations.length, 2);
    assert.equal(stateRows(hearth, one).length, 0);
    const before = pages();
    const empty = await hearth.call('states.purge', {});
    assert.equal(empty.totalBytes, 0);
    await waitFor(() => hotCopies(hearth).size === 0, { what: 'purged states’ hot copies to go' });
    assert.ok(pages() < before, `the file shrank: ${before} → ${pages()} pages`);
    assertConsistent(hearth);
  });
});

describe('what is saved, per architecture', () => {
  test('attention models save only under the size cap; recurrent ones whatever it is', async () => {
    const hearth = startHearth();
    await greedySettings(hearth, { attentionStateCapBytes: 16 * 1024 });
    const llama = hearth.addModel(forged.paths.llama, 'llama.gguf');
    const dense = await hearth.call('conversations.create', { modelId: llama, systemPrompt: '' });
    await ask(hearth, dense.id, 'One.');
    const small = stateRows(hearth, dense.id);
    assert.equal(small.length, 1, 'a short dense conversation fits the cap');
    assert.ok((small[0]?.byte_size ?? Infinity) <= 16 * 1024);
    for (const question of ['Two, a longer question to make the cache grow past the cap.', 'Three.', 'Four.']) {
      await ask(hearth, dense.id, question);
    }
    const rows = stateRows(hearth, dense.id);
    assert.ok(rows.length < 4, 'states over the cap were not saved');
    assert.ok(rows.every((row) => row.byte_size <= 16 * 1024));

    const recurrent = await rwkv6Chat(hearth);
    await hearth.call('settings.update', { attentionStateCapBytes: 0 });
    for (const question of ['One.', 'Two.']) await ask(hearth, recurrent.id, question);
    assert.equal(stateRows(hearth, recurrent.id).length, 2, 'the cap is for attention models only');
  });
});

describe('prompt-state cache', () => {
  test('a new conversation with the same long system prompt starts from the cached state', async () => {
    const hearth = startHearth();
    await greedySettings(hearth);
    const persona = 'You are Hearth, a patient assistant who explains fires and chimneys in detail. '.repeat(10);
    const first = await rwkv6Chat(hearth, persona);
    const firstAnswer = await ask(hearth, first.id, 'Hello.');
    assert.equal(firstAnswer.context?.source, 'reread');
    const usage = await hearth.call('states.usage', {});
    assert.ok(usage.promptCacheBytes > 0, 'the system prompt’s state was cached');

    const modelId = first.modelId ?? '';
    const second = await hearth.call('conversations.create', { modelId, systemPrompt: persona });
    await hearth.engine.shutdown();
    const secondAnswer = await ask(hearth, second.id, 'Hello.');
    assert.equal(secondAnswer.context?.source, 'prompt-cache');
    assert.ok(
      (secondAnswer.context?.tokens ?? Infinity) * 10 < (firstAnswer.context?.tokens ?? 0),
      `${secondAnswer.context?.tokens} tokens read instead of ${firstAnswer.context?.tokens}`,
    );
    assert.equal(secondAnswer.content, firstAnswer.content, 'the cache changes nothing but the time');
  });
});
