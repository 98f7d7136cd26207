import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.js';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  testId?: string;
}

/** What Tab can reach inside the dialog. */
const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/**
 * A modal on the native <dialog>: the browser makes the page behind inert and closes on Esc; this
 * adds a title, a close button, closing on a backdrop click, and keeps Tab inside the dialog (the
 * browser would move it on to its own toolbar after the last control).
 */
export function Dialog({ title, onClose, children, className, testId }: DialogProps) {
  const { t } = useTranslation('common');
  const ref = useRef<HTMLDialogElement>(null);
  const pressedOnBackdrop = useRef(false);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onKeyDown={(event) => {
        if (event.key !== 'Tab' || event.defaultPrevented) return;
        const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
          (element) => element.closest('dialog') === event.currentTarget && element.checkVisibility(),
        );
        const first = focusable[0];
        const last = focusable.at(-1);
        if (!first || !last) return;
        const leaving = event.shiftKey ? document.activeElement === first : document.activeElement === last;
        if (!leaving) return;
        event.preventDefault();
        (event.shiftKey ? last : first).focus();
      }}
      onCancel={(event) => {
        event.preventDefault();
        // React passes the event on to a dialog this one is nested in; Esc closes only the top one.
        event.stopPropagation();
        onClose();
      }}
      // A click on the backdrop closes, but not a text selection that started inside and ended outside.
      onPointerDown={(event) => {
        pressedOnBackdrop.current = event.target === event.currentTarget;
      }}
      onClick={(event) => {
        if (pressedOnBackdrop.current && event.target === event.currentTarget) onClose();
        pressedOnBackdrop.current = false;
      }}
    >
      <div className="dialog-frame">
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" aria-label={t('close')} onClick={onClose}>
            <Icon name="close" />
          </button>
        </header>
        {children}
      </div>
    </dialog>
  );
}
