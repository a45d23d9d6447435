import { useState, type FormEvent } from 'react';
import type { ErrorInfoDto, FolderDto } from '../../../../preload/contract';
import { toErrorInfo } from '../../api/ui-error';
import { ErrorBanner } from '../../components/banner';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import { Modal } from '../../components/modal';
import { folderMenuButton } from './folder-actions-store';
import { useFoldersStore } from './folders-store';

/** Rename folder: one field, prefilled and selected. Mounted per opening, so state starts fresh. */
export function RenameFolderDialog({ folder, onClose }: { folder: FolderDto; onClose: () => void }) {
  const rename = useFoldersStore((s) => s.rename);
  const [name, setName] = useState(folder.name);
  const [nameError, setNameError] = useState<string | undefined>();
  const [failure, setFailure] = useState<ErrorInfoDto | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    if (!trimmed) return setNameError('Enter a folder name');
    if (trimmed.length > 80) return setNameError('Use 80 characters or fewer');
    if (trimmed === folder.name) return onClose();
    setNameError(undefined);
    setFailure(null);
    setBusy(true);
    try {
      await rename(folder.id, trimmed);
      onClose();
    } catch (error) {
      setFailure(toErrorInfo(error));
      setBusy(false);
    }
  };

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title={`Rename “${folder.name}”`} size="sm" returnFocus={() => folderMenuButton(folder.id)}>
      <form className="form-stack" onSubmit={submit} noValidate>
        {failure ? <ErrorBanner error={failure} /> : null}
        <Field label="Folder name" error={nameError}>
          {(props) => (
            <input
              {...props}
              className="input"
              value={name}
              autoFocus
              autoComplete="off"
              maxLength={120}
              onFocus={(e) => e.currentTarget.select()}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <div className="modal-footer modal-footer-inline">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy}>
            Rename
          </Button>
        </div>
      </form>
    </Modal>
  );
}
