import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { remoteModelId } from '../../contract/index.js';
import { freePort } from '../support/apiServer.js';
import { openInBrowser } from '../support/browserSession.js';
import { useForgedModels } from '../support/forgedModels.js';

const forged = useForgedModels();
const SHOTS = join(process.cwd(), 'test-results');

describe('local server and remote engines in the browser (web host, real engine, headless Chromium)', () => {
  test('serve the API, make a key, add this Hearth as its own remote engine, chat on its model', async () => {
    const { hearth, page, modelId, pageErrors } = await openInBrowser(forged.paths.rwkv6, {
      threads: 1,
      contextSize: 2048,
      defaultSampling: { temperature: 0, topP: 1, maxTokens: 16, seed: 1 },
    });
    await page.getByTestId('empty-state').first().waitFor();
    // Tall enough that each Settings section fits in its screenshot.
    await page.setViewportSize({ width: 1280, height: 1800 });
    await page.getByTestId('settings-button').click();
    const dialog = page.getByTestId('settings-dialog');
    const server = dialog.getByTestId('server-section');

    // Off by default; turned on at the port typed in the field.
    await server.locator('[data-testid="server-status"][data-state="off"]').waitFor();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/v1`;
    await server.getByTestId('server-port').fill(String(port));
    // A click, not check(): the switch shows main's state, which comes back after the click.
    await server.getByTestId('server-enabled').click();
    await server.locator('[data-testid="server-status"][data-state="running"]').waitFor();
    assert.equal(await server.getByTestId('server-url').innerText(), url);
    assert.equal((await hearth.call('server.status', {})).url, url, 'main serves where the page says');
    // Serving on the network needs a key first.
    assert.equal(await server.getByTestId('server-lan-toggle').isDisabled(), true);

    // A key: shown once in full, then listed by its first characters only.
    await server.getByTestId('api-keys-empty').waitFor();
    await server.getByTestId('api-key-name').fill('Browser test');
    await server.getByTestId('api-key-create').click();
    const key = (await server.getByTestId('new-api-key-value').innerText()).trim();
    assert.match(key, /^\S{16,}$/);
    assert.match(await server.getByTestId('new-api-key').innerText(), /you will not see it again/);
    const listedKey = server.getByTestId('api-key');
    await listedKey.waitFor();
    const prefix = (await listedKey.getByTestId('api-key-prefix').innerText()).replace(/…$/, '');
    assert.ok(prefix.length > 0 && prefix.length < key.length && key.startsWith(prefix), `prefix ${prefix}`);
    assert.ok(!(await listedKey.innerText()).includes(key), 'the list does not show the key');
    await server.getByTestId('new-api-key-done').click();
    await server.getByTestId('new-api-key').waitFor({ state: 'detached' });
    assert.ok(!(await dialog.innerText()).includes(key), 'the key is not shown again');
    assert.equal(
      await server.getByTestId('server-lan-toggle').isDisabled(),
      false,
      'with a key, the LAN may be asked for',
    );

    // A wrong key: the server's refusal stays beside the form, and nothing is added.
    const engines = dialog.getByTestId('remote-engines-section');
    await engines.getByTestId('remote-engines-empty').waitFor();
    await engines.getByTestId('remote-preset').selectOption('custom');
    await engines.getByTestId('remote-name').fill('Workstation');
    await engines.getByTestId('remote-url').fill(url);
    await engines.getByTestId('remote-key').fill('hearth-sk-wrong');
    await engines.getByTestId('remote-add').click();
    const addError = engines.getByTestId('remote-add-error');
    await addError.waitFor();
    assert.match(await addError.innerText(), /refused the API key/);
    assert.equal(await engines.getByTestId('remote-engine').count(), 0);
    assert.equal(await engines.getByTestId('remote-engines-empty').count(), 1);
    assert.deepEqual(await hearth.call('engines.list', {}), []);
    assert.equal(await engines.getByTestId('remote-name').inputValue(), 'Workstation', 'what was typed is kept');
    // The refused request reached the activity list live, through main's server.changed event.
    await server.locator('[data-testid="server-request"][data-status="401"]').first().waitFor();

    // The right key: added, with the model this Hearth serves.
    await engines.getByTestId('remote-key').fill(key);
    await engines.getByTestId('remote-add').click();
    const engineItem = engines.getByTestId('remote-engine');
    await engineItem.waitFor();
    assert.equal(await addError.count(), 0, 'the old error is gone');
    await engineItem.getByTestId('remote-engine-models').getByText(modelId, { exact: true }).waitFor();
    assert.match(await engineItem.innerText(), /Workstation[\s\S]*key stored/);
    assert.match(await engineItem.innerText(), new RegExp(url.replace(/[./]/g, '\\$&')));
    const [engine] = await hearth.call('engines.list', {});
    assert.ok(engine);
    assert.equal(engine.hasKey, true);
    mkdirSync(SHOTS, { recursive: true });
    await engines.screenshot({ path: join(SHOTS, 'remote-engines-settings.png') });
    await server.screenshot({ path: join(SHOTS, 'local-server-settings.png') });
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // The remote model, in its engine's group of the picker.
    await page.getByTestId('new-conversation').click();
    await page.getByTestId('conversation-item').first().waitFor();
    const remoteId = remoteModelId(engine.id, modelId);
    const group = page.locator('[data-testid="model-picker"] optgroup[label="On Workstation (remote)"]');
    assert.equal(await group.locator('option').getAttribute('value'), remoteId);
    await page.getByTestId('model-picker').selectOption(remoteId);
    const notice = page.getByTestId('remote-notice');
    await notice.waitFor();
    assert.equal(
      (await notice.innerText()).trim(),
      `Messages in this conversation go to Workstation (127.0.0.1:${port}): the text leaves this PC.`,
    );
    await page.getByTestId('remote-model-status').waitFor();
    assert.match(await page.getByTestId('empty-state').innerText(), /on Workstation/);
    assert.doesNotMatch(await page.getByTestId('empty-state').innerText(), /here on this computer/);

    await page.getByTestId('composer-input').fill('Hello over the network');
    await page.getByTestId('composer-input').press('Enter');
    const answer = page.locator('[data-testid="message"][data-role="assistant"][data-status="complete"]');
    await answer.waitFor();
    const label = answer.getByTestId('message-model');
    assert.equal(await label.getAttribute('data-remote'), 'true');
    assert.match(await label.innerText(), new RegExp(`^${modelId.replace(/\./g, '\\.')} on Workstation\\s*remote$`));
    assert.ok((await answer.getByTestId('message-content').innerText()).trim().length > 0, 'the answer has text');
    assert.equal(await notice.count(), 1, 'the notice stays while the conversation is open');

    // Main agrees: the answer came through the API, streamed, and says which machine wrote it.
    const [conversation] = (await hearth.call('conversations.list', {})).conversations;
    assert.ok(conversation);
    const stored = (await hearth.call('conversations.get', { conversationId: conversation.id })).messages.at(-1);
    assert.equal(stored?.status, 'complete', stored?.detail ?? '');
    assert.equal(stored?.modelId, remoteId);
    const deltas = hearth.emitted.filter(
      (entry) => entry.event === 'chat.delta' && (entry.payload as { messageId: string }).messageId === stored?.id,
    );
    assert.ok(deltas.length >= 1, 'the answer streamed');
    await page.screenshot({ path: join(SHOTS, 'remote-answer.png') });

    // Settings shows the request it served for that answer, with the key's name.
    await page.getByTestId('settings-button').click();
    const served = page
      .getByTestId('server-recent')
      .locator('[data-testid="server-request"]', { hasText: '/v1/chat/completions' })
      .first();
    await served.waitFor();
    assert.match(await served.innerText(), /200[\s\S]*Browser test/);
    await page.getByTestId('server-activity').screenshot({ path: join(SHOTS, 'local-server-activity.png') });

    // The local network: asked for in a second step that says what it means, then served.
    const lan = page.getByTestId('server-lan');
    await lan.getByTestId('server-lan-toggle').check();
    assert.match(await lan.getByTestId('server-lan-confirm').innerText(), /Other devices on your network/);
    assert.equal((await hearth.call('server.status', {})).settings.host, '127.0.0.1', 'nothing changed before Confirm');
    await lan.getByTestId('server-lan-confirm-button').click();
    await lan.getByTestId('server-lan-confirm').waitFor({ state: 'detached' });
    await page.locator('[data-testid="server-status"][data-state="running"]').waitFor();
    assert.equal((await hearth.call('server.status', {})).settings.host, '0.0.0.0');
    assert.equal(await lan.getByTestId('server-lan-toggle').isChecked(), true);
    assert.deepEqual(pageErrors, [], 'the page logged no errors (CSP included)');
  });
});
