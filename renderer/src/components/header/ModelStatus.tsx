import { useTranslation } from 'react-i18next';
import { backendLabel } from '../../format/backendLabel.js';
import { describeModelContext } from '../../format/describeModelContext.js';
import { describeLoadedPath } from '../../format/describeLoadedPath.js';
import { useRemoteModel } from '../../hooks/useRemoteModel.js';
import { formatNumber } from '../../i18n/formatters.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { selectOpenModelId } from '../../store/selectors.js';
import { LoadProgress } from './LoadProgress.js';

/**
 * Next to the picker: the load progress while a model loads, the loaded model's architecture and
 * chat wrapper once it is in memory, or an offer to load the chosen model ahead of the first message.
 * A remote model is loaded by its own server: only the machine that answers is named.
 */
export function ModelStatus() {
  const { t } = useTranslation('header');
  const commands = useCommands();
  const engine = useAppStore((state) => state.engine);
  const loading = useAppStore((state) => state.loadProgress !== null || state.engine?.state === 'loading');
  const chosen = useAppStore(selectOpenModelId);
  // The engine does not report the model's layer count; a plan made for this model knows it.
  const totalLayers = useAppStore((state) =>
    state.modelPlan && state.modelPlan.modelId === state.engine?.loadedModel?.modelId
      ? state.modelPlan.facts.layers
      : null,
  );

  const remote = useRemoteModel(chosen);

  if (remote) {
    return (
      <div className="model-status" data-testid="remote-model-status" title={remote.host ?? undefined}>
        <span className="chip chip--remote">{t('remoteChip')}</span>
        <span className="model-status-note">{t('remoteOn', { engine: remote.engineName })}</span>
      </div>
    );
  }
  if (loading) return <LoadProgress />;
  const loaded = engine?.loadedModel ?? null;
  if (chosen === null) return null;

  if (loaded && loaded.modelId === chosen) {
    const details = [describeModelContext(loaded), ...describeLoadedPath(loaded, totalLayers)];
    const onGpu = loaded.gpu !== 'cpu';
    const layers = formatNumber(loaded.gpuLayers);
    return (
      <div className="model-status" data-testid="loaded-model" title={details.join(' · ')}>
        <span className={`engine-dot engine-dot--${engine?.state ?? 'stopped'}`} aria-hidden="true" />
        <span className="model-status-chip">{loaded.architecture}</span>
        <span className="model-status-chip">{loaded.chatWrapper}</span>
        <span className="model-status-chip" data-testid="loaded-backend" data-backend={loaded.gpu}>
          {!onGpu
            ? backendLabel(loaded.gpu)
            : totalLayers === null
              ? t('backendLayers', { backend: backendLabel(loaded.gpu), count: loaded.gpuLayers, layers })
              : t('backendLayersOf', { backend: backendLabel(loaded.gpu), layers, total: formatNumber(totalLayers) })}
        </span>
        <span className="visually-hidden">{details.join(', ')}</span>
      </div>
    );
  }
  return (
    <div className="model-status">
      <span className="model-status-note">{t('loadsWithFirstMessage')}</span>
      <button type="button" className="button button--small" onClick={() => void commands.loadModel(chosen)}>
        {t('loadNow')}
      </button>
    </div>
  );
}
