/**
 * `npm run bench:rerank`: what a reranker adds to a question's retrieval, through the real engine
 * process. The FHS (HTML, Debian's debian-policy package) is imported as the app imports it; for
 * each question BM25 + fusion give the top 30 passages, and the reranking model scores them
 * (`rank` engine call, node-llama-cpp's ranking context). Both forged rerankers are measured: the
 * tiny one (per-call overhead) and the ~100M-parameter one (real compute). A real reranker costs
 * more: bge-reranker-v2-m3 has 568M parameters, Qwen3-Reranker-0.6B 600M (quantized, though,
 * where the forged ones are F32). Writes bench/results/rerank.json and bench/results/rerank.md.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentService } from '../main/documents/DocumentService.js';
import { RERANK_CANDIDATES } from '../main/documents/rerankHits.js';
import { EngineSupervisor } from '../main/engine/EngineSupervisor.js';
import { forkLauncher } from '../main/engine/transport/forkTransport.js';
import { DocumentStore } from '../main/storage/DocumentStore.js';
import { openDatabase } from '../main/storage/openDatabase.js';
import { ensureForgedModel, forgedModelParameterCount, type ForgeSize } from '../test/forge/forgeModels.js';

const FHS_HTML = '/usr/share/doc/debian-policy/fhs/fhs-3.0.html';
const QUESTIONS = [
  'Which directory holds host-specific configuration files?',
  'Where should temporary files that are preserved between reboots go?',
  'Where are the static files of the boot loader kept?',
  'Where are lock files stored?',
  'Where do log files go?',
  'What belongs in /usr/local?',
];
/** Questions × rounds per size: the ~100M forge reads 30 × 300 tokens per question on one thread. */
const RUNS: Record<ForgeSize, { questions: number; rounds: number }> = {
  tiny: { questions: QUESTIONS.length, rounds: 3 },
  bench: { questions: 2, rounds: 1 },
};
/**
 * Characters of each passage given to the forged rerankers. Their byte-level tokenizer makes about
 * one token per character where a real one makes about one per four, so 300 characters stand for
 * the ~300 tokens a real reranker reads from a 1,200-character passage.
 */
const PASSAGE_CHARS = 300;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

const work = mkdtempSync(join(tmpdir(), 'hearth-bench-rerank-'));
const db = openDatabase(join(work, 'docs.sqlite'));
const store = new DocumentStore(db);
const service = new DocumentService({ store, launcher: forkLauncher, changed: () => undefined });
await service.import([FHS_HTML], null);
await service.idle();
const engine = new EngineSupervisor({ launcher: forkLauncher });

/** One thread, as the other benchmarks: comparable between runs and machines. */
const THREADS = 1;
const rows = [];
for (const size of ['tiny', 'bench'] as const) {
  const modelPath = await ensureForgedModel('qwen3rerank', { size });
  const candidates = await Promise.all(
    QUESTIONS.slice(0, RUNS[size].questions).map(async (question) => ({
      question,
      passages: (await service.search(question, { limit: RERANK_CANDIDATES })).map((hit) =>
        hit.text.slice(0, PASSAGE_CHARS),
      ),
    })),
  );
  const loadStarted = performance.now();
  await engine.rank(modelPath, 'warm-up', ['load the model'], THREADS);
  const loadMs = performance.now() - loadStarted;
  const timings: number[] = [];
  for (let round = 0; round < RUNS[size].rounds; round++) {
    for (const { question, passages } of candidates) {
      const started = performance.now();
      await engine.rank(modelPath, question, passages, THREADS);
      timings.push(performance.now() - started);
    }
  }
  rows.push({
    size,
    parameters: forgedModelParameterCount('qwen3rerank', { size }),
    candidates: RERANK_CANDIDATES,
    questions: timings.length,
    loadMs,
    medianMs: percentile(timings, 50),
    p95Ms: percentile(timings, 95),
  });
}
await engine.shutdown();
await service.close();
db.close();
rmSync(work, { recursive: true, force: true });

const result = { benchmark: 'rerank', date: new Date().toISOString(), node: process.version, rows };
const out = join(import.meta.dirname, 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'rerank.json'), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(
  join(out, 'rerank.md'),
  [
    '# Reranking retrieved passages',
    '',
    `${result.date} · Node ${result.node} · one run · engine on the CPU path, 1 thread (no chat model loaded)`,
    '',
    `Per question: the top ${RERANK_CANDIDATES} fused passages of the FHS (HTML), ${PASSAGE_CHARS} characters each (about the`,
    'tokens of a full passage under a real tokenizer), scored by the forged reranker in the',
    'engine process. Add this to the hybrid query time of bench:docs. A real reranker costs more (568M–600M',
    'parameters, against ~100M for the larger forged one).',
    '',
    '| forged reranker | parameters | questions | first call (load) | median | p95 |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.size} | ${r.parameters.toLocaleString('en-US')} | ${r.questions} | ${r.loadMs.toFixed(0)} ms | ${r.medianMs.toFixed(0)} ms | ${r.p95Ms.toFixed(0)} ms |`,
    ),
    '',
  ].join('\n'),
);
console.log(readFileSync(join(out, 'rerank.md'), 'utf8'));
