import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import {
  DocumentChunkSchema,
  ExtractedDocumentSchema,
  type DocumentChunk,
  type DocumentSection,
  type ExtractedDocument,
} from '../../contract/index.js';
import { chunkDocument } from '../../main/documents/chunk/chunkDocument.js';
import { extractDocument } from '../../main/documents/extract/extractDocument.js';
import { requireFile } from '../support/documents/debianTools.js';
import { writePdf } from '../support/documents/writePdf.js';
import { tempDir } from '../support/tempDir.js';

/** A document from sections, joined the way the extractors join them. */
function documentOf(sections: { text: string; headingPath?: string[]; page?: number | null }[]): ExtractedDocument {
  let text = '';
  const built: DocumentSection[] = sections.map((section) => {
    if (text) text += '\n\n';
    const start = text.length;
    text += section.text;
    return {
      headingPath: section.headingPath ?? [],
      page: section.page ?? null,
      text: section.text,
      start,
      end: text.length,
    };
  });
  const paged = sections.some((s) => s.page != null);
  const pageCount = paged ? Math.max(...sections.map((s) => s.page ?? 1)) : null;
  return ExtractedDocumentSchema.parse({
    kind: paged ? 'pdf' : 'text',
    title: 'Test',
    pageCount,
    text,
    sections: built,
  });
}

const sentence = (i: number) => `Sentence number ${i} talks about topic ${i % 7} in some detail.`;
const paragraph = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => sentence(from + i)).join(' ');

/** The invariants every chunking must keep, whatever the document. */
function assertSound(document: ExtractedDocument, chunks: DocumentChunk[], targetChars: number): void {
  let previousStart = -1;
  chunks.forEach((chunk, index) => {
    assert.ok(DocumentChunkSchema.safeParse(chunk).success);
    assert.equal(chunk.ordinal, index);
    assert.equal(document.text.slice(chunk.startOffset, chunk.endOffset), chunk.text, `chunk ${index} slices its text`);
    assert.equal(chunk.text, chunk.text.trim(), `chunk ${index} has no white space at its edges`);
    assert.ok(chunk.text.length <= targetChars, `chunk ${index} is ${chunk.text.length} chars`);
    assert.ok(chunk.startOffset > previousStart, 'chunks are in document order');
    previousStart = chunk.startOffset;
    // One page per chunk: the chunk lies inside sections of its own page.
    const touched = document.sections.filter((s) => s.start < chunk.endOffset && s.end > chunk.startOffset);
    assert.ok(touched.length > 0);
    assert.ok(
      touched.every((s) => s.page === chunk.page),
      `chunk ${index} stays on page ${chunk.page}`,
    );
    assert.ok(
      touched.some((s) => s.headingPath.join('/') === chunk.headingPath.join('/')),
      `chunk ${index} names a section it holds`,
    );
  });
  // Nothing is lost: every non-space character of every section is in some chunk.
  const covered = new Uint8Array(document.text.length);
  for (const chunk of chunks) covered.fill(1, chunk.startOffset, chunk.endOffset);
  for (const section of document.sections) {
    for (let at = section.start; at < section.end; at++) {
      if (!covered[at] && /\S/.test(document.text[at]!)) {
        assert.fail(`character ${at} (${JSON.stringify(document.text.slice(at, at + 20))}) is in no chunk`);
      }
    }
  }
}

describe('chunking follows the structure', () => {
  test('a section that fits is one chunk; chunks never cross sections or pages', () => {
    const doc = documentOf([
      { text: `A\n\n${paragraph(0, 8)}`, headingPath: ['A'], page: 1 },
      { text: `B\n\n${paragraph(100, 8)}`, headingPath: ['B'], page: 1 },
      { text: paragraph(200, 8), headingPath: ['B'], page: 2 },
    ]);
    const chunks = chunkDocument(doc, { targetChars: 1000, overlapChars: 100 });
    assertSound(doc, chunks, 1000);
    assert.deepEqual(
      chunks.map((c) => [c.page, c.headingPath.join('/'), c.startOffset, c.endOffset]),
      doc.sections.map((s) => [s.page, s.headingPath.join('/'), s.start, s.end]),
    );
  });

  test('a tiny section (a chapter heading with no text) joins the section after it, on the same page only', () => {
    const doc = documentOf([
      { text: 'Chapter 3', headingPath: ['Chapter 3'], page: 4 },
      { text: `3.1 Wiring\n\n${paragraph(0, 5)}`, headingPath: ['Chapter 3', '3.1 Wiring'], page: 4 },
      { text: 'Appendix', headingPath: ['Appendix'], page: 4 },
      { text: paragraph(50, 5), headingPath: ['Appendix'], page: 5 },
    ]);
    const chunks = chunkDocument(doc, { targetChars: 800, overlapChars: 0 });
    assertSound(doc, chunks, 800);
    assert.equal(chunks.length, 3);
    assert.match(chunks[0]!.text, /^Chapter 3\n\n3\.1 Wiring\n\nSentence number 0/);
    assert.deepEqual(chunks[0]!.headingPath, ['Chapter 3', '3.1 Wiring'], 'named for the section holding most of it');
    assert.equal(chunks[1]!.text, 'Appendix', 'not merged across the page break');
    assert.equal(chunks[2]!.page, 5);
  });

  test('long sections split at paragraphs, then sentences, and overlap from a sentence start', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => paragraph(i * 10, 4));
    const doc = documentOf([{ text: paragraphs.join('\n\n'), headingPath: ['Long'] }]);
    const chunks = chunkDocument(doc, { targetChars: 700, overlapChars: 120 });
    assertSound(doc, chunks, 700);
    assert.ok(chunks.length >= 4);
    for (const [index, chunk] of chunks.entries()) {
      assert.match(chunk.text, /^Sentence number \d+ /, `chunk ${index} starts at a sentence`);
      assert.match(chunk.text, /detail\.$/, `chunk ${index} ends at a sentence`);
      const next = chunks[index + 1];
      if (next) {
        const overlap = chunk.endOffset - next.startOffset;
        assert.ok(overlap > 0 && overlap <= 120, `chunks ${index} and ${index + 1} overlap by ${overlap}`);
      }
    }
    // Without overlap the chunks tile the section exactly (less the blank lines between them).
    const tiled = chunkDocument(doc, { targetChars: 700, overlapChars: 0 });
    assertSound(doc, tiled, 700);
    for (let i = 1; i < tiled.length; i++) {
      assert.equal(doc.text.slice(tiled[i - 1]!.endOffset, tiled[i]!.startOffset).trim(), '');
    }
  });

  test('text without breaks is cut at words, or hard where there are none, never inside a surrogate pair', () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const emoji = '😀'.repeat(600);
    const doc = documentOf([{ text: words }, { text: emoji }]);
    const chunks = chunkDocument(doc, { targetChars: 301, overlapChars: 40 });
    assertSound(doc, chunks, 301);
    for (const chunk of chunks) {
      if (chunk.text.startsWith('word')) assert.match(chunk.text, /^word\d+( word\d+)*$/);
      assert.ok(!/[\ud800-\udbff]$|^[\udc00-\udfff]/.test(chunk.text), 'no broken surrogate pair');
    }
  });

  test('options are checked; the same input always gives the same chunks', () => {
    const doc = documentOf([{ text: paragraph(0, 50) }]);
    assert.throws(() => chunkDocument(doc, { targetChars: 50, overlapChars: 0 }), RangeError);
    assert.throws(() => chunkDocument(doc, { targetChars: 1000, overlapChars: 600 }), /overlap/);
    assert.deepEqual(chunkDocument(doc), chunkDocument(doc));
  });
});

describe('chunking real documents', () => {
  const dir = tempDir('hearth-chunks-');
  const extracted: Record<string, ExtractedDocument> = {};

  before(async () => {
    writePdf(join(dir, 'manual.pdf'), {
      pages: Array.from({ length: 30 }, (_, p) => ({
        lines: [
          `Part ${p + 1}`,
          '',
          ...Array.from({ length: 30 }, (_, i) => sentence(p * 100 + i)),
          '',
          paragraph(p, 6),
        ],
      })),
      bookmarks: Array.from({ length: 30 }, (_, p) => ({ title: `Part ${p + 1}`, page: p + 1 })),
    });
    extracted.generated = await extractDocument(join(dir, 'manual.pdf'));
    extracted.reference = await extractDocument(
      requireFile('/usr/share/debian-reference/debian-reference.en.pdf', 'debian-reference-en'),
    );
    extracted.fhs = await extractDocument(
      requireFile('/usr/share/doc/debian-policy/fhs/fhs-3.0.html', 'debian-policy'),
    );
  });

  for (const name of ['generated', 'reference', 'fhs']) {
    for (const options of [
      { targetChars: 1200, overlapChars: 150 },
      { targetChars: 400, overlapChars: 0 },
    ]) {
      test(`${name}: every chunk slices the exact text, cites one page and a section it holds (${options.targetChars}/${options.overlapChars})`, () => {
        const document = extracted[name]!;
        const chunks = chunkDocument(document, options);
        assertSound(document, chunks, options.targetChars);
        const sizes = chunks.map((c) => c.text.length).sort((a, b) => a - b);
        const median = sizes[Math.floor(sizes.length / 2)]!;
        assert.ok(median > options.targetChars / 4, `median chunk ${median} chars`);
      });
    }
  }

  test('a citation resolves: the chunk holding a known sentence names its page and section', () => {
    const document = extracted.reference!;
    const chunks = chunkDocument(document);
    const hit = chunks.find((c) => c.text.includes('Upon starting the system, you are presented with'));
    assert.ok(hit);
    assert.equal(hit.page, 29);
    assert.deepEqual(hit.headingPath, ['GNU/Linux tutorials', 'Console basics', 'The shell prompt']);
    assert.equal(document.text.slice(hit.startOffset, hit.endOffset), hit.text);
  });
});
