import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  AppError,
  ArchiveExportSchema,
  type Citation,
  type ConversationExport,
  ConversationExportSchema,
  EXPORT_MAX_BYTES,
  type ExportedMessage,
  IMPORT_PART_MAX_CHARS,
} from '../../contract/index.js';
import { ArchiveExporter } from '../../main/exchange/ArchiveExporter.js';
import { ConversationExporter } from '../../main/exchange/ConversationExporter.js';
import { ConversationImporter } from '../../main/exchange/ConversationImporter.js';
import { ImportUploads } from '../../main/exchange/ImportUploads.js';
import { MAX_JSON_CONTAINERS, MAX_JSON_VALUES, withinJsonValueBudget } from '../../main/exchange/jsonValueBudget.js';
import { ConversationStore } from '../../main/storage/ConversationStore.js';
import { type Db, openDatabase } from '../../main/storage/openDatabase.js';
import { splitForUpload } from '../../renderer/src/session/splitForUpload.js';
import { tempDir } from '../support/tempDir.js';

const MODEL = 'family/forged-model.gguf';

function open() {
  let clock = 1_700_000_000_000;
  const db = openDatabase(join(tempDir(), 'exchange.sqlite'));
  const store = new ConversationStore(db, () => (clock += 1000));
  const exporter = new ConversationExporter({
    conversations: store,
    documentName: () => null,
    appVersion: '9.9.9',
    now: () => clock,
  });
  return { db, store, exporter, importer: new ConversationImporter(store) };
}

const citation = (n: number, page: number | null): Citation => ({
  n,
  chunkId: 40 + n,
  documentId: '5f0c1a52-3c1e-4d5e-9d55-1a2b3c4d5e6f',
  fileName: 'lantern manual.pdf',
  page,
  headingPath: ['Care', 'Charging'],
  startOffset: 100 * n,
  endOffset: 100 * n + 80,
  relevance: 0.5 + n / 10,
  band: 'strong',
});

const done = (content: string, source: 'reread' | 'state' = 'reread') => ({
  content,
  status: 'complete' as const,
  stopReason: 'end_of_turn' as const,
  detail: null,
  stats: { promptTokens: 30, completionTokens: 12, timeToFirstTokenMs: 40, tokensPerSecond: 20.5 },
  context: { source, tokens: 30, ms: 12.5, rejected: source === 'reread' ? 'the model file changed' : null },
});

/**
 * A conversation with everything a file carries: sampling, a system prompt, an answer over
 * documents with citations and the question as the model saw it, a regenerated answer (a branch),
 * an edited first question (a second root), an interrupted answer, and the active branch in the
 * middle of the tree rather than at its newest message.
 */
function richConversation(store: ConversationStore): string {
  const c = store.create({ title: 'Lantern care: “charging” / storage?', modelId: MODEL, systemPrompt: 'Be brief.' });
  store.update(c.id, { sampling: { temperature: 0.2, topP: 0.9, maxTokens: 256, seed: 7 } });
  const first = store.appendExchange(c.id, null, 'How do I charge the lantern?', MODEL);
  store.setRetrieval(
    first.user.id,
    'How do I charge the lantern?\n\n[1] Charge it for four hours.',
    first.assistant.id,
    [citation(1, 3), citation(2, null)],
  );
  store.finish(first.assistant.id, done('With the blue cable [1], for four hours [2].'));
  const second = store.appendExchange(c.id, first.assistant.id, 'And storage?', MODEL);
  store.finish(second.assistant.id, done('Below thirty degrees.', 'state'));
  const again = store.appendAnswer(c.id, second.user.id, MODEL);
  store.finish(again.id, {
    ...done('Somewhere cool'),
    status: 'interrupted',
    stopReason: 'user_stopped',
    detail: 'Stopped by you.',
  });
  const edited = store.appendExchange(c.id, null, '如何给灯充电？', MODEL);
  store.finish(edited.assistant.id, done('用蓝色的线。'));
  assert.ok(store.selectBranch(c.id, second.assistant.id));
  return c.id;
}

function counts(db: Db): { conversations: number; messages: number } {
  const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { conversations: count('conversations'), messages: count('messages') };
}

/** What must be the same after a round trip: all but the export's time and the conversation's last update. */
function comparable(file: ConversationExport): unknown {
  const { exportedAt: _exportedAt, conversation, ...rest } = file;
  const { updatedAt: _updatedAt, ...kept } = conversation;
  return { ...rest, conversation: kept };
}

function minimalFile(
  messages: Partial<ExportedMessage>[],
  branch: 'active' | 'tree' = 'tree',
): Record<string, unknown> {
  const full = messages.map((message, index) => ({
    id: `m${index + 1}`,
    parentId: index === 0 ? null : `m${index}`,
    role: index % 2 === 0 ? 'user' : 'assistant',
    content: `message ${index + 1}`,
    createdAt: 1000 + index,
    status: 'complete',
    stopReason: null,
    detail: null,
    model: null,
    stats: null,
    context: null,
    citations: [],
    modelContent: null,
    ...message,
  }));
  return {
    format: 'hearth.conversation',
    version: 1,
    exportedAt: 2000,
    app: { name: 'Hearth', version: '1.0.0' },
    branch,
    activeLeafId: full.at(-1)?.id ?? null,
    statesIncluded: false,
    statesNote: 'not included',
    conversation: {
      title: 'Imported',
      createdAt: 1000,
      updatedAt: 2000,
      model: null,
      systemPrompt: '',
      sampling: null,
      documents: { names: [], strict: false },
    },
    messages: full,
  };
}

describe('conversation export', () => {
  test('the schema accepts what export writes: the active branch and the whole tree, with citations', () => {
    const { store, exporter } = open();
    const id = richConversation(store);

    const branch = ConversationExportSchema.parse(JSON.parse(exporter.json(id, 'branch').content));
    assert.equal(branch.branch, 'active');
    assert.deepEqual(
      branch.messages.map((m) => m.content),
      store.activeBranch(id).map((m) => m.content),
      'the branch shown, root first',
    );
    assert.equal(branch.activeLeafId, branch.messages.at(-1)?.id);
    assert.equal(branch.statesIncluded, false);
    assert.match(branch.statesNote, /Saved states are not included/);
    assert.deepEqual(branch.conversation.model, { id: MODEL, fileName: 'forged-model.gguf' });
    assert.deepEqual(branch.conversation.sampling, { temperature: 0.2, topP: 0.9, maxTokens: 256, seed: 7 });
    assert.equal(branch.app.version, '9.9.9');
    const [question, answer] = branch.messages;
    assert.match(question?.modelContent ?? '', /\[1\] Charge it for four hours/);
    assert.deepEqual(answer?.citations, [citation(1, 3), citation(2, null)]);
    assert.deepEqual(answer?.context, { source: 'reread', tokens: 30, ms: 12.5, rejected: 'the model file changed' });
    assert.equal(answer?.stats?.completionTokens, 12);

    const tree = ConversationExportSchema.parse(JSON.parse(exporter.json(id, 'tree').content));
    assert.equal(tree.branch, 'tree');
    assert.equal(tree.messages.length, 7);
    assert.equal(
      tree.messages.filter((m) => m.parentId === null).length,
      2,
      'the edited first question is a second root',
    );
    const leaf = tree.messages.find((m) => m.id === tree.activeLeafId);
    assert.equal(leaf?.content, 'Below thirty degrees.', 'the active branch is kept, not the newest message');
    assert.equal(tree.messages.find((m) => m.content === 'Somewhere cool')?.status, 'interrupted');
  });

  test('Markdown: title, model, date, role headings, sources as a list, and the saved-states line', () => {
    const { store, exporter } = open();
    const id = richConversation(store);
    const file = exporter.markdown(id, 'branch', 'en');
    assert.equal(file.mimeType, 'text/markdown');
    assert.equal(file.fileName, 'Lantern care- “charging” - storage.md');
    const text = file.content;
    assert.match(text, /^# Lantern care: “charging” \/ storage\?\n/);
    assert.match(text, /^- Model: forged-model$/m);
    assert.match(text, /^- Exported: .*2023/m);
    assert.match(text, /^> Saved states are not included/m);
    assert.match(text, /^### You\n\nHow do I charge the lantern\?$/m);
    assert.match(text, /^### Assistant · forged-model\n\nWith the blue cable \[1\]/m);
    assert.match(text, /^- \\\[1\\\] lantern manual\.pdf, page 3, Care › Charging$/m);
    assert.match(text, /^- \\\[2\\\] lantern manual\.pdf, Care › Charging$/m);
    assert.doesNotMatch(text, /Somewhere cool/, 'another branch is not in a branch export');

    const tree = exporter.markdown(id, 'tree', 'zh-CN').content;
    assert.match(tree, /^### #3 · 你\n/m);
    assert.match(
      tree,
      /^### #5 · 助手 · forged-model \(回复 #3\)$/m,
      'a reply that starts a branch names its question',
    );
    assert.match(tree, /已中断：Stopped by you\./);
    assert.match(tree, /不包含已保存的状态/);
  });

  test('an import of an export round-trips: the same file again, the tree and the active branch kept', () => {
    const { store, exporter, importer } = open();
    const id = richConversation(store);
    for (const scope of ['branch', 'tree'] as const) {
      const first = JSON.parse(exporter.json(id, scope).content) as ConversationExport;
      const imported = importer.import(JSON.stringify(first));
      assert.notEqual(imported.id, id);
      const again = JSON.parse(exporter.json(imported.id, scope).content) as ConversationExport;
      assert.deepEqual(comparable(again), comparable(first), `${scope}: export(import(export(x))) = export(x)`);
      assert.deepEqual(
        store.activeBranch(imported.id).map((m) => [m.role, m.content, m.sources]),
        store.activeBranch(id).map((m) => [m.role, m.content, m.sources]),
        `${scope}: the imported conversation shows the same branch`,
      );
      assert.ok(store.activeBranch(imported.id).every((m) => m.conversationId === imported.id));
    }
    assert.equal(store.list().conversations[0]?.title, 'Lantern care: “charging” / storage?');
    assert.equal(store.list().conversations.length, 3);
  });

  test('the archive holds every conversation as a whole-tree export', () => {
    const { store, exporter } = open();
    const id = richConversation(store);
    const empty = store.create({ modelId: null, systemPrompt: '' });
    const archive = new ArchiveExporter({ conversations: store, exporter, appVersion: '9.9.9' });
    const file = archive.json();
    assert.match(file.fileName, /^hearth-conversations-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = ArchiveExportSchema.parse(JSON.parse(file.content));
    assert.deepEqual(
      parsed.conversations.map((c) => [c.conversation.title, c.messages.length, c.branch]),
      [
        [empty.title, 0, 'tree'],
        [store.get(id)?.title, 7, 'tree'],
      ],
    );
  });
});

describe('conversation import refuses bad files and changes nothing', () => {
  const valid = () => minimalFile([{}, {}, {}, {}]);
  const cases: { name: string; content: () => string; error: RegExp }[] = [
    {
      name: 'not JSON',
      content: () => '{"format": "hearth.conversation",',
      error: /not a Hearth conversation export: it is not JSON/,
    },
    {
      name: 'JSON but not an object',
      content: () => '[1, 2, 3]',
      error: /^This file is not a Hearth conversation export\.$/,
    },
    {
      name: 'another format',
      content: () => JSON.stringify({ ...valid(), format: 'chatgpt' }),
      error: /^This file is not a Hearth conversation export\.$/,
    },
    {
      name: 'an archive',
      content: () => JSON.stringify({ format: 'hearth.archive', version: 1 }),
      error: /archive of all conversations/,
    },
    {
      name: 'a newer version',
      content: () => JSON.stringify({ ...valid(), version: 2 }),
      error: /made by a newer Hearth \(format version 2\); this Hearth reads versions up to 1/,
    },
    {
      name: 'a cycle',
      content: () => JSON.stringify(minimalFile([{ parentId: 'm2' }, { parentId: 'm1' }])),
      error: /Message m1 points to a missing parent \(m2\)/,
    },
    {
      name: 'a dangling parent',
      content: () => JSON.stringify(minimalFile([{}, {}, { parentId: 'm99', role: 'user' }])),
      error: /Message m3 points to a missing parent \(m99\)/,
    },
    {
      name: 'two roots in one branch',
      content: () => JSON.stringify(minimalFile([{}, {}, { parentId: null }], 'active')),
      error: /holds one branch, but 2 messages start it/,
    },
    {
      name: 'a branch that is not a chain',
      content: () => JSON.stringify(minimalFile([{}, {}, { parentId: 'm1', role: 'assistant' }], 'active')),
      error: /Message m3 does not follow the message before it/,
    },
    {
      name: 'an answer to an answer',
      content: () => JSON.stringify(minimalFile([{}, {}, { role: 'assistant' }])),
      error: /Message m3 replies to message m2, which has the same role/,
    },
    {
      name: 'an answer first',
      content: () => JSON.stringify(minimalFile([{ role: 'assistant' }])),
      error: /Message m1 starts the conversation but is not a question/,
    },
    {
      name: 'a repeated id',
      content: () => JSON.stringify(minimalFile([{}, {}, { id: 'm1' }])),
      error: /Message m1 appears twice/,
    },
    {
      name: 'an active leaf that is not there',
      content: () => JSON.stringify({ ...minimalFile([{}, {}]), activeLeafId: 'm7' }),
      error: /ends at message m7, which is not in the file/,
    },
    {
      name: 'a huge message',
      content: () => JSON.stringify(minimalFile([{}, { content: 'x'.repeat(1_000_001) }])),
      error: /damaged or was changed by hand: messages\.1\.content: Too big/,
    },
    {
      name: '100,000 messages',
      content: () => JSON.stringify(minimalFile(Array.from({ length: 100_000 }, () => ({})))),
      error: /messages: at most 20000 messages/,
    },
    {
      name: 'a file over the size limit',
      content: () => JSON.stringify({ ...valid(), padding: ' '.repeat(EXPORT_MAX_BYTES) }),
      error: /This file is 65 MB; Hearth imports conversation files up to 64 MB/,
    },
    {
      name: 'millions of empty objects within the size limit',
      content: () =>
        JSON.stringify({ ...valid(), flood: [] }).replace('"flood":[]', `"flood":[${'{},'.repeat(2_000_000)}{}]`),
      error: /holds far more items than an export of its size can/,
    },
    {
      name: 'millions of numbers within the size limit',
      content: () =>
        JSON.stringify({ ...valid(), flood: [] }).replace('"flood":[]', `"flood":[${'0,'.repeat(8_000_000)}0]`),
      error: /holds far more items than an export of its size can/,
    },
    {
      name: '__proto__ at the top',
      content: () => JSON.stringify(valid()).replace(/^\{/, '{"__proto__": {"polluted": true},'),
      error: /Unrecognized key: "__proto__"/,
    },
    {
      name: '__proto__ in a message',
      content: () =>
        JSON.stringify(valid()).replace(
          '"id":"m2"',
          '"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "id":"m2"',
        ),
      error: /messages\.1: Unrecognized keys: "__proto__", "constructor"/,
    },
    {
      name: 'nesting 100,000 deep',
      content: () =>
        `{"format":"hearth.conversation","version":1,"messages":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      error: /not a Hearth conversation export|damaged or was changed by hand/,
    },
    {
      name: 'a wrong type in the conversation',
      content: () =>
        JSON.stringify({
          ...valid(),
          conversation: { ...(valid().conversation as object), sampling: { temperature: 9 } },
        }),
      error: /conversation\.sampling/,
    },
  ];

  for (const { name, content, error } of cases) {
    test(name, () => {
      const { db, store, importer } = open();
      richConversation(store);
      const before = counts(db);
      assert.throws(
        () => importer.import(content()),
        (thrown: unknown) => {
          assert.ok(thrown instanceof AppError, `an AppError, not ${String(thrown)}`);
          assert.equal(thrown.code, 'invalid_input');
          assert.match(thrown.message, error);
          assert.match(thrown.text?.key ?? '', /^exchange:error/, 'translated in the exchange namespace');
          return true;
        },
      );
      assert.deepEqual(counts(db), before, 'nothing was written');
      assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype was touched');
    });
  }

  test('the minimal valid file is accepted (the cases above differ from it in one thing each)', () => {
    const { db, importer } = open();
    const imported = importer.import(JSON.stringify(minimalFile([{}, {}, {}, {}])));
    assert.equal(imported.title, 'Imported');
    assert.deepEqual(counts(db), { conversations: 1, messages: 4 });
  });

  test('a failure while writing rolls the whole import back', () => {
    const { db, store, importer } = open();
    richConversation(store);
    const before = counts(db);
    // The database refuses the last message: everything written before it in the import must go too.
    db.exec(
      `CREATE TEMP TRIGGER refuse_boom BEFORE INSERT ON messages WHEN NEW.content = 'boom'
       BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
    );
    assert.throws(
      () => importer.import(JSON.stringify(minimalFile([{}, {}, {}, { content: 'boom' }]))),
      /refused by the test/,
    );
    assert.deepEqual(counts(db), before);
  });
});

describe('import uploads in parts', () => {
  test('parts in order make the file; out of order or over the limit end the upload', () => {
    const uploads = new ImportUploads();
    const id = crypto.randomUUID();
    uploads.append(id, 0, 'ab');
    assert.equal(uploads.append(id, 1, 'cé'), 5);
    assert.equal(uploads.finish(id, 'd'), 'abcéd');
    assert.throws(() => uploads.finish(id, ''), /The import was interrupted/, 'an upload is finished once');

    const skipped = crypto.randomUUID();
    uploads.append(skipped, 0, 'a');
    assert.throws(() => uploads.append(skipped, 2, 'c'), /interrupted/);
    assert.throws(() => uploads.append(skipped, 1, 'b'), /interrupted/, 'the broken upload is gone');

    const big = crypto.randomUUID();
    const part = 'x'.repeat(16 * 1024 * 1024);
    for (let index = 0; index < 4; index++) uploads.append(big, index, part);
    assert.throws(() => uploads.append(big, 4, 'x'), /up to 64 MB/);
  });

  test('at most four uploads at once; abandoned ones are dropped', () => {
    let now = 0;
    const uploads = new ImportUploads(() => now);
    for (let index = 0; index < 4; index++) uploads.append(`u${index}`, 0, 'x');
    assert.throws(() => uploads.append('u4', 0, 'x'), /Several imports are already under way/);
    now += 10 * 60_000;
    assert.equal(uploads.append('u4', 0, 'x'), 1);
  });
});

describe('the value budget scanned before parsing', () => {
  test('counts only outside strings, and a real export stays far below it', () => {
    assert.equal(withinJsonValueBudget('{"a": "{{{,,,[[["}', { containers: 1, values: 2 }), true);
    assert.equal(
      withinJsonValueBudget('{"a": "\\"", "b": [1]}', { containers: 1, values: 10 }),
      false,
      'an escaped quote does not end the string; the one after it does',
    );
    assert.equal(withinJsonValueBudget('[1,2,3]', { containers: 5, values: 3 }), false);
    const { store, exporter } = open();
    const id = richConversation(store);
    const content = exporter.json(id, 'tree').content;
    // Scaled to 64 MB, this export's density of objects and values stays under the budgets.
    const scale = EXPORT_MAX_BYTES / Buffer.byteLength(content);
    const containers = (content.match(/[{[]/g) ?? []).length;
    const values = containers + (content.match(/,/g) ?? []).length;
    assert.ok(containers * scale < MAX_JSON_CONTAINERS, `${containers * scale} objects and arrays`);
    assert.ok(values * scale < MAX_JSON_VALUES, `${values * scale} values`);
  });
});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('the renderer splits a file for upload', () => {
  test('parts of at most the limit, joined back exactly, never cutting a surrogate pair', () => {
    const text = 'a🔥'.repeat(10);
    for (const size of [1, 2, 3, 4, 7]) {
      const parts = splitForUpload(text, Math.max(size, 2));
      assert.equal(parts.join(''), text);
      for (const part of parts) {
        assert.ok(part.length <= Math.max(size, 2));
        assert.ok(part.length > 0);
        assert.doesNotMatch(part, LONE_SURROGATE, `size ${size}: a character cut in two in ${JSON.stringify(part)}`);
      }
    }
    assert.deepEqual(splitForUpload(''), [''], 'an empty file is one empty part');
    assert.equal(splitForUpload('x'.repeat(IMPORT_PART_MAX_CHARS + 1)).length, 2);
  });
});
