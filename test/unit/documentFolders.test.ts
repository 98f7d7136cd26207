import assert from 'node:assert/strict';
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { AppError, type DocumentSummary } from '../../contract/index.js';
import { dataPathsIn, startHearth, type TestHearth } from '../support/startHearth.js';
import { tempDir } from '../support/tempDir.js';

/** Resolves when `check` holds, checked now and after each event Hearth emits (no sleeping). */
function whenever<T>(hearth: TestHearth, check: () => Promise<T | undefined | false>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const safety = setTimeout(() => finish(new Error(`no event brought: ${what}`)), 120_000);
    const finish = (error: Error | null, value?: T) => {
      if (done) return;
      done = true;
      clearTimeout(safety);
      unsubscribe();
      if (error) reject(error);
      else resolve(value as T);
    };
    const test = () =>
      void check().then(
        (value) => value !== undefined && value !== false && finish(null, value),
        (error: unknown) => finish(error as Error),
      );
    const unsubscribe = hearth.events.subscribe(test);
    test();
  });
}

const allIndexed = (hearth: TestHearth, count: number) => async () => {
  const documents = await hearth.call('documents.list', {});
  return (
    documents.length === count && documents.every((d) => d.status === 'indexed' || d.status === 'failed') && documents
  );
};

const texts = async (hearth: TestHearth, query: string) =>
  (await hearth.call('documents.search', { query })).map((hit) => hit.text).join('\n');

function writeTree(root: string): void {
  mkdirSync(join(root, 'guides', 'deep'), { recursive: true });
  mkdirSync(join(root, '.git'), { recursive: true });
  writeFileSync(join(root, 'readme.md'), '# Kettle\n\nDescale the kettle with citric acid every month.\n');
  writeFileSync(
    join(root, 'guides', 'page.html'),
    '<html><body><h1>Lamp</h1><p>The lamp bulb is a warm amber filament.</p></body></html>',
  );
  writeFileSync(join(root, 'guides', 'deep', 'notes.txt'), 'The bicycle chain wants oil after rain.\n');
  writeFileSync(join(root, 'guides', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  writeFileSync(join(root, 'guides', 'build.sh'), 'echo hello\n');
  writeFileSync(join(root, '.git', 'HEAD.txt'), 'ref: refs/heads/main\n');
  writeFileSync(join(root, '.secret.md'), '# hidden\n');
}

describe('folders of documents (real files, real import worker, real SQLite)', () => {
  test('a folder is imported recursively by type; hidden files, links and other types are counted, not errors', async () => {
    const hearth = startHearth();
    const root = tempDir();
    writeTree(root);
    symlinkSync(root, join(root, 'guides', 'loop')); // a link back up: a walk that followed it would never end
    symlinkSync(join(root, 'readme.md'), join(root, 'alias.md'));

    const result = await hearth.call('documents.importFolder', { path: root });
    assert.equal(result.queued, 3);
    assert.deepEqual(result.skipped, { unsupported: 2, hidden: 2, links: 2 });
    assert.equal(result.refusedCount, 0);
    assert.equal(result.watched, null);
    const documents = await whenever(hearth, allIndexed(hearth, 3), 'three documents indexed');
    assert.deepEqual(documents.map((d: DocumentSummary) => d.fileName).sort(), ['notes.txt', 'page.html', 'readme.md']);
    assert.ok(documents.every((d: DocumentSummary) => d.status === 'indexed'));
    assert.match(await texts(hearth, 'bicycle chain'), /oil after rain/);

    // The same folder again: nothing new.
    const again = await hearth.call('documents.importFolder', { path: root });
    assert.deepEqual([again.queued, again.unchanged], [0, 3]);
    assert.deepEqual(await hearth.call('documents.folders', {}), []);
  });

  test('a folder path given to the file import, a missing folder and a file given as a folder: clear errors', async () => {
    const hearth = startHearth();
    const root = tempDir();
    writeTree(root);
    const [outcome] = await hearth.call('documents.import', { paths: [root] });
    assert.equal(outcome?.outcome, 'refused');
    assert.match(outcome?.error ?? '', /This is a folder: import it with “Import a folder”/);
    await assert.rejects(
      hearth.call('documents.importFolder', { path: join(root, 'nope') }),
      /There is no folder at that path/,
    );
    await assert.rejects(
      hearth.call('documents.importFolder', { path: join(root, 'readme.md') }),
      /That is a file, not a folder/,
    );
  });

  test('a folder with more documents than the cap is refused whole, before anything is queued', async () => {
    const hearth = startHearth({ maxFolderDocuments: 3 });
    const root = tempDir();
    for (let i = 0; i < 4; i++) writeFileSync(join(root, `note-${i}.txt`), `note number ${i}\n`);
    await assert.rejects(
      hearth.call('documents.importFolder', { path: root, watch: true }),
      (error: unknown) =>
        error instanceof AppError && error.code === 'invalid_input' && /more than 3 documents/.test(error.message),
    );
    assert.deepEqual(await hearth.call('documents.list', {}), []);
    assert.deepEqual(await hearth.call('documents.folders', {}), []);
  });

  test('a watched folder follows the disk: new file indexed, changed file re-indexed (conversation kept), deleted file removed; unwatch stops it; re-watched at start', async () => {
    const dataDir = tempDir();
    const root = tempDir();
    writeFileSync(join(root, 'kettle.md'), '# Kettle\n\nDescale the kettle with citric acid every month.\n');
    let hearth = startHearth({ paths: dataPathsIn(dataDir) });
    const result = await hearth.call('documents.importFolder', { path: root, watch: true });
    assert.equal(result.queued, 1);
    assert.equal(result.watched?.path, root);
    assert.deepEqual(
      (await hearth.call('documents.folders', {})).map((f) => f.path),
      [root],
    );
    await whenever(hearth, allIndexed(hearth, 1), 'the first document indexed');

    // A new file.
    writeFileSync(join(root, 'lamp.txt'), 'The lamp bulb is a warm amber filament.\n');
    await whenever(hearth, allIndexed(hearth, 2), 'the new file indexed');
    assert.match(await texts(hearth, 'amber filament'), /warm amber/);

    // A changed file, attached to a conversation: re-indexed, the conversation keeps it.
    const [kettle] = (await hearth.call('documents.list', {})).filter((d) => d.fileName === 'kettle.md');
    const conversation = await hearth.call('conversations.create', {});
    await hearth.call('conversations.setDocuments', {
      conversationId: conversation.id,
      documentIds: [kettle!.id],
      strict: false,
    });
    writeFileSync(join(root, 'kettle.md.tmp'), '# Kettle\n\nRinse the kettle with vinegar twice a year.\n');
    renameSync(join(root, 'kettle.md.tmp'), join(root, 'kettle.md'));
    const after = await whenever(
      hearth,
      async () => {
        const documents = await allIndexed(hearth, 2)();
        return documents && !documents.some((d) => d.id === kettle!.id) && documents;
      },
      'the changed file re-indexed and the old document gone',
    );
    const newKettle = after.find((d) => d.fileName === 'kettle.md');
    assert.ok(newKettle);
    assert.match(await texts(hearth, 'vinegar'), /vinegar twice a year/);
    assert.doesNotMatch(await texts(hearth, 'citric acid descale'), /citric/);
    assert.deepEqual((await hearth.call('conversations.documents', { conversationId: conversation.id })).documentIds, [
      newKettle.id,
    ]);

    // A deleted file.
    rmSync(join(root, 'lamp.txt'));
    await whenever(hearth, allIndexed(hearth, 1), 'the deleted file removed');

    // Closed; meanwhile a file added and one deleted; opened again: caught up, and still watched.
    await hearth.close();
    writeFileSync(join(root, 'bike.txt'), 'The bicycle chain wants oil after rain.\n');
    writeFileSync(join(root, 'boat.txt'), 'The boat hull needs fresh varnish.\n');
    rmSync(join(root, 'kettle.md'));
    hearth = startHearth({ paths: dataPathsIn(dataDir) });
    assert.deepEqual(
      (await hearth.call('documents.folders', {})).map((f) => f.path),
      [root],
    );
    const caughtUp = await whenever(
      hearth,
      async () => {
        const documents = await allIndexed(hearth, 2)();
        return documents && !documents.some((d) => d.fileName === 'kettle.md') && documents;
      },
      'the files added while closed indexed, the deleted one removed',
    );
    assert.deepEqual(caughtUp.map((d) => d.fileName).sort(), ['bike.txt', 'boat.txt']);
    writeFileSync(join(root, 'tent.txt'), 'Pitch the tent with the door downwind.\n');
    await whenever(hearth, allIndexed(hearth, 3), 'a file added after the restart indexed');

    // Unwatched: no longer stored (so not re-watched at the next start); an explicit import still works.
    const [folder] = await hearth.call('documents.folders', {});
    assert.deepEqual(await hearth.call('documents.unwatchFolder', { id: folder!.id }), { removed: true });
    assert.deepEqual(await hearth.call('documents.folders', {}), []);
    writeFileSync(join(root, 'late.txt'), 'Too late to be noticed.\n');
    const imported = await hearth.call('documents.importFolder', { path: root });
    assert.equal(imported.queued + imported.unchanged, 4);
  });
});
