import type { TortureRun } from '../TortureRun.js';

export async function wsFrames(run: TortureRun): Promise<void> {
  run.scenario('wsFrames', 0).note('todo');
}
