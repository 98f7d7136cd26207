import { useId } from 'react';
import { formatBytes } from '../../format/formatBytes.js';
import { useRemoteModel } from '../../hooks/useRemoteModel.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { selectIsStreaming, selectOpenModelId } from '../../store/selectors.js';
import { Icon } from '../common/Icon.js';
import { RemoteModelOptions } from './RemoteModelOptions.js';

/** The open conversation's model: a GGUF file in the models folder, or a model of a remote engine. */
export function ModelPicker() {
  const commands = useCommands();
  const selectId = useId();
  const models = useAppStore((state) => state.models);
  const engines = useAppStore((state) => state.remoteEngines);
  const remoteModels = useAppStore((state) => state.remoteModels);
  const modelId = useAppStore(selectOpenModelId);
  const streaming = useAppStore(selectIsStreaming);
  const remote = useRemoteModel(modelId);
  // A conversation may name a file that has since been moved or deleted, a model its remote engine
  // does not list (now, or yet), or an engine removed since: the picker still shows it.
  const remoteList = remote ? (remoteModels[remote.engineId] ?? null) : null;
  const listed =
    modelId === null ||
    (remote === null
      ? models.some((model) => model.id === modelId)
      : remoteList?.status === 'listed' && remoteList.models.includes(remote.model));
  const missing = modelId !== null && !listed;
  const missingLabel = !remote
    ? `${modelId} (not in the models folder)`
    : `${remote.model} on ${remote.engineName}${remoteList?.status === 'listed' ? ' (not listed now)' : ''}`;
  const nothingToChoose = models.length === 0 && engines.length === 0;
  const localOptions = models.map((model) => (
    <option key={model.id} value={model.id} disabled={model.check === 'broken'} title={model.problem ?? undefined}>
      {model.id} · {model.check === 'broken' ? 'cannot be used' : formatBytes(model.sizeBytes)}
      {model.check === 'checking' ? ' · checking…' : ''}
    </option>
  ));

  return (
    <div className="model-picker">
      <label className="visually-hidden" htmlFor={selectId}>
        Model for this conversation
      </label>
      <select
        id={selectId}
        className="select"
        data-testid="model-picker"
        value={modelId ?? ''}
        title={remote ? `${remote.model} on ${remote.engineName}` : (modelId ?? undefined)}
        disabled={streaming || (nothingToChoose && !missing)}
        onChange={(event) => void commands.chooseModel(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">{nothingToChoose ? 'No models found' : 'Choose a model…'}</option>
        {missing && <option value={modelId}>{missingLabel}</option>}
        {engines.length === 0 ? localOptions : <optgroup label="On this computer">{localOptions}</optgroup>}
        {engines.map((engine) => (
          <RemoteModelOptions key={engine.id} engine={engine} />
        ))}
      </select>
      <button
        type="button"
        className="icon-button"
        aria-label="Refresh the model list"
        title="Look for new models in the folder and on remote engines"
        onClick={() => {
          void commands.refreshModels();
          if (engines.length > 0) void commands.refreshRemoteEngines();
        }}
      >
        <Icon name="refresh" />
      </button>
    </div>
  );
}
