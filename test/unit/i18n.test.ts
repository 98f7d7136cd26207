/**
 * The language plumbing: which language a system's preferences choose, catalogs that match key
 * for key and value for value, errors that carry their key across the boundary, and main's texts
 * for the model in the UI's language.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  defaultSystemPromptFor,
  en,
  englishText,
  matchLanguage,
  promptText,
  resolveLanguage,
  zhCN,
} from '../../contract/i18n/index.js';
import { AppError, AppErrorSchema } from '../../contract/index.js';
import { groundQuestion } from '../../main/documents/groundQuestion.js';
import { i18n, localizedMessage } from '../../renderer/src/i18n/i18n.js';

type Tree = Record<string, Record<string, string>>;
const english = en as unknown as Tree;
const chinese = zhCN as unknown as Tree;
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe('languages', () => {
  test("the system's first language Hearth speaks wins; every Chinese tag is Simplified Chinese", () => {
    assert.equal(matchLanguage(['zh-CN']), 'zh-CN');
    assert.equal(matchLanguage(['zh-Hans-SG', 'en-US']), 'zh-CN');
    assert.equal(matchLanguage(['zh_TW']), 'zh-CN');
    assert.equal(matchLanguage(['fr-FR', 'en-GB', 'zh-CN']), 'en');
    assert.equal(matchLanguage(['fr-FR', 'de']), 'en');
    assert.equal(matchLanguage([]), 'en');
    assert.equal(resolveLanguage('en', ['zh-CN']), 'en');
    assert.equal(resolveLanguage('system', ['zh']), 'zh-CN');
  });

  test('the Chinese catalogs have exactly the English keys, the same {{values}}, and no text left empty', () => {
    assert.deepEqual(Object.keys(chinese).sort(), Object.keys(english).sort());
    for (const [ns, catalog] of Object.entries(english)) {
      const translated = chinese[ns]!;
      assert.deepEqual(Object.keys(translated).sort(), Object.keys(catalog).sort(), `keys of ${ns}`);
      for (const [key, value] of Object.entries(catalog)) {
        const zh = translated[key]!;
        // Only a separator may be blank (Chinese sets no space between sentences).
        if (value.trim().length > 0) assert.ok(zh.trim().length > 0, `${ns}:${key} is empty in Chinese`);
        const plural = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
        if (plural) {
          // A plural form may leave out the count ("one model"), but may name only values its word has.
          const forms = Object.keys(catalog).filter((other) => other.startsWith(`${plural[1]}_`));
          const known = new Set(forms.flatMap((form) => placeholders(catalog[form]!)));
          for (const name of placeholders(zh)) assert.ok(known.has(name), `${ns}:${key} interpolates {{${name}}}`);
        } else {
          assert.deepEqual(placeholders(zh), placeholders(value), `${ns}:${key} interpolates other values`);
        }
      }
    }
  });
});

describe('texts main writes', () => {
  test('a localized AppError is English for logs and the API, and carries its key to the renderer', () => {
    const error = AppError.localized('forbidden', 'notAFolder', { path: '/tmp/x' });
    assert.equal(error.message, '/tmp/x is not a folder.');
    const value = AppErrorSchema.parse(JSON.parse(JSON.stringify(error.toValue())));
    assert.deepEqual(value.text, { key: 'errors:notAFolder', params: { path: '/tmp/x' } });
    assert.deepEqual(AppError.fromValue(value).toValue(), value);
    assert.equal(englishText('errors', 'notAFolder', { path: 'p' }), 'p is not a folder.');
  });

  test('the renderer shows a keyed message in the UI language, and falls back to the English text', async () => {
    const value = AppError.localized('forbidden', 'notAFolder', { path: '/tmp/x' }).toValue();
    try {
      await i18n.changeLanguage('zh-CN');
      assert.equal(localizedMessage(value), '/tmp/x 不是文件夹。');
      // A key this renderer does not know (a newer main) and a message without a key: the English.
      assert.equal(localizedMessage({ message: 'Plain', text: { key: 'errors:noSuchKey' } }), 'Plain');
      assert.equal(localizedMessage({ message: 'Plain' }), 'Plain');
      await i18n.changeLanguage('en');
      assert.equal(localizedMessage(value), '/tmp/x is not a folder.');
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  test('the built-in system prompt follows the language; one the user wrote is kept', () => {
    const builtIn = en.prompts.defaultSystemPrompt;
    assert.equal(defaultSystemPromptFor(builtIn, 'zh-CN'), zhCN.prompts.defaultSystemPrompt);
    assert.equal(defaultSystemPromptFor(zhCN.prompts.defaultSystemPrompt, 'en'), builtIn);
    assert.equal(defaultSystemPromptFor('Answer like a pirate.', 'zh-CN'), 'Answer like a pirate.');
  });

  test('document grounding and its refusals are written in the UI language', () => {
    const hit = {
      chunkId: 1,
      documentId: 'd',
      fileName: 'manual.pdf',
      page: 3,
      headingPath: ['安装'],
      startOffset: 0,
      endOffset: 10,
      text: '先拧紧螺丝。',
      score: 1,
    };
    const zh = groundQuestion('怎么安装？', [hit] as never, { strict: true, language: 'zh-CN' });
    assert.ok(zh.modelContent.startsWith(promptText('zh-CN', 'groundingIntro')), zh.modelContent);
    assert.match(zh.modelContent, /\[1\] \(manual\.pdf，安装，第 3 页\)/);
    assert.match(zh.modelContent, /问题：怎么安装？$/);
    const english = groundQuestion('How?', [hit] as never, { strict: true });
    assert.match(english.modelContent, /^Answer the question from the numbered sources below\./);
    assert.match(english.modelContent, /\(manual\.pdf, 安装, page 3\)/);
    assert.equal(
      groundQuestion('怎么？', [], { strict: true, language: 'zh-CN' }).refusal,
      zhCN.prompts.notInDocuments,
    );
  });
});
