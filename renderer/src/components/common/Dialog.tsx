import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.js';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  testId?: string;
}

/**
 * A modal on the native <dialog>: the browser traps focus, makes the page behind inert and
 * closes on Esc; this adds a title (the dialog's h2: its sections start at h3), a close button,
 * closing on a backdrop click, and focus back on the opener when it closes.
 */
export function Dialog({ title, onClose, children, className, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const pressedOnBackdrop = useRef(false);
  const titleId = useId();
  const { t } = useTranslation();

  // A layout effect, so that it runs while the dialog is still in the page when it goes: a dialog
  // removed while it has focus leaves focus on <body>, and keyboard users lose their place. The
  // element focused before it opened gets focus back (a dialog replacing this one finds it focused
  // again and returns to it in turn).
  useLayoutEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // React's autoFocus runs while the dialog is still closed, where nothing can take focus; a
      // control marked data-autofocus (the safe choice of a confirmation) gets it once it is open.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => {
      dialog?.close();
      if (opener?.isConnected && opener !== document.body) opener.focus({ preventScroll: true });
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      data-testid={testId}
      // The page behind a modal dialog is inert, but Tab past its last control leaves for the
      // browser's own UI (and the page gets focus back on <body>): Tab and Shift+Tab wrap around.
      onKeyDown={(event) => {
        if (event.key !== 'Tab' || event.defaultPrevented) return;
        const controls = focusableIn(event.currentTarget);
        const first = controls[0];
        const last = controls.at(-1);
        if (!first || !last) return;
        const at = document.activeElement;
        if (event.shiftKey && (at === first || at === event.currentTarget)) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && at === last) {
          event.preventDefault();
          first.focus();
        }
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

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The controls Tab reaches inside `root`, in order (hidden ones left out). */
function focusableIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.getClientRects().length > 0);
}
