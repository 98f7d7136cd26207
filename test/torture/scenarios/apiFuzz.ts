import type { TortureRun } from '../TortureRun.js';

export async function apiFuzz(run: TortureRun): Promise<void> {
  run.scenario('apiFuzz', 0).note('todo');
}
