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
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="document-row"][data-status="indexed"]').length === 2,
    );
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
