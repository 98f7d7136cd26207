import { useTranslation } from 'react-i18next';
import { remoteModelId, type RemoteEngine } from '../../../../contract/index.js';
import { useAppStore } from '../../store/appStore.js';

/** One engine's models in the picker, as a group named for the machine they run on. */
export function RemoteModelOptions({ engine }: { engine: RemoteEngine }) {
  const { t } = useTranslation('header');
  const models = useAppStore((state) => state.remoteModels[engine.id] ?? null);
  const label = t('remoteGroup', { engine: engine.name });
  if (models?.status !== 'listed') {
    return (
      <optgroup label={label}>
        <option disabled value={`unlisted:${engine.id}`}>
          {models?.status === 'failed' ? t('remoteListFailed', { message: models.message }) : t('remoteListing')}
        </option>
      </optgroup>
    );
  }
  return (
    <optgroup label={label}>
      {models.models.length === 0 && (
        <option disabled value={`unlisted:${engine.id}`}>
          {t('remoteNoModels')}
        </option>
      )}
      {models.models.map((model) => (
        <option key={model} value={remoteModelId(engine.id, model)}>
          {model}
        </option>
      ))}
    </optgroup>
  );
}
