import type { TortureRun } from '../TortureRun.js';

export async function malformedFiles(run: TortureRun): Promise<void> {
  run.scenario('malformedFiles', 0).note('todo');
}
