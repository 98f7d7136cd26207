import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { AppError, type DocumentSummary } from '../../contract/index.js';
import { DocumentService } from '../../main/documents/DocumentService.js';
import { forkLauncher } from '../../main/engine/transport/forkTransport.js';
import { DocumentStore } from '../../main/storage/DocumentStore.js';
import { openDatabase, type Db } from '../../main/storage/openDatabase.js';
import { requireCommand, requireFile, run } from '../support/documents/debianTools.js';
import { FHS_QUESTIONS } from '../support/documents/fhsQuestions.js';
import { writeDocx } from '../support/documents/writeDocx.js';
import { writePdf } from '../support/documents/writePdf.js';
import { tempDir } from '../support/tempDir.js';
import { waitFor } from '../support/waitFor.js';

const dir = tempDir('hearth-index-');
const file = (name: string) => join(dir, name);
const FHS_HTML = '/usr/share/doc/debian-policy/fhs/fhs-3.0.html';
const DEBIAN_REFERENCE = '/usr/share/debian-reference/debian-reference.en.pdf';

function setUp(path = join(tempDir(), 'hearth.sqlite')) {
  const db: Db = openDatabase(path);
  const store = new DocumentStore(db);
  const events: DocumentSummary[] = [];
  const service = new DocumentService({
    store,
    launcher: forkLauncher,
    changed: (document) => document && events.push(document),
  });
  after(async () => {
    await service.close();
    db.close();
  });
  return { db, store, service, events };
}

before(async () => {
  requireFile(FHS_HTML, 'debian-policy');
  writeFileSync(
    file('fhs.pdf'),
    gunzipSync(readFileSync(requireFile(`${FHS_HTML.replace('.html', '.pdf.gz')}`, 'debian-policy'))),
  );
  writePdf(file('guide.pdf'), {
    title: 'Field Guide',
    pages: [
      { lines: ['Field Guide', '', 'The kit ships with a blue charging cable.'] },
      { lines: ['Care', '', 'Store the lantern below thirty degrees to protect the battery.'] },
    ],
  });
  writePdf(file('scan.pdf'), { pages: [{ image: true }] });
  requireCommand('qpdf', 'qpdf');
  run('qpdf', ['--encrypt', 'user-secret', 'owner-secret', '256', '--', file('guide.pdf'), file('locked.pdf')]);
  await writeDocx(file('report.docx'), [
    { style: 'Heading1', text: 'Sales' },
    { text: 'Sales in the Nordics doubled because of the winter campaign.' },
  ]);
  writeFileSync(file('notes.md'), '# Notes\n\nThe recipe needs three cups of rye flour.\n');
  writeFileSync(file('empty.txt'), '');
  writeFileSync(file('corrupt.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 0x41)]));
  writeFileSync(file('picture.png'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
});

describe('document import and the BM25 index', () => {
  test('good files index while each bad one fails with its reason; an unchanged file is not imported again', async () => {
    const { service, store, events } = setUp();
    const paths = [
      FHS_HTML,
      file('guide.pdf'),
      file('scan.pdf'),
      file('locked.pdf'),
      file('report.docx'),
      file('notes.md'),
      file('empty.txt'),
      file('corrupt.pdf'),
      file('picture.png'),
      join(dir, 'missing.pdf'),
    ];
    const outcomes = await service.import(paths, null);
    assert.deepEqual(
      outcomes.map((o) => o.outcome),
      [...Array.from({ length: 9 }, () => 'queued'), 'refused'],
    );
    await service.idle();
    const byName = new Map(service.list().map((d) => [d.fileName, d]));
    for (const name of ['fhs-3.0.html', 'guide.pdf', 'report.docx', 'notes.md']) {
      const document = byName.get(name)!;
      assert.equal(document.status, 'indexed', `${name}: ${document.error?.message}`);
      assert.ok(document.chunksIndexed > 0 && document.chunksIndexed === document.chunksTotal, name);
    }
    const expected: [string, string][] = [
      ['scan.pdf', 'no_text'],
      ['locked.pdf', 'encrypted'],
      ['empty.txt', 'empty'],
      ['corrupt.pdf', 'corrupt'],
      ['picture.png', 'unsupported_type'],
    ];
    for (const [name, code] of expected) {
      const document = byName.get(name)!;
      assert.equal(document.status, 'failed', name);
      assert.equal(document.error?.code, code, `${name}: ${document.error?.message}`);
      assert.ok(document.error.message.length > 10);
    }
    assert.ok(events.some((e) => e.status === 'extracting') && events.some((e) => e.status === 'indexing'));

    const again = await service.import([FHS_HTML, file('notes.md')], null);
    assert.deepEqual(
      again.map((o) => o.outcome),
      ['unchanged', 'unchanged'],
    );
    assert.equal(store.list().length, 9, 'no new rows');
  });

  test('a citation resolves to the exact place: file, page, heading and the text at its offsets', async () => {
    const { service, store } = setUp();
    await service.import([file('guide.pdf'), file('report.docx')], null);
    await service.idle();
    const [hit] = await service.search('How cold should the lantern be stored?');
    assert.ok(hit);
    assert.equal(hit.fileName, 'guide.pdf');
    assert.equal(hit.page, 2);
    assert.match(hit.text, /thirty degrees/);
    assert.equal(store.text(hit.documentId)!.slice(hit.startOffset, hit.endOffset), hit.text);
    const passage = service.passage(hit.chunkId, hit.documentId);
    assert.equal(passage.hit.text, hit.text);
    // A citation naming another document (imported from elsewhere, or a document imported again)
    // does not open this chunk as its source.
    const other = (await service.search('Why did Nordic sales double?'))[0]!.documentId;
    assert.notEqual(other, hit.documentId);
    assert.throws(
      () => service.passage(hit.chunkId, other),
      (error) => error instanceof AppError && error.code === 'not_found',
    );

    const [sales] = await service.search('Why did Nordic sales double?');
    assert.equal(sales?.fileName, 'report.docx');
    assert.deepEqual(sales?.headingPath, ['Sales']);
    assert.deepEqual(await service.search('"AND OR NOT ( * :'), [], 'FTS5 syntax in a question is not an error');
  });

  test('retrieval quality on the Filesystem Hierarchy Standard: recall@5 for BM25', async () => {
    const { service } = setUp();
    const [outcome] = await service.import([FHS_HTML], null);
    await service.idle();
    let found = 0;
    for (const [question, section] of FHS_QUESTIONS) {
      const hits = await service.search(question, { documentIds: [outcome!.documentId!], limit: 5 });
      if (hits.some((hit) => hit.headingPath.some((heading) => heading.startsWith(section)))) found += 1;
      else console.log(`missed: ${question} → ${hits.map((h) => h.headingPath.at(-1)).join(' | ')}`);
    }
    const recall = found / FHS_QUESTIONS.length;
    console.log(`BM25 recall@5 on ${FHS_QUESTIONS.length} FHS questions: ${recall.toFixed(2)}`);
    assert.ok(recall >= 0.75, `recall@5 ${recall}`);
  });

  test('a process killed mid-import continues at the next start: nothing indexed twice, the database consistent', async () => {
    const pdf = requireFile(DEBIAN_REFERENCE, 'debian-reference-en');
    const database = join(tempDir(), 'hearth.sqlite');
    openDatabase(database).close(); // migrated before the child and the watcher open it
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '../support/documents/importInChild.ts'), database, pdf],
      { stdio: 'ignore' },
    );
    const watcher = openDatabase(database);
    const progress = () =>
      watcher
        .prepare<[], { status: string; chunks_indexed: number; error: string | null }>(
          'SELECT status, chunks_indexed, error FROM documents',
        )
        .get();
    // Wait on the import's own progress, however slow the machine: only the child ending first
    // (a crash, or an import that finished before the kill) fails the test.
    let exited: string | null = null;
    child.once('exit', (code, signal) => {
      const row = progress();
      exited = `the importing child ended early (${signal ?? code}) with the document ${JSON.stringify(row ?? null)}`;
    });
    await waitFor(
      () => {
        if (exited !== null) throw new Error(exited);
        return (progress()?.chunks_indexed ?? 0) >= 20;
      },
      { timeoutMs: Number.POSITIVE_INFINITY, what: 'indexing under way' },
    );
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const interrupted = progress()!;
    watcher.close();
    assert.equal(interrupted.status, 'indexing', 'killed while indexing');

    const { db, service, store } = setUp(database);
    service.resumeUnfinished();
    await service.idle();
    const [document] = store.list();
    assert.equal(document?.status, 'indexed', document?.error ?? '');
    assert.ok(document.chunksTotal > interrupted.chunks_indexed);
    assert.equal(store.chunkCount(document.id), document.chunksTotal, 'every chunk once');
    const ordinals = db
      .prepare<[string], { n: number; distinct_n: number; max: number }>(
        'SELECT count(*) AS n, count(DISTINCT ordinal) AS distinct_n, max(ordinal) AS max FROM chunks WHERE document_id = ?',
      )
      .get(document.id)!;
    assert.equal(ordinals.n, ordinals.distinct_n);
    assert.equal(ordinals.max, ordinals.n - 1);
    const ftsRows = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM chunks_fts').get()!.n;
    assert.equal(ftsRows, ordinals.n, 'the full-text index matches the chunks');
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    db.exec("INSERT INTO chunks_fts (chunks_fts) VALUES ('integrity-check')");
  });
});
