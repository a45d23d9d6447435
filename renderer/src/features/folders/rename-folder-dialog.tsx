import { useState } from 'react';
import type { FolderDto } from '../../../../preload/contract';
import { Field } from '../../components/field';
import { FormDialog } from '../../components/form-dialog';
import { folderMenuButton } from './folder-actions-store';
import { folderNameError } from './folder-tree-model';
import { useFoldersStore } from './folders-store';

/** Rename folder: one field, prefilled and selected. Mounted per opening, so state starts fresh. */
export function RenameFolderDialog({ folder, onClose }: { folder: FolderDto; onClose: () => void }) {
  const rename = useFoldersStore((s) => s.rename);
  const [name, setName] = useState(folder.name);
  const [nameError, setNameError] = useState<string | undefined>();

  const validate = () => {
    const error = folderNameError(name);
    setNameError(error);
    return !error;
  };

  return (
    <FormDialog
      title={`Rename “${folder.name}”`}
      returnFocus={() => folderMenuButton(folder.id)}
      submitLabel="Rename"
      validate={validate}
      unchanged={name.trim() === folder.name}
      onSubmit={() => rename(folder.id, name.trim())}
      onClose={onClose}
    >
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
    </FormDialog>
  );
}
