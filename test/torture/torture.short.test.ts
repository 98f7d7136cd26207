/**
 * The torture suite's short form, run by CI (`npm test`, suite "torture"): about a tenth of the
 * trials of `npm run torture`, each scenario as its own test so a failure names its scenario and
 * lists the failed trials. Deterministic from the seed (HEARTH_TORTURE_SEED, default 1).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SCENARIOS, runTorture } from './torture.js';

const seed = Number(process.env.HEARTH_TORTURE_SEED ?? 1);

describe('torture (short form)', () => {
  for (const name of Object.keys(SCENARIOS)) {
    test(name, async () => {
      const lines: string[] = [];
      const outcome = await runTorture({
        seed,
        short: true,
        capMs: 10 * 60_000,
        only: [name],
        log: (line) => lines.push(line),
      });
      const failures = outcome.results.flatMap((counts) => counts.failures);
      assert.equal(outcome.failed, 0, `${outcome.failed} failed trial(s):\n${failures.join('\n')}`);
    });
  }
});
