import { useMemo, useState } from 'react';
import type { FolderDto } from '../../../../preload/contract';
import { FormDialog } from '../../components/form-dialog';
import { folderMenuButton } from './folder-actions-store';
import { FolderSelect, TOP_LEVEL } from './folder-select';
import { subtreeIds } from './folder-tree-model';
import { useFoldersStore } from './folders-store';

/** Move folder: pick a new parent or the top level; the folder and its subfolders are not offered. */
export function MoveFolderDialog({ folder, onClose }: { folder: FolderDto; onClose: () => void }) {
  const folders = useFoldersStore((s) => s.folders);
  const move = useFoldersStore((s) => s.move);
  const exclude = useMemo(() => subtreeIds(folders, folder.id), [folders, folder.id]);
  const [parentId, setParentId] = useState(folder.parentId ?? TOP_LEVEL);
  const target = parentId === TOP_LEVEL ? null : parentId;

  return (
    <FormDialog
      title={`Move “${folder.name}”`}
      returnFocus={() => folderMenuButton(folder.id)}
      submitLabel="Move"
      unchanged={target === folder.parentId}
      onSubmit={() => move(folder.id, target)}
      onClose={onClose}
    >
      <FolderSelect
        label="New parent folder"
        value={parentId}
        onChange={setParentId}
        exclude={exclude}
        topLevel="None (top level)"
        hint="Its subfolders and connections move with it."
        autoFocus
      />
    </FormDialog>
  );
}
