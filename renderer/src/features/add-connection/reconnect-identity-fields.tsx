import type { ConnectionSummaryDto } from '../../../../preload/contract';
import { Field } from '../../components/field';
import { useFoldersStore } from '../folders/folders-store';

/** Reconnect keeps the connection's folder, name and authentication type: shown, not editable. */
export function ReconnectIdentityFields({ connection }: { connection: ConnectionSummaryDto }) {
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
            value={connection.authType === 'managed' ? 'OAuth 2.0 Authorization code' : `Bring your own OAuth 2.0 app (${connection.clientIdMasked})`}
          />
        )}
      </Field>
    </>
  );
}
