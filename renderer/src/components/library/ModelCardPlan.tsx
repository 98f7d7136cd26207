import { useTranslation } from 'react-i18next';
import type { ExecutionPlan } from '../../../../contract/index.js';
import { backendLabel } from '../../format/backendLabel.js';
import { formatTokenRate } from '../../format/formatTokenRate.js';
import { localizedPlanLines } from '../../format/localizedPlanLines.js';
import { PlanMemory, PlanReasons, PlanWarnings } from '../common/PlanLists.js';
import { FitVerdict } from '../common/FitVerdict.js';

/** The planner's verdict for this model on this machine: fit, speed, memory, and its reasons. */
export function ModelCardPlan({ plan }: { plan: ExecutionPlan }) {
  const { t } = useTranslation('library');
  const { reasons, warnings } = localizedPlanLines(plan);
  return (
    <div className="model-card-plan">
      {/* Between the card's h3 and the planner's "Why" (h5): headings must not skip a level. */}
      <h4 className="visually-hidden">{t('planHeading')}</h4>
      <div className="plan-headline">
        <FitVerdict fit={plan.fit} />
        <span className="plan-speed" data-testid="expected-speed">
          {plan.expectedTokensPerSecond === null
            ? t('noSpeedEstimate')
            : t('speedExpected', { rate: formatTokenRate(plan.expectedTokensPerSecond) })}
        </span>
        <span className="muted plan-runs-on">
          {backendLabel(plan.backend)}
          {plan.device ? ` · ${plan.device}` : ''}
        </span>
      </div>
      <PlanMemory memory={plan.memory} />
      <PlanWarnings warnings={warnings} testId="card-warning" />
      <PlanReasons reasons={reasons} testId="card-reason" />
    </div>
  );
}
