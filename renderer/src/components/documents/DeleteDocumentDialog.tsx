import { Trans, useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../common/ConfirmDialog.js';

interface DeleteDocumentDialogProps {
  fileName: string;
  importing: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function DeleteDocumentDialog({ fileName, importing, onConfirm, onCancel }: DeleteDocumentDialogProps) {
  const { t } = useTranslation('documents');
  return (
    <ConfirmDialog
      title={t('deleteTitle')}
      confirmLabel={t('deleteConfirm')}
      onConfirm={onConfirm}
      onCancel={onCancel}
      confirmTestId="confirm-delete-document"
    >
      <p>
        <Trans
          t={t}
          i18nKey={importing ? 'deleteBodyImporting' : 'deleteBody'}
          values={{ name: fileName }}
          components={{ name: <strong className="break" /> }}
        />
      </p>
      <p>{t('deleteCitations')}</p>
    </ConfirmDialog>
  );
}
