import { useCommands } from '../../session/CommandsContext.js';
import { useAppStore } from '../../store/appStore.js';
import { ConfirmDialog } from '../common/ConfirmDialog.js';
import { AttachDocumentsDialog } from '../documents/AttachDocumentsDialog.js';
import { DocumentsDialog } from '../documents/DocumentsDialog.js';
import { PassageDialog } from '../documents/PassageDialog.js';
import { LibraryDialog } from '../library/LibraryDialog.js';
import { ConversationSettingsDialog } from '../settings/ConversationSettingsDialog.js';
import { SettingsDialog } from '../settings/SettingsDialog.js';

/** Renders the one open dialog, if any. */
export function DialogHost() {
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
          title="Delete this conversation?"
          confirmLabel="Delete"
          onCancel={close}
          onConfirm={() => {
            close();
            void commands.deleteConversation(dialog.conversationId);
          }}
        >
          <p>
            “<strong className="break">{dialog.title}</strong>” and all its messages will be removed from this computer.
            This cannot be undone.
          </p>
        </ConfirmDialog>
      );
    case 'confirmDeleteBranch':
      return (
        <ConfirmDialog
          title="Delete this version?"
          confirmLabel="Delete version"
          onCancel={close}
          onConfirm={() => {
            close();
            void commands.deleteBranch(dialog.messageId);
          }}
        >
          <p>
            {dialog.role === 'user'
              ? 'This version of your message, its answers and everything said after them will be removed.'
              : 'This answer and everything said after it will be removed.'}{' '}
            The other versions stay. This cannot be undone.
          </p>
        </ConfirmDialog>
      );
    default:
      return dialog satisfies never;
  }
}
