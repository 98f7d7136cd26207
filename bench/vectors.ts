/**
 * `npm run bench:vectors`: the vector index's storage kinds (float32, int8, binary — see
 * main/storage/VectorIndex.ts) compared on recall and speed at 10k and 100k passages.
 * Writes bench/results/vectors.json and bench/results/vectors.md.
 *
 * Recall@50 is the share of the exact top 50 (float32 dot products of unit vectors, computed here
 * in JavaScript) that the index returns. Two sets of 768-dimensional unit vectors: uniform random
 * (the hardest case for quantization: every distance is nearly the same), and clustered (200
 * topics, each vector its topic plus noise, queries near a topic), closer to real embeddings.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStore } from '../main/storage/DocumentStore.js';
import { openDatabase } from '../main/storage/openDatabase.js';
import { VectorIndex, type VectorKind } from '../main/storage/VectorIndex.js';
import { mulberry32 } from '../test/forge/seededRandom.js';

const DIMS = 768;
const K = 50;
const QUERIES = 40;
const DOCUMENTS = 100;
const SETTINGS: { kind: VectorKind; rescoreFactor: number }[] = [
  { kind: 'float', rescoreFactor: 1 },
  { kind: 'int8', rescoreFactor: 1 },
  { kind: 'int8', rescoreFactor: 2 },
  { kind: 'bit', rescoreFactor: 2 },
  { kind: 'bit', rescoreFactor: 4 },
  { kind: 'bit', rescoreFactor: 8 },
];
const work = mkdtempSync(join(tmpdir(), 'hearth-bench-vectors-'));

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function unit(values: Float32Array): Float32Array {
  let norm = 0;
  for (const value of values) norm += value * value;
  norm = Math.sqrt(norm);
  return values.map((value) => value / norm);
}

/** Vectors and queries: uniform random, or clustered around topics. */
function dataset(kind: 'random' | 'clustered', count: number) {
  const normal = gaussian(mulberry32(count + (kind === 'random' ? 1 : 2)));
  const around = (center: Float32Array | null, spread: number) =>
    unit(Float32Array.from({ length: DIMS }, (_, i) => (center ? center[i]! : 0) + spread * normal()));
  if (kind === 'random') {
    return {
      vectors: Array.from({ length: count }, () => around(null, 1)),
      queries: Array.from({ length: QUERIES }, () => around(null, 1)),
    };
  }
  const topics = Array.from({ length: 200 }, () => around(null, 1));
  // Noise per component 0.04 on a unit topic of 768 components: a vector's cosine to its topic is about 0.7.
  const spread = 0.04;
  return {
    vectors: Array.from({ length: count }, (_, i) => around(topics[i % topics.length]!, spread)),
    queries: Array.from({ length: QUERIES }, (_, i) => around(topics[(i * 7) % topics.length]!, spread)),
  };
}

function exactTop(vectors: readonly Float32Array[], ids: readonly number[], query: Float32Array, k: number) {
  return vectors
    .map((vector, index) => {
      let dot = 0;
      for (let i = 0; i < DIMS; i++) dot += vector[i]! * query[i]!;
      return { id: ids[index]!, dot };
    })
    .sort((a, b) => b.dot - a.dot)
    .slice(0, k)
    .map((row) => row.id);
}

async function measure(distribution: 'random' | 'clustered', count: number) {
  const { vectors, queries } = dataset(distribution, count);
  const database = join(work, `${distribution}-${count}.sqlite`);
  const db = openDatabase(database);
  const store = new DocumentStore(db, Date.now, new VectorIndex(db, { kind: 'float' }));
  const perDocument = Math.ceil(count / DOCUMENTS);
  for (let d = 0; d < DOCUMENTS; d++) {
    const id = `document-${d}`;
    store.add({
      id,
      collectionId: null,
      path: `/bench/${id}`,
      fileName: id,
      sizeBytes: 0,
      contentHash: id,
      chunkChars: 1200,
      chunkOverlap: 150,
    });
    store.addChunks(
      id,
      Array.from({ length: Math.min(perDocument, count - d * perDocument) }, (_, ordinal) => ({
        ordinal,
        text: `passage ${ordinal}`,
        startOffset: 0,
        endOffset: 0,
        page: null,
        headingPath: [],
      })),
    );
  }
  const ids = db
    .prepare<[], { id: number }>('SELECT id FROM chunks ORDER BY id')
    .all()
    .map((row) => row.id);
  const firstDocument = db
    .prepare<[], { id: number }>("SELECT id FROM chunks WHERE document_id = 'document-0' ORDER BY id")
    .all()
    .map((row) => row.id);
  const truth = queries.map((query) => exactTop(vectors, ids, query, K));
  const position = new Map(ids.map((id, index) => [id, index]));
  const firstVectors = firstDocument.map((id) => vectors[position.get(id)!]!);
  const truthFirst = queries.map((query) => exactTop(firstVectors, firstDocument, query, K));
  // Vectors go into chunk_embeddings first (the index is derived from it); each kind then builds its own.
  const insert = db.prepare('INSERT INTO chunk_embeddings (chunk_id, model, dims, vector) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    vectors.forEach((vector, index) => insert.run(ids[index], 'bench', DIMS, Buffer.from(vector.buffer)));
  })();
  const rows = [];
  for (const { kind, rescoreFactor } of SETTINGS) {
    const index = new VectorIndex(db, { kind, rescoreFactor });
    const started = performance.now();
    index.catchUp('bench', DIMS);
    const buildSeconds = (performance.now() - started) / 1000;
    const table = index.tableOf('bench')!;
    const bytes = db
      .prepare<[string], { bytes: number }>("SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE ? || '%'")
      .get(table)!.bytes;
    const timings: number[] = [];
    const filteredTimings: number[] = [];
    let found = 0;
    let foundFirst = 0;
    for (const [q, query] of queries.entries()) {
      index.nearest('bench', query, K); // warm
      const started = performance.now();
      const got = index.nearest('bench', query, K);
      timings.push(performance.now() - started);
      found += got.filter((id) => truth[q]!.includes(id)).length;
      const startedFiltered = performance.now();
      const gotFirst = index.nearest('bench', query, K, ['document-0']);
      filteredTimings.push(performance.now() - startedFiltered);
      foundFirst += gotFirst.filter((id) => truthFirst[q]!.includes(id)).length;
    }
    rows.push({
      distribution,
      count,
      kind,
      rescoreFactor,
      recall: found / (K * queries.length),
      recallOneDocument: foundFirst / (K * queries.length),
      medianMs: percentile(timings, 50),
      p95Ms: percentile(timings, 95),
      oneDocumentP95Ms: percentile(filteredTimings, 95),
      buildSeconds,
      indexBytes: bytes,
    });
    console.log(JSON.stringify(rows.at(-1)));
    db.exec(`DROP TABLE ${table}`);
    db.prepare("DELETE FROM vector_indexes WHERE model = 'bench'").run();
  }
  db.close();
  return rows;
}

const results = [];
for (const count of [10_000, 100_000]) {
  for (const distribution of ['random', 'clustered'] as const) results.push(...(await measure(distribution, count)));
}
rmSync(work, { recursive: true, force: true });

const out = join(import.meta.dirname, 'results');
mkdirSync(out, { recursive: true });
const date = new Date().toISOString();
writeFileSync(
  join(out, 'vectors.json'),
  `${JSON.stringify({ benchmark: 'vectors', date, node: process.version, results }, null, 2)}\n`,
);
writeFileSync(
  join(out, 'vectors.md'),
  [
    '# Vector index: float32 against int8 and binary',
    '',
    `${date} · Node ${process.version} · one run · ${DIMS} dimensions, top ${K}, ${QUERIES} queries`,
    '',
    'int8 and binary take k × the factor candidates from vec0 and re-score them with the float32 vectors.',
    '"one document": the same query limited to one of 100 documents (a vec0 metadata filter).',
    '',
    '| passages | vectors | kind | candidates | recall@50 | recall@50, one document | median | p95 | p95, one document | index on disk | build |',
    '|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.count.toLocaleString('en-US')} | ${r.distribution} | ${r.kind} | ×${r.rescoreFactor} | ${r.recall.toFixed(3)} | ${r.recallOneDocument.toFixed(3)} | ${r.medianMs.toFixed(1)} ms | ${r.p95Ms.toFixed(1)} ms | ${r.oneDocumentP95Ms.toFixed(1)} ms | ${(r.indexBytes / 1e6).toFixed(1)} MB | ${r.buildSeconds.toFixed(1)} s |`,
    ),
    '',
  ].join('\n'),
);
console.log(readFileSync(join(out, 'vectors.md'), 'utf8'));
