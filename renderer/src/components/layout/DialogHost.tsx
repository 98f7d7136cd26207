import { Trans, useTranslation } from 'react-i18next';
import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { ConfirmDialog } from '../common/ConfirmDialog.js';
import { AttachDocumentsDialog } from '../documents/AttachDocumentsDialog.js';
import { DocumentsDialog } from '../documents/DocumentsDialog.js';
import { PassageDialog } from '../documents/PassageDialog.js';
import { LibraryDialog } from '../library/LibraryDialog.js';
import { ConversationSettingsDialog } from '../settings/ConversationSettingsDialog.js';
import { SettingsDialog } from '../settings/SettingsDialog.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';

/**
 * Renders the one open dialog, if any. Each is a native modal <dialog> (common/Dialog): focus
 * stays inside, Esc closes it, and focus goes back to what had it before.
 */
export function DialogHost() {
  const { t } = useTranslation('layout');
  const commands = useCommands();
  const dialog = useAppStore((state) => state.dialog);
  const close = useAppStore((state) => state.closeDialog);
  const openDialog = useAppStore((state) => state.openDialog);
  if (dialog === null) return null;

  switch (dialog.kind) {
    case 'settings':
      return <SettingsDialog onClose={close} />;
    case 'conversationSettings':
      return <ConversationSettingsDialog onClose={close} />;
    case 'library':
      return (
        <LibraryDialog
          tab={dialog.tab}
          entryId={dialog.entryId ?? null}
          onTabChange={(tab) => openDialog({ kind: 'library', tab })}
          onClose={close}
        />
      );
    case 'documents':
      return <DocumentsDialog onClose={close} />;
    case 'attachDocuments':
      return <AttachDocumentsDialog onClose={close} />;
    case 'passage':
      return <PassageDialog citation={dialog.citation} onClose={close} />;
    case 'confirmDelete':
      return (
        <ConfirmDialog
          title={t('deleteConversationTitle')}
          confirmLabel={t('delete', { ns: 'common' })}
          onCancel={close}
          onConfirm={() => {
            close();
            void commands.deleteConversation(dialog.conversationId);
          }}
        >
          <p>
            {/* The title goes in as an element, never through the translation's markup parsing. */}
            <Trans
              t={t}
              i18nKey="deleteConversationBody"
              components={{ name: <strong className="break">{dialog.title}</strong> }}
            />
          </p>
        </ConfirmDialog>
      );
    case 'confirmDeleteBranch':
      return (
        <ConfirmDialog
          title={t('deleteVersionTitle')}
          confirmLabel={t('deleteVersionConfirm')}
          onCancel={close}
          onConfirm={() => {
            close();
            void commands.deleteBranch(dialog.messageId);
          }}
        >
          <p>{dialog.role === 'user' ? t('deleteVersionBodyQuestion') : t('deleteVersionBodyAnswer')}</p>
        </ConfirmDialog>
      );
    case 'shortcuts':
      return <ShortcutsDialog onClose={close} />;
    default:
      return dialog satisfies never;
  }
}
