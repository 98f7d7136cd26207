import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog.js';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** The confirm button's test id, where a test must tell this confirmation from others. */
  confirmTestId?: string;
}

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  confirmTestId = 'confirm-button',
}: ConfirmDialogProps) {
  const { t } = useTranslation('common');
  return (
    <Dialog title={title} onClose={onCancel} className="dialog--small" testId="confirm-dialog">
      <div className="dialog-body">{children}</div>
      <footer className="dialog-footer">
        {/* Cancel first and focused: the safe choice is the default one. */}
        <button type="button" className="button" onClick={onCancel} data-autofocus data-testid="cancel-button">
          {t('cancel')}
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm} data-testid={confirmTestId}>
          {confirmLabel}
        </button>
      </footer>
    </Dialog>
  );
}
