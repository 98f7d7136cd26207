import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../format/formatBytes.js';
import { modelName } from '../../format/modelName.js';
import { useRemoteModel } from '../../hooks/useRemoteModel.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { selectIsStreaming, selectOpenModelId } from '../../store/selectors.js';
import { Icon } from '../common/Icon.js';
import { RemoteModelOptions } from './RemoteModelOptions.js';

/**
 * The open conversation's model: a GGUF file in the models folder, or a model of a remote engine.
 * Models are shown by name (the file name without .gguf), never by their internal id.
 */
export function ModelPicker() {
  const { t } = useTranslation('header');
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
  const name = modelId === null ? null : modelName(modelId, models);
  const remoteLabel = remote ? t('remoteModelOn', { model: remote.model, engine: remote.engineName }) : null;
  const missingLabel = !remote
    ? t('missingLocal', { name })
    : remoteList?.status === 'listed'
      ? t('missingRemote', { model: remote.model, engine: remote.engineName })
      : remoteLabel;
  const nothingToChoose = models.length === 0 && engines.length === 0;
  const localOptions = models.map((model) => {
    const shown = modelName(model.id, models);
    const size = formatBytes(model.sizeBytes);
    return (
      <option key={model.id} value={model.id} disabled={model.check === 'broken'} title={model.problem ?? undefined}>
        {model.check === 'broken'
          ? t('optionBroken', { name: shown })
          : model.check === 'checking'
            ? t('optionChecking', { name: shown, size })
            : t('optionModel', { name: shown, size })}
      </option>
    );
  });

  return (
    <div className="model-picker">
      <label className="visually-hidden" htmlFor={selectId}>
        {t('pickerLabel')}
      </label>
      <select
        id={selectId}
        className="select"
        data-testid="model-picker"
        value={modelId ?? ''}
        title={remoteLabel ?? name ?? undefined}
        disabled={streaming || (nothingToChoose && !missing)}
        onChange={(event) => void commands.chooseModel(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">{nothingToChoose ? t('noModels') : t('chooseModel')}</option>
        {missing && <option value={modelId}>{missingLabel}</option>}
        {engines.length === 0 ? localOptions : <optgroup label={t('localGroup')}>{localOptions}</optgroup>}
        {engines.map((engine) => (
          <RemoteModelOptions key={engine.id} engine={engine} />
        ))}
      </select>
      <button
        type="button"
        className="icon-button"
        aria-label={t('refreshModels')}
        title={t('refreshModelsTitle')}
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
