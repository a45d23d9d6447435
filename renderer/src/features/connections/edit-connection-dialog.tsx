import { useState, type FormEvent } from 'react';
import type { ConnectionSummaryDto, ErrorInfoDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { toErrorInfo } from '../../api/ui-error';
import { ErrorBanner } from '../../components/banner';
import { Button } from '../../components/button';
import { Field } from '../../components/field';
import { Modal } from '../../components/modal';
import { rowMenuButton } from './connection-actions-store';
import { useConnectionsStore } from './connections-store';

const NAME_MAX = 120;
const DESCRIPTION_MAX = 500;

/** Edit: the connection's name and description. Everything else changes through Reconnect or Move. */
export function EditConnectionDialog({ connection, onClose }: { connection: ConnectionSummaryDto; onClose: () => void }) {
  const upsert = useConnectionsStore((s) => s.upsert);
  const [name, setName] = useState(connection.name);
  const [description, setDescription] = useState(connection.description);
  const [nameError, setNameError] = useState<string | undefined>();
  const [failure, setFailure] = useState<ErrorInfoDto | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    if (!trimmed) return setNameError('Enter a connection name');
    setNameError(undefined);
    setFailure(null);
    setBusy(true);
    try {
      upsert(await invoke('connections:update', { connectionId: connection.id, name: trimmed, description: description.trim() }));
      onClose();
    } catch (error) {
      setFailure(toErrorInfo(error));
      setBusy(false);
    }
  };

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title={`Edit “${connection.name}”`} size="sm" returnFocus={() => rowMenuButton(connection.id)}>
      <form className="form-stack" onSubmit={submit} noValidate>
        {failure ? <ErrorBanner error={failure} /> : null}
        <Field label="Name" error={nameError}>
          {(props) => (
            <input {...props} className="input" value={name} autoFocus autoComplete="off" maxLength={NAME_MAX} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <Field
          label="Description"
          hint={description.length > DESCRIPTION_MAX - 100 ? `${description.length} of ${DESCRIPTION_MAX} characters` : 'Optional: what this connection is for.'}
        >
          {(props) => (
            <textarea {...props} className="input textarea" rows={3} value={description} maxLength={DESCRIPTION_MAX} onChange={(e) => setDescription(e.target.value)} />
          )}
        </Field>
        <div className="modal-footer modal-footer-inline">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy}>
            Save
          </Button>
        </div>
      </form>
    </Modal>
  );
}
