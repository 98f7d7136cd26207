import { ConfirmDialog } from '../common/ConfirmDialog.js';

interface DeleteDocumentDialogProps {
  fileName: string;
  importing: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function DeleteDocumentDialog({ fileName, importing, onConfirm, onCancel }: DeleteDocumentDialogProps) {
  return (
    <ConfirmDialog
      title="Remove this document?"
      confirmLabel="Remove"
      onConfirm={onConfirm}
      onCancel={onCancel}
      confirmTestId="confirm-delete-document"
    >
      <p>
        {importing && 'Its import stops, and '}“<strong className="break">{fileName}</strong>” and its index are removed
        from Hearth. The file itself stays where it is.
      </p>
      <p>Conversations that answered from it keep their answers, but their citations of it no longer open.</p>
    </ConfirmDialog>
  );
}
