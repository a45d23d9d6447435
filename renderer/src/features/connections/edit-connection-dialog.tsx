import { useState } from 'react';
import type { ConnectionSummaryDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { Field } from '../../components/field';
import { FormDialog } from '../../components/form-dialog';
import { rowFocus } from './connection-actions-store';
import { useConnectionsStore } from './connections-store';

const NAME_MAX = 120;
const DESCRIPTION_MAX = 500;

/** Edit: the connection's name and description. Everything else changes through Reconnect or Move. */
export function EditConnectionDialog({ connection, onClose }: { connection: ConnectionSummaryDto; onClose: () => void }) {
  const upsert = useConnectionsStore((s) => s.upsert);
  const [name, setName] = useState(connection.name);
  const [description, setDescription] = useState(connection.description);
  const [nameError, setNameError] = useState<string | undefined>();

  const validate = () => {
    const error = name.trim() ? undefined : 'Enter a connection name';
    setNameError(error);
    return !error;
  };

  const save = async () => {
    upsert(await invoke('connections:update', { connectionId: connection.id, name: name.trim(), description: description.trim() }));
  };

  return (
    <FormDialog
      title={`Edit “${connection.name}”`}
      returnFocus={() => rowFocus(connection.id)}
      submitLabel="Save"
      validate={validate}
      onSubmit={save}
      onClose={onClose}
    >
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
    </FormDialog>
  );
}
