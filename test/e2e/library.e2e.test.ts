import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, test } from 'node:test';
import { openInBrowser } from '../support/browserSession.js';
import { useForgedModels, useMalformedModels } from '../support/forgedModels.js';
import { startModelServer } from '../support/modelServer.js';

const forged = useForgedModels();
const malformed = useMalformedModels();
const SHOTS = join(process.cwd(), 'test-results');

describe('the model library in the browser', () => {
  test('cards, imports by path, a malformed import, deleting with confirmation, and a download', async () => {
    const { hearth, page, modelId, pageErrors } = await openInBrowser(forged.paths.mamba, {
      threads: 0,
      contextSize: 1024,
    });
    await page.setViewportSize({ width: 1280, height: 900 });
    const installed = page.getByTestId('installed-model');

    // The installed model's card: the planner's verdict and speed for this machine.
    await page.getByTestId('open-library').click();
    await page.getByTestId('library-dialog').waitFor();
    await installed.first().waitFor();
    assert.equal(await installed.count(), 1);
    const card = page.getByTestId('model-card');
    await card.getByTestId('fit-verdict').waitFor({ timeout: 60_000 });
    assert.match(
      await card.getByTestId('fit-verdict').innerText(),
      /Fits in VRAM|Partly on GPU|Runs from RAM|Does not fit/,
    );
    assert.match(await card.getByTestId('expected-speed').innerText(), /tok\/s|No speed estimate/);
    assert.equal(await card.getAttribute('data-model-id'), modelId);
    assert.match(await card.getByTestId('state-cost').innerText(), /per conversation/);

    // Import a second forged model by path, as a link: the web host has no file dialog.
    const linkedPath = forged.paths.rwkv7;
    await page.getByTestId('import-model').click();
    await page.getByTestId('import-path').fill(linkedPath);
    await page.getByTestId('import-mode').selectOption('link');
    await page.getByTestId('import-confirm').click();
    await installed.filter({ hasText: basename(linkedPath, '.gguf') }).waitFor({ timeout: 60_000 });
    assert.equal(await installed.count(), 2);
    const linkedRow = installed.filter({ hasText: basename(linkedPath, '.gguf') });
    assert.equal(await linkedRow.getByTestId('linked-badge').count(), 1);

    // A malformed file is refused with the reason shown beside the form, and nothing else changes.
    await page.getByTestId('import-model').click();
    await page.getByTestId('import-path').fill(malformed.paths['bad-magic']);
    await page.getByTestId('import-mode').selectOption('link');
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-error').waitFor({ timeout: 60_000 });
    assert.ok((await page.getByTestId('import-error').innerText()).trim().length > 10);
    assert.equal(await installed.count(), 2);
    assert.equal((await hearth.call('models.list', {})).models.length, 2);

    // Delete the linked model: the confirmation says its saved states go too.
    await linkedRow.click();
    await card.getByTestId('fit-verdict').waitFor({ timeout: 60_000 });
    await page.getByTestId('delete-model').click();
    const confirm = page.getByTestId('confirm-dialog');
    assert.match(await confirm.innerText(), /saved conversation states/);
    await page.getByTestId('confirm-delete').click();
    await installed.filter({ hasText: basename(linkedPath, '.gguf') }).waitFor({ state: 'detached' });
    assert.equal(await installed.count(), 1);

    // The catalog lists entries by family, with a download button per file.
    await page.getByTestId('library-tab-catalog').click();
    await page.getByTestId('catalog-entry').first().waitFor({ timeout: 60_000 });
    assert.ok((await page.getByTestId('download-file').count()) > 0);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'library-catalog.png'), fullPage: true });

    // A download from a URL: progress, then complete, then the model is installed.
    const server = await startModelServer({ 'x.gguf': { path: forged.paths.rwkv6, bytesPerSecond: 200_000 } });
    await page.getByTestId('library-tab-downloads').click();
    await page.getByTestId('download-uri').fill(server.url('x.gguf'));
    await page.getByTestId('download-uri-start').click();
    const row = page.getByTestId('download-row').first();
    await row.waitFor();
    await page
      .getByTestId('downloads-indicator')
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    await row.locator('[role="progressbar"][aria-valuenow]').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'library-downloads.png'), fullPage: true });
    await page.locator('[data-testid="download-row"][data-state="complete"]').waitFor({ timeout: 90_000 });
    assert.equal(await row.getByRole('progressbar').getAttribute('aria-valuenow'), '100');

    await page.getByTestId('library-tab-installed').click();
    await installed.nth(1).waitFor({ timeout: 30_000 });
    assert.equal(await installed.count(), 2);
    assert.equal((await hearth.call('models.list', {})).models.length, 2);
    await page.getByTestId('import-panel').getByRole('button', { name: 'Cancel' }).click();
    await card.getByTestId('fit-verdict').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(SHOTS, 'library.png'), fullPage: true });

    // Escape closes the library; Ctrl+M opens it again. A file the engine cannot read shows why on its card.
    await page.keyboard.press('Escape');
    await page.getByTestId('library-dialog').waitFor({ state: 'detached' });
    const brokenId = hearth.addModel(malformed.paths['bad-magic'], 'broken.gguf');
    await page.keyboard.press('Control+m');
    await installed.filter({ hasText: 'broken' }).click();
    await card.getByTestId('card-error').waitFor({ timeout: 60_000 });
    assert.ok((await card.getByTestId('card-error').innerText()).trim().length > 10);
    await page.keyboard.press('Escape');

    // With no models left, the chat's empty state points to the library and its pick for this machine.
    // Hearth deletes only GGUF files: the one with a wrong magic is refused and left for the user,
    // who removes it by hand (first, so the list refreshed by the deletes below no longer has it).
    await assert.rejects(hearth.call('library.delete', { modelId: brokenId }), /not a GGUF model file/);
    rmSync(join(hearth.paths.modelsDir, brokenId));
    for (const model of (await hearth.call('models.list', {})).models) {
      await hearth.call('library.delete', { modelId: model.id });
    }
    assert.ok(!(await hearth.call('models.list', {})).models.some((model) => model.id === brokenId));
    await page.locator('[data-testid="empty-state"][data-kind="no-models"]').waitFor({ timeout: 30_000 });
    if ((await hearth.call('library.catalog', {})).recommendation !== null) {
      await page.getByTestId('first-run-recommendation').waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(SHOTS, 'library-first-run.png'), fullPage: true });
    }
    assert.deepEqual(pageErrors, []);
  });
});
