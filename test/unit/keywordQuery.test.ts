import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { keywordQuery } from '../../main/storage/keywordQuery.js';

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
