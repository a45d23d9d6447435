import type { ConnectionSummaryDto, CreationContextDto } from '../../../../preload/contract';
import { WarnNote } from '../../components/banner';
import { Button } from '../../components/button';
import { AlertIcon, CheckIcon } from '../../components/icons';
import { StatusPill } from '../../components/status-pill';
import { localizeTimestamps } from '../connections/relative-time';
import { useAddConnectionStore } from './add-connection-store';
import { joinLabels } from './scope-groups';

/** Requested scopes Atlassian did not grant, and the scope groups (Update, View, Search…) that stop working without them. */
export function missingGrants(connection: ConnectionSummaryDto, context: CreationContextDto | null): { scopes: string[]; breaks: string[] } {
  const scopes = connection.requestedScopes.filter((s) => !connection.grantedScopes.includes(s));
  const groupOf = new Map(context?.connector.scopes.map((s) => [s.scope, s.group]) ?? []);
  const missingGroups = new Set(scopes.map((s) => groupOf.get(s)).filter((g) => g !== undefined));
  const breaks = (context?.connector.groups ?? []).filter((g) => missingGroups.has(g.id)).map((g) => g.label);
  return { scopes, breaks };
}

/** Step 6: the connection exists. It says so plainly, and warns when it works only in part. */
export function DoneStep({ onDone }: { onDone: () => void }) {
  const connection = useAddConnectionStore((s) => s.connection);
  const context = useAddConnectionStore((s) => s.context);
  const reconnect = useAddConnectionStore((s) => s.reconnect);
  const connectorName = connection?.connectorName ?? context?.connector.name ?? 'The connector';
  const missing = connection ? missingGrants(connection, context) : { scopes: [], breaks: [] };
  const expiring = connection?.status === 'expiring-soon' ? (connection.statusReason ?? null) : null;
  const warned = missing.scopes.length > 0 || expiring !== null;
  return (
    <>
      <div className="step-body done">
        <div className={warned ? 'done-mark done-mark-warn' : 'done-mark'} aria-hidden="true">
          {warned ? <AlertIcon size={28} /> : <CheckIcon size={28} />}
        </div>
        <h3 className="done-title">{reconnect ? `${reconnect.name} is reconnected` : `${connectorName} is connected`}</h3>
        {reconnect && connection ? (
          <p className="done-line">
            Reconnected as <strong>{connection.account?.displayName ?? 'an unknown account'}</strong> on{' '}
            <strong>{connection.site ? connection.site.name : 'no site'}</strong>
          </p>
        ) : null}
        {missing.scopes.length ? (
          <div className="done-warning">
            <WarnNote title="Some permissions were not granted">
              <p>
                Atlassian granted fewer permissions than requested: {missing.scopes.join(', ')} —{' '}
                {missing.breaks.length ? (
                  <>
                    {joinLabels(missing.breaks).join('')} {missing.breaks.length === 1 ? 'does' : 'do'} not work with this connection.
                  </>
                ) : (
                  'some actions may not work with this connection.'
                )}
              </p>
              <p>Reconnect and approve every permission, or ask your Atlassian admin to allow them.</p>
            </WarnNote>
          </div>
        ) : null}
        {expiring ? (
          <div className="done-warning">
            <WarnNote title="The connection is expiring soon">
              <p>{localizeTimestamps(expiring.message)}</p>
              <p>{expiring.remediation}</p>
            </WarnNote>
          </div>
        ) : null}
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
