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

  if (modelsLoaded && modelCount === 0 && !hasRemoteEngines) {
    return (
      <EmptyState kind="no-models" title="Add a model to get started">
        <p>
          Hearth runs GGUF model files on this computer. Download one from the model library, or import a{' '}
          <code>.gguf</code> file you already have.
        </p>
        <FirstRunRecommendation />
        <div className="empty-state-actions">
          <button type="button" className="button" onClick={() => commands.openLibrary('catalog')}>
            <Icon name="library" />
            Browse the model library
          </button>
          <button type="button" className="button" onClick={() => void commands.refreshModels()}>
            Check again
          </button>
        </div>
        {folder && (
          <PathField
            label="Models folder"
            path={folder}
            onOpen={canOpenFolders ? () => void commands.openModelsFolder() : undefined}
          />
        )}
        <p className="hint">Files put in this folder show up by themselves.</p>
      </EmptyState>
    );
  }

  if (openId === null) {
    return (
      <EmptyState kind="welcome" title={hasConversations ? 'Pick up where you left off' : 'Welcome to Hearth'}>
        <p>
          {hasConversations
            ? 'Choose a conversation on the left, or start a new one.'
            : 'A private assistant that runs entirely on this computer. Nothing you type leaves it.'}
        </p>
        <button type="button" className="button button--primary" onClick={() => void commands.newConversation()}>
          Start a new chat
        </button>
        <p className="hint">Or just type below.</p>
      </EmptyState>
    );
  }

  if (!conversationLoaded) return <div className="chat-spacer" />;

  if (modelId === null) {
    return (
      <EmptyState kind="no-model" title="Choose a model">
        <p>
          This conversation has no model yet.{' '}
          {modelCount === 0
            ? 'Pick a remote engine’s model in the menu at the top.'
            : `Pick one of your ${modelCount} ${modelCount === 1 ? 'model' : 'models'} in the menu at the top.`}
        </p>
      </EmptyState>
    );
  }

  if (remote) {
    return (
      <EmptyState kind="no-messages" title="Start the conversation">
        <p>
          Answers are written by <strong>{remote.model}</strong> on <strong>{remote.engineName}</strong>
          {remote.host && ` (${remote.host})`}, another machine: your messages are sent to it.
        </p>
      </EmptyState>
    );
  }

  return (
    <EmptyState kind="no-messages" title="Start the conversation">
      <p>
        Ask anything. Answers are written by <strong>{modelId}</strong>, here on this computer.
      </p>
    </EmptyState>
  );
}
