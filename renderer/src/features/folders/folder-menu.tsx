import { DropdownMenu } from 'radix-ui';
import type { FolderDto } from '../../../../preload/contract';
import { MoreIcon } from '../../components/icons';
import { useFolderActionsStore } from './folder-actions-store';
import { SHARED_FOLDER_ID } from './folder-tree-model';

/** "More actions for folder {name}": Rename, New subfolder, Move, Delete (not for Shared). */
export function FolderMenu({ folder }: { folder: FolderDto }) {
  const start = useFolderActionsStore((s) => s.start);
  const isShared = folder.id === SHARED_FOLDER_ID;
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        className="btn btn-ghost btn-icon btn-sm folder-menu-trigger"
        aria-label={`More actions for folder ${folder.name}`}
        data-folder-menu={folder.id}
      >
        <MoreIcon />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="start" sideOffset={4}>
          <DropdownMenu.Label className="menu-label">{folder.name}</DropdownMenu.Label>
          <DropdownMenu.Item className="menu-item" onSelect={() => start('rename', folder.id)}>
            Rename
          </DropdownMenu.Item>
          <DropdownMenu.Item className="menu-item" onSelect={() => start('new-subfolder', folder.id)}>
            New subfolder
          </DropdownMenu.Item>
          <DropdownMenu.Item className="menu-item" onSelect={() => start('move', folder.id)}>
            Move
          </DropdownMenu.Item>
          {isShared ? null : (
            <>
              <DropdownMenu.Separator className="menu-separator" />
              <DropdownMenu.Item className="menu-item menu-item-danger" onSelect={() => start('delete', folder.id)}>
                Delete
              </DropdownMenu.Item>
            </>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
