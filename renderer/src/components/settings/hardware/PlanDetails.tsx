import type { ModelFacts } from '../../../../../contract/index.js';
import { backendLabel } from '../../../format/backendLabel.js';
import { formatParameterCount } from '../../../format/formatParameterCount.js';
import { formatTokenRate } from '../../../format/formatTokenRate.js';
import type { ModelPlan } from '../../../store/hardwareSlice.js';
import { FitVerdict } from '../../common/FitVerdict.js';
import { PlanMemory, PlanReasons, PlanWarnings } from '../../common/PlanLists.js';

const STATE_KINDS: Record<ModelFacts['stateKind'], string> = {
  recurrent: 'fixed-size recurrent state',
  attention: 'attention (KV cache grows with the context)',
  hybrid: 'hybrid: recurrent state and KV cache',
};

/** The planner's decisions for one model, then its reasons and warnings in its own words. */
export function PlanDetails({ modelPlan }: { modelPlan: ModelPlan }) {
  const { facts, plan } = modelPlan;
  const onGpu = plan.backend !== 'cpu';

  return (
    <>
      <div className="plan-headline">
        <FitVerdict fit={plan.fit} testId="plan-fit" />
        <span className="plan-speed" data-testid="plan-speed">
          {plan.expectedTokensPerSecond === null
            ? 'No speed estimate'
            : `about ${formatTokenRate(plan.expectedTokensPerSecond)} tok/s expected here`}
        </span>
      </div>

      <dl className="facts">
        <dt>Model</dt>
        <dd data-testid="plan-model">{describeFacts(facts)}</dd>
        <dt>Runs on</dt>
        <dd data-testid="plan-backend">
          {backendLabel(plan.backend)}
          {plan.device && <span className="muted"> · {plan.device}</span>}
        </dd>
        <dt>GPU layers</dt>
        <dd data-testid="plan-gpu-layers">
          {onGpu ? `${plan.gpuLayers} / ${facts.layers}` : <span className="muted">none (CPU only)</span>}
          {plan.expertsOnCpu && <span className="muted"> · experts kept on the CPU</span>}
        </dd>
        <dt>CPU threads</dt>
        <dd data-testid="plan-threads">{plan.threads}</dd>
        <dt>Batch size</dt>
        <dd>{plan.batchSize} tokens</dd>
      </dl>

      <PlanMemory memory={plan.memory} />
      <PlanWarnings warnings={plan.warnings} testId="plan-warning" />
      <PlanReasons reasons={plan.reasons} testId="plan-reason" />
    </>
  );
}

/** "RWKV 6 · rwkv6 · Q8_0 · 1.6 B parameters · 24 layers · fixed-size recurrent state". */
function describeFacts(facts: ModelFacts): string {
  const moe =
    facts.expertCount !== null && facts.expertCount > 1
      ? ` (${formatParameterCount(facts.activeParams)} active, ${facts.expertUsedCount ?? '?'} of ${facts.expertCount} experts)`
      : '';
  return [
    ...(facts.name && facts.name !== facts.architecture ? [facts.name] : []),
    facts.architecture,
    facts.quantization,
    `${formatParameterCount(facts.totalParams)} parameters${moe}`,
    `${facts.layers} layers`,
    STATE_KINDS[facts.stateKind],
  ].join(' · ');
}
