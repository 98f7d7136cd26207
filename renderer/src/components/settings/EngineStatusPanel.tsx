import type { EngineState } from '../../../../contract/index.js';
import { describeModelContext } from '../../format/describeModelContext.js';
import { describeLoadedPath } from '../../format/describeLoadedPath.js';
import { formatDuration } from '../../format/formatStats.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';

const STATE_LABELS: Record<EngineState, string> = {
  stopped: 'Stopped',
  starting: 'Starting',
  idle: 'Running, no model loaded',
  loading: 'Loading a model',
  ready: 'Ready',
  generating: 'Writing an answer',
};

export function EngineStatusPanel() {
  const engine = useAppStore((state) => state.engine);
  const commands = useCommands();
  if (!engine) return <p className="hint">The engine's status is not known yet.</p>;
  const model = engine.loadedModel;

  return (
    <div className="engine-status" data-testid="engine-status">
      <dl className="facts">
        <dt>State</dt>
        <dd>
          <span className={`engine-dot engine-dot--${engine.state}`} aria-hidden="true" /> {STATE_LABELS[engine.state]}
          {engine.pid !== null && <span className="muted"> · process {engine.pid}</span>}
        </dd>
        {engine.loadingModelId && (
          <>
            <dt>Loading</dt>
            <dd>{engine.loadingModelId}</dd>
          </>
        )}
        {engine.restarts > 0 && (
          <>
            <dt>Restarts</dt>
            <dd>{engine.restarts}</dd>
          </>
        )}
        {engine.lastExit && (
          <>
            <dt>Last stop</dt>
            <dd>
              {engine.lastExit.reason}
              <span className="muted"> · {new Date(engine.lastExit.at).toLocaleString()}</span>
            </dd>
          </>
        )}
      </dl>
      {model ? (
        <dl className="facts" aria-label="Loaded model">
          <dt>Model</dt>
          <dd className="break">{model.name ? `${model.name} (${model.modelId})` : model.modelId}</dd>
          <dt>Architecture</dt>
          <dd>{model.architecture}</dd>
          <dt>Chat format</dt>
          <dd>{model.chatWrapper}</dd>
          <dt>Context</dt>
          <dd data-testid="loaded-context">{describeModelContext(model)}</dd>
          <dt>Runs on</dt>
          <dd>{describeLoadedPath(model, null).join(' · ')}</dd>
          <dt>Load time</dt>
          <dd>{formatDuration(model.loadMs)}</dd>
          <dt>Memory</dt>
          <dd>
            <button
              type="button"
              className="button"
              data-testid="unload-model"
              disabled={engine.state === 'generating' || engine.state === 'loading'}
              onClick={() => void commands.unloadModel()}
            >
              Unload model
            </button>
          </dd>
        </dl>
      ) : (
        <p className="hint">No model is loaded. One loads with the first message of a conversation.</p>
      )}
    </div>
  );
}
