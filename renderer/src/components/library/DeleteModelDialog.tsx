import { ConfirmDialog } from '../common/ConfirmDialog.js';

interface DeleteModelDialogProps {
  fileName: string;
  linked: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function DeleteModelDialog({ fileName, linked, onConfirm, onCancel }: DeleteModelDialogProps) {
  return (
    <ConfirmDialog
      title={linked ? 'Remove this model?' : 'Delete this model?'}
      confirmLabel={linked ? 'Remove' : 'Delete'}
      onConfirm={onConfirm}
      onCancel={onCancel}
      confirmTestId="confirm-delete"
    >
      <p>
        {linked ? (
          <>
            “<strong className="break">{fileName}</strong>” is removed from the library. The file itself stays where it
            is.
          </>
        ) : (
          <>
            The file “<strong className="break">{fileName}</strong>” is deleted from the models folder.
          </>
        )}
      </p>
      <p>The saved conversation states for this model are deleted too. Conversations keep their messages.</p>
    </ConfirmDialog>
  );
}
