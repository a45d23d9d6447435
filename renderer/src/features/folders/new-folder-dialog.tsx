import { useEffect, useState } from 'react';
import { Field } from '../../components/field';
import { FormDialog } from '../../components/form-dialog';
import { FolderSelect, TOP_LEVEL } from './folder-select';
import { folderNameError } from './folder-tree-model';
import { useFoldersStore } from './folders-store';

/**
 * New folder; `parentId` preselects the parent (New subfolder from a folder's menu); otherwise
 * `defaultParentId` (the selected folder) is preselected and can be changed.
 */
export function NewFolderDialog({
  open,
  onOpenChange,
  parentId: initialParentId,
  defaultParentId,
  returnFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  parentId?: string | undefined;
  defaultParentId?: string | null | undefined;
  returnFocus?: () => HTMLElement | null;
}) {
  const create = useFoldersStore((s) => s.create);
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<string>(TOP_LEVEL);
  const [nameError, setNameError] = useState<string | undefined>();

  useEffect(() => {
    if (open) setParentId(initialParentId ?? defaultParentId ?? TOP_LEVEL);
  }, [open, initialParentId, defaultParentId]);

  const close = () => {
    setName('');
    setParentId(TOP_LEVEL);
    setNameError(undefined);
    onOpenChange(false);
  };

  const validate = () => {
    const error = folderNameError(name);
    setNameError(error);
    return !error;
  };

  const save = async () => {
    await create(name.trim(), parentId === TOP_LEVEL ? null : parentId);
  };

  return (
    <FormDialog
      open={open}
      title={initialParentId ? 'New subfolder' : 'New folder'}
      returnFocus={returnFocus}
      submitLabel="Create folder"
      validate={validate}
      onSubmit={save}
      onClose={close}
    >
      <Field label="Folder name" error={nameError}>
        {(props) => <input {...props} className="input" value={name} autoFocus autoComplete="off" maxLength={120} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <FolderSelect label="Parent folder" hint="Folders can hold other folders." topLevel="None (top level)" value={parentId} onChange={setParentId} />
    </FormDialog>
  );
}
