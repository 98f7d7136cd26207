import type { TortureRun } from '../TortureRun.js';

export async function diskFull(run: TortureRun): Promise<void> {
  run.scenario('diskFull', 0).note('todo');
}
