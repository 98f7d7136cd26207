import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { requireFile } from '../support/documents/debianTools.js';
import { FHS_QUESTIONS } from '../support/documents/fhsQuestions.js';
import { useForgedModels } from '../support/forgedModels.js';
import { startHearth, type TestHearth } from '../support/startHearth.js';
import { waitFor } from '../support/waitFor.js';

const forged = useForgedModels();
const FHS_HTML = '/usr/share/doc/debian-policy/fhs/fhs-3.0.html';

async function recallAt5(hearth: TestHearth, documentId: string): Promise<number> {
  let found = 0;
  for (const [question, section] of FHS_QUESTIONS) {
    const hits = await hearth.call('documents.search', { query: question, documentIds: [documentId], limit: 5 });
    if (hits.some((hit) => hit.headingPath.some((heading) => heading.startsWith(section)))) found += 1;
  }
  return found / FHS_QUESTIONS.length;
}

describe('hybrid retrieval with an embedding model', () => {
  test('every chunk gets a vector in the engine; BM25 and hybrid recall@5 are reported', async () => {
    const hearth = startHearth();
    const [outcome] = await hearth.call('documents.import', { paths: [requireFile(FHS_HTML, 'debian-policy')] });
    const documentId = outcome!.documentId!;
    await waitFor(
      async () => (await hearth.call('documents.list', {})).find((d) => d.id === documentId)?.status === 'indexed',
      { timeoutMs: 60_000, what: 'the FHS indexed' },
    );
    const bm25 = await recallAt5(hearth, documentId);

    // The forged llama stands in for an embedding model: real llama.cpp embeddings, random weights.
    const embeddingModelId = hearth.addModel(forged.paths.llama, 'embedder.gguf');
    await hearth.call('settings.update', { embeddingModelId });
    const count = (table: string) =>
      hearth.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()!.n;
    await waitFor(() => count('chunk_embeddings') === count('chunks'), {
      timeoutMs: 120_000,
      what: 'every chunk embedded',
    });
    const dims = hearth.db.prepare<[], { dims: number }>('SELECT DISTINCT dims FROM chunk_embeddings').all();
    assert.deepEqual(dims, [{ dims: 64 }], 'one model, one vector size');
    // The vectors are in sqlite-vec's index too (the host loaded the extension into its database).
    const index = hearth.db
      .prepare<[string], { id: number; dims: number }>('SELECT id, dims FROM vector_indexes WHERE model = ?')
      .get(embeddingModelId);
    assert.equal(index?.dims, 64);
    assert.equal(count(`vec_chunks_${index.id}`), count('chunks'), 'every chunk in the vec0 index');

    const hybrid = await recallAt5(hearth, documentId);
    console.log(
      `FHS recall@5 over ${FHS_QUESTIONS.length} questions: BM25 ${bm25.toFixed(2)}, hybrid ${hybrid.toFixed(2)}`,
    );
    assert.ok(bm25 >= 0.75, `BM25 recall@5 ${bm25}`);
    // Random-weight embeddings add noise; fusion must not lose most of what BM25 finds.
    assert.ok(hybrid >= 0.4, `hybrid recall@5 ${hybrid}`);

    // A question the query embedding alone brings in still returns passages with exact offsets.
    const [hit] = await hearth.call('documents.search', { query: 'boot loader', documentIds: [documentId] });
    const passage = await hearth.call('documents.passage', { chunkId: hit!.chunkId });
    assert.equal(passage.hit.text, hit!.text);

    // An embedding model that is gone does not take keyword search down with it...
    await hearth.call('settings.update', { embeddingModelId: 'missing-embedder.gguf' });
    assert.equal(await recallAt5(hearth, documentId), bm25, 'keyword search alone, as before');
    // ...and deleting the one in Settings turns semantic search off.
    await hearth.call('settings.update', { embeddingModelId });
    await hearth.call('library.delete', { modelId: embeddingModelId });
    assert.equal((await hearth.call('settings.get', {})).embeddingModelId, null);

    // Deleting the document takes its vectors out of the index (emptied, the index is dropped).
    await hearth.call('documents.delete', { documentId });
    assert.equal(count('chunk_embeddings'), 0);
    assert.equal(count('vector_indexes'), 0);
    const left = hearth.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM sqlite_schema WHERE name = ?');
    assert.equal(left.get(`vec_chunks_${index.id}`)!.n, 0, 'no vec0 table is left behind');
  });
});
