import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { decodeState, sha256 } from '../../main/states/stateCodec.js';
import { ask } from '../support/chatHelpers.js';
import { useForgedModels } from '../support/forgedModels.js';
import { startHearth, type TestHearth } from '../support/startHearth.js';
import { dropHotCopies, greedySettings, hotCopies, hotKey, stateRows, type StateRow } from '../support/stateHelpers.js';

const forged = useForgedModels();
const Q1 = 'Hello there.';
const Q2 = 'Tell me about the hearth.';

/** One turn on rwkv6 without a system prompt (so no prompt cache), its state saved. */
async function oneTurn(hearth: TestHearth) {
  const modelId = hearth.addModel(forged.paths.rwkv6, 'rwkv6.gguf');
  await greedySettings(hearth);
  const conversation = await hearth.call('conversations.create', { modelId, systemPrompt: '' });
  await ask(hearth, conversation.id, Q1);
  const [state] = stateRows(hearth, conversation.id);
  assert.ok(state, 'the first turn saved a state');
  return { conversation, state };
}

function setState(hearth: TestHearth, id: number, changes: Partial<StateRow>) {
  for (const [column, value] of Object.entries(changes)) {
    hearth.db.prepare(`UPDATE states SET ${column} = ? WHERE id = ?`).run(value, id);
  }
}

const TAMPERING: { name: string; reason: RegExp; tamper(hearth: TestHearth, state: StateRow): Promise<void> | void }[] =
  [
    {
      name: 'a bit-flipped blob',
      reason: /damaged/,
      tamper(hearth, state) {
        // The hot copy would be lent instead (and rightly: it still matches the checksum).
        dropHotCopies(hearth);
        const data = Buffer.from(state.data);
        const at = Math.floor(data.length / 2);
        data[at] = (data[at] ?? 0) ^ 0x10;
        setState(hearth, state.id, { data });
      },
    },
    {
      name: 'a truncated blob',
      reason: /damaged/,
      tamper(hearth, state) {
        dropHotCopies(hearth);
        setState(hearth, state.id, { data: state.data.subarray(0, state.data.length - 64) });
      },
    },
    {
      name: 'a blob from another model',
      reason: /different model file/,
      async tamper(hearth, state) {
        // A real state of the mamba model, stored against this rwkv6 conversation's answer.
        const modelId = hearth.addModel(forged.paths.mamba, 'mamba.gguf');
        const other = await hearth.call('conversations.create', { modelId, systemPrompt: '' });
        await ask(hearth, other.id, Q1);
        const [foreign] = stateRows(hearth, other.id);
        assert.ok(foreign);
        const { id: _id, conversation_id: _c, message_id: _m, kind: _k, ...copy } = foreign;
        setState(hearth, state.id, copy);
      },
    },
    {
      name: 'a bit-flipped hot copy (lent unread: the engine checks it against the stored checksum)',
      reason: /checksum does not match/,
      tamper(hearth, state) {
        const path = hotCopies(hearth).get(hotKey(state));
        assert.ok(path, 'the state has a hot copy');
        const data = readFileSync(path);
        const at = Math.floor(data.length / 2);
        data[at] = (data[at] ?? 0) ^ 0x10;
        writeFileSync(path, data);
      },
    },
    {
      name: 'a blob from another engine build',
      reason: /another engine build/,
      tamper(hearth, state) {
        hearth.db
          .prepare('UPDATE states SET engine_build = ? WHERE id = ?')
          .run('node-llama-cpp 0.0.1 / llama.cpp b1', state.id);
      },
    },
    {
      name: 'a well-formed blob with a token outside the vocabulary (checksum recomputed)',
      reason: /outside the model's vocabulary/,
      tamper(hearth, state) {
        const raw = Buffer.from(decodeState(state.data, state.compression, state.sha256, state.byte_size));
        raw.writeInt32LE(99_999, 12);
        setState(hearth, state.id, { data: raw, compression: 'none', sha256: sha256(raw), stored_size: raw.length });
      },
    },
  ];

describe('saved states are never trusted blindly', () => {
  test('each refused blob falls back to re-reading the history, with a notice, and the right answer', async () => {
    // The right answer: the same two turns with no saved state, the second in a new engine.
    const control = startHearth();
    const modelId = control.addModel(forged.paths.rwkv6, 'rwkv6.gguf');
    await greedySettings(control, { saveStates: false });
    const controlConversation = await control.call('conversations.create', { modelId, systemPrompt: '' });
    await ask(control, controlConversation.id, Q1);
    await control.engine.shutdown();
    const expected = await ask(control, controlConversation.id, Q2);
    assert.equal(expected.context?.source, 'reread');

    for (const tampering of TAMPERING) {
      const hearth = startHearth();
      const { conversation, state } = await oneTurn(hearth);
      await tampering.tamper(hearth, state);
      await hearth.engine.shutdown();
      const before = hearth.emitted.length;
      const answer = await ask(hearth, conversation.id, Q2);
      assert.equal(answer.context?.source, 'reread', `${tampering.name}: re-read instead`);
      assert.match(answer.context?.rejected ?? '', tampering.reason, `${tampering.name}: the reason is recorded`);
      assert.equal(answer.content, expected.content, `${tampering.name}: the answer is the re-read one`);
      // A state whose contents fail after llama.cpp loaded it (the check runs during the prompt)
      // must not have streamed a word: what reached the window is exactly the re-read answer.
      const streamed = hearth.emitted
        .slice(before)
        .filter((e) => e.event === 'chat.delta' && (e.payload as { messageId: string }).messageId === answer.id)
        .map((e) => (e.payload as { text: string }).text)
        .join('');
      assert.equal(streamed, answer.content, `${tampering.name}: nothing streamed from the refused state`);
      assert.equal(answer.status, 'complete');
      assert.equal(hearth.engine.status.lastExit, null, `${tampering.name}: the engine did not crash`);
      const notices = hearth.emitted.slice(before).filter((e) => e.event === 'notice');
      assert.match(JSON.stringify(notices), /was not used/, `${tampering.name}: the user is told`);
      assert.equal(hearth.db.pragma('integrity_check', { simple: true }), 'ok');
      assert.ok(stateRows(hearth, conversation.id).length >= 1, 'the re-read turn saved a fresh state');
      assert.ok(!hotCopies(hearth).has(hotKey(state)), `${tampering.name}: no hot copy of the refused state is kept`);
    }
  });
});
