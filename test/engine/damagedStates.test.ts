import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Message } from '../../contract/index.js';
import { decodeState, sha256 } from '../../main/states/stateCodec.js';
import { ask } from '../support/chatHelpers.js';
import { waitFor } from '../support/waitFor.js';
import { useForgedModels } from '../support/forgedModels.js';
import { startHearth, type TestHearth } from '../support/startHearth.js';
import { greedySettings, stateRows, type StateRow } from '../support/stateHelpers.js';
import { damagedStates } from '../forge/damagedStates.js';
import type { ChatForgedArch } from '../forge/forgeModels.js';
import type { EngineLauncher } from '../../main/engine/transport/EngineTransport.js';
import { forkLauncher } from '../../main/engine/transport/forkTransport.js';

const forged = useForgedModels();
const ARCHITECTURES: ChatForgedArch[] = ['rwkv7', 'rwkv6', 'mamba2', 'mamba', 'llama', 'qwen3moe'];

type Outcome = 'refused by Hearth' | 'refused by llama.cpp' | 'loaded, same answer' | 'loaded, other answer';

/** Puts `raw` in place of the state row `original`, its checksum and sizes rewritten to match. */
function storeDamaged(hearth: TestHearth, original: StateRow, raw: Buffer): void {
  hearth.db.prepare('DELETE FROM states WHERE id = ?').run(original.id);
  hearth.db
    .prepare(
      `INSERT INTO states (id, kind, conversation_id, message_id, prompt_key, model_fingerprint, engine_build,
         context_size, token_count, byte_size, stored_size, compression, sha256, history_hash, data, created_at, last_used_at)
       SELECT ?, 'turn', ?, ?, NULL, ?, engine_build, context_size, token_count, ?, ?, 'none', ?, ?, ?, ?, ?
       FROM states WHERE model_fingerprint = ? LIMIT 1`,
    )
    .run(
      original.id,
      original.conversation_id,
      original.message_id,
      original.model_fingerprint,
      raw.length,
      raw.length,
      sha256(raw),
      original.history_hash,
      raw,
      Date.now(),
      Date.now(),
      original.model_fingerprint,
    );
}

describe('damaged state files whose checksum matches', () => {
  // Hearth refuses a file whose layout is wrong before llama.cpp reads it, and one whose numbers are
  // not finite while the prompt is read (the context is then made again, and nothing of the
  // refused start reaches the conversation).
  test('are refused by Hearth, or load and answer right; the engine never crashes', async () => {
    const counts = new Map<string, number>();
    const tally = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
    const otherAnswers: string[] = [];
    for (const arch of ARCHITECTURES) {
      const hearth = startHearth();
      const crashes: string[] = [];
      hearth.engine.on((event) => {
        if (event.type === 'crashed') crashes.push(event.reason);
      });
      const modelId = hearth.addModel(forged.paths[arch], `${arch}.gguf`);
      await greedySettings(hearth, { defaultSampling: { temperature: 0, topP: 1, maxTokens: 4, seed: 1 } });
      const conversation = await hearth.call('conversations.create', { modelId, systemPrompt: '' });
      await ask(hearth, conversation.id, 'Hello there.');
      const second = await ask(hearth, conversation.id, 'Tell me about the hearth.');
      const [first] = stateRows(hearth, conversation.id);
      assert.ok(first, `${arch}: the first answer's state was saved`);
      const valid = decodeState(first.data, first.compression, first.sha256, first.byte_size);
      const loaded = hearth.engine.status.loaded;
      assert.ok(loaded);

      // The right continuation: the same question answered again from the intact state.
      const answerAgain = async (): Promise<Message> => {
        const { assistantMessage } = await hearth.call('chat.regenerate', {
          conversationId: conversation.id,
          messageId: second.id,
        });
        // A safety net only: a refused state costs a re-read, and this machine may be busy.
        const answer = await waitFor(
          () =>
            hearth.emitted
              .filter((e) => e.event === 'chat.finished')
              .map((e) => (e.payload as { message: Message }).message)
              .find((m) => m.id === assistantMessage.id),
          { what: `the answer ${assistantMessage.id}`, timeoutMs: 180_000 },
        );
        await hearth.chat.idle();
        return answer;
      };
      storeDamaged(hearth, first, valid);
      const expected = await answerAgain();
      assert.equal(expected.context?.source, 'state', `${arch}: the intact state is used`);

      const cases = damagedStates(valid, { vocabularySize: loaded.vocabularySize, contextSize: loaded.contextSize });
      for (const damaged of cases) {
        const label = `${arch} ${damaged.name}`;
        storeDamaged(hearth, first, damaged.data);
        const answer = await answerAgain();
        assert.equal(answer.status, 'complete', `${label}: ${answer.detail ?? ''}`);
        let outcome: Outcome;
        if (answer.context?.source === 'state') {
          outcome = answer.content === expected.content ? 'loaded, same answer' : 'loaded, other answer';
          if (outcome === 'loaded, other answer') otherAnswers.push(label);
        } else {
          assert.equal(answer.context?.source, 'reread', label);
          assert.equal(answer.content, expected.content, `${label}: the re-read answer is the right one`);
          outcome = /could not be loaded: (the state|Hearth cannot)/.test(answer.context?.rejected ?? '')
            ? 'refused by Hearth'
            : 'refused by llama.cpp';
        }
        tally(outcome);
        if (process.env.HEARTH_TEST_VERBOSE) console.log(`${label}: ${outcome}`);
        tally(`${damaged.kind}: ${outcome}`);
        assert.deepEqual(crashes, [], `${label}: the engine did not crash`);
        if (damaged.kind !== 'payload-noise') {
          assert.equal(outcome, 'refused by Hearth', `${label}: ${answer.context?.rejected ?? 'loaded'}`);
        }
        if (answer.context?.source !== 'state') {
          const streamed = hearth.emitted
            .filter((e) => e.event === 'chat.delta' && (e.payload as { messageId: string }).messageId === answer.id)
            .map((e) => (e.payload as { text: string }).text)
            .join('');
          assert.equal(streamed, answer.content, `${label}: only the re-read answer was streamed`);
        }
      }
      // The context that had a refused state's numbers was replaced: the intact state answers as before.
      storeDamaged(hearth, first, valid);
      const after = await answerAgain();
      assert.equal(after.context?.source, 'state', `${arch}: the intact state is used after the damaged ones`);
      assert.equal(after.content, expected.content, `${arch}: the intact state still answers the same`);
      counts.set('cases', (counts.get('cases') ?? 0) + cases.length);
      await hearth.engine.shutdown();
    }
    console.log(`damaged states: ${JSON.stringify(Object.fromEntries([...counts].sort()), null, 1)}`);
    console.log(`loaded with another answer: ${otherAnswers.join('; ') || 'none'}`);
  });

  test('an engine that dies while reading a state: the state is refused, the history re-read, the turn answered', async () => {
    // The next engine started aborts inside its first state read (a real SIGABRT of its process).
    let abortOnStateRead = false;
    const launcher: EngineLauncher = (options) => {
      const entry = abortOnStateRead
        ? fileURLToPath(new URL('../support/engineAbortingOnStateLoad.ts', import.meta.url))
        : options.entry;
      abortOnStateRead = false;
      return forkLauncher({ ...options, ...(entry && { entry }) });
    };
    const hearth = startHearth({ launcher });
    const modelId = hearth.addModel(forged.paths.rwkv6, 'rwkv6.gguf');
    await greedySettings(hearth);
    const conversation = await hearth.call('conversations.create', { modelId, systemPrompt: '' });
    await ask(hearth, conversation.id, 'Hello there.');
    const [state] = stateRows(hearth, conversation.id);
    assert.ok(state);
    await hearth.engine.shutdown();
    abortOnStateRead = true;
    const before = hearth.emitted.length;
    const answer = await ask(hearth, conversation.id, 'Tell me about the hearth.');
    assert.equal(hearth.engine.status.restarts, 2, 'the engine that aborted was replaced');
    assert.equal(answer.status, 'complete', answer.detail ?? '');
    assert.equal(answer.context?.source, 'reread');
    assert.match(answer.context?.rejected ?? '', /the engine stopped while reading it \(native abort \(SIGABRT\)/);
    const notices = JSON.stringify(hearth.emitted.slice(before).filter((e) => e.event === 'notice'));
    assert.match(notices, /was not used/);
    assert.ok(
      stateRows(hearth, conversation.id).every((row) => row.message_id !== state.message_id),
      'the state that took the engine down is not offered again',
    );
  });
});
