/**
 * What the documents UI says, in English and Simplified Chinese: a failure main stored with its
 * catalog key is shown in the UI's language, a failure stored before keys existed keeps its
 * English, and counts take their plural forms. The failures are real ones: a file imported
 * through the extraction worker into a real SQLite file, read back as the renderer gets it.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, test } from 'node:test';
import type { Citation, DocumentSummary } from '../../contract/index.js';
import { DocumentService } from '../../main/documents/DocumentService.js';
import { forkLauncher } from '../../main/engine/transport/forkTransport.js';
import { DocumentStore } from '../../main/storage/DocumentStore.js';
import { openDatabase } from '../../main/storage/openDatabase.js';
import { describeCitation } from '../../renderer/src/format/describeCitation.js';
import { describeDocumentStatus } from '../../renderer/src/format/describeDocumentStatus.js';
import { describeEvidence } from '../../renderer/src/format/describeEvidence.js';
import { i18n, localizedMessage } from '../../renderer/src/i18n/i18n.js';
import { tempDir } from '../support/tempDir.js';
import { waitFor } from '../support/waitFor.js';

const PNG_EN = 'The file is a PNG image, not a document Hearth can read.';
const PNG_ZH = '该文件是 PNG 图片，不是 Hearth 能读取的文档。';

afterEach(() => i18n.changeLanguage('en'));

const indexed = (pageCount: number | null, chunksTotal: number): DocumentSummary => ({
  id: 'd',
  collectionId: null,
  fileName: 'guide.pdf',
  path: '/docs/guide.pdf',
  sizeBytes: 1,
  kind: 'pdf',
  title: null,
  pageCount,
  status: 'indexed',
  error: null,
  pagesRead: null,
  chunksTotal,
  chunksIndexed: chunksTotal,
  createdAt: 1,
});

describe('documents texts in the UI language', () => {
  test('an import failure stored with its key shows in Chinese; a row stored before keys keeps its English', async () => {
    const dir = tempDir();
    const picture = join(dir, 'picture.png');
    writeFileSync(picture, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const db = openDatabase(join(dir, 'hearth.sqlite'));
    const service = new DocumentService({ store: new DocumentStore(db), launcher: forkLauncher, changed: () => {} });
    try {
      const outcomes = await service.import([picture, join(dir, 'missing.pdf')], null);
      await service.idle();
      const failed = await waitFor(() => service.list().find((document) => document.status === 'failed'));

      // Main stored the English and the key: the English for logs and the local API.
      assert.equal(failed.error?.message, PNG_EN);
      assert.deepEqual(failed.error?.text, { key: 'documents:errorPngImage' });
      assert.equal(describeDocumentStatus(failed), `Failed: ${PNG_EN}`);

      // A path refused at once carries its key too.
      const refused = outcomes[1]!;
      assert.equal(refused.outcome, 'refused');
      assert.equal(refused.error, 'The file no longer exists.');

      await i18n.changeLanguage('zh-CN');
      assert.equal(describeDocumentStatus(failed), `失败：${PNG_ZH}`);
      assert.equal(localizedMessage({ message: refused.error ?? '', text: refused.errorText }), '该文件已不存在。');

      // A failure stored by an earlier version has no key: its English is shown as it is.
      db.prepare('UPDATE documents SET error_text = NULL WHERE id = ?').run(failed.id);
      const old = service.list().find((document) => document.id === failed.id)!;
      assert.equal(old.error?.text, undefined);
      assert.equal(describeDocumentStatus(old), `失败：${PNG_EN}`);

      // A key this version cannot read is no worse than none.
      db.prepare("UPDATE documents SET error_text = '{not json' WHERE id = ?").run(failed.id);
      const garbled = service.list().find((document) => document.id === failed.id)!;
      assert.equal(describeDocumentStatus(garbled), `失败：${PNG_EN}`);
    } finally {
      await service.close();
      db.close();
    }
  });

  test('counts take their plural forms, with numbers in the UI language', async () => {
    assert.equal(describeDocumentStatus(indexed(1, 1)), 'Indexed · 1 page · 1 passage');
    assert.equal(describeDocumentStatus(indexed(261, 1843)), 'Indexed · 261 pages · 1,843 passages');
    assert.equal(describeDocumentStatus(indexed(null, 3)), 'Indexed · 3 passages');
    const reading = { ...indexed(null, 0), status: 'extracting' as const, pagesRead: 1 };
    assert.equal(describeDocumentStatus(reading), 'Reading · 1 page read');
    const indexing = { ...indexed(null, 1200), status: 'indexing' as const, chunksIndexed: 5 };
    assert.equal(describeDocumentStatus(indexing), 'Indexing · 5 of 1,200 passages');

    await i18n.changeLanguage('zh-CN');
    assert.equal(describeDocumentStatus(indexed(261, 1843)), '已索引 · 261 页 · 1,843 个段落');
    assert.equal(describeDocumentStatus(indexing), '正在索引 · 5 / 1,200 个段落');
  });

  test('citations and evidence name the page and band in the UI language', async () => {
    const citation = { fileName: 'guide.pdf', page: 2, headingPath: ['Guide', 'Care'] };
    assert.equal(describeCitation(citation), 'guide.pdf · p. 2 · Care');
    const source: Citation = { n: 1, chunkId: 1, documentId: 'd', ...citation, startOffset: 0, endOffset: 1 };
    assert.equal(
      describeEvidence({ ...source, band: 'weak' }),
      'Weak evidence (from how many of the question’s words it contains)',
    );
    Object.assign(source, { band: 'strong', relevance: 0.8 });
    assert.equal(describeEvidence(source), 'Strong evidence (reranker relevance 0.80)');

    await i18n.changeLanguage('zh-CN');
    assert.equal(describeCitation(citation), 'guide.pdf · 第 2 页 · Care');
    assert.equal(describeEvidence(source), '强证据（重排序相关度 0.80）');
  });
});
