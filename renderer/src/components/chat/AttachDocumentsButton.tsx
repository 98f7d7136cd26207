import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import type { AllSlices } from '../../store/AllSlices.js';
import { Icon } from '../common/Icon.js';

/** The open conversation's documents, as far as they are still in the library. */
const selectAttachedCount = (state: AllSlices): number => {
  const attachments = state.attachments;
  if (!attachments || attachments.conversationId !== state.openConversationId) return 0;
  return attachments.documentIds.filter((id) => state.documents.some((document) => document.id === id)).length;
};

const selectStrict = (state: AllSlices): boolean =>
  state.attachments?.conversationId === state.openConversationId && (state.attachments?.strict ?? false);

/** Beside the composer: which documents this conversation answers from; opens the checklist. */
export function AttachDocumentsButton() {
  const { t } = useTranslation('chat');
  const commands = useCommands();
  const conversationId = useAppStore((state) => state.openConversationId);
  const count = useAppStore(selectAttachedCount);
  const strict = useAppStore(selectStrict);
  const openDialog = useAppStore((state) => state.openDialog);

  useEffect(() => {
    void commands.refreshAttachments();
  }, [commands, conversationId]);

  const open = async () => {
    // Documents belong to a conversation: typing the first message would start one anyway.
    if (useAppStore.getState().openConversationId === null) await commands.newConversation();
    if (useAppStore.getState().openConversationId !== null) openDialog({ kind: 'attachDocuments' });
  };

  const label = count === 0 ? t('documents') : t('documentCount', { count });
  return (
    <button
      type="button"
      className="attach-chip"
      aria-haspopup="dialog"
      aria-label={
        count === 0
          ? t('attachDocuments')
          : strict
            ? t('attachedStrictChange', { count })
            : t('attachedChange', { count })
      }
      title={t('answerFromDocuments')}
      onClick={() => void open()}
      data-testid="attach-documents"
      data-count={count}
      data-attached={count > 0 || undefined}
    >
      <Icon name="paperclip" size={14} />
      <span>{label}</span>
      {count > 0 && strict && <span className="attach-chip-strict">{t('onlyThese')}</span>}
    </button>
  );
}
