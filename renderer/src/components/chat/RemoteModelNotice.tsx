import { useTranslation } from 'react-i18next';
import { useRemoteModel } from '../../hooks/useRemoteModel.js';
import { useAppStore } from '../../store/appStore.js';
import { selectOpenModelId } from '../../store/selectors.js';
import { Icon } from '../common/Icon.js';

/**
 * Above the composer of a conversation on a remote model: Hearth's promise is that nothing leaves
 * the PC, so the one case where text does is said where the user types it.
 */
export function RemoteModelNotice() {
  const { t } = useTranslation('chat');
  const remote = useRemoteModel(useAppStore(selectOpenModelId));
  if (!remote) return null;
  const where = remote.host ? t('engineOnHost', { engine: remote.engineName, host: remote.host }) : remote.engineName;
  return (
    <p className="remote-notice" role="note" data-testid="remote-notice">
      <Icon name="external" />
      <span>{t('remoteNotice', { where })}</span>
    </p>
  );
}
