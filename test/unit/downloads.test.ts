import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { Download } from '../../contract/index.js';
import { DownloadManager, type DownloadManagerOptions } from '../../main/models/download/DownloadManager.js';
import { forkLauncher } from '../../main/engine/transport/forkTransport.js';
import { LibraryStore } from '../../main/storage/LibraryStore.js';
import { openDatabase, type Db } from '../../main/storage/openDatabase.js';
import { useForgedModels } from '../support/forgedModels.js';
import { startModelServer } from '../support/modelServer.js';
import { mountSmallDisk } from '../support/smallDisk.js';
import { tempDir } from '../support/tempDir.js';
import { waitFor } from '../support/waitFor.js';

const forged = useForgedModels();
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A download manager over a real SQLite file and a real models folder, quick to retry. */
function setUp(dir = tempDir(), options: Partial<DownloadManagerOptions> = {}, modelsDir = join(dir, 'models')) {
  mkdirSync(modelsDir, { recursive: true });
  const db: Db = openDatabase(join(dir, 'hearth.sqlite'));
  after(() => db.close());
  const changes: Download[] = [];
  const added: string[] = [];
  const manager = new DownloadManager({
    store: new LibraryStore(db),
    launcher: forkLauncher,
    modelsDir: () => modelsDir,
    onChange: (download) => changes.push(download),
    onModelAdded: (modelId) => added.push(modelId),
    retryDelayMs: 50,
    freeSpaceMarginBytes: 0,
    progressIntervalMs: 20,
    ...options,
  });
  after(() => manager.close());
  return { dir, modelsDir, db, manager, changes, added };
}

/** A download of a URI the user gave (not from the catalog), checked against `sha256` when given. */
function startUri(manager: DownloadManager, uri: string, sha256: string | null = null) {
  return manager.start({ entryId: null, quantization: null, uri, expectedBytes: null, sha256 });
}

/** What the user sees in the models folder: no part files, no staging folders. */
function libraryFiles(modelsDir: string): string[] {
  return readdirSync(modelsDir).filter((name) => !name.startsWith('.'));
}

describe('model downloads from a real HTTP server', () => {
  test('a download cut at random offsets resumes to a byte-identical, verified file', async () => {
    const source = readFileSync(forged.paths.rwkv7);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * source.length;
    const server = await startModelServer({
      'rwkv7.gguf': { path: forged.paths.rwkv7, cuts: 4, cutAfterBytes: () => Math.floor(random()) },
    });
    const { manager, modelsDir, added } = setUp();
    const started = await startUri(manager, server.url('rwkv7.gguf'), sha256(source));
    const done = await manager.settled(started.id);
    assert.equal(done.state, 'complete', done.error ?? '');
    assert.equal(done.modelId, 'rwkv7.gguf');
    assert.deepEqual(added, ['rwkv7.gguf']);
    assert.ok(readFileSync(join(modelsDir, 'rwkv7.gguf')).equals(source), 'the file is byte-identical');
    assert.ok(server.requests.length >= 3, 'the cut connections were retried');
    assert.deepEqual(libraryFiles(modelsDir), ['rwkv7.gguf']);
    assert.deepEqual(readdirSync(join(modelsDir, '.downloads')), [], 'the staging folder is cleaned up');
  });

  test('corrupted content is rejected: nothing enters the library', async () => {
    const source = readFileSync(forged.paths.mamba);
    const corrupted = Buffer.from(source);
    corrupted.writeUInt8(corrupted.readUInt8(corrupted.length - 100) ^ 0xff, corrupted.length - 100);
    const server = await startModelServer({ 'mamba.gguf': { path: forged.paths.mamba, body: corrupted } });
    const { manager, modelsDir, added } = setUp();
    const started = await startUri(manager, server.url('mamba.gguf'), sha256(source));
    const done = await manager.settled(started.id);
    assert.equal(done.state, 'failed');
    assert.match(done.error ?? '', /damaged: its sha256 is/);
    assert.equal(done.attempts, 1, 'a checksum mismatch is not retried');
    assert.deepEqual(libraryFiles(modelsDir), []);
    assert.deepEqual(added, []);
  });

  test('a size that differs from the catalog is refused before downloading', async () => {
    const server = await startModelServer({ 'llama.gguf': { path: forged.paths.llama } });
    const { manager, modelsDir } = setUp();
    const started = await manager.start({
      entryId: 'llama-test',
      quantization: 'F32',
      uri: server.url('llama.gguf'),
      expectedBytes: 123_456_789,
      sha256: null,
    });
    const done = await manager.settled(started.id);
    assert.equal(done.state, 'failed');
    assert.match(done.error ?? '', /catalog lists 123456789/);
    assert.deepEqual(libraryFiles(modelsDir), []);
    assert.ok(
      server.requests.every((request) => request.range === 'bytes=0-0'),
      'only the preflight was sent',
    );
  });

  test('404 and 500 answers give clear errors', async () => {
    const server = await startModelServer({ 'broken.gguf': { path: forged.paths.llama, status: 500 } });
    const { manager, modelsDir } = setUp(undefined, { attempts: 2 });
    const missing = await startUri(manager, server.url('missing.gguf'));
    const notFound = await manager.settled(missing.id);
    assert.equal(notFound.state, 'failed');
    assert.match(notFound.error ?? '', /not on the server \(404 Not Found\)/);
    assert.equal(notFound.attempts, 1, 'a 404 is not retried');

    const broken = await startUri(manager, server.url('broken.gguf'));
    const serverError = await manager.settled(broken.id);
    assert.equal(serverError.state, 'failed');
    assert.match(serverError.error ?? '', /server answered 500 Internal Server Error/);
    assert.equal(serverError.attempts, 2, 'a server error is retried, then given up');
    assert.deepEqual(libraryFiles(modelsDir), []);
  });

  test('pause, resume, and a restart mid-download finish the same download with the same bytes', async () => {
    const source = readFileSync(forged.paths.qwen3moe);
    const server = await startModelServer({
      'moe.gguf': { path: forged.paths.qwen3moe, bytesPerSecond: Math.ceil(source.length / 3) },
    });
    const dir = tempDir();
    const first = setUp(dir);
    const started = await startUri(first.manager, server.url('moe.gguf'), sha256(source));
    await waitFor(() => first.changes.some((d) => d.receivedBytes > 0 && d.bytesPerSecond > 0), {
      what: 'progress with a speed',
    });
    const progress = first.changes.filter((d) => d.state === 'downloading' && d.receivedBytes > 0);
    assert.ok(progress.at(-1)!.secondsLeft !== null, 'time left is estimated');

    const paused = await first.manager.pause(started.id);
    assert.equal(paused.state, 'paused');
    // (node-llama-cpp's downloader writes in 5 MB chunks and keeps the finished ones in its part file;
    // these forged files are smaller than one chunk, so what is tested here is the resume itself.)
    assert.deepEqual(libraryFiles(first.modelsDir), []);

    await first.manager.resume(started.id);
    await waitFor(() => first.manager.list()[0]!.receivedBytes > 0, { what: 'the resumed download' });
    // The app quits mid-download: the row stays 'downloading' and the part file stays.
    await first.manager.close();
    assert.equal(first.manager.list()[0]!.state, 'downloading');
    first.db.close();

    const second = setUp(dir);
    second.manager.resumeInterrupted();
    const done = await second.manager.settled(started.id);
    assert.equal(done.state, 'complete', done.error ?? '');
    assert.ok(readFileSync(join(second.modelsDir, 'moe.gguf')).equals(source), 'the file is byte-identical');
    assert.deepEqual(second.added, ['moe.gguf']);
  });

  test('cancel deletes the partial file and the entry', async () => {
    const source = readFileSync(forged.paths.rwkv6);
    const server = await startModelServer({
      'rwkv6.gguf': { path: forged.paths.rwkv6, bytesPerSecond: Math.ceil(source.length / 4) },
    });
    const { manager, modelsDir } = setUp();
    const started = await startUri(manager, server.url('rwkv6.gguf'));
    await waitFor(() => manager.list()[0]!.receivedBytes > 0, { what: 'some progress' });
    await manager.cancel(started.id);
    assert.deepEqual(manager.list(), []);
    assert.equal(existsSync(join(modelsDir, '.downloads', started.id)), false);
    assert.deepEqual(libraryFiles(modelsDir), []);
  });

  test('not enough free space is refused before starting', async () => {
    const server = await startModelServer({ 'llama.gguf': { path: forged.paths.llama } });
    const { manager, modelsDir } = setUp(undefined, { freeSpaceMarginBytes: 2 ** 50 });
    const started = await startUri(manager, server.url('llama.gguf'));
    const done = await manager.settled(started.id);
    assert.equal(done.state, 'failed');
    assert.match(done.error ?? '', /Not enough free space/);
    assert.equal(done.attempts, 1);
    assert.deepEqual(libraryFiles(modelsDir), []);
  });

  test('a disk that fills up mid-download gives a clear error and no half file in the library', async (t) => {
    const mount = mountSmallDisk(t);
    if (!mount) return;
    const source = readFileSync(forged.paths.llama);
    const server = await startModelServer({
      'llama.gguf': { path: forged.paths.llama, bytesPerSecond: Math.ceil(source.length / 2) },
    });
    const { manager, modelsDir } = setUp(undefined, {}, mount);
    const started = await startUri(manager, server.url('llama.gguf'));
    // The free-space check passes; then something else takes the space while the file arrives.
    await waitFor(() => manager.list()[0]!.receivedBytes > 0, { what: 'some progress' });
    try {
      writeFileSync(join(mount, 'filler'), Buffer.alloc(1024 * 1024));
    } catch {
      // The filler itself runs out of space: the disk is full, which is the point.
    }
    const done = await manager.settled(started.id);
    assert.equal(done.state, 'failed');
    assert.match(done.error ?? '', /disk is full/);
    assert.deepEqual(
      libraryFiles(modelsDir).filter((name) => name.endsWith('.gguf')),
      [],
      'no half file in the library',
    );
  });
});
