import { useId } from 'react';
import { formatBytes } from '../../format/formatBytes.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { selectIsStreaming, selectOpenModelId } from '../../store/selectors.js';
import { Icon } from '../common/Icon.js';

/** The open conversation's model, chosen from the GGUF files in the models folder. */
export function ModelPicker() {
  const commands = useCommands();
  const selectId = useId();
  const models = useAppStore((state) => state.models);
  const modelId = useAppStore(selectOpenModelId);
  const streaming = useAppStore(selectIsStreaming);
  // A conversation may name a file that has since been moved or deleted: still show it.
  const missing = modelId !== null && !models.some((model) => model.id === modelId);

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
        title={modelId ?? undefined}
        disabled={streaming || (models.length === 0 && !missing)}
        onChange={(event) => void commands.chooseModel(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">{models.length === 0 ? 'No models found' : 'Choose a model…'}</option>
        {missing && <option value={modelId}>{modelId} (not in the models folder)</option>}
        {models.map((model) => (
          <option
            key={model.id}
            value={model.id}
            disabled={model.check === 'broken'}
            title={model.problem ?? undefined}
          >
            {model.id} · {model.check === 'broken' ? 'cannot be used' : formatBytes(model.sizeBytes)}
            {model.check === 'checking' ? ' · checking…' : ''}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="icon-button"
        aria-label="Refresh the model list"
        title="Look for new models in the folder"
        onClick={() => void commands.refreshModels()}
      >
        <Icon name="refresh" />
      </button>
    </div>
  );
}
