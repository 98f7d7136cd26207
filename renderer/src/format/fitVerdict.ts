import type { ExecutionPlan } from '../../../contract/index.js';

/** The planner's fit as a verdict the user can act on. */
export function fitVerdict(fit: ExecutionPlan['fit']): string {
  switch (fit) {
    case 'vram':
      return 'Fits in VRAM';
    case 'partial':
      return 'Partly on GPU';
    case 'ram':
      return 'Runs from RAM';
    case 'no':
      return 'Does not fit';
    default:
      return fit satisfies never;
  }
}
