import { useTranslation } from 'react-i18next';
import type { EngineState } from '../../../../contract/index.js';
import { describeModelContext } from '../../format/describeModelContext.js';
import { describeLoadedPath } from '../../format/describeLoadedPath.js';
import { formatDuration } from '../../format/formatStats.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { formatDateTime } from '../../i18n/formatters.js';

const STATE_LABELS = {
  stopped: 'engineStateStopped',
  starting: 'engineStateStarting',
  idle: 'engineStateIdle',
  loading: 'engineStateLoading',
  ready: 'engineStateReady',
  generating: 'engineStateGenerating',
} as const satisfies Record<EngineState, string>;

export function EngineStatusPanel() {
  const { t } = useTranslation('settings');
  const engine = useAppStore((state) => state.engine);
  const commands = useCommands();
  if (!engine) return <p className="hint">{t('engineStatusUnknown')}</p>;
  const model = engine.loadedModel;

  return (
    <div className="engine-status" data-testid="engine-status">
      <dl className="facts">
        <dt>{t('state')}</dt>
        <dd>
          <span className={`engine-dot engine-dot--${engine.state}`} aria-hidden="true" />{' '}
          {t(STATE_LABELS[engine.state])}
          {engine.pid !== null && <span className="muted">{t('engineProcess', { pid: engine.pid })}</span>}
        </dd>
        {engine.loadingModelId && (
          <>
            <dt>{t('loading')}</dt>
            <dd>{engine.loadingModelId}</dd>
          </>
        )}
        {engine.restarts > 0 && (
          <>
            <dt>{t('restarts')}</dt>
            <dd>{engine.restarts}</dd>
          </>
        )}
        {engine.lastExit && (
          <>
            <dt>{t('lastStop')}</dt>
            <dd>
              {engine.lastExit.reason}
              <span className="muted"> · {formatDateTime(engine.lastExit.at)}</span>
            </dd>
          </>
        )}
      </dl>
      {model ? (
        <dl className="facts" aria-label={t('loadedModel')}>
          <dt>{t('model')}</dt>
          <dd className="break">{model.name ? `${model.name} (${model.modelId})` : model.modelId}</dd>
          <dt>{t('architecture')}</dt>
          <dd>{model.architecture}</dd>
          <dt>{t('chatFormat')}</dt>
          <dd>{model.chatWrapper}</dd>
          <dt>{t('context')}</dt>
          <dd data-testid="loaded-context">{describeModelContext(model)}</dd>
          <dt>{t('runsOn')}</dt>
          <dd>{describeLoadedPath(model, null).join(' · ')}</dd>
          <dt>{t('loadTime')}</dt>
          <dd>{formatDuration(model.loadMs)}</dd>
          <dt>{t('memory')}</dt>
          <dd>
            <button
              type="button"
              className="button"
              data-testid="unload-model"
              disabled={engine.state === 'generating' || engine.state === 'loading'}
              onClick={() => void commands.unloadModel()}
            >
              {t('unloadModel')}
            </button>
          </dd>
        </dl>
      ) : (
        <p className="hint">{t('noModelLoaded')}</p>
      )}
    </div>
  );
}
