// Runs the test suites with Node's own test runner, TypeScript loaded by tsx.
//   node scripts/run-tests.mjs            every suite: unit, engine, e2e, torture (in that order)
//   node scripts/run-tests.mjs engine     one suite
// Suites are split by cost: `unit` needs nothing, `engine` runs real llama.cpp on forged models,
// `e2e` drives the built UI in headless Chromium, `torture` is the short form of `npm run torture`.
// Files run one at a time: the engine tests measure nothing, but two of them at once on a 2-core
// machine only slow both down.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SUITES = ['unit', 'engine', 'e2e', 'torture'];
const requested = process.argv.slice(2);
const suites = requested.length > 0 ? requested : SUITES;
for (const suite of suites) {
  if (!SUITES.includes(suite)) {
    console.error(`Unknown suite "${suite}"; choose from ${SUITES.join(', ')}`);
    process.exit(2);
  }
}

function testFiles(dir) {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? testFiles(path) : name.endsWith('.test.ts') ? [path] : [];
    })
    .sort();
}

const files = suites.flatMap((suite) => testFiles(join(root, 'test', suite)));
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
console.log(`Running ${files.length} test files from: ${suites.join(', ')}`);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files.map((f) => relative(root, f))],
  { cwd: root, stdio: 'inherit', env: { ...process.env, HEARTH_GPU: process.env.HEARTH_GPU ?? 'cpu' } },
);
process.exit(result.status ?? 1);
