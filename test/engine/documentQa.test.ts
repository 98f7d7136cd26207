import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { NOT_IN_DOCUMENTS } from '../../main/documents/groundQuestion.js';
import { ask, greedyConversation } from '../support/chatHelpers.js';
import { writePdf } from '../support/documents/writePdf.js';
import { waitFor } from '../support/waitFor.js';
import { useForgedModels } from '../support/forgedModels.js';
import { startHearth, type TestHearth } from '../support/startHearth.js';
import { tempDir } from '../support/tempDir.js';

const forged = useForgedModels();
const dir = tempDir('hearth-qa-');
const guide = join(dir, 'guide.pdf');

before(() => {
  writePdf(guide, {
    title: 'Field Guide',
    pages: [
      { lines: ['Field Guide', '', 'The kit ships with a blue charging cable.'] },
      { lines: ['Care', '', 'Store the lantern below thirty degrees to protect the battery.'] },
    ],
  });
});

async function indexedGuide(hearth: TestHearth): Promise<string> {
  const [outcome] = await hearth.call('documents.import', { paths: [guide] });
  return waitFor(
    async () => {
      const document = (await hearth.call('documents.list', {})).find((d) => d.id === outcome?.documentId);
      if (document?.status === 'failed') assert.fail(document.error?.message);
      return document?.status === 'indexed' ? document.id : undefined;
    },
    { what: 'the guide indexed' },
  );
}

describe('questions over documents', () => {
  test('a question is answered from its numbered sources, and the answer carries its citations', async () => {
    const hearth = startHearth();
    const documentId = await indexedGuide(hearth);
    const conversation = await greedyConversation(hearth, forged.paths.rwkv7, 12);
    const attached = await hearth.call('conversations.setDocuments', {
      conversationId: conversation.id,
      documentIds: [documentId, 'no-such-document'],
      strict: false,
    });
    assert.deepEqual(attached, { documentIds: [documentId], strict: false }, 'unknown ids are dropped');

    const answer = await ask(hearth, conversation.id, 'How cold should the lantern be stored?');
    assert.equal(answer.status, 'complete');
    assert.equal(answer.sources[0]?.n, 1);
    assert.equal(answer.sources[0]?.fileName, 'guide.pdf');
    assert.equal(answer.sources[0]?.page, 2);
    const passage = await hearth.call('documents.passage', { chunkId: answer.sources[0].chunkId });
    assert.match(passage.hit.text, /thirty degrees/);

    // The model was given the sources: what it read is stored with the question.
    const question = hearth.db
      .prepare<[string], { model_content: string | null; content: string }>(
        'SELECT model_content, content FROM messages WHERE id = ?',
      )
      .get(answer.parentId!)!;
    assert.equal(question.content, 'How cold should the lantern be stored?', 'the user sees their own question');
    assert.match(
      question.model_content ?? '',
      /\[1\] \(guide\.pdf, page 2\)\nCare\n\nStore the lantern below thirty degrees/,
    );
    assert.match(question.model_content ?? '', /Question: How cold should the lantern be stored\?$/);

    // The next turn continues from the kept state (live or saved): the history renders exactly as the model saw it.
    const next = await ask(hearth, conversation.id, 'And what colour is the cable?');
    assert.notEqual(next.context?.source, 'reread', `the turn re-read instead: ${next.context?.rejected}`);
    assert.equal(next.sources[0]?.page, 1);
  });

  test('questions over documents resume like any other turn, past the context size, token-identical', async () => {
    const questions = ['How cold should the lantern be stored?', 'What colour is the cable?', 'And the battery?'];
    const run = async (restartBeforeLast: boolean) => {
      const hearth = startHearth();
      const documentId = await indexedGuide(hearth);
      const conversation = await greedyConversation(hearth, forged.paths.rwkv7, 12);
      // A context smaller than three grounded questions: a recurrent model runs on regardless.
      await hearth.call('settings.update', { contextSize: 256 });
      await hearth.call('conversations.setDocuments', {
        conversationId: conversation.id,
        documentIds: [documentId],
        strict: false,
      });
      const answers = [];
      for (const [index, question] of questions.entries()) {
        if (restartBeforeLast && index === questions.length - 1) await hearth.engine.shutdown();
        answers.push(await ask(hearth, conversation.id, question));
      }
      return answers;
    };
    const uninterrupted = await run(false);
    const resumed = await run(true);
    assert.deepEqual(
      uninterrupted.map((answer) => answer.context?.source),
      ['reread', 'live', 'live'],
      uninterrupted.map((answer) => answer.context?.rejected).join('; '),
    );
    assert.equal(resumed[2]?.context?.source, 'state', `not resumed: ${resumed[2]?.context?.rejected}`);
    const read = uninterrupted.reduce((sum, answer) => sum + (answer.context?.tokens ?? 0), 0);
    assert.ok(read > 256, `the grounded questions (${read} tokens) go past the 256-token context`);
    assert.deepEqual(
      resumed.map((answer) => answer.content),
      uninterrupted.map((answer) => answer.content),
      'the resumed answers are the uninterrupted ones',
    );
  });

  test('strict mode with no matching passage says so without asking the model', async () => {
    const hearth = startHearth();
    const documentId = await indexedGuide(hearth);
    const conversation = await greedyConversation(hearth, forged.paths.rwkv7, 12);
    await hearth.call('conversations.setDocuments', {
      conversationId: conversation.id,
      documentIds: [documentId],
      strict: true,
    });
    const { assistantMessage } = await hearth.call('chat.send', {
      conversationId: conversation.id,
      content: 'zzqx vvkw?',
    });
    assert.equal(assistantMessage.status, 'complete');
    assert.equal(assistantMessage.content, NOT_IN_DOCUMENTS);
    assert.equal(assistantMessage.stopReason, 'not_in_documents', 'marked as written by Hearth, not the model');
    assert.equal(hearth.engine.status.loaded, null, 'no model was loaded for it');
    assert.deepEqual(await hearth.call('conversations.documents', { conversationId: conversation.id }), {
      documentIds: [documentId],
      strict: true,
    });
  });
});
