/**
 * Keyword search ranks inside FTS5 and joins only the top rows to `chunks` (DocumentStore.#match).
 * Its results must be the ones the plain join-then-rank query gives, on a real index: the Debian
 * Reference and the FHS imported through the real import path.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DocumentService } from '../../main/documents/DocumentService.js';
import { forkLauncher } from '../../main/engine/transport/forkTransport.js';
import { DocumentStore, type ChunkHit } from '../../main/storage/DocumentStore.js';
import { indexTerm, keywordQuery } from '../../main/storage/keywordQuery.js';
import { openDatabase, type Db } from '../../main/storage/openDatabase.js';
import { requireFile } from '../support/documents/debianTools.js';
import { FHS_QUESTIONS } from '../support/documents/fhsQuestions.js';
import { tempDir } from '../support/tempDir.js';

const FHS_HTML = '/usr/share/doc/debian-policy/fhs/fhs-3.0.html';
const DEBIAN_REFERENCE = '/usr/share/debian-reference/debian-reference.en.pdf';
const QUESTIONS = [
  ...FHS_QUESTIONS.map(([question]) => question),
  'How do I configure the network interface with systemd?',
  'What does the apt-get dist-upgrade command do?',
  'How do I mount a USB stick?',
  'package',
  'the',
  'zzzz-no-such-word',
];

let db: Db;
let store: DocumentStore;
let documentIds: string[];

before(async () => {
  db = openDatabase(join(tempDir(), 'hearth.sqlite'));
  store = new DocumentStore(db);
  const service = new DocumentService({ store, launcher: forkLauncher, changed: () => undefined });
  await service.import(
    [requireFile(DEBIAN_REFERENCE, 'debian-reference-en'), requireFile(FHS_HTML, 'debian-policy')],
    null,
  );
  await service.idle();
  await service.close();
  documentIds = store.list().map((document) => document.id);
  assert.equal(documentIds.length, 2);
});
after(() => db.close());

/** The query as it was before: every match joined to its chunk row, then scored and sorted. */
function joinThenRank(match: string, limit: number, within: readonly string[] | null): { id: number; score: number }[] {
  const filter = within ? `AND c.document_id IN (${within.map(() => '?').join(', ')})` : '';
  return db
    .prepare<unknown[], { id: number; score: number }>(
      `SELECT c.id, bm25(chunks_fts, 1.0, 0.5) AS score
       FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid
       WHERE chunks_fts MATCH ? ${filter}
       ORDER BY score LIMIT ?`,
    )
    .all(match, ...(within ?? []), limit);
}

/** DocumentStore.search's order of queries (all words, then any), on the reference query. */
function reference(question: string, limit: number, within: readonly string[] | null) {
  const query = keywordQuery(question);
  if (!query) return [];
  const hits = joinThenRank(query.all, limit, within);
  if (hits.length >= limit || !query.any) return hits;
  const seen = new Set(hits.map((hit) => hit.id));
  return [...hits, ...joinThenRank(query.any, limit, within).filter((hit) => !seen.has(hit.id))].slice(0, limit);
}

/**
 * Same scores in the same order; ids the same except among passages with equal scores. Scores
 * agree to 1e-4, not exactly: the fallback leaves out words held by half the passages or more,
 * which FTS5 weighs at an idf of 1e-6 (see informativeAny).
 */
function assertSameTop(got: readonly ChunkHit[], expected: readonly { id: number; score: number }[], what: string) {
  assert.equal(got.length, expected.length, `${what}: as many passages`);
  const last = expected.at(-1)?.score;
  got.forEach((hit, rank) => {
    const score = expected[rank]!.score;
    assert.ok(Math.abs(hit.bm25 - score) < 1e-4, `${what}: score at rank ${rank} (${hit.bm25} vs ${score})`);
    // Passages with equal scores (to 1e-4) may come in any order; the lowest score's group may be
    // cut at the limit, so any of its equals may fill the last places.
    if (Math.abs(score - last!) < 1e-4) return;
    const equals = expected.filter((row) => Math.abs(row.score - score) < 1e-4).map((row) => row.id);
    assert.ok(equals.includes(hit.chunkId), `${what}: passage at rank ${rank}`);
  });
}

describe('keyword search ranked inside FTS5', () => {
  for (const limit of [5, 50]) {
    test(`top ${limit} equals the join-then-rank query's, with and without a document filter`, () => {
      const filters: [string, readonly string[] | null][] = [
        ['no filter', null],
        ['both documents', documentIds],
        ['the FHS only', documentIds.slice(1)],
        ['the Debian Reference only', documentIds.slice(0, 1)],
      ];
      let nonEmpty = 0;
      for (const question of QUESTIONS) {
        for (const [label, within] of filters) {
          const got = store.search(question, limit, within);
          const expected = reference(question, limit, within);
          assertSameTop(got, expected, `"${question}", ${label}`);
          if (within)
            assert.ok(
              got.every((hit) => within.includes(hit.documentId)),
              `${label}: only those documents`,
            );
          if (got.length > 0) nonEmpty += 1;
        }
      }
      assert.ok(nonEmpty > QUESTIONS.length * 3, `most questions find passages (${nonEmpty})`);
    });
  }

  test("indexTerm gives the full-text index's own term for the words of real text", () => {
    const terms = new Set(
      db
        .prepare<[], { term: string }>('SELECT term FROM chunks_vocab')
        .all()
        .map((row) => row.term),
    );
    const words = new Set(
      db
        .prepare<[], { text: string }>('SELECT text FROM chunks')
        .all()
        .flatMap((row) => row.text.match(/[\p{L}\p{N}]+/gu) ?? []),
    );
    const missed = [...words].filter((word) => !terms.has(indexTerm(word)));
    assert.ok(words.size > 5000, `${words.size} distinct words`);
    // A miss only keeps a word in the fallback query; still, nearly every word must be found.
    assert.ok(missed.length / words.size < 0.005, `not found: ${missed.slice(0, 20).join(' ')}`);
  });
});
