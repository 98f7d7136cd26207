/**
 * `npx tsx bench/coldStart.ts`: a cold first message, from creating the Hearth to the first
 * streamed text, on the forged rwkv7 bench model: with no stored hardware profile and no warm-up
 * (how every start was before), with the stored profile, and with the warm-up done before the
 * message is sent; beside direct node-llama-cpp's load + first token in this process. One run of
 * each: read the ratios, not the milliseconds.
 */
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { getLlama, LlamaChatSession } from 'node-llama-cpp';
import type { GpuChoice } from '../contract/index.js';
import { ensureForgedModel } from '../test/forge/forgeModels.js';
import { hearthInFolder } from '../test/support/hearthInFolder.js';

const CONTEXT = 4096;
const MAX_TOKENS = 8;

async function prepare(dataDir: string, model: string): Promise<string> {
  const hearth = hearthInFolder(dataDir);
  symlinkSync(model, join(hearth.paths.modelsDir, basename(model)));
  const call = hearth.dispatch;
  await call(
    'settings.update',
    { contextSize: CONTEXT, defaultSampling: { temperature: 0, topP: 1, maxTokens: MAX_TOKENS, seed: 1 } },
    { origin: 'bench' },
  );
  const created = await call('conversations.create', { modelId: basename(model) }, { origin: 'bench' });
  // The file's check (a trial load, once per file version) is done here, not in the first run measured.
  await hearth.hardware.inspect(join(hearth.paths.modelsDir, basename(model)));
  await hearth.close();
  if (!created.ok) throw new Error('no conversation');
  return (created.value as { id: string }).id;
}

/** Start → first text of one message; `waitForWarmUp` sends it only once the warm-up is done. */
async function coldMessage(
  dataDir: string,
  conversationId: string,
  warmUp: boolean,
  waitForWarmUp: boolean,
  gpu: GpuChoice,
) {
  const startedAt = performance.now();
  const hearth = hearthInFolder(dataDir, { warmUp, gpu });
  let firstTextAt: number | null = null;
  const firstText = new Promise<void>((resolve) => {
    hearth.events.subscribe((event) => {
      if (event === 'chat.delta' && firstTextAt === null) {
        firstTextAt = performance.now();
        resolve();
      }
    });
  });
  let warmUpMs: number | null = null;
  if (waitForWarmUp) {
    await hearth.warmup;
    warmUpMs = performance.now() - startedAt;
  }
  const sentAt = performance.now();
  const sent = await hearth.dispatch('chat.send', { conversationId, content: 'Hello there' }, { origin: 'bench' });
  if (!sent.ok) throw new Error(sent.error.message);
  await firstText;
  await hearth.chat.idle();
  const result = {
    startToFirstTextMs: Math.round((firstTextAt ?? 0) - startedAt),
    sendToFirstTextMs: Math.round((firstTextAt ?? 0) - sentAt),
    warmUpMs: warmUpMs === null ? null : Math.round(warmUpMs),
    probes: hearth.hardware.probes,
  };
  await hearth.close();
  return result;
}

async function direct(model: string) {
  const startedAt = performance.now();
  const llama = await getLlama({
    gpu: false,
    build: 'never',
    usePrebuiltBinaries: true,
    skipDownload: true,
    progressLogs: false,
  });
  const loaded = await llama.loadModel({ modelPath: model });
  const context = await loaded.createContext({ contextSize: CONTEXT });
  const session = new LlamaChatSession({ contextSequence: context.getSequence() });
  let firstAt: number | null = null;
  await session.prompt('Hello there', {
    maxTokens: MAX_TOKENS,
    temperature: 0,
    onTextChunk: () => {
      firstAt ??= performance.now();
    },
  });
  await llama.dispose();
  return { startToFirstTextMs: Math.round((firstAt ?? 0) - startedAt) };
}

const model = await ensureForgedModel('rwkv7', { size: 'bench' });
const rows: Record<string, unknown> = {};
for (const gpu of [false, 'auto'] as const) {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-cold-'));
  const conversationId = await prepare(dir, model);
  const tag = gpu === false ? 'cpu' : 'auto';
  rows[`${tag}: before (no stored profile, no warm-up)`] = await coldMessage(dir, conversationId, false, false, gpu);
  rows[`${tag}: stored profile, message at once`] = await coldMessage(dir, conversationId, true, false, gpu);
  rows[`${tag}: stored profile, message after the warm-up`] = await coldMessage(dir, conversationId, true, true, gpu);
}
rows['direct node-llama-cpp (cpu): load + first token'] = await direct(model);
console.log(JSON.stringify(rows, null, 2));
