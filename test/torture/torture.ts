import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { killDescendants } from './processTree.js';
import { apiFuzz } from './scenarios/apiFuzz.js';
import { diskFull } from './scenarios/diskFull.js';
import { engineKills } from './scenarios/engineKills.js';
import { mainKills } from './scenarios/mainKills.js';
import { malformedFiles } from './scenarios/malformedFiles.js';
import { wsFrames } from './scenarios/wsFrames.js';
import { formatTable } from './formatTable.js';
import { type ScenarioCounts, TortureRun } from './TortureRun.js';

/** The scenarios, in the order they run; `--only` takes these names. */
export const SCENARIOS = {
  'engine-kills': engineKills,
  'main-kills': mainKills,
  'api-fuzz': apiFuzz,
  'ws-frames': wsFrames,
  'disk-full': diskFull,
  'malformed-files': malformedFiles,
} as const satisfies Record<string, (run: TortureRun) => Promise<void>>;
export type ScenarioName = keyof typeof SCENARIOS;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface TortureOutcome {
  results: ScenarioCounts[];
  failed: number;
  reportPath: string;
}

export async function runTorture(options: {
  seed: number;
  short: boolean;
  capMs: number;
  only?: readonly string[];
  log?: (line: string) => void;
}): Promise<TortureOutcome> {
  const log = options.log ?? ((line: string) => console.log(line));
  const run = new TortureRun({ seed: options.seed, short: options.short, capMs: options.capMs, log });
  const started = Date.now();
  log(
    `Hearth torture: ${options.short ? 'short' : 'full'} run, seed ${options.seed}, cap ${options.capMs / 60_000} min`,
  );
  for (const [name, scenario] of Object.entries(SCENARIOS)) {
    if (options.only && !options.only.includes(name)) continue;
    if (run.atCap) {
      log(`stopped at cap: ${name} not started`);
      run.scenario(name, 0).note('stopped at cap: not started');
      continue;
    }
    log(`\n== ${name}`);
    try {
      await scenario(run);
    } catch (error) {
      // A scenario that cannot set itself up is one failed trial, reported, and the run goes on.
      const counts = run.results.at(-1);
      const message = error instanceof Error ? error.message : String(error);
      if (counts) {
        counts.trials++;
        counts.failed++;
        counts.failures.push(`scenario aborted: ${message}`);
      }
      log(`  FAIL  ${name} aborted: ${message}`);
    } finally {
      for (const left of killDescendants())
        log(`  cleaned up a process left by ${name}: ${left.pid} ${left.command.slice(0, 120)}`);
    }
  }
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const table = formatTable(run.results);
  const failed = run.results.reduce((sum, counts) => sum + counts.failed, 0);
  const report = [
    `# Hearth torture run`,
    '',
    `${options.short ? 'Short' : 'Full'} run, seed ${options.seed}, ${minutes} min, ${new Date().toISOString().slice(0, 10)}` +
      ` (\`npm run torture${options.short ? ' -- --short' : ''} -- --seed ${options.seed}\`).`,
    '',
    table,
    '',
    ...(failed > 0 ? ['## Failures (first of each scenario)', ''] : []),
    ...run.results.flatMap((counts) => counts.failures.map((line) => `- ${counts.scenario}: ${line}`)),
    ...run.results.flatMap((counts) => counts.notes.map((line) => `- note, ${counts.scenario}: ${line}`)),
    '',
  ].join('\n');
  const reportPath = options.short
    ? join(ROOT, 'test-results', 'torture-short.md')
    : join(ROOT, 'bench', 'results', 'torture.md');
  mkdirSync(dirname(reportPath), { recursive: true });
  writeFileSync(reportPath, report);
  log(`\n${table}\n\n${failed} failed trial(s). Report: ${reportPath}`);
  return { results: run.results, failed, reportPath };
}
