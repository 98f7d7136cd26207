import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { bestBand, evidenceBand, type SearchHit } from '../../contract/index.js';
import { groundQuestion } from '../../main/documents/groundQuestion.js';
import { queryCoverage } from '../../main/documents/queryCoverage.js';
import { rerankHits } from '../../main/documents/rerankHits.js';
import { ConversationStore } from '../../main/storage/ConversationStore.js';
import { openDatabase } from '../../main/storage/openDatabase.js';
import { tempDir } from '../support/tempDir.js';

const hit = (chunkId: number, text: string, relevance?: number): SearchHit => ({
  chunkId,
  documentId: 'd',
  fileName: 'guide.md',
  title: null,
  page: null,
  headingPath: ['Care'],
  text,
  startOffset: 0,
  endOffset: text.length,
  score: 1 / (60 + chunkId),
  ...(relevance !== undefined && { relevance }),
});

describe('evidence bands', () => {
  test('question-word coverage ignores function words and case, and matches a shared stem', () => {
    assert.equal(queryCoverage('Where should the lantern be STORED?', 'Store the lantern cold.'), 1);
    assert.equal(queryCoverage('Can airline crews confiscate a lantern?', 'The lantern is warm.'), 0.25);
    assert.equal(queryCoverage('what is it?', 'anything at all'), 0, 'no content word covers nothing');
  });

  test('a reranker score decides the band when there is one; word coverage otherwise', () => {
    assert.equal(evidenceBand({ relevance: 0.9, coverage: 0 }), 'strong');
    assert.equal(evidenceBand({ relevance: 0.3, coverage: 1 }), 'partial');
    assert.equal(evidenceBand({ relevance: 0.1, coverage: 1 }), 'weak');
    assert.equal(evidenceBand({ relevance: 0.3, coverage: 1 }, 0.5), 'weak', 'the strict threshold is the weak line');
    assert.equal(evidenceBand({ relevance: null, coverage: 0.8 }), 'strong');
    assert.equal(evidenceBand({ relevance: null, coverage: 0.5 }), 'partial');
    assert.equal(evidenceBand({ relevance: null, coverage: 0.2 }), 'weak');
    assert.equal(bestBand(['weak', undefined, 'partial']), 'partial');
    assert.equal(bestBand([undefined]), null);
  });

  test('strict grounding: without relevance it never refuses a match; with it, below the threshold it does', () => {
    const noRanker = groundQuestion('lantern storage?', [hit(1, 'The lantern.')], { strict: true, minRelevance: 0.99 });
    assert.equal(noRanker.refusal, null, 'BM25 alone cannot tell a weak match from an answer');
    const low = groundQuestion('lantern storage?', [hit(1, 'The lantern.', 0.1)], { strict: true, minRelevance: 0.2 });
    assert.match(
      low.refusal ?? '',
      /^The attached documents do not cover this\. The closest passage is \[1\] \(guide\.md, Care\), with a relevance of 0\.10/,
    );
    assert.equal(low.modelContent, 'lantern storage?');
    const relaxed = groundQuestion('lantern storage?', [hit(1, 'The lantern.', 0.1)], {
      strict: false,
      minRelevance: 0.2,
    });
    assert.equal(relaxed.refusal, null, 'only strict mode refuses');
    assert.equal(relaxed.sources[0]?.band, 'weak');
  });

  test('a reranker that fails keeps the fused order; one that works reorders and scores', async () => {
    const hits = [hit(1, 'a'), hit(2, 'b'), hit(3, 'c')];
    const logged: string[] = [];
    const broken = { key: 'r', rank: () => Promise.reject(new Error('gone')) };
    assert.deepEqual(await rerankHits('q', hits, broken, 2, (line) => logged.push(line)), hits.slice(0, 2));
    assert.match(logged[0] ?? '', /gone/);
    const working = { key: 'r', rank: () => Promise.resolve([0.2, 0.9, 0.2]) };
    const reranked = await rerankHits('q', hits, working, 3, () => undefined);
    assert.deepEqual(
      reranked.map((h) => [h.chunkId, h.relevance]),
      [
        [2, 0.9],
        [1, 0.2],
        [3, 0.2],
      ],
      'ties keep the fused order',
    );
  });

  test('sources stored before bands existed still read back', () => {
    const db = openDatabase(join(tempDir(), 'store.sqlite'));
    const store = new ConversationStore(db, () => 1_000);
    const conversation = store.create({ modelId: null, systemPrompt: '' });
    const { assistant } = store.appendExchange(conversation.id, null, 'q', 'm.gguf');
    const old = {
      n: 1,
      chunkId: 3,
      documentId: 'd',
      fileName: 'f.pdf',
      page: 2,
      headingPath: [],
      startOffset: 0,
      endOffset: 9,
    };
    db.prepare('UPDATE messages SET sources_json = ? WHERE id = ?').run(JSON.stringify([old]), assistant.id);
    assert.deepEqual(store.getMessage(assistant.id)?.sources, [old]);
    const banded = { ...old, relevance: 0.4, band: 'partial' };
    db.prepare('UPDATE messages SET sources_json = ? WHERE id = ?').run(JSON.stringify([banded]), assistant.id);
    assert.deepEqual(store.getMessage(assistant.id)?.sources, [banded]);
  });
});
