import { Dialog } from 'radix-ui';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { CloseIcon } from './icons';

/**
 * The dialog shell every dialog uses: overlay, title, optional description, close button.
 * Esc and the close button call onOpenChange(false); the caller decides what closing means.
 * On close, focus returns to what had it when the dialog opened (usually the button that opened
 * it); if that element is gone by then, to `returnFocus()` when given.
 */
export function Modal({
  open,
  onOpenChange,
  title,
  description,
  size = 'md',
  children,
  footer,
  onOpenAutoFocus,
  returnFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  size?: 'sm' | 'md' | 'lg' | 'xl';
  children: ReactNode;
  footer?: ReactNode;
  onOpenAutoFocus?: (event: Event) => void;
  /** Where focus goes on close when the element that opened the dialog no longer exists. */
  returnFocus?: () => HTMLElement | null;
}) {
  // Radix returns focus only to a Dialog.Trigger; these dialogs open from many places, so remember the opener.
  // A layout effect runs before Radix moves focus into the dialog (in a passive effect).
  const opener = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (!open) return;
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }, [open]);

  const onCloseAutoFocus = (event: Event) => {
    const saved = opener.current;
    opener.current = null;
    const target = saved?.isConnected ? saved : (returnFocus?.() ?? null);
    if (!target) return;
    event.preventDefault();
    target.focus();
  };

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="modal-overlay" />
        <Dialog.Content
          className={`modal modal-${size}`}
          onOpenAutoFocus={onOpenAutoFocus}
          onCloseAutoFocus={onCloseAutoFocus}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <header className="modal-header">
            <div>
              <Dialog.Title className="modal-title">{title}</Dialog.Title>
              {description ? <Dialog.Description className="modal-description">{description}</Dialog.Description> : null}
            </div>
          </header>
          <div className="modal-body">{children}</div>
          {footer ? <footer className="modal-footer">{footer}</footer> : null}
          {/* Last in the DOM so Tab starts in the content; placed top-right by CSS. */}
          <Dialog.Close className="btn btn-ghost btn-icon btn-sm modal-close" aria-label="Close">
            <CloseIcon />
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
