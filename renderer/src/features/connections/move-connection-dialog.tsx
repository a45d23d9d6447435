import { useState } from 'react';
import type { ConnectionSummaryDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { FormDialog } from '../../components/form-dialog';
import { FolderSelect } from '../folders/folder-select';
import { useFoldersStore } from '../folders/folders-store';
import { rowFocus, useConnectionActionsStore } from './connection-actions-store';
import { useConnectionsStore } from './connections-store';

/** Move a connection to another folder. */
export function MoveConnectionDialog({ connection, onClose }: { connection: ConnectionSummaryDto; onClose: () => void }) {
  const upsert = useConnectionsStore((s) => s.upsert);
  const loadFolders = useFoldersStore((s) => s.load);
  const notify = useConnectionActionsStore((s) => s.notify);
  const [folderId, setFolderId] = useState(connection.folderId);
  const folderName = useFoldersStore((s) => s.folders.find((f) => f.id === folderId)?.name ?? 'the folder');

  const move = async () => {
    const moved = await invoke('connections:move', { connectionId: connection.id, folderId });
    upsert(moved);
    notify(`Moved ${moved.name} to ${folderName}`);
    void loadFolders(); // the counts changed
  };

  // The row leaves this folder: focus goes to the filter box when its menu button is gone.
  const returnFocus = () => rowFocus(connection.id);

  return (
    <FormDialog
      title={`Move “${connection.name}”`}
      returnFocus={returnFocus}
      submitLabel="Move"
      unchanged={folderId === connection.folderId}
      onSubmit={move}
      onClose={onClose}
    >
      <FolderSelect label="Folder" value={folderId} onChange={setFolderId} autoFocus />
    </FormDialog>
  );
}
