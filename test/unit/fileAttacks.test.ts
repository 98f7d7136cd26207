/**
 * The renderer is untrusted: these tests play a compromised one, calling the real API of a real
 * Hearth, and check that main never deletes, overwrites or reads what is not Hearth's. Each
 * attack must fail with a clear error and leave the victim's files byte for byte as they were.
 * (None of these reaches the engine; model files the engine must read are in
 * test/engine/modelFileAttacks.test.ts.)
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { AppError, type ErrorCode } from '../../contract/index.js';
import { snapshotFolder } from '../support/fileSnapshot.js';
import { startHearth } from '../support/startHearth.js';
import { tempDir } from '../support/tempDir.js';

/** A stand-in for a GGUF model: the magic, then bytes no reader needs here. */
const GGUF_BYTES = Buffer.concat([Buffer.from('GGUF', 'latin1'), Buffer.alloc(60, 7)]);

function refusedWith(code: ErrorCode | ErrorCode[], pattern: RegExp) {
  const codes = Array.isArray(code) ? code : [code];
  return (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.ok(codes.includes(error.code), `${error.code}: ${error.message}`);
    assert.match(error.message, pattern);
    return true;
  };
}

/** A folder of the user's that an attacker would like to damage. */
function victimFolder(): string {
  const victim = tempDir('hearth-victim-');
  writeFileSync(join(victim, 'notes.txt'), 'my notes, not a model');
  writeFileSync(join(victim, 'fake.gguf'), 'a text file named like a model');
  mkdirSync(join(victim, 'sub'));
  writeFileSync(join(victim, 'sub', 'taxes.gguf'), 'also not a model');
  execFileSync('mkfifo', [join(victim, 'pipe.gguf')]);
  symlinkSync('/dev/null', join(victim, 'device.gguf'));
  return victim;
}

describe('a compromised renderer cannot make main touch files that are not Hearth’s', () => {
  test('setFolder onto a user folder, then delete: nothing but a GGUF model is deleted', async () => {
    const hearth = startHearth();
    const victim = victimFolder();
    const before = snapshotFolder(victim);
    await hearth.call('library.setFolder', { dir: victim });

    const attempts: [string, ErrorCode, RegExp][] = [
      ['notes.txt', 'forbidden', /only \.gguf files are models/],
      ['fake.gguf', 'forbidden', /not a GGUF model file, so Hearth will not delete it/],
      ['sub/taxes.gguf', 'forbidden', /not a GGUF model file/],
      // Listed as unusable models ("not a regular file"), so refused as such before any delete.
      ['pipe.gguf', 'model_invalid', /not a regular file/],
      ['device.gguf', 'model_invalid', /not a regular file/],
      ['.hidden.gguf', 'forbidden', /hidden or unusual path parts/],
      ['a/b/c/deep.gguf', 'forbidden', /nested too deep/],
    ];
    for (const [modelId, code, pattern] of attempts) {
      await assert.rejects(hearth.call('library.delete', { modelId }), refusedWith(code, pattern), modelId);
    }
    assert.deepEqual(snapshotFolder(victim), before, 'every file of the victim folder is as it was');
  });

  test('a folder linked into the models folder does not lead a delete outside it', async () => {
    const hearth = startHearth();
    const victim = tempDir('hearth-victim-');
    writeFileSync(join(victim, 'keep.gguf'), GGUF_BYTES); // a real model of the user's, elsewhere
    symlinkSync(victim, join(hearth.paths.modelsDir, 'elsewhere'));
    const before = snapshotFolder(victim);

    await assert.rejects(
      hearth.call('library.delete', { modelId: 'elsewhere/keep.gguf' }),
      refusedWith('forbidden', /elsewhere is not a folder inside it/),
    );
    await assert.rejects(
      hearth.call('library.card', { modelId: 'elsewhere/keep.gguf' }),
      refusedWith('forbidden', /not a model the library lists/),
    );
    assert.deepEqual(snapshotFolder(victim), before);
  });

  test('reveal, card and plan reach only files the library lists', async () => {
    const revealed: string[] = [];
    const hearth = startHearth({
      platform: {
        revealFile: async (path) => {
          revealed.push(path);
        },
      },
    });
    const victim = victimFolder();
    await hearth.call('library.setFolder', { dir: victim });
    // Not a model path at all (forbidden), or a .gguf name on something that is not a file (model_invalid).
    const refused = refusedWith(['forbidden', 'model_invalid'], /./);
    for (const modelId of ['notes.txt', 'pipe.gguf', 'device.gguf']) {
      await assert.rejects(hearth.call('library.reveal', { modelId }), refused, modelId);
      await assert.rejects(hearth.call('library.card', { modelId }), refused, modelId);
      await assert.rejects(hearth.call('hardware.plan', { modelId }), refused, modelId);
    }
    assert.deepEqual(revealed, [], 'the file manager was never asked to show them');
  });

  test('a disk’s root, a system folder or a file is never taken as the models folder', async () => {
    const hearth = startHearth();
    const before = (await hearth.call('app.info', {})).modelsDir;
    const linkToEtc = join(tempDir(), 'looks-harmless');
    symlinkSync('/etc', linkToEtc);
    const aFile = join(tempDir(), 'a-file');
    writeFileSync(aFile, 'data');

    for (const dir of ['/', '/etc', '/usr/lib/hearth-models', '/proc/self', '/dev/shm', linkToEtc]) {
      await assert.rejects(
        hearth.call('library.setFolder', { dir }),
        refusedWith('forbidden', /root of a disk|system folder/),
        dir,
      );
      // Settings is another way in: it goes through the same checks.
      await assert.rejects(
        hearth.call('settings.update', { modelsDir: dir }),
        refusedWith('forbidden', /root of a disk|system folder/),
        dir,
      );
    }
    assert.equal(existsSync('/usr/lib/hearth-models'), false, 'nothing was created in a system folder');
    await assert.rejects(hearth.call('library.setFolder', { dir: aFile }), refusedWith('storage_failed', /cannot use/));
    assert.equal((await hearth.call('app.info', {})).modelsDir, before);
    assert.equal((await hearth.call('settings.get', {})).modelsDir, null);

    // A folder of the user's own is fine, through either call, and applies at once.
    const mine = join(tempDir(), 'my models');
    await hearth.call('settings.update', { modelsDir: mine });
    assert.equal((await hearth.call('app.info', {})).modelsDir, mine);
    assert.ok(existsSync(mine));
  });

  test('documents.import reads regular files only: never a pipe, a device, a kernel file or a huge file', async () => {
    const hearth = startHearth();
    const dir = tempDir();
    const fifo = join(dir, 'report.txt');
    execFileSync('mkfifo', [fifo]);
    const linkToFifo = join(dir, 'linked.md');
    symlinkSync(fifo, linkToFifo);
    const huge = join(dir, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 600 * 1024 * 1024); // sparse: takes no space, but says 600 MB

    const cases: [string, RegExp][] = [
      [fifo, /not a regular file/],
      [linkToFifo, /not a regular file/],
      [dir, /This is a folder: import it with “Import a folder”/],
      ['/dev/zero', /system file/],
      ['/proc/self/environ', /system file/],
      [huge, /600 MB; Hearth reads documents up to 512 MB/],
    ];
    const outcomes = await hearth.call('documents.import', { paths: cases.map(([path]) => path) });
    for (const [index, [path, pattern]] of cases.entries()) {
      const outcome = outcomes[index]!;
      assert.equal(outcome.outcome, 'refused', path);
      assert.match(outcome.error ?? '', pattern, path);
    }
    assert.deepEqual(await hearth.call('documents.list', {}), [], 'nothing was queued');
  });
});
