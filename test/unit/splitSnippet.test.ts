import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { splitSnippet } from '../../renderer/src/format/splitSnippet.js';

const parts = (text: string, matches: [number, number][]) =>
  splitSnippet({ text, matches })
    .map((part) => (part.matched ? `[${part.text}]` : part.text))
    .join('');

describe('search snippets split into plain and matched runs', () => {
  test('matches anywhere: start, middle, end, and Chinese text', () => {
    assert.equal(parts('light the fireplace', [[10, 19]]), 'light the [fireplace]');
    assert.equal(
      parts('fire and more fire', [
        [0, 4],
        [14, 18],
      ]),
      '[fire] and more [fire]',
    );
    assert.equal(parts('今天北京的天气怎么样？', [[2, 7]]), '今天[北京的天气]怎么样？');
    assert.equal(parts('no match here', []), 'no match here');
  });

  test('ranges that overlap, run backwards or pass the end are clipped, never repeated', () => {
    assert.equal(
      parts('abcdef', [
        [1, 4],
        [2, 5],
      ]),
      'a[bcd][e]f',
    );
    assert.equal(parts('abcdef', [[3, 2]]), 'abcdef');
    assert.equal(parts('abc', [[1, 99]]), 'a[bc]');
    assert.deepEqual(splitSnippet({ text: '', matches: [[0, 1]] }), []);
  });
});
