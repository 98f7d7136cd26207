import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Message } from '../../contract/index.js';
import { ask, finished } from '../support/chatHelpers.js';
import { requireFile } from '../support/documents/debianTools.js';
import { writePdf } from '../support/documents/writePdf.js';
import { useForgedModels } from '../support/forgedModels.js';
import { startHearth, type TestHearth } from '../support/startHearth.js';
import { tempDir } from '../support/tempDir.js';
import { waitFor } from '../support/waitFor.js';

const forged = useForgedModels();
const dir = tempDir('hearth-tools-');
const guide = join(dir, 'guide.pdf');
const logbook = join(dir, 'logbook.md');
const FHS_HTML = '/usr/share/doc/debian-policy/fhs/fhs-3.0.html';

before(() => {
  writeFileSync(
    logbook,
    Array.from(
      { length: 12 },
      (_, day) =>
        `## Day ${day + 1}\n\n` +
        `The expedition walked ${10 + day} kilometres along the ridge and camped by lake number ${day + 1}. ` +
        'The weather stayed cold and clear, the stove worked, and everyone slept well after the long climb. '.repeat(3),
    ).join('\n\n'),
  );
  writePdf(guide, {
    title: 'Field Guide',
    pages: [
      { lines: ['Field Guide', '', 'The kit ships with a blue charging cable.'] },
      { lines: ['Care', '', 'Store the lantern below thirty degrees to protect the battery.'] },
    ],
  });
});

/** An attention model (llama) has a context to fill; a recurrent one (rwkv7) reads on into its state. */
async function setUp(contextSize: number, arch: 'rwkv7' | 'llama' = 'rwkv7') {
  const hearth = startHearth();
  const modelId = hearth.addModel(forged.paths[arch]);
  await hearth.call('settings.update', {
    contextSize,
    defaultModelId: modelId,
    defaultSampling: { temperature: 0, topP: 1, maxTokens: 8, seed: 1 },
  });
  return hearth;
}

async function indexed(hearth: TestHearth, path: string): Promise<string> {
  const [outcome] = await hearth.call('documents.import', { paths: [path] });
  await waitFor(
    async () =>
      (await hearth.call('documents.list', {})).find((d) => d.id === outcome?.documentId)?.status === 'indexed',
    { timeoutMs: 60_000, what: `${path} indexed` },
  );
  return outcome!.documentId!;
}

async function firstExchange(
  hearth: TestHearth,
  conversationId: string,
): Promise<{ question: Message; answer: Message }> {
  const { messages } = await waitFor(async () => {
    const view = await hearth.call('conversations.get', { conversationId });
    return view.messages.length === 2 && view;
  });
  const answer = await finished(hearth, messages[1]!.id);
  await hearth.chat.idle();
  return { question: messages[0]!, answer };
}

const modelContent = (hearth: TestHearth, messageId: string) =>
  hearth.db
    .prepare<[string], { model_content: string }>('SELECT model_content FROM messages WHERE id = ?')
    .get(messageId)?.model_content ?? '';

describe('document tools', () => {
  test('a short document is summarised whole, in a new conversation about it', async () => {
    const hearth = await setUp(2048);
    const documentId = await indexed(hearth, guide);
    const { conversationId } = await hearth.call('documents.tool', { documentId, tool: 'summary' });
    const { question, answer } = await firstExchange(hearth, conversationId);
    assert.equal(question.content, 'Summarise guide.pdf');
    assert.match(modelContent(hearth, question.id), /Store the lantern below thirty degrees[\s\S]*Write a summary/);
    assert.equal(answer.status, 'complete');
    assert.deepEqual((await hearth.call('conversations.documents', { conversationId })).documentIds, [documentId]);
  });

  test('a long document is summarised part by part (map-reduce)', async () => {
    const hearth = await setUp(1024, 'llama');
    const documentId = await indexed(hearth, logbook);
    const { conversationId } = await hearth.call('documents.tool', { documentId, tool: 'key-points' });
    const { question, answer } = await firstExchange(hearth, conversationId);
    const totals = hearth.emitted
      .filter((e) => e.event === 'documents.toolProgress')
      .map((e) => (e.payload as { total: number }).total);
    assert.ok((totals[0] ?? 0) > 5, `the logbook needs many parts at a 1k context, got ${totals[0]}`);
    assert.ok(new Set(totals).size > 1, 'the part summaries were too long together and were summarised again');
    const content = modelContent(hearth, question.id);
    assert.equal(content.match(/\[Part \d+\]/g)?.length, totals.at(-1), 'the last level reaches the final prompt');
    assert.ok(content.length < 1024 * 0.9, 'the final prompt fits the context');
    assert.match(content, /List the key points/);
    assert.equal(answer.status, 'complete');
  });

  test('read: a recurrent model reads the document once; later questions start from its saved state', async () => {
    const hearth = await setUp(2048);
    const documentId = await indexed(hearth, guide);
    const { conversationId } = await hearth.call('documents.tool', { documentId, tool: 'read' });
    const { answer: ready } = await firstExchange(hearth, conversationId);
    assert.equal(ready.status, 'complete');
    const documentTokens = ready.stats?.promptTokens ?? 0;

    // A fresh engine: the document can only come from the saved state, not from memory.
    await hearth.engine.shutdown();
    const later = await ask(hearth, conversationId, 'What colour is the cable?');
    assert.equal(later.context?.source, 'state', `not resumed from the saved state: ${later.context?.rejected}`);
    assert.ok(
      (later.context?.tokens ?? Infinity) < documentTokens / 2,
      `read ${later.context?.tokens} tokens; the document took ${documentTokens}`,
    );
    assert.deepEqual((await hearth.call('conversations.documents', { conversationId })).documentIds, []);
  });

  test('read refuses a document longer than the context, pointing to questions instead', async () => {
    const hearth = await setUp(512, 'llama');
    const documentId = await indexed(hearth, requireFile(FHS_HTML, 'debian-policy'));
    await assert.rejects(
      hearth.call('documents.tool', { documentId, tool: 'read' }),
      /too long to read into one conversation/,
    );
  });
});
