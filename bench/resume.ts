/**
 * `npm run bench:resume`: resuming a conversation from its saved state versus re-reading its history,
 * measured on both sides in one run, on the same forged ~90M-parameter models (rwkv7, mamba2, llama),
 * the same thread count and the same context size:
 * - direct node-llama-cpp in this process (bench/benchDirect.ts): a fresh context reads the history
 *   and saves the sequence state to a file; resume is a fresh context, `loadStateFromFile` and the
 *   first text of the next answer; re-read is a fresh context reading the whole history;
 * - Hearth (bench/benchHearth.ts): a real Hearth on a temporary folder with its real engine process;
 *   resume is a fresh engine (model loaded) with the saved state in SQLite, from `chat.send` to the
 *   first streamed text; re-read is the same with saved states off.
 * Both sides read the very same histories (Hearth's: its resumed turns follow a primer exchange, whose
 * state they start from), so both generate the same answer and their first texts are comparable.
 * Per row `hearthOverDirect` = Hearth's re-read/resume ratio over direct's (1: Hearth resumes as
 * well as the library itself). Also Hearth's added time to first text on a short prompt, and the
 * delay from an answer's `chat.finished` to the next turn starting. Writes bench/results/resume.json
 * and resume.md (a narrowed run writes to bench/results/partial/).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatHistoryItem } from 'node-llama-cpp';
import { type Message, RECURRENT_CONTEXT_TOKENS } from '../contract/index.js';
import { ConversationStore } from '../main/storage/ConversationStore.js';
import { ensureForgedModel, type ForgedArch, type ForgeSize } from '../test/forge/forgeModels.js';
import { isForgedArch, isForgeSize } from '../test/forge/forgeSpec.js';
import { chatHistoryOf, directBench, type DirectSetup } from './benchDirect.js';
import { benchHearth, type BenchHearth } from './benchHearth.js';
import { historyExchanges, writeHistory } from '../test/support/syntheticHistory.js';

const BENCH_SIZE: ForgeSize = 'bench';
const HISTORY_TOKENS = [1_000, 4_000, 16_000, 64_000];
const ARCHS: ForgedArch[] = ['rwkv7', 'mamba2', 'llama'];
/**
 * Left out of the default run: one re-read of 64k tokens on the dense model takes the better part of
 * an hour on one thread (attention is quadratic), and a row needs four. `--slow` puts them back.
 */
const SLOW_ROWS = ['llama:bench@64000'];
/** Re-reads of this many tokens or more are timed once by default: they take minutes. */
const LONG_REREAD_TOKENS = 16_000;
/** The forged files' trained context: above every row's, so the row's setting is what both sides use. */
const FORGED_CONTEXT = 131_072;
/**
 * Answer lengths after which the delay to the next turn is timed. A one-token answer's tokens always
 * match their re-tokenization (nothing to read again); longer answers of a forged model hold partial
 * UTF-8, whose text re-tokenizes differently: those rows time the fallback, one re-read of the answer.
 */
const NEXT_TURN_ANSWER_TOKENS = [1, 64, 256, 1024];
const QUESTION = 'What happened next by the fire?';
const NEXT_QUESTIONS = [QUESTION, 'Who lit the fire?', 'Why was it so cold?', 'Where did they sleep?', 'Tell me more.'];
const SHORT_PROMPT = 'Hello!';
/** Enough tokens that an answer is rarely all partial UTF-8 (an empty answer saves no state). */
const ANSWER_TOKENS = 16;
const THREADS = 1;
const GOALS = { hearthOverDirect: 0.9, resumeGrowth: 1.5, addedFirstTextMs: 10, nextTurnMs: 50 };

interface Options {
  only: string[];
  tokens: number[];
  repeats: number;
  longRepeats: number;
  slow: boolean;
  /** Only the resume/re-read rows: no added-TTFT or next-turn measurements. */
  rowsOnly: boolean;
  partial: boolean;
}

interface Side {
  rereadMs: number;
  resumeMs: number | null;
  /** Prompt tokens evaluated on resume (the part the state did not cover). */
  resumeTokens: number;
  stateBytes: number | null;
}

interface Row {
  arch: ForgedArch;
  size: ForgeSize;
  targetTokens: number;
  historyTokens: number;
  contextSize: number;
  rereadRepeats: number;
  direct: Side & { ratio: number | null };
  hearth: Side & { ratio: number | null; resumeSource: string; storedBytes: number | null; note: string };
  hearthOverDirect: number | null;
}

interface FirstTextRow {
  arch: ForgedArch;
  size: ForgeSize;
  directFirstTextMs: number;
  hearthFirstTextMs: number;
  hearthEngineFirstTokenMs: number | null;
  /** Hearth's first text minus direct's: what a user of Hearth waits more than one of the library. */
  addedMs: number;
  /** Hearth's first text minus its engine's own time to first token: main, the pipe and batching. */
  addedOverEngineMs: number | null;
}

interface NextTurnRow {
  arch: ForgedArch;
  size: ForgeSize;
  answerTokens: number;
  acceptedMs: number;
  firstTextMs: number;
  engineFirstTokenMs: number | null;
  /** First text of the next answer minus its engine time to first token: when the next turn started. */
  turnStartMs: number | null;
  /** Whether closing the answer's turn read the answer again (its tokens differed from their text's). */
  answerReread: boolean | null;
  /** The engine closing the answer's turn: llama.cpp evaluating its end-of-turn tokens (model work). */
  closingMs: number | null;
  /** The engine writing the answer's state file. */
  stateSaveMs: number | null;
  /** Turn start less the closing evaluation: the wait Hearth itself adds. */
  hearthWaitMs: number | null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function repeat<T>(times: number, run: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < times; i++) results.push(await run());
  return results;
}

/** The context both sides use for a row: the history, the question and the answer, rounded up. */
function contextFor(targetTokens: number): number {
  return Math.max(4096, Math.ceil((targetTokens * 1.1 + 1024) / 4096) * 4096);
}

/** The byte-level test tokenizer makes about one token per 1.5 characters of this prose. */
const charsFor = (targetTokens: number) => Math.round(targetTokens * 1.5);

/**
 * The histories Hearth's turns read, before the question: the one it re-read, and the one it
 * resumed (with the primer's exchange, whose state it resumes from). Direct reads the same ones:
 * a forged model's answer often starts with partial UTF-8, so the first text of two different
 * answers can be tokens apart, tens of milliseconds each.
 */
interface Histories {
  reread: ChatHistoryItem[];
  resume: ChatHistoryItem[];
}

async function measureDirect(
  modelPath: string,
  setup: DirectSetup,
  targetTokens: number,
  histories: Histories,
  repeats: { reread: number; resume: number },
  scratch: string,
): Promise<Side> {
  const asked = (history: ChatHistoryItem[]): ChatHistoryItem[] => [...history, { type: 'user', text: QUESTION }];
  const direct = await directBench(modelPath, setup);
  try {
    // Once untimed: the first answer after loading pays one-time setup a later one does not.
    await direct.reread([{ type: 'user', text: SHORT_PROMPT }], 1);
    const reread = await repeat(repeats.reread, () => direct.reread(asked(histories.reread), ANSWER_TOKENS));
    const statePath = join(scratch, `direct-${targetTokens}.state`);
    const state = await direct.saveHistoryState(histories.resume, statePath);
    const resume = await repeat(repeats.resume, () => direct.resume(statePath, asked(histories.resume), ANSWER_TOKENS));
    rmSync(statePath, { force: true });
    return {
      rereadMs: median(reread.map((r) => r.firstTextMs)),
      resumeMs: median(resume.map((r) => r.firstTextMs)),
      resumeTokens: resume[0]?.evaluatedTokens ?? 0,
      stateBytes: state.bytes,
    };
  } finally {
    await direct.dispose();
  }
}

async function measureHearth(
  bench: BenchHearth,
  modelId: string,
  targetTokens: number,
  repeats: { reread: number; resume: number },
): Promise<Row['hearth'] & { historyTokens: number; histories: Histories }> {
  const { hearth, call } = bench;
  const conversation = await call('conversations.create', { modelId, systemPrompt: '' });
  const synthetic = historyExchanges(charsFor(targetTokens));
  writeHistory(new ConversationStore(hearth.db), conversation.id, modelId, charsFor(targetTokens));
  const fresh = async () => {
    await hearth.engine.shutdown();
    await call('models.load', { modelId });
  };
  const askFresh = async () => {
    await fresh();
    const result = await bench.ask(conversation.id, QUESTION);
    await call('conversations.deleteBranch', {
      conversationId: conversation.id,
      messageId: result.answer.parentId ?? '',
    });
    return result;
  };

  await call('settings.update', { saveStates: false });
  const reread = await repeat(repeats.reread, askFresh);
  const historyTokens = reread[0]?.answer.context?.tokens ?? 0;

  // One turn saves the state after it; each measured turn then starts from that state. A forged
  // model's answer can be all partial UTF-8 (empty: no state is saved): then another question is
  // asked instead, its branch replacing the empty one, and after the greedy tries, sampled ones
  // (the primer's answer is not measured; the measured turns are greedy again).
  await call('settings.update', { saveStates: true });
  await fresh();
  const savedState = (answerId: string) =>
    hearth.db
      .prepare<[string], { byte_size: number; stored_size: number }>(
        "SELECT byte_size, stored_size FROM states WHERE kind = 'turn' AND message_id = ?",
      )
      .get(answerId);
  let primer: Message | null = null;
  let primerQuestion = '';
  let state: { byte_size: number; stored_size: number } | undefined;
  const tries = [
    ...NEXT_QUESTIONS.map((question) => ({ question, sampling: null })),
    ...[1, 2, 3, 4, 5].map((seed) => ({
      question: QUESTION,
      sampling: { temperature: 1, topP: 1, maxTokens: ANSWER_TOKENS, seed },
    })),
  ];
  for (const { question, sampling } of tries) {
    if (primer) {
      await call('conversations.deleteBranch', { conversationId: conversation.id, messageId: primer.parentId ?? '' });
    }
    await call('conversations.update', { conversationId: conversation.id, sampling });
    primer = (await bench.ask(conversation.id, question)).answer;
    primerQuestion = question;
    state = savedState(primer.id);
    // Only an empty answer is worth another try: a state over the size cap stays over it.
    if (state || primer.content !== '') break;
  }
  await call('conversations.update', { conversationId: conversation.id, sampling: null });
  // Without a saved state a "resume" is a re-read, already measured above.
  const resume = state ? await repeat(repeats.resume, askFresh) : [];
  const rereadMs = median(reread.map((r) => r.firstTextMs));
  const resumeMs = state ? median(resume.map((r) => r.firstTextMs)) : null;
  const last = resume.at(-1)?.answer.context;
  const primed = state && primer ? [{ question: primerQuestion, answer: primer.content }] : [];
  return {
    historyTokens,
    histories: { reread: chatHistoryOf(synthetic), resume: chatHistoryOf([...synthetic, ...primed]) },
    rereadMs,
    resumeMs,
    ratio: resumeMs ? rereadMs / resumeMs : null,
    resumeTokens: state ? (last?.tokens ?? 0) : historyTokens,
    resumeSource: state ? (last?.source ?? 'none') : 'reread',
    stateBytes: state?.byte_size ?? null,
    storedBytes: state?.stored_size ?? null,
    note: state
      ? ''
      : (bench.log
          .findLast((line) => line.includes(primer?.id ?? '-'))
          ?.replace(/^.*not saved: /, 'state not saved: ') ?? 'state not saved'),
  };
}

/** Applies the row's context and returns what the engine loaded with, for the direct side to copy. */
async function loadWith(bench: BenchHearth, modelId: string, contextSize: number): Promise<DirectSetup> {
  await bench.call('settings.update', { contextSize });
  await bench.hearth.engine.shutdown();
  const status = await bench.call('models.load', { modelId });
  const loaded = status.loadedModel;
  if (!loaded) throw new Error('the model did not load');
  // Recurrent models get the engine's long context whatever is asked (their state does not grow);
  // the direct side copies it, so both sides still run the same context.
  const expected = loaded.stateKind === 'recurrent' ? RECURRENT_CONTEXT_TOKENS : contextSize;
  if (loaded.contextSize !== expected) {
    throw new Error(`the engine loaded a context of ${loaded.contextSize}, not ${contextSize}`);
  }
  return { contextSize: loaded.contextSize, threads: loaded.threads, batchSize: loaded.batchSize };
}

async function measureFirstText(
  bench: BenchHearth,
  { arch, size }: { arch: ForgedArch; size: ForgeSize },
  modelId: string,
  modelPath: string,
  repeats: number,
): Promise<FirstTextRow> {
  const setup = await loadWith(bench, modelId, contextFor(HISTORY_TOKENS[0] ?? 1000));
  // Model loaded, engine warm, no history: a new conversation per question.
  await bench.ask((await bench.call('conversations.create', { modelId, systemPrompt: '' })).id, SHORT_PROMPT);
  const hearth = await repeat(repeats, async () => {
    const conversation = await bench.call('conversations.create', { modelId, systemPrompt: '' });
    return bench.ask(conversation.id, SHORT_PROMPT);
  });
  const direct = await directBench(modelPath, setup);
  let directMs: number[];
  try {
    await direct.reread([{ type: 'user', text: SHORT_PROMPT }], ANSWER_TOKENS);
    directMs = (await repeat(repeats, () => direct.reread([{ type: 'user', text: SHORT_PROMPT }], ANSWER_TOKENS))).map(
      (r) => r.firstTextMs,
    );
  } finally {
    await direct.dispose();
  }
  const hearthMs = median(hearth.map((r) => r.firstTextMs));
  const engineTimes = hearth.flatMap((r) => r.answer.stats?.timeToFirstTokenMs ?? []);
  const engineMs = engineTimes.length > 0 ? median(engineTimes) : null;
  const overEngine = hearth.flatMap((r) =>
    r.answer.stats?.timeToFirstTokenMs == null ? [] : [r.firstTextMs - r.answer.stats.timeToFirstTokenMs],
  );
  return {
    arch,
    size,
    directFirstTextMs: median(directMs),
    hearthFirstTextMs: hearthMs,
    hearthEngineFirstTokenMs: engineMs,
    addedMs: hearthMs - median(directMs),
    addedOverEngineMs: overEngine.length > 0 ? median(overEngine) : null,
  };
}

/** The first of `inputs` for which `run` succeeds; the last failure if none does. */
async function firstTry<I, T>(inputs: readonly I[], run: (input: I) => Promise<T>): Promise<T> {
  let failure: unknown = new Error('nothing to try');
  for (const input of inputs) {
    try {
      return await run(input);
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

async function measureNextTurn(
  bench: BenchHearth,
  { arch, size }: { arch: ForgedArch; size: ForgeSize },
  modelId: string,
  answerTokens: number,
): Promise<NextTurnRow> {
  await bench.call('settings.update', { saveStates: true });
  // A forged model's one-token answer can be part of a character only (no text, no closed turn, and
  // a next answer that never streams): such tries are asked again with another question.
  const next = await firstTry(NEXT_QUESTIONS, async (question) => {
    const conversation = await bench.call('conversations.create', { modelId, systemPrompt: '' });
    await bench.call('conversations.update', {
      conversationId: conversation.id,
      sampling: { temperature: 0, topP: 1, maxTokens: answerTokens, seed: 1 },
    });
    const tried = await bench.askTwice(conversation.id, question, 'And then?');
    if (!tried.answerHasText) throw new Error('the answer had no text');
    return tried;
  });
  const turnStartMs = next.engineFirstTokenMs === null ? null : next.firstTextMs - next.engineFirstTokenMs;
  return {
    arch,
    size,
    answerTokens: next.answerTokens,
    acceptedMs: next.acceptedMs,
    firstTextMs: next.firstTextMs,
    engineFirstTokenMs: next.engineFirstTokenMs,
    turnStartMs,
    answerReread: next.answerReread,
    closingMs: next.closingMs,
    stateSaveMs: next.stateSaveMs,
    hearthWaitMs: turnStartMs === null || next.closingMs === null ? null : turnStartMs - next.closingMs,
  };
}

function parseModel(text: string): { arch: ForgedArch; size: ForgeSize } {
  const [arch = '', size = 'bench'] = text.split(':');
  if (!isForgedArch(arch) || !isForgeSize(size))
    throw new Error(`--only takes arch:size, e.g. rwkv7:bench, not ${text}`);
  return { arch, size };
}

function option(name: string): string[] {
  return process.argv.flatMap((arg, i) => (arg === name ? [process.argv[i + 1] ?? ''] : []));
}

/** `--only rwkv7:bench` (repeatable), `--tokens 1000` (repeatable), `--repeats 3`, `--long-repeats 1`, `--slow`, `--rows-only`. */
function parseOptions(): Options {
  const only = option('--only');
  const tokens = option('--tokens').map(Number);
  const repeats = Number(option('--repeats')[0] ?? 3);
  const longRepeats = Number(option('--long-repeats')[0] ?? 1);
  if (tokens.some((n) => !Number.isInteger(n) || n < 100)) throw new Error('--tokens takes a whole number ≥ 100');
  if (!Number.isInteger(repeats) || repeats < 1 || !Number.isInteger(longRepeats) || longRepeats < 1) {
    throw new Error('--repeats and --long-repeats take a whole number ≥ 1');
  }
  return {
    only,
    tokens,
    repeats,
    longRepeats,
    slow: process.argv.includes('--slow'),
    rowsOnly: process.argv.includes('--rows-only'),
    partial: only.length + tokens.length > 0,
  };
}

async function main(): Promise<void> {
  const options = parseOptions();
  const lengths = options.tokens.length > 0 ? options.tokens : HISTORY_TOKENS;
  // `--only rwkv7:tiny` also runs the tiny forged models: quick, to check the bench itself.
  const plan: { arch: ForgedArch; size: ForgeSize }[] =
    options.only.length === 0 ? ARCHS.map((arch) => ({ arch, size: BENCH_SIZE })) : options.only.map(parseModel);
  const scratch = mkdtempSync(join(tmpdir(), 'hearth-bench-direct-'));
  const rows: Row[] = [];
  const firstText: FirstTextRow[] = [];
  const nextTurn: NextTurnRow[] = [];
  const skipped: string[] = [];
  const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
  try {
    for (const { arch, size } of plan) {
      const modelPath = await ensureForgedModel(arch, { size, contextLength: FORGED_CONTEXT });
      const bench = benchHearth();
      try {
        const modelId = bench.addModel(modelPath);
        await bench.call('settings.update', {
          threads: THREADS,
          checkpointsPerBranch: 64,
          // Large enough that the dense model's states (~12 KB a token) are saved at every length.
          attentionStateCapBytes: 8 * 1024 ** 3,
          stateBudgetBytes: 16 * 1024 ** 3,
          defaultSampling: { temperature: 0, topP: 1, maxTokens: ANSWER_TOKENS, seed: 1 },
        });
        if (!options.rowsOnly) {
          const row = await measureFirstText(bench, { arch, size }, modelId, modelPath, options.repeats);
          firstText.push(row);
          log(
            `${arch} ${size}: first text direct ${row.directFirstTextMs.toFixed(0)} ms, Hearth ${row.hearthFirstTextMs.toFixed(0)} ms ` +
              `(engine ${row.hearthEngineFirstTokenMs?.toFixed(0) ?? '—'} ms): added ${row.addedMs.toFixed(0)} ms`,
          );
          for (const tokens of NEXT_TURN_ANSWER_TOKENS) {
            const next = await measureNextTurn(bench, { arch, size }, modelId, tokens);
            nextTurn.push(next);
            log(
              `${arch} ${size}: after a ${next.answerTokens}-token answer, send accepted in ${next.acceptedMs.toFixed(0)} ms, ` +
                `first text in ${next.firstTextMs.toFixed(0)} ms, turn started after ${next.turnStartMs?.toFixed(0) ?? '—'} ms ` +
                `(closing ${next.closingMs?.toFixed(0) ?? '—'} ms, state save ${next.stateSaveMs?.toFixed(0) ?? '—'} ms)` +
                (next.answerReread ? ' (answer read again: its tokens differed)' : ''),
            );
          }
        }
        for (const targetTokens of lengths) {
          if (!options.slow && SLOW_ROWS.includes(`${arch}:${size}@${targetTokens}`)) {
            skipped.push(`${arch} ${size} @ ${targetTokens.toLocaleString('en')} tokens`);
            continue;
          }
          const rereadRepeats = targetTokens >= LONG_REREAD_TOKENS ? options.longRepeats : options.repeats;
          const repeats = { reread: rereadRepeats, resume: options.repeats };
          const setup = await loadWith(bench, modelId, contextFor(targetTokens));
          const { historyTokens, histories, ...hearth } = await measureHearth(bench, modelId, targetTokens, repeats);
          const direct = await measureDirect(modelPath, setup, targetTokens, histories, repeats, scratch);
          const directRatio = direct.resumeMs ? direct.rereadMs / direct.resumeMs : null;
          const row: Row = {
            arch,
            size,
            targetTokens,
            historyTokens,
            contextSize: setup.contextSize,
            rereadRepeats,
            direct: { ...direct, ratio: directRatio },
            hearth,
            hearthOverDirect: hearth.ratio && directRatio ? hearth.ratio / directRatio : null,
          };
          rows.push(row);
          log(
            `${arch} ${size} ${String(historyTokens).padStart(6)} tokens: direct ${direct.resumeMs?.toFixed(0)} vs ${direct.rereadMs.toFixed(0)} ms, ` +
              `Hearth ${hearth.resumeMs?.toFixed(0) ?? '—'} vs ${hearth.rereadMs.toFixed(0)} ms (${hearth.resumeSource}, ` +
              `${hearth.resumeTokens} tokens read), Hearth/direct ${row.hearthOverDirect?.toFixed(2) ?? '—'}`,
          );
        }
      } finally {
        await bench.dispose();
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  write({ rows, firstText, nextTurn, skipped }, options);
}

interface Results {
  rows: Row[];
  firstText: FirstTextRow[];
  nextTurn: NextTurnRow[];
  skipped: string[];
}

const ms = (value: number | null) => (value === null ? '—' : value.toLocaleString('en', { maximumFractionDigits: 0 }));
const times = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}x`);
const met = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? 'met' : '**not met**');

function goals(results: Results): string[] {
  const { rows, firstText, nextTurn } = results;
  const ratios = rows.flatMap((row) => (row.hearthOverDirect === null ? [] : [row.hearthOverDirect]));
  // Over the longest and the shortest history measured per model (64k and 1k in a full run).
  const growth = [...new Set(rows.map((row) => `${row.arch} ${row.size}`))].flatMap((model) => {
    const measured = rows.filter((row) => `${row.arch} ${row.size}` === model && row.hearth.resumeMs !== null);
    const small = measured.reduce<Row | null>((a, b) => (a && a.targetTokens <= b.targetTokens ? a : b), null);
    const large = measured.reduce<Row | null>((a, b) => (a && a.targetTokens >= b.targetTokens ? a : b), null);
    if (!small || !large || small === large) return [];
    const growthOf = (large.hearth.resumeMs ?? 0) / (small.hearth.resumeMs ?? 1);
    // The goal is about 64k against 1k: a shorter span is shown but not judged.
    const judged = small.targetTokens <= 1_000 && large.targetTokens >= 64_000;
    return [
      { label: `${model} ${large.targetTokens / 1000}k/${small.targetTokens / 1000}k`, growth: growthOf, judged },
    ];
  });
  const worstAdded = Math.max(...firstText.map((row) => row.addedMs));
  // The goal is for answers whose tokens match their text; a differing answer is read once more by design.
  const worstNext = Math.max(
    ...nextTurn.flatMap((row) => (row.hearthWaitMs === null || row.answerReread !== false ? [] : [row.hearthWaitMs])),
  );
  return [
    '## Goals',
    '',
    '| goal | measured | |',
    '|---|---|---|',
    `| Hearth/direct ≥ ${GOALS.hearthOverDirect} at every length | ${ratios.length ? `lowest ${Math.min(...ratios).toFixed(2)}` : '—'} | ${met(ratios.length ? Math.min(...ratios) >= GOALS.hearthOverDirect : null)} |`,
    `| Hearth resume 64k / 1k ≤ ${GOALS.resumeGrowth}x | ${growth.map((g) => `${g.label} ${g.growth.toFixed(2)}x`).join(', ') || '—'} | ${met(growth.some((g) => g.judged) ? growth.every((g) => !g.judged || g.growth <= GOALS.resumeGrowth) : null)} |`,
    `| added time to first text ≤ ${GOALS.addedFirstTextMs} ms | ${firstText.length ? `worst ${ms(worstAdded)} ms` : '—'} | ${met(firstText.length ? worstAdded <= GOALS.addedFirstTextMs : null)} |`,
    `| next turn ≤ ${GOALS.nextTurnMs} ms after an answer whose tokens match (Hearth's wait) | ${Number.isFinite(worstNext) ? `worst ${ms(worstNext)} ms` : '—'} | ${met(Number.isFinite(worstNext) ? worstNext <= GOALS.nextTurnMs : null)} |`,
    '',
  ];
}

function write(results: Results, options: Options): void {
  // A narrowed run is for the one who ran it: it does not replace the published figures.
  const dir = join(import.meta.dirname, 'results', ...(options.partial ? ['partial'] : []));
  mkdirSync(dir, { recursive: true });
  const meta = {
    benchmark: 'resume',
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    threads: THREADS,
    repeats: options.repeats,
    longRereadRepeats: options.longRepeats,
    statistic:
      'median time to the first text of the next answer: direct from loading the state (resume) or from the ' +
      'generateResponse call (re-read) on a fresh context; Hearth from chat.send on a fresh engine process with the model loaded',
    options: { only: options.only, tokens: options.tokens, slow: options.slow, rowsOnly: options.rowsOnly },
  };
  writeFileSync(join(dir, 'resume.json'), `${JSON.stringify({ ...meta, ...results }, null, 2)}\n`);
  const { rows, firstText, nextTurn, skipped } = results;
  const kb = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / 1024).toFixed(0)} KB`);
  const side = (s: Row['direct']) => `${ms(s.resumeMs)} ms vs ${ms(s.rereadMs)} ms (${times(s.ratio)})`;
  const lines = [
    '# Resume from a saved state vs re-read the history: Hearth beside direct node-llama-cpp',
    '',
    `${meta.date} · Node ${meta.node} · ${meta.platform} · ${THREADS} thread · CPU · median of ${options.repeats} ` +
      `(re-reads of ${LONG_REREAD_TOKENS.toLocaleString('en')}+ tokens: ${options.longRepeats})`,
    '',
    'Time to the first text of the next answer. Direct: node-llama-cpp in the bench process, a fresh context,',
    '`loadStateFromFile` then LlamaChat (resume) or LlamaChat reading the whole history (re-read). Hearth: a real',
    'Hearth on a temporary folder, a fresh engine process with the model loaded, from `chat.send` to the first',
    'streamed text, with the saved state in SQLite (resume) or saved states off (re-read). Same forged',
    '~90M-parameter model, thread count and context size on both sides. Hearth/direct is Hearth’s re-read ÷',
    'resume over direct’s: 1 means Hearth resumes as well as the library does.',
    '',
    '| model | history (tokens) | context | direct: resume vs re-read | Hearth: resume vs re-read | Hearth / direct | tokens read on resume (direct / Hearth) | state (direct / Hearth stored) |',
    '|---|---:|---:|---|---|---:|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.arch} ${row.size} | ${row.historyTokens.toLocaleString('en')} | ${row.contextSize.toLocaleString('en')} | ${side(row.direct)} | ` +
        `${side(row.hearth)}${row.hearth.note ? ` (${row.hearth.note})` : ''} | ${row.hearthOverDirect?.toFixed(2) ?? '—'} | ` +
        `${row.direct.resumeTokens} / ${row.hearth.resumeTokens} (${row.hearth.resumeSource}) | ${kb(row.direct.stateBytes)} / ${kb(row.hearth.storedBytes)} |`,
    ),
    ...(skipped.length ? ['', `Not in this run (see \`--slow\`): ${skipped.join(', ')}.`] : []),
    '',
    '## Added time to first text',
    '',
    `A short prompt (“${SHORT_PROMPT}”) in a new conversation, model loaded, engine warm. Added = Hearth’s first`,
    'streamed text from `chat.send` minus direct’s first text from `generateResponse` (what the user waits',
    'more); the last column subtracts Hearth’s own engine-reported time to first token instead (main, the',
    'pipe and batching alone).',
    '',
    '| model | direct (ms) | Hearth (ms) | Hearth engine TTFT (ms) | added vs direct (ms) | added vs engine (ms) |',
    '|---|---:|---:|---:|---:|---:|',
    ...firstText.map(
      (row) =>
        `| ${row.arch} ${row.size} | ${ms(row.directFirstTextMs)} | ${ms(row.hearthFirstTextMs)} | ${ms(row.hearthEngineFirstTokenMs)} | ` +
        `${ms(row.addedMs)} | ${ms(row.addedOverEngineMs)} |`,
    ),
    '',
    '## From an answer to the next turn',
    '',
    'The next `chat.send` is made the moment the answer’s `chat.finished` arrives. Accepted: until that call',
    'resolves. First text: until the next answer’s first streamed text. Turn start: first text minus the next',
    'answer’s engine-reported time to first token, i.e. when the engine began the next turn (what waited on',
    'the previous turn’s state save shows here; it also holds the delivery of the first text, “added vs',
    'engine” above).',
    '',
    'Answer read again: the model’s tokens differed from the re-tokenized answer text (a forged model’s',
    'partial UTF-8 bytes), so the turn was closed by reading the answer once more — the fallback the',
    'next turn waits for. Answers whose tokens match are closed by reading only the end-of-turn tokens.',
    '',
    'Closing: the engine evaluating the template’s end-of-turn tokens after the answer (or the answer',
    'again). That is model work every continuation needs — direct node-llama-cpp evaluates the same',
    'tokens at the start of its next prompt — so the goal is judged on Hearth’s wait: turn start less',
    'closing, which holds the state save and every hand-off between processes.',
    '',
    '| model | answer (tokens) | answer read again | accepted (ms) | first text (ms) | engine TTFT (ms) | turn start (ms) | closing (ms) | state save (ms) | Hearth’s wait (ms) |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|',
    ...nextTurn.map(
      (row) =>
        `| ${row.arch} ${row.size} | ${row.answerTokens} | ${row.answerReread === null ? '—' : row.answerReread ? 'yes' : 'no'} | ${ms(row.acceptedMs)} | ${ms(row.firstTextMs)} | ${ms(row.engineFirstTokenMs)} | ${ms(row.turnStartMs)} | ${ms(row.closingMs)} | ${ms(row.stateSaveMs)} | ${ms(row.hearthWaitMs)} |`,
    ),
    '',
    ...goals(results),
  ];
  writeFileSync(join(dir, 'resume.md'), lines.join('\n'));
  console.log(`\nWrote ${join(dir, 'resume.json')} and resume.md`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
