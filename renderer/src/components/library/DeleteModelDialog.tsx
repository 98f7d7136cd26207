import { Trans, useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../common/ConfirmDialog.js';

interface DeleteModelDialogProps {
  /** What the user calls the model (modelName), never its internal id. */
  name: string;
  linked: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function DeleteModelDialog({ name, linked, onConfirm, onCancel }: DeleteModelDialogProps) {
  const { t } = useTranslation('library');
  return (
    <ConfirmDialog
      title={linked ? t('removeTitle') : t('deleteTitle')}
      confirmLabel={linked ? t('remove') : t('delete')}
      onConfirm={onConfirm}
      onCancel={onCancel}
      confirmTestId="confirm-delete"
    >
      <p>
        <Trans
          t={t}
          i18nKey={linked ? 'removeBody' : 'deleteBody'}
          values={{ name }}
          components={{ strong: <strong className="break" /> }}
        />
      </p>
      <p>{t('deleteStatesToo')}</p>
    </ConfirmDialog>
  );
}
