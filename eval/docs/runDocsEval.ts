import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataPathsIn, openTestHearth, type TestHearth } from '../../test/support/startHearth.js';
import { waitFor } from '../../test/support/waitFor.js';
import { checkQuestionSet } from './checkQuestionSet.js';
import { EVAL_DOCUMENTS, type EvalFormat, prepareDocuments } from './corpus.js';
import type { EvalQuestion } from './evalQuestion.js';
import { locateSnippet, overlaps, type Span } from './locateSnippet.js';
import { NaiveBm25Index } from './NaiveBm25Index.js';
import { EVAL_QUESTIONS } from './questions.js';
import { firstAnsweringRank, type RetrievalMetrics, retrievalMetrics } from './retrievalMetrics.js';

/** How many passages each search returns: recall@5 needs 5; MRR counts ranks up to this. */
export const EVAL_SEARCH_LIMIT = 10;

export interface DocsEvalOptions {
  /** Only the questions and documents of these formats (all when absent). */
  formats?: readonly EvalFormat[];
  /** Also measure the naive baseline (fixed windows, plain BM25). */
  naive?: boolean;
  /** Called with a line of progress now and then. */
  log?: (line: string) => void;
}

/** One retriever's results: metrics by slice, and how often it returned nothing to an unanswerable question. */
export interface RetrieverReport {
  overall: RetrievalMetrics;
  paraphrased: RetrievalMetrics;
  byFormat: Partial<Record<EvalFormat, RetrievalMetrics>>;
  /** Fraction of unanswerable questions for which search returned no passage at all. */
  refusalRate: number;
  /** Answerable questions whose answer was not in the top 5, for tuning. */
  misses: string[];
}

export interface DocsEvalReport {
  documents: number;
  questions: number;
  unanswerable: number;
  hearth: RetrieverReport;
  naive: RetrieverReport | null;
}

type Answerable = Extract<EvalQuestion, { snippet: string }>;
interface Located {
  question: Answerable;
  format: EvalFormat;
  documentId: string;
  /** Every place the snippet occurs in its document's text. */
  spans: Span[];
}
interface Hit {
  documentId: string;
  startOffset: number;
  endOffset: number;
}

/**
 * Imports the eval documents through Hearth's real import path (a real Hearth in a temporary
 * folder: worker extraction, chunking, SQLite FTS5), asks every question with `documents.search`
 * over the whole collection, and scores where the passage holding the answer ranked. Refuses to
 * run on a set that breaks its rules or whose snippets are not in the extracted text.
 */
export async function runDocsEval(options: DocsEvalOptions = {}): Promise<DocsEvalReport> {
  const log = options.log ?? (() => undefined);
  const documents = EVAL_DOCUMENTS.filter((d) => !options.formats || options.formats.includes(d.format));
  const problems = checkQuestionSet(
    EVAL_QUESTIONS,
    EVAL_DOCUMENTS.map((d) => d.id),
  );
  if (problems.length > 0) throw new Error(`The question set breaks its rules:\n  ${problems.join('\n  ')}`);
  const questions = EVAL_QUESTIONS.filter((q) => documents.some((d) => d.id === q.document));

  const work = mkdtempSync(join(tmpdir(), 'hearth-eval-docs-'));
  const hearth = openTestHearth({ paths: dataPathsIn(join(work, 'data')) });
  try {
    const paths = await prepareDocuments(documents, join(work, 'documents'));
    const outcomes = await hearth.call('documents.import', { paths: [...paths.values()] });
    const idOf = new Map<string, string>();
    for (const document of documents) {
      const outcome = outcomes.find((o) => o.path === paths.get(document.id));
      if (!outcome?.documentId) throw new Error(`${document.id} was not imported: ${JSON.stringify(outcome)}`);
      idOf.set(document.id, outcome.documentId);
    }
    log(`importing ${documents.length} documents…`);
    await waitForIndexed(hearth, [...idOf.values()]);
    const texts = new Map([...idOf].map(([id, documentId]) => [id, documentText(hearth, documentId)]));

    const located = locateAll(questions, texts, idOf, (id) => documents.find((d) => d.id === id)!.format);
    const unanswerable = questions.filter((q) => 'unanswerable' in q);
    log(`asking ${located.length} answerable and ${unanswerable.length} unanswerable questions…`);

    const hearthSearch = async (question: string): Promise<Hit[]> =>
      hearth.call('documents.search', { query: question, limit: EVAL_SEARCH_LIMIT });
    const hearthReport = await score(located, unanswerable, hearthSearch);

    let naiveReport: RetrieverReport | null = null;
    if (options.naive ?? true) {
      const naive = new NaiveBm25Index();
      for (const [id, text] of texts) naive.add(idOf.get(id)!, text);
      naiveReport = await score(located, unanswerable, async (q) => naive.search(q, EVAL_SEARCH_LIMIT));
      naive.close();
    }
    return {
      documents: documents.length,
      questions: questions.length,
      unanswerable: unanswerable.length,
      hearth: hearthReport,
      naive: naiveReport,
    };
  } finally {
    await hearth.close();
    rmSync(work, { recursive: true, force: true });
  }
}

async function waitForIndexed(hearth: TestHearth, documentIds: string[]): Promise<void> {
  await waitFor(
    async () => {
      const list = await hearth.call('documents.list', {});
      const mine = list.filter((d) => documentIds.includes(d.id));
      const failed = mine.find((d) => d.status === 'failed');
      if (failed) throw new Error(`${failed.fileName} failed to import: ${JSON.stringify(failed)}`);
      return mine.length === documentIds.length && mine.every((d) => d.status === 'indexed');
    },
    { timeoutMs: 600_000, intervalMs: 100, what: 'the eval documents indexed' },
  );
}

function documentText(hearth: TestHearth, documentId: string): string {
  const row = hearth.db
    .prepare<[string], { text: string }>('SELECT text FROM document_texts WHERE document_id = ?')
    .get(documentId);
  if (!row) throw new Error(`no extracted text for ${documentId}`);
  return row.text;
}

function locateAll(
  questions: readonly EvalQuestion[],
  texts: Map<string, string>,
  idOf: Map<string, string>,
  formatOf: (id: string) => EvalFormat,
): Located[] {
  const located: Located[] = [];
  const missing: string[] = [];
  for (const question of questions) {
    if (!('snippet' in question)) continue;
    const spans = locateSnippet(texts.get(question.document)!, question.snippet);
    if (spans.length > 0) {
      located.push({ question, format: formatOf(question.document), documentId: idOf.get(question.document)!, spans });
    } else {
      missing.push(`${question.document}: "${question.snippet}"`);
    }
  }
  if (missing.length > 0) throw new Error(`Snippets not found in the extracted text:\n  ${missing.join('\n  ')}`);
  return located;
}

async function score(
  located: readonly Located[],
  unanswerable: readonly EvalQuestion[],
  search: (question: string) => Promise<Hit[]>,
): Promise<RetrieverReport> {
  const ranked: (Located & { rank: number | null })[] = [];
  for (const item of located) {
    const hits = await search(item.question.question);
    const rank = firstAnsweringRank(
      hits,
      (hit) =>
        hit.documentId === item.documentId &&
        item.spans.some((span) => overlaps({ start: hit.startOffset, end: hit.endOffset }, span)),
    );
    ranked.push({ ...item, rank });
  }
  let refused = 0;
  for (const question of unanswerable) if ((await search(question.question)).length === 0) refused += 1;
  const formats = [...new Set(ranked.map((r) => r.format))];
  return {
    overall: retrievalMetrics(ranked),
    paraphrased: retrievalMetrics(ranked.filter((r) => r.question.paraphrased)),
    byFormat: Object.fromEntries(formats.map((f) => [f, retrievalMetrics(ranked.filter((r) => r.format === f))])),
    refusalRate: unanswerable.length === 0 ? 0 : refused / unanswerable.length,
    misses: ranked.filter((r) => r.rank === null || r.rank > 5).map((r) => r.question.question),
  };
}
