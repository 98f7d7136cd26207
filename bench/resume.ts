/**
 * `npm run bench:resume`: time to the first new token when a conversation is resumed from its
 * saved state versus when the history is re-read, for histories of about 1k, 4k and 16k tokens,
 * on every forged architecture (tiny models) and on ~100M-parameter forged models, all in one run.
 * Writes bench/results/resume.json and bench/results/resume.md.
 *
 * Each measurement starts a fresh engine process with the model already loaded, so neither side
 * is helped by what a previous turn left in memory; the figure is from `chat.send` to the first
 * streamed text, through the real services (database, state verification, engine process).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConversationStore } from '../main/storage/ConversationStore.js';
import { ensureForgedModel, FORGED_ARCHS, type ForgedArch, type ForgeSize } from '../test/forge/forgeModels.js';
import { benchHearth, type BenchHearth } from './benchHearth.js';
import { writeHistory } from '../test/support/syntheticHistory.js';

const HISTORY_TOKENS = [1_000, 4_000, 16_000];
const CONTEXT = 24_576;
const REPEATS = 3;
/** The ~100M-parameter models take seconds per re-read: one recurrent and one dense. */
const BENCH_SIZE_ARCHS: ForgedArch[] = ['rwkv7', 'llama'];
const QUESTION = 'What happened next by the fire?';

interface Row {
  arch: ForgedArch;
  size: ForgeSize;
  targetTokens: number;
  historyTokens: number;
  rereadMs: number;
  resumeMs: number | null;
  ratio: number | null;
  resumeSource: string;
  resumeTokens: number;
  stateBytes: number | null;
  storedBytes: number | null;
  note: string;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function measure(
  bench: BenchHearth,
  arch: ForgedArch,
  size: ForgeSize,
  targetTokens: number,
  modelId: string,
): Promise<Row> {
  const { hearth, call } = bench;
  const conversation = await call('conversations.create', { modelId, systemPrompt: '' });
  // The byte-level test tokenizer makes about one token per 1.5 characters of this prose.
  writeHistory(new ConversationStore(hearth.db), conversation.id, modelId, Math.round(targetTokens * 1.5));

  const fresh = async () => {
    await hearth.engine.shutdown();
    await call('models.load', { modelId });
  };

  // Re-read: saved states off, a fresh engine each time.
  await call('settings.update', { saveStates: false });
  const reread: number[] = [];
  let historyTokens = 0;
  for (let i = 0; i < REPEATS; i++) {
    await fresh();
    const { answer, firstTextMs } = await bench.ask(conversation.id, QUESTION);
    reread.push(firstTextMs);
    historyTokens = answer.context?.tokens ?? 0;
    await call('conversations.deleteBranch', { conversationId: conversation.id, messageId: answer.parentId ?? '' });
  }

  // Resume: one turn saves the state after it; then each measured turn starts from that state.
  await call('settings.update', { saveStates: true });
  await fresh();
  const { answer: primer } = await bench.ask(conversation.id, QUESTION);
  const state = hearth.db
    .prepare<[string], { byte_size: number; stored_size: number }>(
      "SELECT byte_size, stored_size FROM states WHERE kind = 'turn' AND message_id = ?",
    )
    .get(primer.id);
  const resume: number[] = [];
  let resumeSource = 'none';
  let resumeTokens = 0;
  // Without a saved state a "resume" is a re-read, already measured above.
  for (let i = 0; state && i < REPEATS; i++) {
    await fresh();
    const { answer, firstTextMs } = await bench.ask(conversation.id, QUESTION);
    resume.push(firstTextMs);
    resumeSource = answer.context?.source ?? 'none';
    resumeTokens = answer.context?.tokens ?? 0;
    await call('conversations.deleteBranch', { conversationId: conversation.id, messageId: answer.parentId ?? '' });
  }
  const rereadMs = median(reread);
  const resumeMs = state ? median(resume) : null;
  return {
    arch,
    size,
    targetTokens,
    historyTokens,
    rereadMs,
    resumeMs,
    ratio: resumeMs ? rereadMs / resumeMs : null,
    resumeSource: state ? resumeSource : 'reread',
    resumeTokens: state ? resumeTokens : historyTokens,
    stateBytes: state?.byte_size ?? null,
    storedBytes: state?.stored_size ?? null,
    note: state
      ? ''
      : (bench.log.findLast((line) => line.includes(primer.id))?.replace(/^.*not saved: /, 'state not saved: ') ??
        'state not saved'),
  };
}

/** `--only rwkv6:tiny` (repeatable) and `--tokens 1000` narrow a run while working on it. */
function option(name: string): string[] {
  return process.argv.flatMap((arg, i) => (arg === name ? [process.argv[i + 1] ?? ''] : []));
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const only = option('--only');
  const tokens = option('--tokens').map(Number);
  const historyTokens = tokens.length > 0 ? tokens : HISTORY_TOKENS;
  const plan: { arch: ForgedArch; size: ForgeSize }[] = [
    ...FORGED_ARCHS.map((arch) => ({ arch, size: 'tiny' as const })),
    ...BENCH_SIZE_ARCHS.map((arch) => ({ arch, size: 'bench' as const })),
  ].filter(({ arch, size }) => only.length === 0 || only.includes(`${arch}:${size}`));
  for (const { arch, size } of plan) {
    const path = await ensureForgedModel(arch, { size, contextLength: 32_768 });
    const bench = benchHearth();
    try {
      const modelId = bench.addModel(path);
      await bench.call('settings.update', {
        threads: 1,
        contextSize: CONTEXT,
        checkpointsPerBranch: 64,
        // Enough tokens that an answer is rarely all partial UTF-8 (an empty answer saves no state).
        defaultSampling: { temperature: 0, topP: 1, maxTokens: 16, seed: 1 },
      });
      for (const target of historyTokens) {
        const row = await measure(bench, arch, size, target, modelId);
        rows.push(row);
        console.log(
          `${arch.padEnd(9)} ${size.padEnd(5)} ${String(row.historyTokens).padStart(6)} tokens: re-read ${row.rereadMs.toFixed(0)} ms, ` +
            `resume ${row.resumeMs?.toFixed(0) ?? '—'} ms (${row.resumeSource}, ${row.resumeTokens} tokens read)` +
            (row.ratio ? `, ×${row.ratio.toFixed(1)}` : ''),
        );
      }
    } finally {
      await bench.dispose();
    }
  }
  write(rows, only.length > 0 || tokens.length > 0);
}

function write(rows: Row[], partial: boolean): void {
  // A narrowed run is for the one who ran it: it does not replace the published figures.
  const dir = partial ? join(import.meta.dirname, 'results', 'partial') : join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const meta = {
    benchmark: 'resume',
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    threads: 1,
    contextSize: CONTEXT,
    repeats: REPEATS,
    statistic: 'median time from chat.send to the first streamed text, fresh engine process, model loaded',
  };
  writeFileSync(join(dir, 'resume.json'), `${JSON.stringify({ ...meta, rows }, null, 2)}\n`);
  const kb = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / 1024).toFixed(0)} KB`);
  const lines = [
    '# Resume from saved state vs re-read the history',
    '',
    `${meta.date} · Node ${meta.node} · ${meta.platform} · 1 thread · context ${CONTEXT} · median of ${REPEATS}`,
    '',
    'Time to the first new token of an answer, from `chat.send` to the first streamed text, in a fresh',
    'engine process with the model loaded. Forged models: random weights, real llama.cpp compute.',
    '',
    '| model | size | history (tokens) | re-read (ms) | resume (ms) | re-read ÷ resume | tokens read on resume | state | stored |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.arch} | ${row.size} | ${row.historyTokens.toLocaleString('en')} | ${row.rereadMs.toFixed(0)} | ${row.resumeMs?.toFixed(0) ?? '—'} | ` +
        `${row.ratio ? `${row.ratio.toFixed(1)}×` : '—'} | ${row.resumeTokens} | ${kb(row.stateBytes)} | ${kb(row.storedBytes)}${row.note ? ` (${row.note})` : ''} |`,
    ),
    '',
  ];
  writeFileSync(join(dir, 'resume.md'), lines.join('\n'));
  console.log(`\nWrote ${join(dir, 'resume.json')} and resume.md`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
