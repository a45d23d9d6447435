import type { FolderDto } from '../../../../preload/contract';
import { MenuItem, MenuSeparator, MoreMenu } from '../../components/more-menu';
import { useFolderActionsStore } from './folder-actions-store';
import { SHARED_FOLDER_ID } from './folder-tree-model';

/** "More actions for folder {name}": Rename, New subfolder, Move, Export folder…, Delete (not for Shared). */
export function FolderMenu({ folder }: { folder: FolderDto }) {
  const start = useFolderActionsStore((s) => s.start);
  const isShared = folder.id === SHARED_FOLDER_ID;
  return (
    <MoreMenu
      label={`More actions for folder ${folder.name}`}
      heading={folder.name}
      align="start"
      trigger={{ className: 'folder-menu-trigger', 'data-folder-menu': folder.id }}
    >
      <MenuItem onSelect={() => start('rename', folder.id)}>Rename</MenuItem>
      <MenuItem onSelect={() => start('new-subfolder', folder.id)}>New subfolder</MenuItem>
      <MenuItem onSelect={() => start('move', folder.id)}>Move</MenuItem>
      <MenuItem onSelect={() => start('export', folder.id)}>Export folder…</MenuItem>
      {isShared ? null : (
        <>
          <MenuSeparator />
          <MenuItem danger onSelect={() => start('delete', folder.id)}>
            Delete
          </MenuItem>
        </>
      )}
    </MoreMenu>
  );
}
