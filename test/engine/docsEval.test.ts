import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DOCS_EVAL_FLOORS } from '../../eval/docs/baselineFloors.js';
import { formatDocsEval } from '../../eval/docs/formatDocsEval.js';
import { runDocsEval } from '../../eval/docs/runDocsEval.js';

// The whole question set (eval/docs/questions.ts) through the real import and keyword search:
// documents Debian ships (debian-policy, python3-doc; `npm run test:setup` installs them),
// imported by a real Hearth. No embedding model, no naive baseline: BM25 as users get it first.
describe('document eval: BM25 retrieval on the question set', () => {
  test('recall@5 and MRR stay at or above the measured baseline', async () => {
    const report = await runDocsEval({ naive: false });
    console.log(formatDocsEval(report));
    const { overall, paraphrased } = report.hearth;
    assert.equal(overall.questions + report.unanswerable, report.questions, 'every question was asked');
    assert.ok(overall.recallAt5 >= DOCS_EVAL_FLOORS.overall.recallAt5, `recall@5 ${overall.recallAt5}`);
    assert.ok(overall.mrr >= DOCS_EVAL_FLOORS.overall.mrr, `MRR ${overall.mrr}`);
    assert.ok(
      paraphrased.recallAt5 >= DOCS_EVAL_FLOORS.paraphrased.recallAt5,
      `paraphrased recall@5 ${paraphrased.recallAt5}`,
    );
    assert.ok(paraphrased.mrr >= DOCS_EVAL_FLOORS.paraphrased.mrr, `paraphrased MRR ${paraphrased.mrr}`);
  });
});
