import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { Catalog, CatalogEntry } from '../../contract/index.js';
import { loadCatalog } from '../../main/models/catalog/loadCatalog.js';
import { openInBrowser } from '../support/browserSession.js';
import { useForgedModels } from '../support/forgedModels.js';
import { startModelServer } from '../support/modelServer.js';
import { waitFor } from '../support/waitFor.js';

const forged = useForgedModels();
const SHOTS = join(process.cwd(), 'test-results');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The shipped catalog, with one small confirmed chat model whose file is on the test's own server. */
function catalogServing(uri: string): Catalog {
  const shipped = loadCatalog();
  const template = shipped.entries.find((entry) => entry.id === 'qwen3-0.6b')!;
  const entry: CatalogEntry = {
    ...template,
    id: 'local-small',
    name: 'Local Small Chat',
    files: [{ quantization: 'Q4_K_M', uri, sizeBytes: 5_000_000, sizeIsExact: true }],
  };
  // Listed for their family notes, never recommended (only confirmed entries are): the pick is the local file.
  const unconfirmed = (family: CatalogEntry['family']) => ({
    ...shipped.entries.find((candidate) => candidate.family === family)!,
    confirmed: false,
  });
  return { ...shipped, entries: [entry, unconfirmed('rwkv7'), unconfirmed('moe')] };
}

/** axe-core's heading-order rule on one part of the page (evaluated over CDP: the page's CSP allows no injected script). */
async function headingOrderViolations(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (within) => {
    const axe = (globalThis as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe;
    const results = await axe.run(within, { runOnly: { type: 'rule', values: ['heading-order'] } });
    return results.violations.flatMap((violation) => violation.nodes.map((node) => node.html));
  }, selector);
}
interface AxeResults {
  violations: { nodes: { html: string }[] }[];
}

describe('the first-run card in the browser', () => {
  test('a download that fails (404) says why on the card, with what to do; the library dialog keeps heading order', async () => {
    const server = await startModelServer({ 'small-Q4_K_M.gguf': { path: forged.paths.rwkv7, status: 404 } });
    const { hearth, page, pageErrors } = await openInBrowser(
      null,
      {},
      { hearth: { catalog: catalogServing(server.url('small-Q4_K_M.gguf')), downloads: { attempts: 1 } } },
    );
    assert.equal((await hearth.call('library.catalog', {})).recommendation?.entryId, 'local-small');

    // No model: the start state recommends the small model.
    await page.locator('[data-testid="empty-state"][data-kind="no-models"]').waitFor();
    const card = page.getByTestId('first-run-recommendation');
    await card.waitFor();
    assert.match(await card.innerText(), /Local Small Chat/);
    assert.equal(await card.getByTestId('download-failure').count(), 0, 'no failure before any download');

    // The server answers 404: the card says so where the user clicked, with what to do next.
    await card.getByTestId('download-recommendation').click();
    const failure = card.getByTestId('download-failure');
    await failure.waitFor();
    assert.match(await failure.innerText(), /The download of Local Small Chat failed\./);
    assert.match(await failure.getByTestId('download-failure-reason').innerText(), /not on the server \(404/);
    assert.match(await failure.innerText(), /Check the internet connection, then retry/);
    assert.equal(await failure.getAttribute('role'), 'alert');
    assert.equal(await card.getByTestId('download-recommendation').count(), 0, 'Retry replaces Download');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'library-first-run-failed.png'), fullPage: true });
    assert.equal((await hearth.call('library.downloads', {}))[0]?.state, 'failed');

    // Retry asks the server again (and fails the same way here); Open Downloads shows the details.
    const asked = server.requests.length;
    await failure.getByTestId('download-failure-retry').click();
    await waitFor(() => server.requests.length > asked, { what: 'the retry to ask the server again' });
    await waitFor(async () => (await hearth.call('library.downloads', {}))[0]?.state === 'failed', {
      what: 'the retry to fail',
    });
    await failure.getByTestId('download-failure-reason').waitFor();
    await failure.getByTestId('download-failure-open').click();
    await page.getByTestId('library-panel-downloads').waitFor();
    const row = page.locator('[data-testid="download-row"][data-state="failed"]');
    await row.waitFor();
    assert.match(await row.getByTestId('download-error').innerText(), /not on the server \(404/);

    // Heading order in the library dialog: the catalog (family h3, entry h4), a model card (h3, h4, "Why" h5)
    // and the import panel (h3) skip no level.
    await page.getByTestId('library-tab-catalog').click();
    await page.getByTestId('catalog-entry').first().waitFor();
    // The RWKV and MoE entries explain their family in plain words; the dense one needs none.
    const explained = page.locator('[data-testid="catalog-entry"]:has([data-testid="family-explanation"])');
    assert.equal(await explained.count(), 2);
    assert.match(await page.getByTestId('family-explanation').first().innerText(), /fixed-size state/);
    assert.deepEqual(await headingOrderViolations(page, '[data-testid="library-dialog"]'), []);

    hearth.addModel(forged.paths.mamba, 'first-model.gguf');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+m');
    await page.getByTestId('installed-model').first().waitFor();
    assert.equal(
      await page.getByTestId('installed-model').first().locator('.installed-name').innerText(),
      'first-model',
    );
    await page.getByTestId('model-card').getByTestId('fit-verdict').waitFor();
    await page.getByTestId('import-model').click();
    await page.getByTestId('import-panel').waitFor();
    assert.deepEqual(await headingOrderViolations(page, '[data-testid="library-dialog"]'), []);
    assert.deepEqual(pageErrors, []);
  });

  test('in Chinese, the recommendation and the failure give their reasons in Chinese (catalog keys from main)', async () => {
    const server = await startModelServer({ 'small-Q4_K_M.gguf': { path: forged.paths.rwkv7, status: 404 } });
    const { page, pageErrors } = await openInBrowser(
      null,
      {},
      {
        locale: 'zh-CN',
        hearth: { catalog: catalogServing(server.url('small-Q4_K_M.gguf')), downloads: { attempts: 1 } },
      },
    );
    const card = page.getByTestId('first-run-recommendation');
    await card.waitFor();
    assert.match(await card.innerText(), /为这台电脑推荐/);
    assert.match(
      await card.locator('.recommendation-reason').innerText(),
      /可在内存中运行的最大已确认模型|没有模型能达到/,
    );
    await card.getByTestId('download-recommendation').click();
    const failure = card.getByTestId('download-failure');
    await failure.waitFor();
    assert.match(await failure.innerText(), /Local Small Chat 下载失败。/);
    assert.match(await failure.getByTestId('download-failure-reason').innerText(), /服务器上没有此文件（404/);
    assert.deepEqual(pageErrors, []);
  });
});
