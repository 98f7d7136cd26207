/**
 * `npm run bench:api`: the local OpenAI-compatible API on the forged ~90M-parameter bench models
 * (rwkv7, llama), one thread, measured in one run:
 * - time to the first streamed token of the next turn of a 1k / 4k / 16k-token conversation that
 *   the client resends whole (as every OpenAI client does): with the prefix-state cache, straight
 *   after the last answer (the engine still holds it: "live") and after another request took the
 *   engine ("stored": the state read back from SQLite), and without it (saved states off: the whole
 *   history is read again). Prefix states are for recurrent models; an attention model keeps only
 *   what llama.cpp's KV cache still shares with the request;
 * - the API's overhead over the UI path: the same turn re-read through `chat.send` (first
 *   `chat.delta`) and through the API (first SSE chunk), and a short first message both ways.
 * Writes bench/results/api.json and api.md (a narrowed run writes to bench/results/partial/).
 * Flags: --only rwkv7,llama  --tokens 1000,4000  --repeats N (short-prompt pairs, default 5);
 * --merge: a narrowed run replaces its rows in bench/results/api.json instead (each row keeps the
 * time it was measured, and the table marks rows from another run than most).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type OpenAI from 'openai';
import { ConversationStore } from '../main/storage/ConversationStore.js';
import { ensureForgedModel, type ForgedArch } from '../test/forge/forgeModels.js';
import { openaiClient, serveApi } from '../test/support/apiServer.js';
import { historyExchanges, writeExchange, writeHistory } from '../test/support/syntheticHistory.js';
import { benchHearth, type BenchHearth } from './benchHearth.js';

const ARCHS: ForgedArch[] = ['rwkv7', 'llama'];
const HISTORY_TOKENS = [1_000, 4_000, 16_000];
const FORGED_CONTEXT = 131_072;
const THREADS = 1;
const SYSTEM = 'You are Hearth, a helpful assistant.';
const QUESTION = 'What happened next by the fire?';
const NEXT = 'And what did they do then?';
const ANSWER_TOKENS = 16;
const GOAL_OVERHEAD = 0.05;
/** A 16k-token re-read on the dense model takes minutes on one thread. */
const CLIENT_TIMEOUT_MS = 60 * 60_000;

/** The byte-level test tokenizer makes about one token per 1.5 characters of this prose. */
const charsFor = (tokens: number) => Math.round(tokens * 1.5);
/** The context of a row: the history, the question and the answer, rounded up (as bench:resume). */
const contextFor = (tokens: number) => Math.max(4096, Math.ceil((tokens * 1.1 + 1024) / 4096) * 4096);

interface Options {
  only: ForgedArch[];
  tokens: number[];
  repeats: number;
  partial: boolean;
  merge: boolean;
}

/** When the run began: rows of one table may come from more than one run (--merge). */
const RUN = new Date().toISOString();

interface Row {
  /** The run that measured the row (RUN), and when. */
  run: string;
  measuredAt: string;
  arch: ForgedArch;
  targetTokens: number;
  /** Prompt tokens of the next turn, as the API reported them. */
  promptTokens: number;
  /** First token of the next turn, with the prefix cache: the engine still holding the conversation. */
  liveMs: number;
  liveCachedTokens: number;
  /** The same after another request took the engine: the state read back from SQLite (recurrent only). */
  storedMs: number | null;
  storedCachedTokens: number | null;
  /** Saved states off: the whole conversation read again. */
  rereadMs: number;
  /** The same re-read turn through the UI path (chat.send → first chat.delta). */
  uiRereadMs: number;
  /** rereadMs / uiRereadMs − 1. */
  overhead: number;
}

interface ShortPrompt {
  run: string;
  measuredAt: string;
  arch: ForgedArch;
  apiMs: number;
  uiMs: number;
  overhead: number;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const only = (value('--only')?.split(',') ?? []).filter((arch): arch is ForgedArch =>
    ARCHS.includes(arch as ForgedArch),
  );
  const tokens = (value('--tokens')?.split(',') ?? []).map(Number).filter((n) => n > 0);
  return {
    only: only.length > 0 ? only : ARCHS,
    tokens: tokens.length > 0 ? tokens : HISTORY_TOKENS,
    repeats: Number(value('--repeats') ?? 5),
    partial: only.length + tokens.length > 0,
    merge: argv.includes('--merge'),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Streams a chat request and stops at its first text: the time to it, and the usage the server gave. */
async function firstToken(
  client: OpenAI,
  model: string,
  messages: OpenAI.ChatCompletionMessageParam[],
): Promise<{ ms: number; text: string }> {
  const started = performance.now();
  const stream = await client.chat.completions.create({
    model,
    messages,
    stream: true,
    max_tokens: ANSWER_TOKENS,
    temperature: 0,
  });
  for await (const chunk of stream) {
    const text = chunk.choices[0]?.delta.content;
    if (text) return { ms: performance.now() - started, text };
  }
  throw new Error('the answer streamed no text');
}

/** A whole answer (non-streamed), with its usage. */
async function complete(client: OpenAI, model: string, messages: OpenAI.ChatCompletionMessageParam[]) {
  const response = await client.chat.completions.create({ model, messages, max_tokens: ANSWER_TOKENS, temperature: 0 });
  return {
    text: response.choices[0]?.message.content ?? '',
    promptTokens: response.usage?.prompt_tokens ?? 0,
    cached: response.usage?.prompt_tokens_details?.cached_tokens ?? 0,
  };
}

/** A short unrelated request: afterwards the engine no longer holds the measured conversation. */
const elsewhere = (client: OpenAI, model: string, n: number) =>
  complete(client, model, [{ role: 'user', content: `Unrelated question number ${n}` }]);

/** Waits until the prefix states stored reach `count` (they are stored after the response). */
async function storedStates(bench: BenchHearth, count: number): Promise<void> {
  const query = bench.hearth.db.prepare("SELECT COUNT(*) FROM states WHERE prompt_key LIKE 'api:%'").pluck();
  for (let i = 0; i < 500 && (query.get() as number) < count; i++)
    await bench.hearth.chat.idle().then(() => new Promise((r) => setTimeout(r, 20)));
}

async function measureRow(arch: ForgedArch, modelPath: string, tokens: number): Promise<Row> {
  const bench = benchHearth();
  try {
    const model = bench.addModel(modelPath);
    await bench.call('settings.update', {
      contextSize: contextFor(tokens),
      threads: THREADS,
      saveStates: true,
      defaultSampling: { temperature: 0, topP: 1, maxTokens: ANSWER_TOKENS, seed: 1 },
    });
    const client = openaiClient(await serveApi(bench), 'unused', CLIENT_TIMEOUT_MS);
    await elsewhere(client, model, 0); // loads the model: not timed

    const history: OpenAI.ChatCompletionMessageParam[] = [{ role: 'system', content: SYSTEM }];
    for (const { question, answer } of historyExchanges(charsFor(tokens))) {
      history.push({ role: 'user', content: question }, { role: 'assistant', content: answer });
    }
    // The turn before the measured one; a forged model's answer can be empty (partial UTF-8): ask again.
    let asked: OpenAI.ChatCompletionMessageParam[] = [];
    let answer = '';
    for (let attempt = 0; !answer && attempt < 5; attempt++) {
      asked = [...history, { role: 'user', content: attempt === 0 ? QUESTION : `${QUESTION} (${attempt})` }];
      answer = (await complete(client, model, asked)).text;
    }
    if (!answer) throw new Error('the model gave only empty answers');
    const next: OpenAI.ChatCompletionMessageParam[] = [
      ...asked,
      { role: 'assistant', content: answer },
      { role: 'user', content: NEXT },
    ];
    const beforeLive = await served(bench);
    const live = await firstToken(client, model, next);
    const liveUsage = await usageOf(bench, beforeLive);

    let stored: { ms: number } | null = null;
    let storedUsage: { cached: number } | null = null;
    const recurrent = bench.hearth.engine.status.loaded?.stateKind === 'recurrent';
    if (recurrent) {
      await storedStates(bench, 1);
      await elsewhere(client, model, 1);
      const beforeStored = await served(bench);
      stored = await firstToken(client, model, next);
      storedUsage = await usageOf(bench, beforeStored);
    }

    await bench.call('settings.update', { saveStates: false });
    await elsewhere(client, model, 2);
    const beforeReread = await served(bench);
    const reread = await firstToken(client, model, next);
    const rereadUsage = await usageOf(bench, beforeReread);

    // The same turn through the UI: the conversation written into the store, the question asked.
    const conversation = await bench.call('conversations.create', { modelId: model, systemPrompt: SYSTEM });
    const store = new ConversationStore(bench.hearth.db);
    writeHistory(store, conversation.id, model, charsFor(tokens));
    writeExchange(store, conversation.id, model, { question: asked.at(-1)?.content as string, answer });
    await elsewhere(client, model, 3);
    const ui = await bench.ask(conversation.id, NEXT);
    return {
      run: RUN,
      measuredAt: new Date().toISOString(),
      arch,
      targetTokens: tokens,
      promptTokens: rereadUsage.prompt,
      liveMs: live.ms,
      liveCachedTokens: liveUsage.cached,
      storedMs: stored?.ms ?? null,
      storedCachedTokens: storedUsage?.cached ?? null,
      rereadMs: reread.ms,
      uiRereadMs: ui.firstTextMs,
      overhead: reread.ms / ui.firstTextMs - 1,
    };
  } finally {
    await bench.dispose();
  }
}

/**
 * What the next API request after `servedBefore` cost, from the server's record (a streamed request stopped at its first
 * text reports no usage to the client, but its answer's record holds the engine's counts).
 */
async function usageOf(bench: BenchHearth, servedBefore: number): Promise<{ prompt: number; cached: number }> {
  for (let i = 0; i < 1_000; i++) {
    const status = await bench.call('server.status', {});
    const record = status.recent[0];
    if (status.served > servedBefore && record)
      return { prompt: record.promptTokens ?? 0, cached: record.cachedTokens ?? 0 };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the API never recorded the request');
}

const served = async (bench: BenchHearth) => (await bench.call('server.status', {})).served;

async function measureShort(arch: ForgedArch, modelPath: string, repeats: number): Promise<ShortPrompt> {
  const bench = benchHearth();
  try {
    const model = bench.addModel(modelPath);
    await bench.call('settings.update', {
      contextSize: 4096,
      threads: THREADS,
      saveStates: false,
      defaultSampling: { temperature: 0, topP: 1, maxTokens: ANSWER_TOKENS, seed: 1 },
    });
    const client = openaiClient(await serveApi(bench), 'unused', CLIENT_TIMEOUT_MS);
    await elsewhere(client, model, 0);
    const api: number[] = [];
    const ui: number[] = [];
    for (let i = 0; i < repeats; i++) {
      // Alternated, each after an unrelated request, so neither side finds the other's tokens.
      await elsewhere(client, model, i + 1);
      api.push(
        (
          await firstToken(client, model, [
            { role: 'system', content: SYSTEM },
            { role: 'user', content: 'Hello!' },
          ])
        ).ms,
      );
      await elsewhere(client, model, i + 100);
      const conversation = await bench.call('conversations.create', { modelId: model, systemPrompt: SYSTEM });
      ui.push((await bench.ask(conversation.id, 'Hello!')).firstTextMs);
    }
    const apiMs = median(api);
    const uiMs = median(ui);
    return { run: RUN, measuredAt: new Date().toISOString(), arch, apiMs, uiMs, overhead: apiMs / uiMs - 1 };
  } finally {
    await bench.dispose();
  }
}

const ms = (value: number | null) => (value === null ? '—' : `${Math.round(value)} ms`);
const pct = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;

/** The run most rows come from; rows from another one are marked. */
function mainRun(entries: readonly { run: string }[]): string {
  const counts = new Map<string, number>();
  for (const { run } of entries) counts.set(run, (counts.get(run) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

function markdown(rows: Row[], shorts: ShortPrompt[]): string {
  const main = mainRun([...rows, ...shorts]);
  const mark = (entry: { run: string }) => (entry.run === main ? '' : ' †');
  const others = [...rows, ...shorts].filter((entry) => mark(entry));
  const lines = [
    '# bench:api — the local OpenAI-compatible API',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on this machine, one thread, forged ~90M-parameter bench models, greedy.`,
    'Time to the first streamed token of the next turn of a conversation the client resends whole.',
    '',
    '| model | history | prompt tokens | cache, live | cache, stored (SQLite) | no cache (re-read) | live / re-read | UI re-read | API overhead |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.arch}${mark(row)} | ${row.targetTokens / 1000}k | ${row.promptTokens} | ${ms(row.liveMs)} (${row.liveCachedTokens} cached) | ${
          row.storedMs === null ? '— (attention model)' : `${ms(row.storedMs)} (${row.storedCachedTokens} cached)`
        } | ${ms(row.rereadMs)} | ${(row.rereadMs / row.liveMs).toFixed(1)}x faster | ${ms(row.uiRereadMs)} | ${pct(row.overhead)} |`,
    ),
    '',
    'A short first message ("Hello!", no history), median of the runs, API vs UI:',
    '',
    '| model | API first token | UI first text | API overhead |',
    '|---|---:|---:|---:|',
    ...shorts.map(
      (short) => `| ${short.arch}${mark(short)} | ${ms(short.apiMs)} | ${ms(short.uiMs)} | ${pct(short.overhead)} |`,
    ),
    '',
    `Goal: API overhead ≤ ${GOAL_OVERHEAD * 100}% over the UI path. Timings on a 2-core machine are noisy: compare within a row.`,
    ...(others.length > 0
      ? [
          '',
          `† measured in another run (started ${[...new Set(others.map((entry) => entry.run.slice(0, 16)))].join(', ')} UTC) than the other rows (${main.slice(0, 16)} UTC); each row's figures come from one run.`,
        ]
      : []),
    '',
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const rows: Row[] = [];
  const shorts: ShortPrompt[] = [];
  for (const arch of options.only) {
    const modelPath = await ensureForgedModel(arch, { size: 'bench', contextLength: FORGED_CONTEXT });
    shorts.push(await measureShort(arch, modelPath, options.repeats));
    console.log(JSON.stringify(shorts.at(-1)));
    for (const tokens of options.tokens) {
      rows.push(await measureRow(arch, modelPath, tokens));
      console.log(JSON.stringify(rows.at(-1)));
    }
  }
  const dir = join(import.meta.dirname, 'results', ...(options.partial && !options.merge ? ['partial'] : []));
  mkdirSync(dir, { recursive: true });
  if (options.merge) {
    const stored = JSON.parse(readFileSync(join(dir, 'api.json'), 'utf8')) as {
      measuredOn: string;
      rows: (Omit<Row, 'run' | 'measuredAt'> & { run?: string; measuredAt?: string })[];
      shortPrompt: (Omit<ShortPrompt, 'run' | 'measuredAt'> & { run?: string; measuredAt?: string })[];
    };
    // Rows of a file written before rows carried their own time were all measured with it.
    const earlier = {
      rows: stored.rows.map((row) => ({
        ...row,
        run: row.run ?? stored.measuredOn,
        measuredAt: row.measuredAt ?? stored.measuredOn,
      })),
      shortPrompt: stored.shortPrompt.map((short) => ({
        ...short,
        run: short.run ?? stored.measuredOn,
        measuredAt: short.measuredAt ?? stored.measuredOn,
      })),
    };
    const key = (row: Row) => `${row.arch}@${row.targetTokens}`;
    const fresh = new Set(rows.map(key));
    rows.unshift(...earlier.rows.filter((row) => !fresh.has(key(row))));
    const freshShort = new Set(shorts.map((short) => short.arch));
    shorts.unshift(...earlier.shortPrompt.filter((short) => !freshShort.has(short.arch)));
    const order = (arch: ForgedArch) => ARCHS.indexOf(arch);
    rows.sort((a, b) => order(a.arch) - order(b.arch) || a.targetTokens - b.targetTokens);
    shorts.sort((a, b) => order(a.arch) - order(b.arch));
  }
  writeFileSync(
    join(dir, 'api.json'),
    `${JSON.stringify({ measuredOn: new Date().toISOString(), threads: THREADS, rows, shortPrompt: shorts }, null, 2)}\n`,
  );
  writeFileSync(join(dir, 'api.md'), markdown(rows, shorts));
  console.log(markdown(rows, shorts));
}

await main();
