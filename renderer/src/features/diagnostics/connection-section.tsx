import type { ReactNode } from 'react';
import type { ConnectionDiagnosticsDto } from '../../../../preload/contract';
import { CopyButton } from './copy-button';
import { DiagnosticsSection } from './diagnostics-section';
import { secretSourceLabel } from './diagnostics-words';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Url({ value, what }: { value: string; what?: string }) {
  return (
    <>
      <code className="diag-mono">{value}</code>
      {what ? <CopyButton value={value} what={what} /> : null}
    </>
  );
}

/** The label already names the ID ("Sandbox (local Atlassian)" for sandbox): the ID is not repeated. */
function labelSays(label: string, id: string): boolean {
  return label.toLowerCase().includes(id.toLowerCase());
}

/** Where this connection talks to and as whom: environment, OAuth app, callback URL, site, account. */
export function ConnectionSection({ data }: { data: ConnectionDiagnosticsDto }) {
  const { connection, environment, oauthApp } = data;
  return (
    <DiagnosticsSection id="diag-connection" title="Connection & OAuth app">
      <dl className="diag-facts">
        <Fact label="Environment">
          {environment.label}
          {labelSays(environment.label, environment.id) ? null : <span className="diag-muted"> ({environment.id})</span>}
        </Fact>
        <Fact label="Auth type">{oauthApp.authType === 'managed' ? `Managed app: ${oauthApp.label}` : `Bring your own: ${oauthApp.label}`}</Fact>
        <Fact label="Client ID">
          <code className="diag-mono">{oauthApp.clientIdMasked}</code>
        </Fact>
        <Fact label="Client secret">{secretSourceLabel(oauthApp)}</Fact>
        <Fact label="Callback URL sent">
          <Url value={environment.callbackUrl} what="callback URL" />
        </Fact>
        <Fact label="Site">
          {connection.site ? (
            <>
              {connection.site.name} <span className="diag-muted">{connection.site.url}</span>
            </>
          ) : (
            <span className="diag-muted">No site chosen</span>
          )}
        </Fact>
        <Fact label="Account">
          {connection.account ? (
            <>
              {connection.account.displayName} <code className="diag-mono diag-muted">{connection.account.accountId}</code>
            </>
          ) : (
            <span className="diag-muted">Not known</span>
          )}
        </Fact>
        <Fact label="API base URL">
          {data.connectionBaseUrl ? <Url value={data.connectionBaseUrl} what="API base URL" /> : <span className="diag-muted">None: no site is bound</span>}
        </Fact>
      </dl>
      <h4 className="diag-subheading">Endpoints</h4>
      <dl className="diag-facts diag-facts-compact">
        <Fact label="Authorize">
          <Url value={environment.authorizeUrl} />
        </Fact>
        <Fact label="Token">
          <Url value={environment.tokenUrl} />
        </Fact>
        <Fact label="Sites">
          <Url value={environment.accessibleResourcesUrl} />
        </Fact>
        <Fact label="API gateway">
          <Url value={environment.apiBaseUrl} />
        </Fact>
      </dl>
    </DiagnosticsSection>
  );
}
