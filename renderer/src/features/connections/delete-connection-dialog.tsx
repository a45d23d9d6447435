import { useState } from 'react';
import type { ConnectionSummaryDto, ErrorInfoDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { toErrorInfo } from '../../api/ui-error';
import { ErrorBanner } from '../../components/banner';
import { Button } from '../../components/button';
import { Modal } from '../../components/modal';
import { useFoldersStore } from '../folders/folders-store';
import { useConnectionsStore } from './connections-store';

/** Delete a connection, after saying what that removes. Focus starts on Cancel. */
export function DeleteConnectionDialog({ connection, onClose }: { connection: ConnectionSummaryDto; onClose: () => void }) {
  const remove = useConnectionsStore((s) => s.remove);
  const loadFolders = useFoldersStore((s) => s.load);
  const [failure, setFailure] = useState<ErrorInfoDto | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (busy) return;
    setFailure(null);
    setBusy(true);
    try {
      await invoke('connections:delete', { connectionId: connection.id });
      remove(connection.id);
      void loadFolders();
      onClose();
    } catch (error) {
      setFailure(toErrorInfo(error));
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={`Delete ${connection.name}?`}
      size="sm"
      returnFocus={() => document.querySelector<HTMLElement>('[aria-label="Filter connections"]') ?? document.querySelector<HTMLElement>('[data-add-connection]')}
    >
      <div className="form-stack">
        {failure ? <ErrorBanner error={failure} /> : null}
        <p>Its tokens and client secret are removed from this computer. Automations using it stop working.</p>
        <div className="modal-footer modal-footer-inline">
          <Button onClick={onClose} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void confirm()}>
            Delete
          </Button>
        </div>
      </div>
    </Modal>
  );
}
