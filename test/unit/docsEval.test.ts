import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkQuestionSet } from '../../eval/docs/checkQuestionSet.js';
import { roughStem, sharedContentWords } from '../../eval/docs/contentWords.js';
import { EVAL_DOCUMENTS } from '../../eval/docs/corpus.js';
import type { EvalQuestion } from '../../eval/docs/evalQuestion.js';
import { locateSnippet, overlaps } from '../../eval/docs/locateSnippet.js';
import { NaiveBm25Index } from '../../eval/docs/NaiveBm25Index.js';
import { naiveWindows } from '../../eval/docs/naiveWindows.js';
import { EVAL_QUESTIONS } from '../../eval/docs/questions.js';
import { textToDocxParagraphs } from '../../eval/docs/textToDocxParagraphs.js';
import { firstAnsweringRank, retrievalMetrics } from '../../eval/docs/retrievalMetrics.js';

describe('document eval: scoring', () => {
  test('recall@1, recall@5 and MRR from first-answer ranks (a miss counts 0)', () => {
    const metrics = retrievalMetrics([{ rank: 1 }, { rank: 2 }, { rank: 5 }, { rank: 6 }, { rank: null }]);
    assert.equal(metrics.questions, 5);
    assert.equal(metrics.recallAt1, 1 / 5);
    assert.equal(metrics.recallAt5, 3 / 5);
    assert.ok(Math.abs(metrics.mrr - (1 + 1 / 2 + 1 / 5 + 1 / 6) / 5) < 1e-12);
    assert.deepEqual(retrievalMetrics([]), { questions: 0, recallAt1: 0, recallAt5: 0, mrr: 0 });
  });

  test('the rank is the first hit that answers, 1-based', () => {
    assert.equal(
      firstAnsweringRank([3, 8, 9, 8], (n) => n === 8),
      2,
    );
    assert.equal(
      firstAnsweringRank([3, 4], (n) => n === 8),
      null,
    );
  });
});

describe('document eval: locating snippets', () => {
  const text =
    'First line.\nThe finally clause runs\nwhether or not   the try statement fails. Later: the finally clause runs again.';

  test('a snippet is found across line breaks and runs of spaces, at every occurrence, in original offsets', () => {
    const spans = locateSnippet(text, 'the finally clause runs');
    assert.equal(spans.length, 1, 'case-sensitive: "The" at the start of a sentence is not "the"');
    const [span] = locateSnippet(text, 'The finally clause runs whether or not the try statement');
    assert.ok(span);
    assert.equal(text.slice(span.start, span.end), 'The finally clause runs\nwhether or not   the try statement');
    assert.equal(locateSnippet(text, 'finally clause runs').length, 2);
  });

  test('regex characters in a snippet are literal; absent or empty snippets are not found', () => {
    assert.equal(locateSnippet('use f.seek(offset, whence) here', 'f.seek(offset, whence)').length, 1);
    assert.deepEqual(locateSnippet('use fxseek(offset, whence)', 'f.seek(offset, whence)'), []);
    assert.deepEqual(locateSnippet(text, '   '), []);
  });

  test('a passage answers when its [start, end) overlaps the snippet, touching ends do not', () => {
    const span = { start: 10, end: 20 };
    assert.ok(overlaps({ start: 0, end: 11 }, span));
    assert.ok(overlaps({ start: 19, end: 40 }, span));
    assert.ok(overlaps({ start: 12, end: 15 }, span));
    assert.ok(!overlaps({ start: 0, end: 10 }, span));
    assert.ok(!overlaps({ start: 20, end: 30 }, span));
  });
});

describe('document eval: the naive baseline', () => {
  test('fixed windows cover the text back to back, exact offsets, the last one shorter', () => {
    const text = 'x'.repeat(2500);
    const windows = naiveWindows(text, 1000);
    assert.deepEqual(
      windows.map((w) => [w.start, w.end]),
      [
        [0, 1000],
        [1000, 2000],
        [2000, 2500],
      ],
    );
    assert.equal(windows.map((w) => w.text).join(''), text);
    assert.deepEqual(naiveWindows(''), []);
    assert.throws(() => naiveWindows(text, 0), RangeError);
  });

  test('plain BM25 over the windows finds the window holding the words, with its offsets', () => {
    const index = new NaiveBm25Index(20);
    index.add('doc', 'aaaa bbbb cccc dddd zebra crossing eeee ffff gggg hhhh');
    const [hit] = index.search('Where is the zebra?', 5);
    assert.deepEqual(hit, { documentId: 'doc', startOffset: 20, endOffset: 40 });
    assert.deepEqual(index.search('?!', 5), []);
    index.close();
  });
});

describe('document eval: the question set keeps its rules', () => {
  const ids = EVAL_DOCUMENTS.map((d) => d.id);

  test('the shipped set passes: size, paraphrased share, unanswerable count, true paraphrases', () => {
    assert.deepEqual(checkQuestionSet(EVAL_QUESTIONS, ids), []);
  });

  test('a paraphrase sharing a content word (or its stem) with its snippet is refused', () => {
    assert.deepEqual(sharedContentWords('How are packages configured?', 'the configuration of a package'), [
      'packages',
      'configured',
    ]);
    assert.equal(roughStem('installing'), roughStem('installs'));
    const broken: EvalQuestion[] = [
      ...EVAL_QUESTIONS,
      {
        question: 'Which package installs it?',
        document: 'py-json',
        location: 'x',
        snippet: 'install the package',
        paraphrased: true,
      },
    ];
    const problems = checkQuestionSet(broken, ids);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /shares package, installs/);
  });

  test('too few questions, paraphrases or unanswerable ones, unknown documents and duplicates are refused', () => {
    const answerable = EVAL_QUESTIONS.filter((q) => !('unanswerable' in q));
    assert.ok(checkQuestionSet(answerable, ids).some((p) => p.includes('unanswerable')));
    const plain = EVAL_QUESTIONS.map((q) => ('snippet' in q ? { ...q, paraphrased: undefined } : q));
    assert.ok(checkQuestionSet(plain, ids).some((p) => p.includes('paraphrased')));
    assert.ok(checkQuestionSet(EVAL_QUESTIONS.slice(0, 10), ids).some((p) => p.includes('fewer than 80')));
    assert.ok(checkQuestionSet([...EVAL_QUESTIONS, EVAL_QUESTIONS[0]!], ids).some((p) => p.startsWith('asked twice')));
    assert.ok(checkQuestionSet(EVAL_QUESTIONS, ids.slice(1)).some((p) => p.includes('no document')));
  });
});

describe('document eval: a text manual as Word paragraphs', () => {
  test('title, numbered headings by depth, joined paragraphs; contents entries stay plain', () => {
    const text = [
      'A Manual',
      '',
      '   Table of Contents',
      '',
      '   1. Intro',
      '',
      '1. Intro',
      '',
      '   First line of a paragraph',
      '   and its second line.',
      '',
      '  1.2. Details',
      '',
      '   1.2.3. Fine print',
      '',
      '   10 green bottles.',
    ].join('\n');
    assert.deepEqual(textToDocxParagraphs(text), [
      { style: 'Title', text: 'A Manual' },
      { text: 'Table of Contents' },
      { text: '1. Intro' },
      { style: 'Heading1', text: '1. Intro' },
      { text: 'First line of a paragraph and its second line.' },
      { style: 'Heading2', text: '1.2. Details' },
      { style: 'Heading3', text: '1.2.3. Fine print' },
      { text: '10 green bottles.' },
    ]);
  });
});
