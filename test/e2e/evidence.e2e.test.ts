import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ensureForgedModel } from '../forge/forgeModels.js';
import { openInBrowser } from '../support/browserSession.js';
import { useForgedModels } from '../support/forgedModels.js';
import { tempDir } from '../support/tempDir.js';
import { waitFor } from '../support/waitFor.js';

const forged = useForgedModels();
const SHOTS = join(process.cwd(), 'test-results');

const SECTIONS = [
  ['Charging', 'Charge the lantern with the blue cable for four hours.'],
  ['Storage', 'Store the lantern below thirty degrees to protect the battery.'],
  ['Cleaning', 'Wipe the lantern glass with a dry cloth; never use solvents.'],
  ['Warranty', 'The lantern is covered for two years from the date of purchase.'],
];

describe('evidence in the browser (web host, real engine, forged reranker, headless Chromium)', () => {
  test('sources show their evidence band, a weakly supported answer says so, and strict mode offers or uses a reranker', async () => {
    const manual = join(tempDir(), 'lantern.md');
    writeFileSync(manual, `# Lantern manual\n\n${SECTIONS.map(([h, t]) => `## ${h}\n\n${t}\n`).join('\n')}`);
    const { hearth, page, modelId, pageErrors } = await openInBrowser(forged.paths.mamba, {
      threads: 1,
      contextSize: 2048,
      defaultSampling: { temperature: 0, topP: 1, maxTokens: 8, seed: 1 },
      // One section per passage.
      documentChunkChars: 200,
      documentChunkOverlap: 0,
    });
    await page.setViewportSize({ width: 1280, height: 900 });
    mkdirSync(SHOTS, { recursive: true });
    const [outcome] = await hearth.call('documents.import', { paths: [manual] });
    await waitFor(
      async () =>
        (await hearth.call('documents.list', {})).find((d) => d.id === outcome?.documentId)?.status === 'indexed',
      { what: 'the manual indexed' },
    );
    const rankerId = hearth.addModel(await ensureForgedModel('qwen3rerank'), 'ranker.gguf');
    await page.reload();

    await page.getByTestId('new-conversation').click();
    await page.getByTestId('model-picker').selectOption(modelId);
    const chip = page.getByTestId('attach-documents');
    const attach = page.getByTestId('attach-documents-dialog');

    // Without a reranker, strict mode says what it cannot do, and offers one from the catalog.
    await chip.click();
    assert.match(
      await attach.getByTestId('strict-hint').innerText(),
      /^Without a reranking model, Hearth can refuse only when nothing/,
    );
    await attach.getByTestId('get-reranker').click();
    const offered = page.locator('[data-testid="catalog-entry"][data-entry-id="bge-reranker-v2-m3"]');
    await offered.waitFor();
    // Scrolled to: the rerankers come last in the catalog, far below the first screen.
    await waitFor(
      async () => {
        const box = await offered.boundingBox();
        return box !== null && box.y >= 0 && box.y < 900;
      },
      { what: 'the offered reranker in view' },
    );
    await page.keyboard.press('Escape');
    await chip.click();
    await attach.getByTestId('attach-document-option').first().check();
    await attach.getByTestId('save-attachments').click();
    await attach.waitFor({ state: 'detached' });

    const assistant = page.locator('[data-testid="message"][data-role="assistant"]');
    const complete = page.locator('[data-status="complete"]');
    const send = async (question: string, index: number) => {
      await page.getByTestId('composer-input').fill(question);
      await page.getByTestId('composer-input').press('Enter');
      const answer = assistant.nth(index);
      await answer.and(complete).waitFor({ timeout: 120_000 });
      return answer;
    };

    // Only "lantern" of the question is in the manual: every source is weak, and the answer says so first.
    const weak = await send('Can airline crews confiscate a lantern?', 0);
    await weak.getByTestId('weak-evidence').waitFor();
    const weakBands = await weak.getByTestId('source-band').allInnerTexts();
    assert.ok(weakBands.length > 0 && weakBands.every((band) => band === 'Weak'), weakBands.join(', '));
    await page.screenshot({ path: join(SHOTS, 'weak-evidence.png'), fullPage: true });

    // Most of the question's words in one passage: that source is strong, and no warning is shown.
    const strong = await send('How long to charge the lantern with the blue cable?', 1);
    await strong.locator('[data-testid="source-chip"][data-band="strong"]').first().waitFor();
    assert.equal(await strong.getByTestId('weak-evidence').count(), 0);

    // Settings: the forged reranker, and a threshold no forged score reaches.
    await page.getByTestId('settings-button').click();
    await page.getByTestId('settings-reranker-model').selectOption(rankerId);
    await page.getByTestId('settings-min-relevance').fill('0.99');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-dialog').waitFor({ state: 'detached' });
    const saved = await hearth.call('settings.get', {});
    assert.equal(saved.rerankerModelId, rankerId);
    assert.equal(saved.strictMinRelevance, 0.99);

    // With a reranker, strict mode says it refuses below the threshold; the refusal is Hearth's own.
    await chip.click();
    assert.match(await attach.getByTestId('strict-hint').innerText(), /^A reranking model scores each passage/);
    assert.equal(await attach.getByTestId('get-reranker').count(), 0);
    await attach.getByTestId('strict-documents').check();
    await attach.getByTestId('save-attachments').click();
    await attach.waitFor({ state: 'detached' });
    const refusal = await send('Where should the lantern be kept?', 2);
    assert.match(
      await refusal.getByTestId('message-content').innerText(),
      /^The attached documents do not cover this\. The closest passage is 1 \(lantern\.md, \w+\), with a relevance of 0\.\d\d/,
    );
    // Its [1] is a citation like a model's: it opens the closest passage.
    assert.equal(await refusal.locator('[data-testid="citation"][data-n="1"]').count(), 1);
    assert.match(await refusal.getByTestId('message-notice').innerText(), /Written by Hearth/);
    assert.equal(await refusal.locator('.message-model').count(), 0, 'not presented as the model’s answer');
    const closest = refusal.getByTestId('source-chip').first();
    assert.equal(await closest.getAttribute('data-band'), 'weak');
    assert.match((await closest.getAttribute('title')) ?? '', /Weak evidence \(reranker relevance 0\.\d\d\)/);
    await page.screenshot({ path: join(SHOTS, 'strict-refusal.png'), fullPage: true });

    assert.deepEqual(pageErrors, []);
  });
});
