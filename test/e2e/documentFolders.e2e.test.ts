import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openInBrowser } from '../support/browserSession.js';
import { useForgedModels } from '../support/forgedModels.js';
import { tempDir } from '../support/tempDir.js';

const forged = useForgedModels();
const SHOTS = join(process.cwd(), 'test-results');

describe('document folders in the browser (web host, real import worker, headless Chromium)', () => {
  test('import and watch a folder by path: what was added and passed over, a new and a deleted file follow, stop watching; a missing folder is a clear error', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'sub'));
    writeFileSync(join(root, 'kettle.md'), '# Kettle\n\nDescale the kettle with citric acid every month.\n');
    writeFileSync(join(root, 'sub', 'lamp.txt'), 'The lamp bulb is a warm amber filament.\n');
    writeFileSync(join(root, 'sub', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    writeFileSync(join(root, '.hidden.md'), '# hidden\n');

    const { page, pageErrors } = await openInBrowser(forged.paths.mamba, {});
    await page.setViewportSize({ width: 1280, height: 900 });
    mkdirSync(SHOTS, { recursive: true });
    await page.getByTestId('open-documents').click();
    const dialog = page.getByTestId('documents-dialog');
    await dialog.getByTestId('watched-folders-empty').waitFor();

    // A folder that is not there.
    await page.getByTestId('folder-path').fill(join(root, 'nope'));
    await page.getByTestId('import-folder').click();
    await page.getByTestId('documents-notice').filter({ hasText: 'There is no folder at that path.' }).waitFor();

    // The real one, watched (the default).
    await page.getByTestId('folder-path').fill(root);
    await page.getByTestId('import-folder').click();
    const result = page.getByTestId('folder-import-result');
    await result.waitFor();
    assert.equal(
      await result.innerText(),
      '2 documents added. Passed over: 1 of other types, 1 hidden. Watching it for changes.',
    );
    const watched = page.getByTestId('watched-folder');
    await watched.waitFor();
    assert.match(await watched.innerText(), new RegExp(root.replace(/[/\\]/g, '.')));
    const indexed = page.locator('[data-testid="document-row"][data-status="indexed"]');
    await indexed.nth(1).waitFor();
    assert.equal(await indexed.count(), 2);
    await page.screenshot({ path: join(SHOTS, 'document-folders.png'), fullPage: true });

    // A file added there appears by itself; a file deleted there goes.
    writeFileSync(join(root, 'sub', 'bike.txt'), 'The bicycle chain wants oil after rain.\n');
    await indexed.filter({ hasText: 'bike.txt' }).waitFor();
    rmSync(join(root, 'kettle.md'));
    await page.locator('[data-testid="document-row"]', { hasText: 'kettle.md' }).waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('document-row').count(), 2);

    // Stop watching: the list is empty again, the documents stay.
    await page.getByTestId('unwatch-folder').click();
    await dialog.getByTestId('watched-folders-empty').waitFor();
    assert.match(await page.getByTestId('documents-notice').innerText(), /Stopped watching .*its documents stay/);
    assert.equal(await page.getByTestId('document-row').count(), 2);
    assert.deepEqual(pageErrors, []);
  });
});

describe('the embedding model offer after the first import (headless Chromium)', () => {
  test('shown once documents exist and no embedding model is set (smallest catalog model, its size, why); dismissed for good; not shown when one is set', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'kettle.md'), '# Kettle\n\nDescale the kettle with citric acid every month.\n');
    const { hearth, page, modelId, pageErrors } = await openInBrowser(forged.paths.mamba, {});
    await page.getByTestId('open-documents').click();
    await page.getByTestId('documents-empty').waitFor();
    assert.equal(await page.getByTestId('embedding-offer').count(), 0, 'no offer before any document');

    await page.getByTestId('document-paths').fill(join(root, 'kettle.md'));
    await page.getByTestId('import-documents').click();
    const offer = page.getByTestId('embedding-offer');
    await offer.waitFor();
    const text = await offer.innerText();
    assert.match(text, /BGE Small EN v1\.5 \(36\.8 MB\)/);
    assert.match(text, /finds passages by meaning, not only by words/);
    assert.match(await page.getByTestId('accept-embedding-offer').innerText(), /Download 36\.8 MB/);

    await page.getByTestId('dismiss-embedding-offer').click();
    await offer.waitFor({ state: 'detached' });
    assert.equal((await hearth.call('settings.get', {})).embeddingOfferDismissed, true);
    await page.reload();
    await page.getByTestId('open-documents').click();
    await page.locator('[data-testid="document-row"]').first().waitFor();
    assert.equal(await offer.count(), 0, 'declined is remembered');

    // Offered again only in a fresh state where a model is set: still not shown.
    await hearth.call('settings.update', { embeddingOfferDismissed: false, embeddingModelId: modelId });
    await page.reload();
    await page.getByTestId('open-documents').click();
    await page.locator('[data-testid="document-row"]').first().waitFor();
    assert.equal(await offer.count(), 0, 'an embedding model is set');
    // And with none set (nor declined) it is back: the check above could have failed.
    await hearth.call('settings.update', { embeddingModelId: null });
    await page.reload();
    await page.getByTestId('open-documents').click();
    await offer.waitFor();
    assert.deepEqual(pageErrors, []);
  });
});
