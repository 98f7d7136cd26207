import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { DocumentService } from '../../main/documents/DocumentService.js';
import { SearchThreads } from '../../main/documents/search/SearchThreads.js';
import { forkLauncher } from '../../main/engine/transport/forkTransport.js';
import { DocumentStore } from '../../main/storage/DocumentStore.js';
import { connectDatabase, openDatabase } from '../../main/storage/openDatabase.js';
import { randomUnitVectors, storeWith } from '../support/documents/vectorStores.js';

const MODEL = 'test-embedder';
const QUESTIONS = ['lanterns harbour', 'beacon', 'tide and ferry', 'gull anchor lighthouse', 'nothing matches this'];

/** A store of 4 × 200 passages, each with a vector. */
function indexedStore() {
  const { db, store, chunks } = storeWith(4, 200);
  const vectors = randomUnitVectors(chunks.length, 21);
  store.saveEmbeddings(
    MODEL,
    chunks.map((chunk, i) => ({ chunkId: chunk.id, vector: vectors[i]! })),
  );
  return { db, store, chunks, vectors };
}

describe('document search threads', () => {
  test("BM25 and KNN in the threads give exactly what main's connection gives", async () => {
    const { store } = indexedStore();
    const threads = new SearchThreads(store);
    after(() => threads.close());
    for (const question of QUESTIONS) {
      for (const within of [null, ['document-1'], ['document-0', 'document-3']]) {
        assert.deepEqual(await threads.keyword(question, 20, within), store.search(question, 20, within), question);
      }
    }
    for (const query of randomUnitVectors(5, 77)) {
      for (const within of [null, ['document-2']]) {
        const got = await threads.nearest(MODEL, query, 10, within);
        assert.equal(got.length, 10);
        assert.deepEqual(got, store.vectors.nearest(MODEL, query, 10, within));
      }
    }
    assert.deepEqual(threads.counts, { inThreads: QUESTIONS.length * 3 + 10, inProcess: 0 });
  });

  test('a vector saved after a search is found by the next one: main catches the index up first', async () => {
    const { store, chunks } = indexedStore();
    const threads = new SearchThreads(store);
    after(() => threads.close());
    const [fresh] = randomUnitVectors(1, 5);
    assert.notEqual((await threads.nearest(MODEL, fresh!, 1, null))[0], chunks[42]!.id);
    store.saveEmbeddings(MODEL, [{ chunkId: chunks[42]!.id, vector: fresh! }]);
    assert.deepEqual(await threads.nearest(MODEL, fresh!, 1, null), [chunks[42]!.id]);
    assert.equal(threads.counts.inProcess, 0);
  });

  test("a search thread's connection refuses writes", () => {
    const { db } = storeWith(1, 1);
    const reader = connectDatabase(db.name, { readOnly: true });
    after(() => reader.close());
    assert.equal(reader.prepare<[], { n: number }>('SELECT count(*) AS n FROM chunks').get()!.n, 1);
    assert.throws(() => reader.prepare('DELETE FROM chunks').run(), /readonly/i);
  });

  test('without a file for threads to open, searches run on main and give the same answers', async () => {
    // An in-memory database: nothing for a thread to connect to.
    const db = openDatabase(':memory:');
    after(() => db.close());
    const memory = new SearchThreads(new DocumentStore(db));
    assert.deepEqual(await memory.keyword('beacon', 5, null), []);
    assert.deepEqual(memory.counts, { inThreads: 0, inProcess: 1 });

    // The database file gone from its folder after main opened it: the thread cannot start, says
    // so once, and every search still answers from main's connection.
    const { store, vectors } = indexedStore();
    rmSync(store.databasePath!);
    const lines: string[] = [];
    const orphaned = new SearchThreads(store, (line) => lines.push(line));
    after(() => orphaned.close());
    assert.deepEqual(await orphaned.keyword('beacon', 5, null), store.search('beacon', 5, null));
    assert.deepEqual(await orphaned.nearest(MODEL, vectors[3]!, 3, null), store.vectors.nearest(MODEL, vectors[3]!, 3));
    assert.equal(orphaned.counts.inProcess, 2);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /ran on main's connection instead of a search thread \(the search thread \d failed/);
  });

  test('a hybrid question sends its BM25 and vector searches to the two threads', async () => {
    const { store, vectors } = indexedStore();
    const embedded: string[] = [];
    const service = new DocumentService({
      store,
      launcher: forkLauncher,
      changed: () => undefined,
      embedder: () => ({
        key: MODEL,
        embed: async (texts) => {
          embedded.push(...texts);
          return texts.map(() => vectors[10]!);
        },
      }),
    });
    after(() => service.close());
    const hits = await service.search('beacon', { limit: 5 });
    assert.deepEqual(embedded, ['beacon']);
    assert.equal(hits.length, 5);
    assert.ok(
      hits.some((hit) => hit.chunkId === store.vectors.nearest(MODEL, vectors[10]!, 1)[0]),
      'the vector match is fused in',
    );
    assert.deepEqual(service.searches.counts, { inThreads: 2, inProcess: 0 });
  });
});
