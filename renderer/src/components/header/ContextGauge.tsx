import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeContextGauge } from '../../format/describeContextGauge.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import type { AllSlices } from '../../store/AllSlices.js';
import { selectOpenModelId } from '../../store/selectors.js';

/** The newest answer of the active branch that has finished (a streaming one has no figures yet). */
const selectLastFinishedAnswer = (state: AllSlices) => {
  const id = state.messageIds.findLast((messageId) => {
    const message = state.messagesById[messageId];
    return message?.role === 'assistant' && message.status !== 'streaming';
  });
  return id === undefined ? null : (state.messagesById[id] ?? null);
};

/** How much of its context the open conversation fills, or a recurrent model's fixed state size. */
export function ContextGauge() {
  const { t } = useTranslation('header');
  const commands = useCommands();
  const loaded = useAppStore((state) => state.engine?.loadedModel ?? null);
  const conversationModelId = useAppStore(selectOpenModelId);
  const lastAnswer = useAppStore(selectLastFinishedAnswer);
  const recurrentStateBytes = useAppStore((state) =>
    state.modelPlan && state.modelPlan.modelId === loaded?.modelId ? state.modelPlan.facts.recurrentStateBytes : null,
  );
  const loadedId = loaded?.modelId ?? null;
  // Not again while a plan is asked for, nor after planning this model failed (no loop).
  const planning = useAppStore((state) => state.planningModelId !== null || state.planError?.modelId === loadedId);
  const needsFacts = loaded?.stateKind === 'recurrent' && recurrentStateBytes === null && !planning;

  useEffect(() => {
    // The state's size is in the model's facts, which come with its plan: asked for once.
    if (needsFacts && loadedId !== null) void commands.refreshPlan(loadedId);
  }, [needsFacts, loadedId, commands]);

  const gauge = describeContextGauge({ loaded, conversationModelId, lastAnswer, recurrentStateBytes });
  if (!gauge) return null;
  return (
    <div className="context-gauge" data-testid="context-gauge" data-kind={gauge.kind}>
      {gauge.kind === 'tokens' && (
        <meter
          className="context-gauge-meter"
          min={0}
          max={gauge.size}
          value={Math.min(gauge.used, gauge.size)}
          high={gauge.size * 0.9}
          aria-label={t('gaugeLabel')}
          aria-valuetext={gauge.text}
        />
      )}
      <span className="context-gauge-text">{gauge.text}</span>
    </div>
  );
}
