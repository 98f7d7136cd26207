import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureForgedModel } from '../../forge/forgeModels.js';
import { ensureMalformedModels, MALFORMED_KINDS } from '../../forge/malformedModels.js';
import { encodeState, decodeState } from '../../../main/states/stateCodec.js';
import { damagedStates } from '../../forge/damagedStates.js';
import { check, type TortureRun } from '../TortureRun.js';
import { nextFinished, tortureHearth } from '../tortureHearth.js';
import { AppError } from '../../../contract/index.js';

/** Refusals a broken model file may get; anything else (internal above all) is a finding. */
const MODEL_REFUSALS = new Set(['model_invalid', 'model_load_failed', 'not_found', 'invalid_input']);

interface StateRow {
  id: number;
  compression: 'none' | 'deflate';
  sha256: string;
  byte_size: number;
  data: Buffer;
}

/**
 * Scenario 6: every malformed model file of test/forge/malformedModels.ts (the list grows with it)
 * through the real import, the model card, and a hand-placed file chosen for a chat; then damaged
 * state files whose checksum was rewritten to match. The engine serving chats must never crash on
 * them, every refusal must be a declared code, and the next message on a good model must work.
 */
export async function malformedFiles(run: TortureRun): Promise<void> {
  const stateTrials = run.count(64, 4);
  const scenario = run.scenario('malformed models and states', MALFORMED_KINDS.length * 3 + stateTrials);
  const { hearth, dispose } = tortureHearth();
  try {
    const malformed = await ensureMalformedModels();
    const goodId = hearth.addModel(await ensureForgedModel('rwkv6'), 'rwkv6.gguf');
    await hearth.call('settings.update', {
      contextSize: 2048,
      threads: 1,
      defaultSampling: { temperature: 0, topP: 1, maxTokens: 8, seed: run.seed },
    });
    const { id: goodConversation } = await hearth.call('conversations.create', { modelId: goodId, systemPrompt: '' });
    const ask = async (conversationId: string, content: string) => {
      const { assistantMessage } = await hearth.call('chat.send', { conversationId, content });
      const answer = await nextFinished(hearth, assistantMessage.id);
      await hearth.chat.idle();
      return answer;
    };
    await ask(goodConversation, 'Hello.');
    const chatEngine = () => ({ pid: hearth.engine.status.pid, restarts: hearth.engine.status.restarts });
    const untouched = (before: { pid: number | null; restarts: number }, what: string) => {
      const now = chatEngine();
      check(
        now.restarts === before.restarts,
        `${what} crashed the chat engine (${hearth.engine.status.lastExit?.reason ?? '?'})`,
      );
    };
    const refusedWell = (error: unknown, what: string) => {
      const code = error instanceof AppError ? error.code : 'thrown';
      check(MODEL_REFUSALS.has(code), `${what}: refused with code ${code}: ${(error as Error).message.slice(0, 160)}`);
    };

    for (const kind of MALFORMED_KINDS) {
      if (scenario.stopAtCap(0)) break;
      const path = malformed[kind];
      await scenario.trial(`${kind}: import`, async () => {
        const before = chatEngine();
        const imported = await hearth.call('library.import', { path, mode: 'copy' }).then(
          () => true,
          (error: unknown) => (refusedWell(error, 'import'), false),
        );
        check(!imported, 'the import accepted a malformed file');
        untouched(before, 'the import');
      });
      const handPlaced = `hand-${kind}.gguf`;
      copyFileSync(path, join(hearth.paths.modelsDir, handPlaced));
      await scenario.trial(`${kind}: model card of a hand-placed file`, async () => {
        const before = chatEngine();
        await hearth
          .call('library.card', { modelId: handPlaced })
          .catch((error: unknown) => refusedWell(error, 'card'));
        untouched(before, 'the card');
      });
      await scenario.trial(`${kind}: chat on a hand-placed file, then a good model answers`, async () => {
        const before = chatEngine();
        const { id } = await hearth.call('conversations.create', { modelId: handPlaced, systemPrompt: '' });
        const answer = await ask(id, 'Hello?').catch((error: unknown) => (refusedWell(error, 'chat.send'), null));
        if (answer) check(answer.status !== 'complete', 'a malformed file answered');
        untouched(before, 'the chat');
        const next = await ask(goodConversation, `After ${kind}?`);
        check(next.status === 'complete', `the good model failed next: ${next.status} (${next.detail ?? ''})`);
      });
    }

    // Damaged states: each trial damages the newest saved state of the good conversation.
    const vocabularySize = (await hearth.call('library.card', { modelId: goodId })).vocabularySize;
    const { contextSize } = await hearth.call('settings.get', {});
    for (let i = 0; i < stateTrials; i++) {
      if (scenario.stopAtCap(MALFORMED_KINDS.length * 3 + i)) break;
      await scenario.trial(`state #${i + 1}, damaged, checksum rewritten`, async () => {
        const row = hearth.db
          .prepare<[string], StateRow>(
            "SELECT id, compression, sha256, byte_size, data FROM states WHERE conversation_id = ? AND kind = 'turn' ORDER BY id DESC LIMIT 1",
          )
          .get(goodConversation);
        check(row, 'no saved state to damage');
        const raw = decodeState(row.data, row.compression, row.sha256, row.byte_size);
        // The same generator as the engine's own damaged-state tests, one case drawn per trial.
        const chosen = scenario.pick(damagedStates(raw, { vocabularySize, contextSize }));
        scenario.note(`state #${i + 1}: ${chosen.name}`);
        const damaged = chosen.data;
        const encoded = encodeState(damaged);
        hearth.db
          .prepare(
            'UPDATE states SET data = ?, compression = ?, sha256 = ?, byte_size = ?, stored_size = ? WHERE id = ?',
          )
          .run(encoded.data, encoded.compression, encoded.sha256, damaged.length, encoded.data.length, row.id);
        const before = chatEngine();
        const answer = await ask(goodConversation, `Question ${i + 1} after a damaged state.`);
        check(answer.status === 'complete', `the answer failed: ${answer.status} (${answer.detail ?? ''})`);
        untouched(before, 'the damaged state');
      });
    }
  } finally {
    const orphans = await dispose();
    if (orphans.length > 0) scenario.note(`orphan processes after close: ${orphans.join(', ')}`);
  }
}
