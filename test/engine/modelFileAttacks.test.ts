/**
 * A compromised renderer against the model library, where the engine reads real model files
 * (the attacks that never reach the engine are in test/unit/fileAttacks.test.ts): an import never
 * overwrites a file already in the folder, and deleting a link never deletes what it points to.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, lstatSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { snapshotFolder } from '../support/fileSnapshot.js';
import { useForgedModels } from '../support/forgedModels.js';
import { startHearth } from '../support/startHearth.js';
import { tempDir } from '../support/tempDir.js';

const forged = useForgedModels();

describe('model files a compromised renderer aims at', () => {
  test('an import by copy never overwrites or removes a file already in the folder', async () => {
    const hearth = startHearth();
    const victim = tempDir('hearth-victim-');
    // Names an import would use on the way: the file's own, and (before this was fixed) the
    // partial copy's fixed name, which was copied over and then renamed away.
    writeFileSync(join(victim, 'llama.gguf'), 'the user’s own file of that name');
    writeFileSync(join(victim, '.llama (2).gguf.importing'), 'the user’s hidden notes');
    const before = snapshotFolder(victim);
    await hearth.call('library.setFolder', { dir: victim });

    const source = join(tempDir(), 'llama.gguf');
    copyFileSync(forged.paths.llama, source);
    const { model } = await hearth.call('library.import', { path: source, mode: 'copy' });
    assert.equal(model.fileName, 'llama (2).gguf', 'the copy took a free name');
    const after = snapshotFolder(victim);
    for (const [name, entry] of Object.entries(before)) assert.equal(after[name], entry, `${name} is as it was`);
    assert.deepEqual(
      Object.keys(after).sort(),
      [...Object.keys(before), 'llama (2).gguf'].sort(),
      'only the new model was added (no partial copy left behind)',
    );
  });

  test('deleting a model that is a link removes the link, never the file it points to', async () => {
    const hearth = startHearth();
    const victim = tempDir('hearth-victim-');
    copyFileSync(forged.paths.llama, join(victim, 'keep.gguf'));
    const before = snapshotFolder(victim);
    symlinkSync(join(victim, 'keep.gguf'), join(hearth.paths.modelsDir, 'shortcut.gguf'));
    const { model } = await hearth.call('library.import', { path: join(victim, 'keep.gguf'), mode: 'link' });

    assert.deepEqual(await hearth.call('library.delete', { modelId: 'shortcut.gguf' }), {
      deleted: true,
      statesRemoved: 0,
    });
    assert.equal(existsSync(join(hearth.paths.modelsDir, 'shortcut.gguf')), false);
    // A model linked through the library is only forgotten.
    await hearth.call('library.delete', { modelId: model.id });
    assert.deepEqual((await hearth.call('models.list', {})).models, []);
    assert.ok(lstatSync(join(victim, 'keep.gguf')).isFile());
    assert.deepEqual(snapshotFolder(victim), before);
  });
});
