import type { FolderDto } from '../../../../preload/contract';
import { ExportBackupDialog } from '../backup/export-backup-dialog';
import { DeleteFolderDialog } from './delete-folder-dialog';
import { folderMenuButton, useFolderActionsStore } from './folder-actions-store';
import { useFoldersStore } from './folders-store';
import { MoveFolderDialog } from './move-folder-dialog';
import { NewFolderDialog } from './new-folder-dialog';
import { RenameFolderDialog } from './rename-folder-dialog';

/** The dialogs behind a folder's More actions menu; each mounts fresh for the folder it acts on. */
export function FolderActionDialogs() {
  const action = useFolderActionsStore((s) => s.action);
  const end = useFolderActionsStore((s) => s.end);
  const folder: FolderDto | undefined = useFoldersStore((s) => s.folders.find((f) => f.id === action?.folderId));
  return (
    <>
      {action?.kind === 'rename' && folder ? <RenameFolderDialog key={folder.id} folder={folder} onClose={end} /> : null}
      {action?.kind === 'move' && folder ? <MoveFolderDialog key={folder.id} folder={folder} onClose={end} /> : null}
      {action?.kind === 'export' && folder ? (
        <ExportBackupDialog key={folder.id} folderId={folder.id} onClose={end} returnFocus={() => folderMenuButton(folder.id)} />
      ) : null}
      {action?.kind === 'delete' && folder ? <DeleteFolderDialog key={folder.id} folder={folder} onClose={end} /> : null}
      <NewFolderDialog
        open={action?.kind === 'new-subfolder' && folder !== undefined}
        parentId={folder?.id}
        onOpenChange={(open) => (open ? undefined : end())}
        returnFocus={() => document.querySelector<HTMLElement>('.folder-item[aria-current="page"]')}
      />
    </>
  );
}
