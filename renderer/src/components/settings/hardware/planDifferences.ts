import type { ExecutionPlan, LoadedModel } from '../../../../../contract/index.js';
import { backendLabel } from '../../../format/backendLabel.js';

/**
 * Where what really runs differs from the plan, in sentences. A difference means the settings
 * changed since the model loaded, or llama.cpp could not do what was planned.
 */
export function planDifferences(loaded: LoadedModel, plan: ExecutionPlan, contextSize: number): string[] {
  const differences: string[] = [];
  if (loaded.gpu !== plan.backend) {
    differences.push(`The plan says ${backendLabel(plan.backend)}, but it runs on ${backendLabel(loaded.gpu)}.`);
  } else if (plan.backend !== 'cpu' && loaded.gpuLayers !== plan.gpuLayers) {
    differences.push(`The plan puts ${plan.gpuLayers} layers on the GPU, but ${loaded.gpuLayers} are there.`);
  }
  if (loaded.threads !== plan.threads) {
    differences.push(`The plan says ${plural(plan.threads, 'CPU thread')}, but it runs with ${loaded.threads}.`);
  }
  if (loaded.batchSize !== plan.batchSize) {
    differences.push(`The plan says a batch of ${plan.batchSize} tokens, but it runs with ${loaded.batchSize}.`);
  }
  if (loaded.contextSize !== contextSize) {
    differences.push(
      `It loaded with a ${loaded.contextSize.toLocaleString()}-token context; the settings now say ${contextSize.toLocaleString()}.`,
    );
  }
  return differences;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
