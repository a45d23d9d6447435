import { useState } from 'react';
import type { ConnectionSummaryDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { FormDialog } from '../../components/form-dialog';
import { FolderSelect } from '../folders/folder-select';
import { useFoldersStore } from '../folders/folders-store';
import { rowMenuButton } from './connection-actions-store';
import { useConnectionsStore } from './connections-store';

/** Move a connection to another folder. */
export function MoveConnectionDialog({ connection, onClose }: { connection: ConnectionSummaryDto; onClose: () => void }) {
  const upsert = useConnectionsStore((s) => s.upsert);
  const loadFolders = useFoldersStore((s) => s.load);
  const [folderId, setFolderId] = useState(connection.folderId);

  const move = async () => {
    upsert(await invoke('connections:move', { connectionId: connection.id, folderId }));
    void loadFolders(); // the counts changed
  };

  // The row leaves this folder: focus goes to the filter box when its menu button is gone.
  const returnFocus = () => rowMenuButton(connection.id) ?? document.querySelector<HTMLElement>('[aria-label="Filter connections"]');

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
