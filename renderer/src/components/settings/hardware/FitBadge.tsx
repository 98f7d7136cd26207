import type { ExecutionPlan } from '../../../../../contract/index.js';
import { Icon } from '../../common/Icon.js';

const FIT_LABELS: Record<ExecutionPlan['fit'], string> = {
  vram: 'fits in GPU memory',
  partial: 'split between GPU and RAM',
  ram: 'runs from RAM',
  no: 'does not fit',
};

export function FitBadge({ fit }: { fit: ExecutionPlan['fit'] }) {
  return (
    <span className={`fit-badge fit-badge--${fit}`} data-testid="plan-fit" data-fit={fit}>
      {fit === 'no' && <Icon name="alert" size={13} />}
      {FIT_LABELS[fit]}
    </span>
  );
}
