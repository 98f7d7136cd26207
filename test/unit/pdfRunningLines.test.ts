import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stripRunningLines } from '../../main/documents/extract/pdfRunningLines.js';

const page = (n: number, body: string) => `Acme Pump Manual ${n} / 40\n\n${body}\n\nChapter 2. Setting up\n${n}`;

describe('running headers, footers and contents entries in PDF pages', () => {
  test('a header and footer on every page, and the bare page number, are dropped; the body stays whole', () => {
    const words = ['valves', 'seals', 'pipes', 'gauges', 'filters', 'motors', 'hoses', 'clamps', 'pumps', 'tanks'];
    const bodies = words.map((word) => `Check the ${word} monthly.\nThe Acme Pump Manual says so.`);
    const stripped = stripRunningLines(bodies.map((body, i) => page(i + 1, body)));
    assert.deepEqual(stripped, bodies);
  });

  test('front-matter numbering (roman) folds like digits; a one-off first line stays', () => {
    const pages = [
      'Preface xi\nWhy this book',
      'Preface xii\nWho should read it',
      'Preface xiii\nThanks',
      'Mild weather\nis rare',
    ];
    assert.deepEqual(stripRunningLines(pages), [
      'Why this book',
      'Who should read it',
      'Thanks',
      'Mild weather\nis rare',
    ]);
  });

  test('table-of-contents entries go; a short document keeps a line repeated on only two pages', () => {
    const contents = 'Contents\n1 Setup . . . . . . . . . . 1\n1.1 Unpacking ........ 3\n2 Care . . . . . . . iv';
    assert.equal(stripRunningLines([contents])[0], 'Contents');
    assert.deepEqual(stripRunningLines(['Warning\nHot', 'Warning\nSharp']), ['Warning\nHot', 'Warning\nSharp']);
  });

  test('the same words inside a page body are never taken for a running line', () => {
    const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];
    const pages = words.map((word) => `Pump Manual\n${word} begins\nPump Manual\nthe ${word} ends`);
    assert.deepEqual(
      stripRunningLines(pages),
      words.map((word) => `${word} begins\nPump Manual\nthe ${word} ends`),
    );
  });
});
