import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openInBrowser } from '../support/browserSession.js';
import { useForgedModels } from '../support/forgedModels.js';
import { openChatWithAnswer, SHORT_ANSWERS } from '../support/screens.js';

const forged = useForgedModels();

interface Focused {
  /** A short description of the focused element, for the assertion message. */
  what: string;
  /** It, or the element that draws its focus (a custom radio's label), shows a focus ring. */
  ringed: boolean;
  /** Inside the open modal dialog, if any is open. */
  inDialog: boolean | null;
}

/** Presses Tab and describes where focus went. */
async function tab(page: Page, key = 'Tab'): Promise<Focused> {
  await page.keyboard.press(key);
  return page.evaluate(() => {
    interface El {
      tagName: string;
      id: string;
      className: string;
      getAttribute(name: string): string | null;
      textContent: string | null;
      nextElementSibling: El | null;
      parentElement: El | null;
      closest(selector: string): El | null;
    }
    const { document, getComputedStyle } = globalThis as unknown as {
      document: { activeElement: El | null; querySelector(selector: string): El | null };
      getComputedStyle: (element: El) => { outlineStyle: string; outlineWidth: string; boxShadow: string };
    };
    const element = document.activeElement;
    if (!element) return { what: 'nothing', ringed: false, inDialog: null };
    // No named functions in here: the test runner's transpiler would wrap them in a helper the page lacks.
    let ringed = false;
    for (const candidate of [element, element.nextElementSibling, element.parentElement]) {
      if (!candidate) continue;
      const style = getComputedStyle(candidate);
      if ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none')
        ringed = true;
    }
    const dialog = document.querySelector('dialog[open]');
    return {
      what: `${element.tagName.toLowerCase()}#${element.id}.${element.className} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}" [${element.getAttribute('data-testid') ?? ''}]`,
      ringed,
      inDialog: dialog ? element.closest('dialog[open]') !== null : null,
    };
  });
}

describe('keyboard only', () => {
  test('every stop of the Tab order shows focus; dialogs keep focus inside, close on Esc and give it back', async () => {
    const { page, modelId, pageErrors } = await openInBrowser(forged.paths.rwkv6, SHORT_ANSWERS);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('empty-state').first().waitFor();
    await openChatWithAnswer(page, modelId);

    // The page: Tab through every stop (until the order comes round again); each shows a ring.
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    const unringed: string[] = [];
    const seen = new Set<string>();
    for (let stops = 0; stops < 200; stops += 1) {
      const focused = await tab(page);
      // Past the last stop focus leaves the page for the browser's own controls (the body is active).
      if (focused.what.startsWith('body')) continue;
      if (seen.has(focused.what)) break;
      seen.add(focused.what);
      if (!focused.ringed) unringed.push(focused.what);
    }
    assert.ok(seen.size >= 8, `only ${seen.size} Tab stops: ${[...seen].join(', ')}`);
    assert.ok(
      [...seen].some((what) => what.includes('composer-input')),
      'the composer is reachable by Tab',
    );

    // A dialog opened from the keyboard keeps focus inside, closes on Esc, and gives focus back.
    await page.getByTestId('settings-button').focus();
    await page.keyboard.press('Enter');
    await page.locator('dialog[open]').waitFor();
    for (let stops = 0; stops < 60; stops += 1) {
      const focused = await tab(page);
      assert.equal(focused.inDialog, true, `Tab left the dialog: ${focused.what}`);
      if (!focused.ringed) unringed.push(`(settings) ${focused.what}`);
    }
    const back = await tab(page, 'Shift+Tab');
    assert.equal(back.inDialog, true, `Shift+Tab left the dialog: ${back.what}`);
    await page.keyboard.press('Escape');
    await page.locator('dialog[open]').waitFor({ state: 'detached' });
    assert.equal(
      await page
        .getByTestId('settings-button')
        .evaluate(
          (el) => el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
        ),
      true,
      'focus went back to the Settings button',
    );

    assert.deepEqual([...new Set(unringed)], [], 'focused without a visible ring');
    assert.deepEqual(pageErrors, []);
  });
});
