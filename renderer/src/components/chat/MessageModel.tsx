import { useTranslation } from 'react-i18next';
import { useModelName } from '../../hooks/useModelName.js';
import { useRemoteModel } from '../../hooks/useRemoteModel.js';

/** Which model wrote an answer, and on which machine when it was not this one. */
export function MessageModel({ modelId }: { modelId: string }) {
  const { t } = useTranslation('chat');
  const remote = useRemoteModel(modelId);
  // The model's name, never its internal id (a path, or `linked:…`).
  const name = useModelName(modelId);
  if (!remote) {
    return (
      <span className="message-model" data-testid="message-model" data-model-id={modelId}>
        {name}
      </span>
    );
  }
  return (
    <span
      className="message-model"
      data-testid="message-model"
      data-remote="true"
      data-model-id={modelId}
      title={remote.host ? t('engineOnHost', { engine: remote.engineName, host: remote.host }) : remote.engineName}
    >
      {t('modelOnEngine', { model: remote.model, engine: remote.engineName })}{' '}
      <span className="chip chip--remote">{t('remote')}</span>
    </span>
  );
}
