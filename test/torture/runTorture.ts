/**
 * `npm run torture [-- --short] [-- --seed N] [-- --only name,name] [-- --cap-minutes M]`
 * Runs Hearth's torture scenarios against real parts (real engine processes, real SQLite files,
 * a real web host on 127.0.0.1), bounded in trials and time, deterministic from the seed, and
 * prints and writes a table of counts. Exit code 1 when any trial failed.
 */
import { runTorture } from './torture.js';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

const short = process.argv.includes('--short');
const seed = Number(flag('--seed') ?? 1);
const only = flag('--only')?.split(',');
const capMinutes = Number(flag('--cap-minutes') ?? (short ? 20 : 90));

const outcome = await runTorture({ seed, short, capMs: capMinutes * 60_000, ...(only && { only }) });
process.exit(outcome.failed > 0 ? 1 : 0);
