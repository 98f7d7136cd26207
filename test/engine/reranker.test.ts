import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { DOCUMENTS_DO_NOT_COVER } from '../../main/documents/groundQuestion.js';
import { ensureForgedModel } from '../forge/forgeModels.js';
import { ask, greedyConversation } from '../support/chatHelpers.js';
import { useForgedModels } from '../support/forgedModels.js';
import { startHearth, type TestHearth } from '../support/startHearth.js';
import { tempDir } from '../support/tempDir.js';
import { waitFor } from '../support/waitFor.js';

const forged = useForgedModels();
const dir = tempDir('hearth-rerank-');
const manual = join(dir, 'lantern.md');
let rankerPath = '';

// Eight sections that all mention the lantern, so a question about it retrieves every one and
// the reranker has a real list to reorder.
const SECTIONS = [
  ['Charging', 'Charge the lantern with the blue cable for four hours.'],
  ['Storage', 'Store the lantern below thirty degrees to protect the battery.'],
  ['Cleaning', 'Wipe the lantern glass with a dry cloth; never use solvents.'],
  ['Brightness', 'Hold the lantern button for two seconds to change the brightness.'],
  ['Warranty', 'The lantern is covered for two years from the date of purchase.'],
  ['Travel', 'Lock the lantern switch before packing it in a bag.'],
  ['Water', 'The lantern resists rain but must not be submerged.'],
  ['Disposal', 'Recycle the lantern battery at a collection point.'],
];

before(async () => {
  writeFileSync(manual, `# Lantern manual\n\n${SECTIONS.map(([h, t]) => `## ${h}\n\n${t}\n`).join('\n')}`);
  rankerPath = await ensureForgedModel('qwen3rerank');
});

async function indexedManual(hearth: TestHearth): Promise<string> {
  // The smallest chunks: one section each.
  await hearth.call('settings.update', { documentChunkChars: 200, documentChunkOverlap: 0 });
  const [outcome] = await hearth.call('documents.import', { paths: [manual] });
  return waitFor(
    async () => {
      const document = (await hearth.call('documents.list', {})).find((d) => d.id === outcome?.documentId);
      if (document?.status === 'failed') assert.fail(document.error?.message);
      return document?.status === 'indexed' ? document.id : undefined;
    },
    { what: 'the manual indexed' },
  );
}

const QUESTION = 'Where should the lantern be kept?';

describe('a reranking model (forged: a Qwen3-Reranker-shaped model with random weights)', () => {
  test('runs in the engine, reorders the fused candidates by its relevance, and does so the same way each time', async () => {
    const hearth = startHearth();
    const documentId = await indexedManual(hearth);
    const fused = await hearth.call('documents.search', { query: QUESTION, documentIds: [documentId], limit: 8 });
    assert.equal(fused.length, SECTIONS.length, 'every section matched "lantern"');
    assert.ok(
      fused.every((hit) => hit.relevance === undefined),
      'no relevance without a reranker',
    );

    const rerankerModelId = hearth.addModel(rankerPath, 'ranker.gguf');
    const card = await hearth.call('library.card', { modelId: rerankerModelId });
    assert.equal(card.family, 'reranker', 'the library names a file with a classifier head a reranker');
    await hearth.call('settings.update', { rerankerModelId });
    const reranked = await hearth.call('documents.search', { query: QUESTION, documentIds: [documentId], limit: 8 });
    const scores = reranked.map((hit) => hit.relevance);
    assert.ok(
      scores.every((score) => typeof score === 'number' && score > 0 && score < 1),
      `relevance in (0, 1): ${scores.join(', ')}`,
    );
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b! - a!),
      'best relevance first',
    );
    assert.deepEqual(
      new Set(reranked.map((hit) => hit.chunkId)),
      new Set(fused.map((hit) => hit.chunkId)),
      'the same candidates',
    );
    assert.notDeepEqual(
      reranked.map((hit) => hit.chunkId),
      fused.map((hit) => hit.chunkId),
      'in another order than the fused one',
    );
    const again = await hearth.call('documents.search', { query: QUESTION, documentIds: [documentId], limit: 8 });
    assert.deepEqual(again, reranked, 'deterministic');

    // A limit below the candidate count keeps the reranker's best, not the fused best.
    const top3 = await hearth.call('documents.search', { query: QUESTION, documentIds: [documentId], limit: 3 });
    assert.deepEqual(
      top3.map((hit) => hit.chunkId),
      reranked.slice(0, 3).map((hit) => hit.chunkId),
    );
  });

  test('a model that cannot rank leaves the fused order, and search still answers', async () => {
    const logged: string[] = [];
    const hearth = startHearth({ log: (line) => logged.push(line) });
    const documentId = await indexedManual(hearth);
    const fused = await hearth.call('documents.search', { query: QUESTION, documentIds: [documentId], limit: 8 });
    // A chat model has no classifier head: its facts say so, and it is refused before the engine
    // loads it (not loaded and refused again at every search).
    await hearth.call('settings.update', { rerankerModelId: hearth.addModel(forged.paths.llama, 'not-a-ranker.gguf') });
    const hits = await hearth.call('documents.search', { query: QUESTION, documentIds: [documentId], limit: 8 });
    const again = await hearth.call('documents.search', { query: QUESTION, documentIds: [documentId], limit: 8 });
    assert.deepEqual(hits, fused);
    assert.deepEqual(again, fused);
    const refusals = logged.filter((line) => /not reranked/.test(line));
    assert.equal(refusals.length, 2, 'each search says why it kept the fused order');
    assert.ok(
      refusals.every((line) => /cannot rank passages: it is not a reranker/.test(line)),
      `refused from its facts, never loaded into the engine to fail there: ${refusals.join(' | ')}`,
    );
  });

  test('strict mode refuses without asking the model when the best relevance is under the threshold, and answers above it', async () => {
    const hearth = startHearth();
    const documentId = await indexedManual(hearth);
    const conversation = await greedyConversation(hearth, forged.paths.rwkv7, 8);
    await hearth.call('conversations.setDocuments', {
      conversationId: conversation.id,
      documentIds: [documentId],
      strict: true,
    });
    const rerankerModelId = hearth.addModel(rankerPath, 'ranker.gguf');
    const [best] = await (async () => {
      await hearth.call('settings.update', { rerankerModelId });
      return hearth.call('documents.search', { query: QUESTION, documentIds: [documentId], limit: 5 });
    })();
    const bestScore = best!.relevance!;

    // A threshold above every forged score: the refusal path.
    await hearth.call('settings.update', { strictMinRelevance: Math.min(1, bestScore + 0.05) });
    const refusal = await ask(hearth, conversation.id, QUESTION);
    assert.equal(refusal.stopReason, 'not_in_documents', 'marked as written by Hearth');
    assert.ok(refusal.content.startsWith(DOCUMENTS_DO_NOT_COVER), refusal.content);
    assert.match(refusal.content, /closest passage is \[1\] \(lantern\.md, /);
    assert.match(refusal.content, new RegExp(`relevance of ${bestScore.toFixed(2)}`));
    assert.equal(refusal.sources[0]?.chunkId, best!.chunkId, 'the closest passage is its source');
    assert.equal(refusal.sources[0]?.band, 'weak');
    assert.equal(hearth.engine.status.loaded, null, 'no generation: the chat model was never loaded');
    const refusedQuestion = hearth.db
      .prepare<[string], { model_content: string | null }>('SELECT model_content FROM messages WHERE id = ?')
      .get(refusal.parentId!)!;
    assert.doesNotMatch(refusedQuestion.model_content ?? '', /\[1\]/, 'no sources were prepared for a model');
    // Nor can "regenerate" hand that bare question to the model.
    await assert.rejects(
      hearth.call('chat.regenerate', { conversationId: conversation.id, messageId: refusal.id }),
      /documents do not cover the question/,
    );
    assert.equal(hearth.engine.status.loaded, null, 'still no generation');

    // A threshold below every forged score: the model is asked, with the sources.
    await hearth.call('settings.update', { strictMinRelevance: Math.max(0, bestScore - 0.15) });
    const answer = await ask(hearth, conversation.id, QUESTION);
    assert.equal(answer.status, 'complete');
    assert.notEqual(answer.stopReason, 'not_in_documents');
    assert.notEqual(hearth.engine.status.loaded, null, 'the chat model was loaded and generated');
    assert.equal(answer.sources[0]?.relevance, bestScore);
    assert.notEqual(answer.sources[0]?.band, 'weak');
    const question = hearth.db
      .prepare<[string], { model_content: string | null }>('SELECT model_content FROM messages WHERE id = ?')
      .get(answer.parentId!)!;
    assert.match(question.model_content ?? '', /^Answer the question from the numbered sources below/);
    assert.match(question.model_content ?? '', /\[1\] \(lantern\.md, /);
  });
});
