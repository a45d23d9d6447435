import type { ConnectionDiagnosticsDto, ConnectionStatus } from '../../../../preload/contract';
import { formatDateTime } from '../connections/relative-time';
import { DiagnosticsSection } from './diagnostics-section';
import { fromNow } from './diagnostics-words';

type Tokens = ConnectionDiagnosticsDto['tokens'];

/** ConnectDesk warns this many days before each of Atlassian's limits (as main does). */
const IDLE_WARNING_DAYS = 14;
const CONSENT_WARNING_DAYS = 30;

function toneOf(days: number, limit: number, warningDays: number): 'ok' | 'warn' | 'danger' {
  if (days >= limit) return 'danger';
  return days >= limit - warningDays ? 'warn' : 'ok';
}

/** Days used of an Atlassian limit, as a small bar with the words and the date it ends. */
function LimitMeter({
  label,
  hint,
  days,
  limit,
  warningDays,
  ends,
}: {
  label: string;
  /** Which Atlassian rule this is, in a sentence. */
  hint: string;
  days: number;
  limit: number;
  warningDays: number;
  ends: string | null;
}) {
  const shown = Math.max(0, Math.floor(days));
  const tone = toneOf(days, limit, warningDays);
  const percent = Math.min(100, (Math.max(0, days) / limit) * 100);
  const valueText = `${shown} of ${limit} days`;
  return (
    <div className="diag-meter-row">
      <div className="diag-meter-head">
        <span className="diag-meter-label">{label}</span>
        <span className={`diag-meter-value is-${tone}`}>{valueText}</span>
      </div>
      <div
        className={`diag-meter is-${tone}`}
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={Math.min(shown, limit)}
        aria-valuetext={valueText}
      >
        <span className="diag-meter-fill" style={{ width: `${percent}%` }} />
      </div>
      {ends ? (
        <p className="diag-meter-caption">
          {tone === 'danger' ? 'Ended' : 'Ends'} {formatDateTime(ends)} <span className="diag-muted">({fromNow(ends)})</span>
        </p>
      ) : null}
      <p className="diag-meter-hint">{hint}</p>
    </div>
  );
}

/**
 * What the access token is worth now: refused by Atlassian (a 401 before it expired), expired,
 * valid — or valid but not used, since ConnectDesk stops using a connection that needs reconnect.
 */
function AccessToken({ tokens, status }: { tokens: Tokens; status: ConnectionStatus }) {
  const expires = tokens.accessExpiresAt;
  if (tokens.accessRefusedAt) {
    return (
      <dd className="diag-danger">
        Refused by Atlassian at {formatDateTime(tokens.accessRefusedAt)}{' '}
        <span className="diag-muted">
          ({tokens.accessExpired ? 'it expired' : 'it would have expired'} at {formatDateTime(expires)})
        </span>
      </dd>
    );
  }
  if (tokens.accessExpired) {
    return (
      <dd className="diag-danger">
        Expired {formatDateTime(expires)} <span className="diag-muted">({fromNow(expires)})</span>
      </dd>
    );
  }
  return (
    <dd>
      Valid until {formatDateTime(expires)} <span className="diag-muted">({fromNow(expires)})</span>
      {status === 'needs-reconnect' ? <span className="diag-muted">; not used until the connection is reconnected</span> : null}
    </dd>
  );
}

/** The latest refresh: failed (when, with its code) or the last success. */
function LastRefresh({ tokens }: { tokens: Tokens }) {
  const failure = tokens.lastRefreshFailure;
  const success = tokens.lastRefreshAt;
  if (failure) {
    return (
      <dd className="diag-danger">
        Failed{failure.at ? ` ${formatDateTime(failure.at)}` : ''} — <code className="diag-mono">{failure.code}</code>
        {success ? <span className="diag-muted"> (last success {formatDateTime(success)})</span> : null}
      </dd>
    );
  }
  return (
    <dd>
      {success ? (
        <>
          {formatDateTime(success)} <span className="diag-muted">({fromNow(success)})</span>
        </>
      ) : (
        <span className="diag-muted">Not refreshed yet</span>
      )}
    </dd>
  );
}

/** Access-token expiry, last refresh, and the refresh token and consent against Atlassian's 90 and 365 days. */
export function TokenTimeline({ tokens, status }: { tokens: Tokens; status: ConnectionStatus }) {
  return (
    <DiagnosticsSection id="diag-tokens" title="Token timeline">
      <dl className="diag-facts">
        <dt>Access token</dt>
        <AccessToken tokens={tokens} status={status} />
        <dt>Last refresh</dt>
        <LastRefresh tokens={tokens} />
      </dl>
      <div className="diag-meters">
        {tokens.hasRefreshToken && tokens.refreshIdleDays !== null ? (
          <LimitMeter
            label="Refresh token idle"
            hint={`Atlassian ends a refresh token unused for ${tokens.refreshIdleLimitDays} days; every refresh starts the count again.`}
            days={tokens.refreshIdleDays}
            limit={tokens.refreshIdleLimitDays}
            warningDays={IDLE_WARNING_DAYS}
            ends={tokens.refreshExpiresAt}
          />
        ) : (
          <p className="diag-note-warn">
            No refresh token: Stay connected (offline_access) was not granted, so this connection stops working when the access token expires. Reconnect with Stay
            connected selected.
          </p>
        )}
        <LimitMeter
          label="Consent age"
          hint={`Atlassian asks for a new sign-in and consent ${tokens.consentLimitDays} days after the first; refreshing does not extend it.`}
          days={tokens.consentAgeDays}
          limit={tokens.consentLimitDays}
          warningDays={CONSENT_WARNING_DAYS}
          ends={tokens.consentExpiresAt}
        />
      </div>
    </DiagnosticsSection>
  );
}
