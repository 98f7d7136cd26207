import type { ExecutionPlan } from '../../../../contract/index.js';
import { fitVerdict } from '../../format/fitVerdict.js';
import { Icon } from './Icon.js';

/** Whether a model fits this machine (the planner's fit), as a coloured badge. */
export function FitVerdict({ fit, testId = 'fit-verdict' }: { fit: ExecutionPlan['fit']; testId?: string }) {
  return (
    <span className={`fit-badge fit-badge--${fit}`} data-testid={testId} data-fit={fit}>
      {fit === 'no' && <Icon name="alert" size={13} />}
      {fitVerdict(fit)}
    </span>
  );
}
