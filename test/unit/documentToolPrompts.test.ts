/**
 * The document tools' texts for the model follow the UI's language. The English must stay what it
 * was before the texts moved to the catalog (models and saved states were tuned on it): the
 * expected strings below are the former templates, written out.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  noSummary,
  partSummariesPrompt,
  readPrompt,
  summarisePartPrompt,
  toolTitle,
  wholeDocumentPrompt,
} from '../../main/documents/tools/documentToolPrompts.js';

const name = 'guide.pdf';
// Catalog syntax inside a document is its text, not a placeholder.
const text = 'Store it cool. {{name}} $t(prompts:toolReadReply)';

describe('document tool prompts', () => {
  test('English is exactly what the tools wrote before', () => {
    assert.equal(toolTitle('en', 'read', name), `Read ${name}`);
    assert.equal(toolTitle('en', 'summary', name), `Summarise ${name}`);
    assert.equal(toolTitle('en', 'key-points', name), `Key points of ${name}`);
    assert.equal(
      readPrompt('en', name, text),
      `Here is the document "${name}". Read it; questions about it follow.\n\n${text}\n\nReply only: Ready.`,
    );
    assert.equal(
      wholeDocumentPrompt('en', 'summary', name, text),
      `Here is the document "${name}".\n\n${text}\n\nWrite a summary of the whole document in a few paragraphs.`,
    );
    assert.equal(
      partSummariesPrompt('en', 'key-points', name, ['One.', 'Two.']),
      [
        `Here are summaries of the consecutive parts of the document "${name}".`,
        '[Part 1]\nOne.',
        '[Part 2]\nTwo.',
        'List the key points of the whole document as short bullet points.',
      ].join('\n\n'),
    );
    assert.equal(
      summarisePartPrompt('en', name, text, { part: 2, parts: 5 }),
      `This is part 2 of 5 of the document "${name}".\n\n${text}\n\nSummarise it in a few sentences.`,
    );
    assert.equal(
      summarisePartPrompt('en', name, text, null),
      `This is summaries of parts of the document "${name}".\n\n${text}\n\nSummarise it in a few sentences.`,
    );
    assert.equal(noSummary('en'), '(no summary)');
  });

  test('in Chinese the instructions are Chinese, and the document and its name are kept as they are', () => {
    assert.equal(toolTitle('zh-CN', 'summary', name), `总结 ${name}`);
    assert.equal(
      readPrompt('zh-CN', name, text),
      `下面是文档“${name}”。请阅读它，随后会有关于它的问题。\n\n${text}\n\n只需回复：已就绪。`,
    );
    assert.equal(
      summarisePartPrompt('zh-CN', name, text, { part: 2, parts: 5 }),
      `这是文档“${name}”的第 2 部分（共 5 部分）。\n\n${text}\n\n请用几句话概括这部分内容。`,
    );
    assert.match(
      partSummariesPrompt('zh-CN', 'summary', name, ['一。']),
      /\[第 1 部分\]\n一。\n\n请用几段话总结整篇文档。$/,
    );
  });
});
