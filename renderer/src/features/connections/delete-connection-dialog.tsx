import type { ConnectionSummaryDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { FormDialog } from '../../components/form-dialog';
import { useFoldersStore } from '../folders/folders-store';
import { rowFocus } from './connection-actions-store';
import { useConnectionsStore } from './connections-store';

/** Delete a connection, after saying what that removes. Focus starts on Cancel. */
export function DeleteConnectionDialog({ connection, onClose }: { connection: ConnectionSummaryDto; onClose: () => void }) {
  const remove = useConnectionsStore((s) => s.remove);
  const loadFolders = useFoldersStore((s) => s.load);

  const confirm = async () => {
    await invoke('connections:delete', { connectionId: connection.id });
    remove(connection.id);
    void loadFolders();
  };

  return (
    <FormDialog
      title={`Delete ${connection.name}?`}
      returnFocus={() => rowFocus(connection.id)}
      submitLabel="Delete"
      destructive
      onSubmit={confirm}
      onClose={onClose}
    >
      <p>
        {connection.authType === 'byo' ? 'Its tokens and client secret are removed from this computer.' : 'Its tokens are removed from this computer.'} Automations
        using it stop working.
      </p>
    </FormDialog>
  );
}
