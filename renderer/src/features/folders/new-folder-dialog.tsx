import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { ErrorInfoDto } from '../../../../preload/contract';
import { toErrorInfo } from '../../api/ui-error';
import { ErrorBanner } from '../../components/banner';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import { Modal } from '../../components/modal';
import { buildFolderTree, flattenFolderTree, indentedName } from './folder-tree-model';
import { useFoldersStore } from './folders-store';

const NO_PARENT = '';

/** New folder; `parentId` preselects the parent (New subfolder from a folder's menu). */
export function NewFolderDialog({
  open,
  onOpenChange,
  parentId: initialParentId,
  returnFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  parentId?: string | undefined;
  returnFocus?: () => HTMLElement | null;
}) {
  const folders = useFoldersStore((s) => s.folders);
  const create = useFoldersStore((s) => s.create);
  const options = useMemo(() => flattenFolderTree(buildFolderTree(folders)), [folders]);

  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<string>(NO_PARENT);
  const [nameError, setNameError] = useState<string | undefined>();
  const [failure, setFailure] = useState<ErrorInfoDto | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) setParentId(initialParentId ?? NO_PARENT);
  }, [open, initialParentId]);

  const reset = () => {
    setName('');
    setParentId(NO_PARENT);
    setNameError(undefined);
    setFailure(null);
    setBusy(false);
  };

  const handleOpenChange = (next: boolean) => {
    if (!next) reset();
    onOpenChange(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    if (!trimmed) return setNameError('Enter a folder name');
    if (trimmed.length > 80) return setNameError('Use 80 characters or fewer');
    setNameError(undefined);
    setFailure(null);
    setBusy(true);
    try {
      await create(trimmed, parentId === NO_PARENT ? null : parentId);
      reset();
      onOpenChange(false);
    } catch (error) {
      setFailure(toErrorInfo(error));
      setBusy(false);
    }
  };

  return (
    <Modal open={open} onOpenChange={handleOpenChange} title={initialParentId ? 'New subfolder' : 'New folder'} size="sm" returnFocus={returnFocus}>
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
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label="Parent folder" hint="Folders can hold other folders.">
          {(props) => (
            <select {...props} className="input select" value={parentId} onChange={(e) => setParentId(e.target.value)}>
              <option value={NO_PARENT}>None (top level)</option>
              {options.map(({ folder, depth }) => (
                <option key={folder.id} value={folder.id}>
                  {indentedName(folder.name, depth)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="modal-footer modal-footer-inline">
          <Button onClick={() => handleOpenChange(false)}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy}>
            Create folder
          </Button>
        </div>
      </form>
    </Modal>
  );
}
