import { useState, type FormEvent, type ReactNode } from 'react';
import type { ErrorInfoDto } from '../../../preload/contract';
import { toErrorInfo } from '../api/ui-error';
import { ErrorBanner } from './banner';
import { Button } from './button';
import { Modal } from './modal';

interface FormProps {
  onClose: () => void;
  submitLabel: string;
  /** A danger submit button, and focus starts on Cancel. */
  destructive?: boolean;
  /** Checks the fields before anything is sent (showing their errors); false keeps the dialog as it is. */
  validate?: () => boolean;
  /** Nothing to save: submitting (after validate) just closes. */
  unchanged?: boolean;
  /** Does the work; the dialog closes when it resolves. A throw shows the error banner and lets the user retry. */
  onSubmit: () => Promise<void>;
  children: ReactNode;
}

/**
 * A dialog holding one form: an error banner when the last submit failed, the fields, and Cancel
 * and submit buttons. The submit button shows busy while onSubmit runs.
 */
export function FormDialog({
  open = true,
  title,
  size = 'sm',
  returnFocus,
  ...form
}: FormProps & {
  /** Defaults to true, for dialogs mounted per opening. */
  open?: boolean;
  title: ReactNode;
  size?: 'sm' | 'md' | 'lg';
  returnFocus?: () => HTMLElement | null;
}) {
  return (
    <Modal open={open} onOpenChange={(next) => (next ? undefined : form.onClose())} title={title} size={size} returnFocus={returnFocus}>
      {/* Inside the dialog's content, so busy and failure start fresh on every opening. */}
      <DialogForm {...form} />
    </Modal>
  );
}

function DialogForm({ onClose, submitLabel, destructive = false, validate, unchanged = false, onSubmit, children }: FormProps) {
  const [failure, setFailure] = useState<ErrorInfoDto | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (validate && !validate()) return;
    if (unchanged) return onClose();
    setFailure(null);
    setBusy(true);
    try {
      await onSubmit();
      onClose();
    } catch (error) {
      setFailure(toErrorInfo(error));
      setBusy(false);
    }
  };

  return (
    <form className="form-stack" onSubmit={submit} noValidate>
      {failure ? <ErrorBanner error={failure} /> : null}
      {children}
      <div className="modal-footer modal-footer-inline">
        <Button onClick={onClose} autoFocus={destructive || undefined}>
          Cancel
        </Button>
        <Button type="submit" variant={destructive ? 'danger' : 'primary'} busy={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
