import { availableParallelism } from 'node:os';

/**
 * Threads for llama.cpp when the user has not chosen. Decoding is bound by memory bandwidth and
 * llama.cpp's threads spin while they wait: on a 2-core machine its default of 4 threads was about
 * 1,000 times slower than 1 thread. So: never more threads than physical cores (assumed 2-way SMT
 * above 4 logical cores), and one core left for the UI and the rest of the app.
 * The hardware planner replaces this estimate with the measured core topology.
 */
export function chooseThreads(setting: number, logicalCores = availableParallelism()): number {
  if (setting > 0) return setting;
  const physical = logicalCores > 4 ? Math.floor(logicalCores / 2) : logicalCores;
  return Math.max(1, Math.min(physical, logicalCores - 1));
}
