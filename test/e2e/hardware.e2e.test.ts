import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openInBrowser } from '../support/browserSession.js';
import { useForgedModels } from '../support/forgedModels.js';

const forged = useForgedModels();
const SHOTS = join(process.cwd(), 'test-results');

describe('hardware and the plan in the browser', () => {
  test('Settings shows this machine, the plan with its reasons, and what really runs', async () => {
    const { hearth, page, modelId, pageErrors } = await openInBrowser(forged.paths.mamba, {
      threads: 0,
      contextSize: 1024,
      defaultSampling: { temperature: 0, topP: 1, maxTokens: 8, seed: 1 },
    });
    await page.getByTestId('new-conversation').click();
    await page.getByTestId('model-picker').selectOption(modelId);
    await page.getByTestId('composer-input').fill('Hello');
    await page.getByTestId('composer-input').press('Enter');
    await page.waitForSelector('[data-testid="message"][data-role="assistant"][data-status="complete"]', {
      timeout: 60_000,
    });

    await page.getByTestId('settings-button').click();
    const section = page.getByTestId('hardware-section');
    await section.scrollIntoViewIfNeeded();
    const profile = await hearth.call('hardware.profile', {});
    await page.getByTestId('cpu-brand').waitFor();
    assert.equal(
      (await page.getByTestId('cpu-brand').innerText()).trim(),
      `${profile.cpu.brand} · ${profile.cpu.arch}` +
        (profile.cpu.osBrand === undefined ? '' : ` (the system calls it ${profile.cpu.osBrand})`),
    );
    assert.equal(await page.getByTestId('cpu-feature').count(), profile.cpu.features.length);
    assert.equal(await page.getByTestId('no-npu').count(), profile.npus.length === 0 ? 1 : 0);

    await page.getByTestId('plan-panel').scrollIntoViewIfNeeded();
    await page.getByTestId('plan-reason').first().waitFor();
    const { plan } = await hearth.call('hardware.plan', { modelId });
    assert.equal(await page.getByTestId('plan-reason').count(), plan.reasons.length);
    assert.match(await page.getByTestId('plan-speed').innerText(), /tok\/s/);
    assert.match(await page.getByTestId('loaded-path').innerText(), /cpu/i);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'hardware-settings.png'), fullPage: true });

    // Override the thread count: "Save and reload" persists it and the engine reports it.
    const planned = (await hearth.call('engine.status', {})).loadedModel?.threads;
    const wanted = planned === 2 ? 3 : 2;
    await page.getByTestId('override-threads-auto').uncheck();
    await page.getByTestId('override-threads-value').fill(String(wanted));
    await page.getByTestId('reload-model').click();
    await page
      .getByTestId('loaded-path')
      .filter({ hasText: `${wanted} threads` })
      .waitFor({ timeout: 60_000 });
    assert.equal((await hearth.call('engine.status', {})).loadedModel?.threads, wanted);
    assert.equal((await hearth.call('settings.get', {})).threads, wanted);

    // The override survives a reload of the window.
    await page.reload();
    await page.getByTestId('settings-button').click();
    assert.equal(await page.getByTestId('override-threads-auto').isChecked(), false);
    assert.equal(await page.getByTestId('override-threads-value').inputValue(), String(wanted));
    assert.deepEqual(pageErrors, []);
  });
});
