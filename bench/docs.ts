/**
 * `npm run bench:docs`: document import throughput (pages/s, chunks/s) on real documents Debian
 * ships, query latency at 10k and 100k chunks (BM25, hybrid with the sqlite-vec index, and hybrid
 * with the tiny forged reranker in the engine process), the index sizes on disk, and the eval:docs
 * table (retrieval quality on the question set, beside the naive baseline), in one run. Writes bench/results/docs.json and bench/results/docs.md.
 *
 * The 10k/100k indexes are grown from the real documents' chunks, each copy numbered (so
 * every chunk is distinct text), written through the same store the app uses. Hybrid latency
 * uses 768-dimensional unit vectors (nomic-embed's size) with seeded random values and a random
 * query vector: it measures the retrieval path (BM25 + vector KNN + fusion), not an embedding
 * model, whose time per question is added on top (one short text through the engine).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { DocumentChunk } from '../contract/index.js';
import { DocumentService } from '../main/documents/DocumentService.js';
import { EngineSupervisor } from '../main/engine/EngineSupervisor.js';
import { forkLauncher } from '../main/engine/transport/forkTransport.js';
import { DocumentStore } from '../main/storage/DocumentStore.js';
import { openDatabase } from '../main/storage/openDatabase.js';
import { formatDocsEval } from '../eval/docs/formatDocsEval.js';
import { EVAL_SEARCH_LIMIT, runDocsEval } from '../eval/docs/runDocsEval.js';
import { ensureForgedModel } from '../test/forge/forgeModels.js';

const DEBIAN_REFERENCE = '/usr/share/debian-reference/debian-reference.en.pdf';
const FHS_HTML = '/usr/share/doc/debian-policy/fhs/fhs-3.0.html';
const FHS_PDF_GZ = '/usr/share/doc/debian-policy/fhs/fhs-3.0.pdf.gz';
const QUESTIONS = [
  'Which directory holds host-specific configuration files?',
  'Where should temporary files that are preserved between reboots go?',
  'Where are the static files of the boot loader kept?',
  'How do I configure the network interface with systemd?',
  'What does the apt-get dist-upgrade command do?',
  'Where are lock files stored?',
  'How do I mount a USB stick?',
  'Where do log files go?',
];

const work = mkdtempSync(join(tmpdir(), 'hearth-bench-docs-'));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const dbBytes = (path: string) =>
  [path, `${path}-wal`].reduce((sum, file) => {
    try {
      return sum + statSync(file).size;
    } catch {
      return sum;
    }
  }, 0);

async function importThroughput() {
  const fhsPdf = join(work, 'fhs-3.0.pdf');
  writeFileSync(fhsPdf, gunzipSync(readFileSync(FHS_PDF_GZ)));
  const rows = [];
  for (const path of [DEBIAN_REFERENCE, fhsPdf, FHS_HTML]) {
    const database = join(work, `import-${rows.length}.sqlite`);
    const db = openDatabase(database);
    const store = new DocumentStore(db);
    const service = new DocumentService({ store, launcher: forkLauncher, changed: () => undefined });
    const started = performance.now();
    await service.import([path], null);
    await service.idle();
    const seconds = (performance.now() - started) / 1000;
    const [document] = service.list();
    if (document?.status !== 'indexed') throw new Error(`${path}: ${document?.error?.message}`);
    rows.push({
      file: path.split('/').pop() ?? path,
      pages: document.pageCount,
      chunks: document.chunksTotal,
      seconds,
      pagesPerSecond: document.pageCount ? document.pageCount / seconds : null,
      chunksPerSecond: document.chunksTotal / seconds,
    });
    db.close();
  }
  return rows;
}

/** Grows an index to `target` chunks from the real documents' chunks, and times BM25 queries on it. */
async function queryLatency(seedChunks: readonly DocumentChunk[], target: number) {
  const database = join(work, `q-${target}.sqlite`);
  const db = openDatabase(database);
  const store = new DocumentStore(db);
  let made = 0;
  for (let copy = 0; made < target; copy++) {
    const id = `copy-${copy}`;
    store.add({
      id,
      collectionId: null,
      path: `/bench/${id}`,
      fileName: `${id}.txt`,
      sizeBytes: 0,
      contentHash: id,
      chunkChars: 1200,
      chunkOverlap: 150,
    });
    const batch = seedChunks.slice(0, target - made).map((chunk, ordinal) => ({
      ...chunk,
      ordinal,
      text: `${chunk.text} (copy ${copy})`,
      endOffset: chunk.startOffset + chunk.text.length + ` (copy ${copy})`.length,
    }));
    store.addChunks(id, batch);
    store.setStatus(id, 'indexed');
    made += batch.length;
  }
  const dims = 768;
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  const unit = () => {
    const vector = Float32Array.from({ length: dims }, random);
    const norm = Math.hypot(...vector);
    return vector.map((value) => value / norm);
  };
  const ids = db.prepare<[], { id: number }>('SELECT id FROM chunks').all();
  // Vectors written and indexed: each batch goes into chunk_embeddings and the vec0 table together.
  let vectorIndexSeconds = 0;
  for (let start = 0; start < ids.length; start += 5000) {
    const batch = ids.slice(start, start + 5000).map(({ id }) => ({ chunkId: id, vector: unit() }));
    const started = performance.now();
    store.saveEmbeddings('bench-768', batch);
    vectorIndexSeconds += (performance.now() - started) / 1000;
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  const service = new DocumentService({
    store,
    launcher: forkLauncher,
    changed: () => undefined,
    embedder: () => ({ key: 'bench-768', embed: async (texts) => texts.map(() => unit()) }),
  });
  // The same, with the tiny forged reranker reordering the fused top 30 in the engine process.
  const reranked = new DocumentService({
    store,
    launcher: forkLauncher,
    changed: () => undefined,
    embedder: () => ({ key: 'bench-768', embed: async (texts) => texts.map(() => unit()) }),
    reranker: () => ({
      key: 'forged-reranker',
      rank: async (query, passages) => (await rerankEngine.rank(rerankerPath, query, passages, 1)).scores,
    }),
  });
  // Each way of searching, timed over the same questions; the first hybrid query is timed apart
  // (cold pages). Reranking takes a second or so a question: one round of it.
  const firstStarted = performance.now();
  await service.search(QUESTIONS[0] ?? '', { limit: 8 });
  const hybridFirstMs = performance.now() - firstStarted;
  await reranked.search(QUESTIONS[0] ?? '', { limit: 8 }); // loads the reranker
  const modes: { mode: string; rounds: number; search: (question: string) => Promise<unknown> }[] = [
    { mode: 'BM25', rounds: 5, search: async (question) => store.search(question, 8) },
    {
      mode: 'hybrid (BM25 + vector index)',
      rounds: 5,
      search: (question) => service.search(question, { limit: 8 }),
    },
    {
      mode: 'hybrid + rerank (tiny forged reranker, top 30)',
      rounds: 1,
      search: (question) => reranked.search(question, { limit: 8 }),
    },
  ];
  const latencies = [];
  for (const { mode, rounds, search } of modes) {
    const timings: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const question of QUESTIONS) {
        const started = performance.now();
        await search(question);
        timings.push(performance.now() - started);
      }
    }
    latencies.push({ mode, medianMs: percentile(timings, 50), p95Ms: percentile(timings, 95) });
  }
  const bytesOf = (pattern: string) =>
    db
      .prepare<[string], { bytes: number | null }>('SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE ?')
      .get(pattern)?.bytes ?? null;
  const row = {
    chunks: store.chunkTotal(),
    latencies,
    hybridFirstMs,
    vectorIndexSeconds,
    databaseBytes: dbBytes(database),
    ftsBytes: bytesOf('chunks_fts%'),
    vectorIndexBytes: bytesOf('vec_chunks_%'),
    vectorBytes: bytesOf('chunk_embeddings'),
  };
  await service.close();
  await reranked.close();
  db.close();
  return row;
}

/** The Debian Reference's chunks, as the import stored them: the seed of the larger indexes. */
function seedChunks(): DocumentChunk[] {
  const db = openDatabase(join(work, 'import-0.sqlite'));
  const store = new DocumentStore(db);
  const chunks = store
    .list()
    .flatMap((document) => store.chunksOf(document.id))
    .map(({ ordinal, text, startOffset, endOffset, page, headingPath }) => ({
      ordinal,
      text,
      startOffset,
      endOffset,
      page,
      headingPath,
    }));
  db.close();
  return chunks;
}

const imports = await importThroughput();
const seeds = seedChunks();
const rerankerPath = await ensureForgedModel('qwen3rerank', { size: 'tiny' });
const rerankEngine = new EngineSupervisor({ launcher: forkLauncher });
const queries = [await queryLatency(seeds, 10_000), await queryLatency(seeds, 100_000)];
await rerankEngine.shutdown();
rmSync(work, { recursive: true, force: true });
// Retrieval quality in the same run: the question set through the real import and search (keyword
// search, as eval:docs measures it), beside the naive fixed-window baseline.
const evaluation = await runDocsEval({ log: (line) => console.error(line) });

const result = {
  benchmark: 'docs',
  date: new Date().toISOString(),
  node: process.version,
  imports,
  queries,
  evaluation,
};
const out = join(import.meta.dirname, 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'docs.json'), `${JSON.stringify(result, null, 2)}\n`);
const mb = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / 1e6).toFixed(1)} MB`);
writeFileSync(
  join(out, 'docs.md'),
  [
    '# Document import and retrieval',
    '',
    `${result.date} · Node ${result.node} · one run`,
    '',
    'Import: extraction in the worker process, chunking (1,200 characters, 150 overlap) and FTS5 indexing, end to end.',
    '',
    '| document | pages | chunks | seconds | pages/s | chunks/s |',
    '|---|---:|---:|---:|---:|---:|',
    ...imports.map(
      (r) =>
        `| ${r.file} | ${r.pages ?? '—'} | ${r.chunks} | ${r.seconds.toFixed(1)} | ${r.pagesPerSecond?.toFixed(1) ?? '—'} | ${r.chunksPerSecond.toFixed(0)} |`,
    ),
    '',
    `Query latency (${QUESTIONS.length} questions × 5 rounds, top 8). BM25: one search on main's connection.`,
    'Hybrid: BM25 top 50 and sqlite-vec KNN top 50 over 768-dimensional unit vectors (binary vec0 index',
    're-scored with float32, see bench/results/vectors.md), side by side in the two search threads,',
    'then reciprocal-rank fusion. Embedding the question is extra (one short text through the engine;',
    'in the app it overlaps BM25). Rerank: the fused top 30 scored by the tiny forged reranker (112k',
    'parameters) in the engine process, one round; a real reranker (568M–600M parameters) costs far more',
    '(bench/results/rerank.md).',
    '',
    '| chunks | search | median | p95 |',
    '|---:|---|---:|---:|',
    ...queries.flatMap((r) =>
      r.latencies.map(
        (l) =>
          `| ${r.chunks.toLocaleString('en-US')} | ${l.mode} | ${l.medianMs.toFixed(1)} ms | ${l.p95Ms.toFixed(1)} ms |`,
      ),
    ),
    '',
    'Index sizes on disk; "vectors written" stores and indexes every vector (float32 rows in chunk_embeddings',
    'and the vec0 index); "hybrid first" is the first hybrid query: cold pages, and the search threads',
    'starting (here from TypeScript sources, which they compile first; the app starts them at launch).',
    '',
    '| chunks | database on disk | FTS5 index | vectors (chunk_embeddings) | vector index (vec0) | vectors written | hybrid first |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...queries.map(
      (r) =>
        `| ${r.chunks.toLocaleString('en-US')} | ${mb(r.databaseBytes)} | ${mb(r.ftsBytes)} | ${mb(r.vectorBytes)} | ${mb(r.vectorIndexBytes)} | ${r.vectorIndexSeconds.toFixed(1)} s | ${r.hybridFirstMs.toFixed(0)} ms |`,
    ),
    '',
    `Retrieval quality (\`eval:docs\`, this run): ${evaluation.questions} questions over ${evaluation.documents} documents,`,
    `top ${EVAL_SEARCH_LIMIT} per search; how the set was built: eval/docs/README.md.`,
    '',
    formatDocsEval(evaluation),
    '',
  ].join('\n'),
);
console.log(readFileSync(join(out, 'docs.md'), 'utf8'));
