import { Button } from '../../components/button';
import { CheckIcon } from '../../components/icons';
import { StatusPill } from '../../components/status-pill';
import { useAddConnectionStore } from './add-connection-store';

/** Step 6: the connection exists. */
export function DoneStep({ onDone }: { onDone: () => void }) {
  const connection = useAddConnectionStore((s) => s.connection);
  const context = useAddConnectionStore((s) => s.context);
  const reconnect = useAddConnectionStore((s) => s.reconnect);
  const connectorName = connection?.connectorName ?? context?.connector.name ?? 'The connector';
  return (
    <>
      <div className="step-body done">
        <div className="done-mark" aria-hidden="true">
          <CheckIcon size={28} />
        </div>
        <h3 className="done-title">{reconnect ? `${reconnect.name} is reconnected` : `${connectorName} is connected`}</h3>
        {connection ? (
          <dl className="facts done-facts">
            <dt>Connection</dt>
            <dd>
              <span className="user-text">{connection.name}</span> <StatusPill status={connection.status} />
            </dd>
            <dt>Site</dt>
            <dd>{connection.site ? `${connection.site.name} (${connection.site.url})` : 'No site'}</dd>
            <dt>Account</dt>
            <dd>{connection.account?.displayName ?? 'Unknown account'}</dd>
          </dl>
        ) : null}
      </div>
      <div className="modal-footer">
        <div className="toolbar-spacer" />
        <Button variant="primary" onClick={onDone} autoFocus>
          Done
        </Button>
      </div>
    </>
  );
}
