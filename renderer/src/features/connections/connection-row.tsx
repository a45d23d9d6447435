import type { CSSProperties } from 'react';
import type { ConnectionSummaryDto } from '../../../../preload/contract';
import { ConnectionRowMenu } from './connection-row-menu';
import { formatFull, formatRelative, lastActivity } from './relative-time';
import { StatusCell } from './status-cell';

function siteHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** How the connection signs in, in the same words as the Authentication type choice. */
export function authText(connection: Pick<ConnectionSummaryDto, 'authType' | 'clientIdMasked'>): string {
  return connection.authType === 'byo' ? `Your OAuth app ${connection.clientIdMasked}` : 'Managed app';
}

/** Text that may be cut off in its cell, with the whole of it as a tooltip. */
function TitledText({ className, text }: { className: string; text: string }) {
  return (
    <span className={className} title={text}>
      {text}
    </span>
  );
}

function ScopesCell({ connection }: { connection: ConnectionSummaryDto }) {
  const granted = connection.grantedScopes;
  const missing = connection.requestedScopes.filter((s) => !granted.includes(s));
  const title = [`Granted:\n${granted.join('\n') || 'none'}`, missing.length ? `Not granted:\n${missing.join('\n')}` : ''].filter(Boolean).join('\n\n');
  return (
    <span className="cell-scopes" title={title}>
      <span className={`cell-primary cell-plain ${missing.length ? 'cell-warn' : ''}`}>
        {missing.length ? `${granted.length}/${connection.requestedScopes.length}` : granted.length}
        <span className="visually-hidden">
          {' '}
          {granted.length === 1 ? 'scope' : 'scopes'}: {granted.join(', ')}
          {missing.length ? `; ${missing.length} missing: ${missing.join(', ')}` : ''}
        </span>
      </span>
      {missing.length ? (
        <span className="cell-secondary cell-warn" aria-hidden="true">
          {missing.length} missing
        </span>
      ) : null}
    </span>
  );
}

function ActivityCell({ connection, now }: { connection: ConnectionSummaryDto; now: number }) {
  const activity = lastActivity(connection);
  if (!activity) return <span className="cell-secondary">Never used</span>;
  const verb = activity.kind === 'used' ? 'Used' : 'Checked';
  return (
    <>
      <time className="cell-primary cell-time" dateTime={activity.at} title={`${verb} ${formatFull(activity.at)}`}>
        {formatRelative(activity.at, now)}
      </time>
      <span className="cell-secondary">{verb}</span>
    </>
  );
}

/** One connection as a table row: every cell, and the row's More actions menu. */
export function ConnectionRow({ connection, rowIndex, style, now }: { connection: ConnectionSummaryDto; rowIndex: number; style: CSSProperties; now: number }) {
  return (
    <div role="row" aria-rowindex={rowIndex} className="table-row" style={style}>
      <div role="cell" className="table-cell cell-name">
        <span className="cell-title">
          <TitledText className="cell-primary" text={connection.name} />
          {connection.isDefault ? (
            <span className="badge" title={`The default ${connection.connectorName} connection in this folder`}>
              Default
            </span>
          ) : null}
        </span>
        {/* The auth line stays when there is a description: both, the description cut first. */}
        <span className="cell-secondary cell-auth-line" title={connection.description || undefined}>
          <span className={connection.authType === 'byo' ? 'cell-mono' : undefined}>{authText(connection)}</span>
          {connection.description ? (
            <>
              {' · '}
              <span className="cell-description">{connection.description}</span>
            </>
          ) : null}
        </span>
      </div>
      <div role="cell" className="table-cell">
        <TitledText className="cell-primary cell-plain" text={connection.connectorName} />
      </div>
      <div role="cell" className="table-cell cell-status">
        <StatusCell connection={connection} />
      </div>
      <div role="cell" className="table-cell cell-site">
        {connection.site ? (
          <>
            <TitledText className="cell-primary" text={connection.site.name} />
            <span className="cell-secondary">{siteHost(connection.site.url)}</span>
          </>
        ) : (
          <span className="cell-secondary">No site</span>
        )}
      </div>
      <div role="cell" className="table-cell">
        {connection.account ? (
          <TitledText className="cell-primary cell-plain" text={connection.account.displayName} />
        ) : (
          <span className="cell-secondary">Unknown</span>
        )}
      </div>
      <div role="cell" className="table-cell cell-muted">
        <ScopesCell connection={connection} />
      </div>
      <div role="cell" className="table-cell cell-muted">
        <ActivityCell connection={connection} now={now} />
      </div>
      <div role="cell" className="table-cell cell-actions">
        <ConnectionRowMenu connection={connection} />
      </div>
    </div>
  );
}
