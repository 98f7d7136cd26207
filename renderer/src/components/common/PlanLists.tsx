import { useTranslation } from 'react-i18next';
import type { ExecutionPlan } from '../../../../contract/index.js';
import { formatBytes } from '../../format/formatBytes.js';
import { Icon } from './Icon.js';

const size = (bytes: number) => formatBytes(bytes, { binary: true });

/** Where the plan puts the model's memory: weights, context, GPU, RAM. */
export function PlanMemory({ memory }: { memory: ExecutionPlan['memory'] }) {
  const { t } = useTranslation('common');
  const cells: [string, number][] = [
    [t('weights'), memory.weightsBytes],
    [t('context'), memory.contextBytes],
    [t('onGpu'), memory.gpuBytes],
    [t('inRam'), memory.ramBytes],
  ];
  return (
    <dl className="plan-memory" aria-label={t('memory')}>
      {cells.map(([label, bytes]) => (
        <div key={label} className="plan-memory-cell">
          <dt>{label}</dt>
          <dd>{size(bytes)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The planner's warnings, each with an alert icon; nothing when there are none. */
export function PlanWarnings({ warnings, testId }: { warnings: readonly string[]; testId: string }) {
  const { t } = useTranslation('common');
  if (warnings.length === 0) return null;
  return (
    <ul className="plan-warnings" aria-label={t('warnings')}>
      {warnings.map((warning, index) => (
        <li key={`${index}-${warning}`} className="plan-warning" data-testid={testId}>
          <Icon name="alert" size={15} />
          <span>{warning}</span>
        </li>
      ))}
    </ul>
  );
}

/** The planner's reasons, in its own words. */
export function PlanReasons({ reasons, testId }: { reasons: readonly string[]; testId: string }) {
  const { t } = useTranslation('common');
  if (reasons.length === 0) return null;
  return (
    <div className="plan-reasons">
      <h5>{t('why')}</h5>
      <ul>
        {reasons.map((reason, index) => (
          <li key={`${index}-${reason}`} data-testid={testId}>
            {reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
