import { mulberry32, deriveSeed, type UniformSource } from '../forge/seededRandom.js';

/** One scenario's counts, as the summary table shows them. */
export interface ScenarioCounts {
  scenario: string;
  planned: number;
  trials: number;
  passed: number;
  failed: number;
  skipped: number;
  /** Why the scenario did not run (or ran only in part): no root for tmpfs, time cap reached. */
  notes: string[];
  /** The first failures, each with its trial label and what went wrong. */
  failures: string[];
}

export interface TortureOptions {
  seed: number;
  short: boolean;
  /** Hard cap on the whole run; scenarios stop starting trials once it is reached. */
  capMs: number;
  log: (line: string) => void;
}

const KEPT_FAILURES = 20;

/**
 * The shared state of one torture run: a seeded random source per scenario (so one scenario's
 * draws do not depend on another's), the global time cap, and the counts.
 */
export class TortureRun {
  readonly seed: number;
  readonly short: boolean;
  readonly results: ScenarioCounts[] = [];
  readonly #deadline: number;
  readonly #log: (line: string) => void;

  constructor(options: TortureOptions) {
    this.seed = options.seed;
    this.short = options.short;
    this.#deadline = Date.now() + options.capMs;
    this.#log = options.log;
  }

  log(line: string): void {
    this.#log(line);
  }

  /** True once the global cap is reached: nothing new starts. */
  get atCap(): boolean {
    return Date.now() >= this.#deadline;
  }

  /** The number of trials for a scenario: the full count, or about a tenth of it in short runs. */
  count(full: number, short = Math.max(1, Math.round(full / 10))): number {
    return this.short ? short : full;
  }

  scenario(name: string, planned: number): Scenario {
    const counts: ScenarioCounts = {
      scenario: name,
      planned,
      trials: 0,
      passed: 0,
      failed: 0,
      skipped: 0,
      notes: [],
      failures: [],
    };
    this.results.push(counts);
    return new Scenario(this, counts, mulberry32(deriveSeed(this.seed, name)));
  }
}

/** One scenario's view of the run: its random source, and a way to record each trial. */
export class Scenario {
  readonly random: UniformSource;
  readonly counts: ScenarioCounts;
  readonly #run: TortureRun;

  constructor(run: TortureRun, counts: ScenarioCounts, random: UniformSource) {
    this.#run = run;
    this.counts = counts;
    this.random = random;
  }

  get atCap(): boolean {
    return this.#run.atCap;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.random() * items.length)];
    if (item === undefined) throw new Error('pick() from an empty list');
    return item;
  }

  note(line: string): void {
    this.counts.notes.push(line);
    this.#run.log(`  [${this.counts.scenario}] ${line}`);
  }

  skip(label: string, reason: string): void {
    this.counts.skipped++;
    this.#run.log(`  skip  ${label}: ${reason}`);
  }

  /**
   * Runs one trial: it passes when `check` resolves, fails with the message it throws. A trial
   * that never settles is stopped by its safety net (a hang is a failure, not a measurement).
   */
  async trial(label: string, check: () => Promise<void>, safetyNetMs = 180_000): Promise<boolean> {
    this.counts.trials++;
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no outcome within ${safetyNetMs / 1000} s (safety net: a hang)`)),
        safetyNetMs,
      );
    });
    try {
      await Promise.race([check(), hang]);
      this.counts.passed++;
      this.#run.log(`  ok    ${label}`);
      return true;
    } catch (error) {
      this.counts.failed++;
      const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 300) ?? '';
      if (this.counts.failures.length < KEPT_FAILURES) this.counts.failures.push(`${label}: ${message}`);
      this.#run.log(`  FAIL  ${label}: ${message}`);
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends the loop of trials when the cap is reached, saying so. */
  stopAtCap(done: number): boolean {
    if (!this.atCap) return false;
    this.note(`stopped at cap: the run's time cap was reached after ${done} of ${this.counts.planned} trials`);
    return true;
  }
}

/** Throws `message` unless `condition` holds (a torture check, outside node:test). */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
