import { useTranslation } from 'react-i18next';
import type { ModelFacts } from '../../../../../contract/index.js';
import { backendLabel } from '../../../format/backendLabel.js';
import { formatParameterCount } from '../../../format/formatParameterCount.js';
import { formatTokenRate } from '../../../format/formatTokenRate.js';
import { localizedPlanLines } from '../../../format/localizedPlanLines.js';
import { t as translate } from '../../../i18n/i18n.js';
import type { ModelPlan } from '../../../store/hardwareSlice.js';
import { FitVerdict } from '../../common/FitVerdict.js';
import { PlanMemory, PlanReasons, PlanWarnings } from '../../common/PlanLists.js';

const STATE_KINDS = {
  recurrent: 'stateKindRecurrent',
  attention: 'stateKindAttention',
  hybrid: 'stateKindHybrid',
} as const satisfies Record<ModelFacts['stateKind'], string>;

/** The planner's decisions for one model, then its reasons and warnings in its own words. */
export function PlanDetails({ modelPlan }: { modelPlan: ModelPlan }) {
  const { t } = useTranslation('settings');
  const { facts, plan } = modelPlan;
  const onGpu = plan.backend !== 'cpu';
  const { reasons, warnings } = localizedPlanLines(plan);

  return (
    <>
      <div className="plan-headline">
        <FitVerdict fit={plan.fit} testId="plan-fit" />
        <span className="plan-speed" data-testid="plan-speed">
          {plan.expectedTokensPerSecond === null
            ? t('noSpeedEstimate')
            : t('speedExpected', { rate: formatTokenRate(plan.expectedTokensPerSecond) })}
        </span>
      </div>

      <dl className="facts">
        <dt>{t('model')}</dt>
        <dd data-testid="plan-model">{describeFacts(facts)}</dd>
        <dt>{t('runsOn')}</dt>
        <dd data-testid="plan-backend">
          {backendLabel(plan.backend)}
          {plan.device && <span className="muted"> · {plan.device}</span>}
        </dd>
        <dt>{t('gpuLayers')}</dt>
        <dd data-testid="plan-gpu-layers">
          {onGpu ? `${plan.gpuLayers} / ${facts.layers}` : <span className="muted">{t('gpuLayersNone')}</span>}
          {plan.expertsOnCpu && <span className="muted">{t('expertsOnCpu')}</span>}
        </dd>
        <dt>{t('cpuThreads')}</dt>
        <dd data-testid="plan-threads">{plan.threads}</dd>
        <dt>{t('batchSize')}</dt>
        <dd>{t('tokenCount', { count: plan.batchSize })}</dd>
      </dl>

      <PlanMemory memory={plan.memory} />
      <PlanWarnings warnings={warnings} testId="plan-warning" />
      <PlanReasons reasons={reasons} testId="plan-reason" />
    </>
  );
}

/** "RWKV 6 · rwkv6 · Q8_0 · 1.6 B parameters · 24 layers · fixed-size recurrent state". */
function describeFacts(facts: ModelFacts): string {
  const params = formatParameterCount(facts.totalParams);
  const parameters =
    facts.expertCount !== null && facts.expertCount > 1
      ? translate('factsParametersMoe', {
          ns: 'settings',
          params,
          active: formatParameterCount(facts.activeParams),
          used: facts.expertUsedCount ?? '?',
          experts: facts.expertCount,
        })
      : translate('factsParameters', { ns: 'settings', params });
  return [
    ...(facts.name && facts.name !== facts.architecture ? [facts.name] : []),
    facts.architecture,
    facts.quantization,
    parameters,
    translate('layerCount', { ns: 'settings', count: facts.layers }),
    translate(STATE_KINDS[facts.stateKind], { ns: 'settings' }),
  ].join(' · ');
}
