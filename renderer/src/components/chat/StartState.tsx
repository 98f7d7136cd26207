import { Trans, useTranslation } from 'react-i18next';
import { useModelName } from '../../hooks/useModelName.js';
import { useRemoteModel } from '../../hooks/useRemoteModel.js';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { selectModelsFolder } from '../../store/selectors.js';
import { EmptyState } from '../common/EmptyState.js';
import { Icon } from '../common/Icon.js';
import { PathField } from '../common/PathField.js';
import { FirstRunRecommendation } from './FirstRunRecommendation.js';

/** What the chat area shows before there is anything to read; exactly one empty state at a time. */
export function StartState() {
  const { t } = useTranslation('library');
  const commands = useCommands();
  const modelsLoaded = useAppStore((state) => state.modelsLoaded);
  const modelCount = useAppStore((state) => state.models.length);
  const folder = useAppStore(selectModelsFolder);
  const canOpenFolders = useAppStore((state) => state.appInfo?.canOpenFolders ?? false);
  const openId = useAppStore((state) => state.openConversationId);
  const hasConversations = useAppStore((state) => state.summaries.length > 0);
  const modelId = useAppStore((state) => state.openConversation?.modelId ?? null);
  const conversationLoaded = useAppStore((state) => state.openConversation !== null);
  const hasRemoteEngines = useAppStore((state) => state.remoteEngines.length > 0);
  const remote = useRemoteModel(modelId);
  // The model's name, never its internal id (`linked:<hash>/…`).
  const name = useModelName(modelId);

  if (modelsLoaded && modelCount === 0 && !hasRemoteEngines) {
    return (
      <EmptyState kind="no-models" title={t('startNoModelsTitle')}>
        <p>
          <Trans t={t} i18nKey="startNoModelsBody" components={{ code: <code /> }} />
        </p>
        <FirstRunRecommendation />
        <div className="empty-state-actions">
          <button type="button" className="button" onClick={() => commands.openLibrary('catalog')}>
            <Icon name="library" />
            {t('startBrowseLibrary')}
          </button>
          <button type="button" className="button" onClick={() => void commands.refreshModels()}>
            {t('startCheckAgain')}
          </button>
        </div>
        {folder && (
          <PathField
            label={t('modelsFolder')}
            path={folder}
            onOpen={canOpenFolders ? () => void commands.openModelsFolder() : undefined}
          />
        )}
        <p className="hint">{t('startFolderHint')}</p>
      </EmptyState>
    );
  }

  if (openId === null) {
    return (
      <EmptyState kind="welcome" title={hasConversations ? t('startWelcomeBackTitle') : t('startWelcomeTitle')}>
        <p>{hasConversations ? t('startWelcomeBackBody') : t('startWelcomeBody')}</p>
        <button type="button" className="button button--primary" onClick={() => void commands.newConversation()}>
          {t('startNewChat')}
        </button>
        <p className="hint">{t('startTypeBelow')}</p>
      </EmptyState>
    );
  }

  if (!conversationLoaded) return <div className="chat-spacer" />;

  if (modelId === null) {
    return (
      <EmptyState kind="no-model" title={t('startChooseModelTitle')}>
        <p>{modelCount === 0 ? t('startNoModelRemote') : t('startNoModelLocal', { count: modelCount })}</p>
      </EmptyState>
    );
  }

  if (remote) {
    return (
      <EmptyState kind="no-messages" title={t('startConversationTitle')}>
        <p>
          <Trans
            t={t}
            i18nKey={remote.host ? 'startRemoteBodyHost' : 'startRemoteBody'}
            values={{ model: remote.model, engine: remote.engineName, host: remote.host ?? '' }}
            components={{ strong: <strong /> }}
          />
        </p>
      </EmptyState>
    );
  }

  return (
    <EmptyState kind="no-messages" title={t('startConversationTitle')}>
      <p>
        <Trans t={t} i18nKey="startLocalBody" values={{ model: name ?? modelId }} components={{ strong: <strong /> }} />
      </p>
    </EmptyState>
  );
}
