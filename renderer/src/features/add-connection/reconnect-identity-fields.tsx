import type { ConnectionSummaryDto } from '../../../../preload/contract';
import { Field } from '../../components/field';
import { useFoldersStore } from '../folders/folders-store';
import { managedAuthLabel } from './auth-type-field';

/** Reconnect keeps the connection's folder, name and authentication type: shown, not editable. */
export function ReconnectIdentityFields({ connection, managedAppLabel }: { connection: ConnectionSummaryDto; managedAppLabel: string }) {
  const folderName = useFoldersStore((s) => s.folders.find((f) => f.id === connection.folderId)?.name ?? connection.folderId);
  return (
    <>
      <div className="field-row">
        <Field label="Folder">{(props) => <input {...props} className="input" readOnly value={folderName} />}</Field>
        <Field label="Connection name">{(props) => <input {...props} className="input" readOnly value={connection.name} />}</Field>
      </div>
      <Field label="Authentication type" hint="Reconnect signs in again the same way; the connection keeps its ID, folder and name.">
        {(props) => (
          <input
            {...props}
            className="input"
            readOnly
            value={connection.authType === 'managed' ? managedAuthLabel(managedAppLabel) : `Bring your own OAuth 2.0 app (${connection.clientIdMasked})`}
          />
        )}
      </Field>
    </>
  );
}
