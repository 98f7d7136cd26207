import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DocumentStore } from '../../main/storage/DocumentStore.js';
import { indexTerm, informativeAny, keywordQuery } from '../../main/storage/keywordQuery.js';
import { openDatabase } from '../../main/storage/openDatabase.js';
import { tempDir } from '../support/tempDir.js';

describe('a question as keyword queries', () => {
  test('function words are dropped; all content words first, any of them as the fallback', () => {
    const query = keywordQuery('How do I stop a service from starting at boot?');
    assert.deepEqual(query?.words, ['stop', 'service', 'starting', 'boot']);
    assert.equal(query?.all, '"stop" AND "service" AND "starting" AND "boot"');
    assert.equal(query?.any, '"stop" OR "service" OR "starting" OR "boot"');
  });

  test('words that carry meaning stay; duplicates and case fold', () => {
    assert.deepEqual(keywordQuery('Which files must NOT be in /usr? Not /usr/local')?.words, [
      'files',
      'not',
      'usr',
      'local',
    ]);
  });

  test('FTS5 syntax in a question is quoted, never an operator', () => {
    const query = keywordQuery('AND OR NEAR("x" "y") col:value *');
    assert.equal(query?.all, '"near" AND "x" AND "y" AND "col" AND "value"');
  });

  test('a question of function words only searches for them; no word at all is no query', () => {
    assert.deepEqual(keywordQuery('What is this?')?.words, ['what', 'is', 'this']);
    assert.equal(keywordQuery('Boot?')?.any, null);
    assert.equal(keywordQuery('?! …'), null);
  });
});

describe('the fallback without words most passages hold', () => {
  const query = keywordQuery('Where are the lock files stored?')!;
  const holding = (counts: Record<string, number>) => (terms: readonly string[]) =>
    new Map(terms.flatMap((term) => (counts[term] === undefined ? [] : [[term, counts[term]] as const])));

  test('a word in half the passages or more is left out; none or all left out is no change', () => {
    assert.deepEqual(query.words, ['lock', 'files', 'stored']);
    assert.equal(informativeAny(query, 1000, holding({ lock: 20, file: 500, store: 40 })), '"lock" OR "stored"');
    assert.equal(informativeAny(query, 1000, holding({ lock: 20, file: 499, store: 40 })), null);
    assert.equal(informativeAny(query, 1000, holding({ lock: 700, file: 900, store: 600 })), null);
    assert.equal(informativeAny(keywordQuery('files')!, 10, holding({ file: 10 })), null);
  });

  test("words become the index's terms: lower case, no diacritics, Porter's stems", () => {
    assert.deepEqual(['Files', 'directory', 'configuration', 'Être', 'reboots'].map(indexTerm), [
      'file',
      'directori',
      'configur',
      'etr',
      'reboot',
    ]);
  });

  test('too few passages without the common word: the full fallback fills the list', () => {
    const db = openDatabase(join(tempDir(), 'hearth.sqlite'));
    after(() => db.close());
    const store = new DocumentStore(db);
    store.add({
      id: 'd',
      collectionId: null,
      path: '/test/d',
      fileName: 'd.txt',
      sizeBytes: 0,
      contentHash: 'd',
      chunkChars: 1200,
      chunkOverlap: 150,
    });
    const texts = [
      'The lock is stored here.',
      'A lock for the gate.',
      ...Array.from({ length: 10 }, (_, i) => `Files of kind ${i} are kept in a folder.`),
    ];
    store.addChunks(
      'd',
      texts.map((text, ordinal) => ({
        ordinal,
        text,
        startOffset: 0,
        endOffset: text.length,
        page: null,
        headingPath: [],
      })),
    );
    store.setStatus('d', 'indexed');
    // "files" is in 10 of 12 passages: left out first, but "lock" and "stored" alone find 2.
    const hits = store.search('Where are the lock files stored?', 5);
    assert.deepEqual(
      hits.slice(0, 2).map((hit) => hit.text),
      ['The lock is stored here.', 'A lock for the gate.'],
    );
    assert.equal(hits.length, 5, 'passages with "files" fill the rest, as before');
    assert.deepEqual(
      store.search('Where is the lock stored?', 5).map((hit) => hit.text),
      ['The lock is stored here.', 'A lock for the gate.'],
    );
  });
});
