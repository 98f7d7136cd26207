/**
 * `npm run eval:docs`: the document question set (eval/docs/questions.ts) through Hearth's real
 * import and search, with a naive fixed-window BM25 baseline measured in the same run. Prints a
 * markdown table and writes bench/results/eval-docs.md and .json.
 *
 *   npm run eval:docs                        everything
 *   npm run eval:docs -- --only html         one format (pdf, html, text, docx; repeat or comma-separate)
 *   npm run eval:docs -- --no-naive          Hearth only (faster while tuning)
 *   npm run eval:docs -- --misses            also list the questions missed in the top 5
 *   npm run eval:docs -- --no-write          print only (a subset must not overwrite the results)
 *
 * With --only, the collection holds only that format's documents (fewer distractors), so its
 * scores are not comparable with a full run's: only a full run with the baseline writes results.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EVAL_FORMATS, type EvalFormat } from './corpus.js';
import { formatDocsEval } from './formatDocsEval.js';
import { EVAL_SEARCH_LIMIT, runDocsEval } from './runDocsEval.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    'no-naive': { type: 'boolean', default: false },
    misses: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});
const formats = values.only?.flatMap((value) => value.split(','));
const unknown = formats?.filter((format) => !EVAL_FORMATS.includes(format as EvalFormat));
if (unknown && unknown.length > 0) {
  console.error(`--only: unknown format ${unknown.join(', ')}; choose from ${EVAL_FORMATS.join(', ')}`);
  process.exit(2);
}

const report = await runDocsEval({
  formats: formats as EvalFormat[] | undefined,
  naive: !values['no-naive'],
  log: (line) => console.error(line),
});
const table = formatDocsEval(report);
console.log(table);
if (values.misses) {
  console.log(`\nMissed in Hearth's top 5:\n${report.hearth.misses.map((q) => `- ${q}`).join('\n')}`);
}

// Only a full run (every format, with the baseline) is a result worth keeping.
if (!formats && !values['no-naive'] && !values['no-write']) {
  const date = new Date().toISOString();
  const out = join(import.meta.dirname, '..', '..', 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'eval-docs.json'),
    `${JSON.stringify({ date, node: process.version, ...report }, null, 2)}\n`,
  );
  writeFileSync(
    join(out, 'eval-docs.md'),
    `# Document retrieval eval\n\n${date} · Node ${process.version} · ${report.documents} documents, ` +
      `${report.questions} questions (eval/docs/questions.ts), top ${EVAL_SEARCH_LIMIT} per search\n\n${table}\n`,
  );
  console.error(`wrote ${join(out, 'eval-docs.md')} and eval-docs.json`);
}
