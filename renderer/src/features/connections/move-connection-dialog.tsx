import { useState, type FormEvent } from 'react';
import type { ConnectionSummaryDto, ErrorInfoDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { toErrorInfo } from '../../api/ui-error';
import { ErrorBanner } from '../../components/banner';
import { Button } from '../../components/button';
import { Modal } from '../../components/modal';
import { FolderSelect } from '../folders/folder-select';
import { useFoldersStore } from '../folders/folders-store';
import { rowMenuButton } from './connection-actions-store';
import { useConnectionsStore } from './connections-store';

/** Move a connection to another folder. */
export function MoveConnectionDialog({ connection, onClose }: { connection: ConnectionSummaryDto; onClose: () => void }) {
  const upsert = useConnectionsStore((s) => s.upsert);
  const loadFolders = useFoldersStore((s) => s.load);
  const [folderId, setFolderId] = useState(connection.folderId);
  const [failure, setFailure] = useState<ErrorInfoDto | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (folderId === connection.folderId) return onClose();
    setFailure(null);
    setBusy(true);
    try {
      upsert(await invoke('connections:move', { connectionId: connection.id, folderId }));
      void loadFolders(); // the counts changed
      onClose();
    } catch (error) {
      setFailure(toErrorInfo(error));
      setBusy(false);
    }
  };

  // The row leaves this folder: focus goes to the filter box when its menu button is gone.
  const returnFocus = () => rowMenuButton(connection.id) ?? document.querySelector<HTMLElement>('[aria-label="Filter connections"]');

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title={`Move “${connection.name}”`} size="sm" returnFocus={returnFocus}>
      <form className="form-stack" onSubmit={submit} noValidate>
        {failure ? <ErrorBanner error={failure} /> : null}
        <FolderSelect label="Folder" value={folderId} onChange={setFolderId} autoFocus />
        <div className="modal-footer modal-footer-inline">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy}>
            Move
          </Button>
        </div>
      </form>
    </Modal>
  );
}
