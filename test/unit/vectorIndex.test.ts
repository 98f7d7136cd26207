import assert from 'node:assert/strict';
import { join, sep } from 'node:path';
import { after, describe, test } from 'node:test';
import { DocumentService } from '../../main/documents/DocumentService.js';
import { forkLauncher } from '../../main/engine/transport/forkTransport.js';
import { unpackedPath } from '../../main/storage/loadSqliteVec.js';
import { VectorIndex, type VectorKind } from '../../main/storage/VectorIndex.js';
import { randomUnitVectors, storeWith } from '../support/documents/vectorStores.js';
import { tempDir } from '../support/tempDir.js';

const MODEL = 'test-embedder';

/** The exact ranking: every vector's dot product with the query, best first. */
function bruteForce(rows: readonly { chunkId: number; vector: Float32Array }[], query: Float32Array, k: number) {
  return rows
    .map(({ chunkId, vector }) => ({ chunkId, dot: vector.reduce((sum, value, i) => sum + value * query[i]!, 0) }))
    .sort((a, b) => b.dot - a.dot)
    .slice(0, k);
}

/** Same ids in the same order, except where two neighbours are equally near (then either order). */
function assertSameRanking(got: readonly number[], exact: readonly { chunkId: number; dot: number }[], what: string) {
  assert.equal(got.length, exact.length, `${what}: as many results`);
  const dotOf = new Map(exact.map((row) => [row.chunkId, row.dot]));
  got.forEach((chunkId, rank) => {
    if (chunkId === exact[rank]!.chunkId) return;
    const dot = dotOf.get(chunkId);
    assert.ok(dot !== undefined && Math.abs(dot - exact[rank]!.dot) < 1e-6, `${what}: rank ${rank} differs`);
  });
}

describe('vector index (sqlite-vec)', () => {
  test('sqlite-vec loads into the Hearth database under this Node', () => {
    const { store, db } = storeWith(0, 0);
    assert.equal(store.vectors.unavailable, null, `sqlite-vec loads on ${process.platform}-${process.arch}`);
    assert.match(db.prepare<[], { v: string }>('SELECT vec_version() AS v').get()!.v, /^v0\.1\./);
  });

  for (const kind of ['float', 'int8', 'bit'] satisfies VectorKind[]) {
    test(`${kind} index: KNN gives the brute-force scan's neighbours, also within chosen documents`, () => {
      // Quantized kinds with many candidates: uniform random 64-dimensional vectors are the hardest case
      // for quantization (bench/results/vectors.md measures the defaults on 768 dimensions).
      const rescoreFactor = kind === 'float' ? 1 : 16;
      const { store, chunks } = storeWith(4, 300, (db) => new VectorIndex(db, { kind, rescoreFactor }));
      const vectors = randomUnitVectors(chunks.length, 7);
      const rows = chunks.map((chunk, i) => ({
        chunkId: chunk.id,
        documentId: chunk.document_id,
        vector: vectors[i]!,
      }));
      store.saveEmbeddings(MODEL, rows);
      assert.equal(store.vectors.count(MODEL), chunks.length, 'every vector indexed');
      let found = 0;
      let total = 0;
      for (const query of randomUnitVectors(20, 99)) {
        for (const within of [null, ['document-2'], ['document-0', 'document-3']]) {
          const candidates = within ? rows.filter((row) => within.includes(row.documentId)) : rows;
          const exact = bruteForce(candidates, query, 20);
          const got = store.vectors.nearest(MODEL, query, 20, within);
          if (kind === 'float') {
            assertSameRanking(got, exact, `float, within ${String(within)}`);
          } else {
            // Quantized candidates, re-scored with float32: what comes back is in exact order,
            // and nearly all of the exact neighbours come back.
            const dots = got.map((id) => exact.find((row) => row.chunkId === id)?.dot ?? -Infinity);
            assert.ok(
              got.every((id) => candidates.some((row) => row.chunkId === id)),
              'only chosen documents',
            );
            found += got.filter((id) => exact.some((row) => row.chunkId === id)).length;
            total += exact.length;
            const present = dots.filter((dot) => dot !== -Infinity);
            assert.deepEqual(
              present,
              [...present].sort((a, b) => b - a),
              'best first',
            );
          }
        }
      }
      if (kind !== 'float') assert.ok(found / total >= 0.9, `${kind} recall@20 ${found / total}`);
    });
  }

  test('deleting a document removes its vectors; replacing vectors moves them to the new model', () => {
    const { store, chunks, db } = storeWith(3, 50);
    const vectors = randomUnitVectors(chunks.length, 3);
    store.saveEmbeddings(
      MODEL,
      chunks.map((chunk, i) => ({ chunkId: chunk.id, vector: vectors[i]! })),
    );
    const table = store.vectors.tableOf(MODEL)!;
    const indexed = (document: string) =>
      db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM ${table} WHERE document_id = ?`).get(document)!.n;
    assert.equal(indexed('document-1'), 50);
    assert.ok(store.remove('document-1'));
    assert.equal(indexed('document-1'), 0, 'its vectors left the index with it');
    assert.equal(store.vectors.count(MODEL), 100);
    const query = vectors[60]!; // a vector of document-1
    assert.ok(!store.vectors.nearest(MODEL, query, 150).some((id) => chunks[60]!.id === id));

    // Another model's vectors replace the first model's, chunk by chunk; an emptied index goes.
    const remaining = chunks.filter((chunk) => chunk.document_id !== 'document-1');
    // 30 dimensions: not a multiple of 8, so the default binary index falls back to float32.
    const other = randomUnitVectors(remaining.length, 5).map((v) => v.slice(0, 30));
    store.saveEmbeddings(
      'other-embedder',
      remaining.map((chunk, i) => ({ chunkId: chunk.id, vector: other[i]! })),
    );
    assert.equal(store.vectors.count('other-embedder'), 100);
    assert.equal(store.vectors.tableOf(MODEL), null, "the first model's index is dropped once empty");
    const vec0Tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_schema WHERE sql LIKE 'CREATE VIRTUAL TABLE % USING vec0%'",
      )
      .all();
    assert.deepEqual(vec0Tables, [{ name: store.vectors.tableOf('other-embedder') }], 'one index left');
  });

  test('vectors stored where sqlite-vec could not load are indexed when it can (upgrade path)', () => {
    const path = join(tempDir(), 'hearth.sqlite');
    const missing = () => join(tempDir(), 'no-such-vec0.so');
    const first = storeWith(2, 40, (db) => new VectorIndex(db, { loadablePath: missing }), path);
    assert.match(first.store.vectors.unavailable ?? '', /sqlite-vec library is missing/);
    const vectors = randomUnitVectors(first.chunks.length, 11);
    first.store.saveEmbeddings(
      MODEL,
      first.chunks.map((chunk, i) => ({ chunkId: chunk.id, vector: vectors[i]! })),
    );
    assert.deepEqual(first.store.vectors.nearest(MODEL, vectors[0]!, 5), []);
    first.store.remove('document-0');
    first.db.close();

    const second = storeWith(0, 0, undefined, path);
    assert.equal(second.store.vectors.has(MODEL), true);
    assert.equal(
      second.store.vectors.count(MODEL),
      40,
      "the remaining document's vectors, built from chunk_embeddings",
    );
    assert.equal(second.store.vectors.nearest(MODEL, vectors[45]!, 1)[0], first.chunks[45]!.id);
  });

  test('without sqlite-vec, search is keyword only and says why once', async () => {
    const lines: string[] = [];
    const { store, chunks } = storeWith(1, 30, (db) => new VectorIndex(db, { loadablePath: () => '/nowhere/vec0.so' }));
    const vectors = randomUnitVectors(chunks.length, 13);
    store.saveEmbeddings(
      MODEL,
      chunks.map((chunk, i) => ({ chunkId: chunk.id, vector: vectors[i]! })),
    );
    let embedded = 0;
    const service = new DocumentService({
      store,
      launcher: forkLauncher,
      changed: () => undefined,
      log: (line) => lines.push(line),
      embedder: () => ({
        key: MODEL,
        embed: async (texts) => {
          embedded += texts.length;
          return texts.map(() => vectors[0]!);
        },
      }),
    });
    after(() => service.close());
    const first = await service.search('lanterns', { limit: 5 });
    await service.search('lanterns', { limit: 5 });
    assert.equal(first.length, 5, 'keyword search answers');
    assert.equal(embedded, 0, 'the question is not embedded for nothing');
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /semantic search is off \(the sqlite-vec library is missing \(\/nowhere\/vec0\.so\)\)/);
  });

  test("the packaged app's path inside app.asar becomes its unpacked twin", () => {
    const inside = ['', 'opt', 'Hearth', 'resources', 'app.asar', 'node_modules', 'sqlite-vec-linux-x64', 'vec0.so'];
    assert.equal(
      unpackedPath(inside.join(sep)),
      ['', 'opt', 'Hearth', 'resources', 'app.asar.unpacked', 'node_modules', 'sqlite-vec-linux-x64', 'vec0.so'].join(
        sep,
      ),
    );
    const plain = join('/work', 'node_modules', 'sqlite-vec-linux-x64', 'vec0.so');
    assert.equal(unpackedPath(plain), plain);
  });
});
