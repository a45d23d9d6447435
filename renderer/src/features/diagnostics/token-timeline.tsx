import type { ConnectionDiagnosticsDto } from '../../../../preload/contract';
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

/** Access-token expiry, last refresh, and the refresh token and consent against Atlassian's 90 and 365 days. */
export function TokenTimeline({ tokens }: { tokens: Tokens }) {
  return (
    <DiagnosticsSection id="diag-tokens" title="Token timeline">
      <dl className="diag-facts">
        <dt>Access token</dt>
        <dd className={tokens.accessExpired ? 'diag-danger' : undefined}>
          {tokens.accessExpired ? 'Expired' : 'Valid until'} {formatDateTime(tokens.accessExpiresAt)} <span className="diag-muted">({fromNow(tokens.accessExpiresAt)})</span>
        </dd>
        <dt>Last refresh</dt>
        <dd>
          {tokens.lastRefreshAt ? (
            <>
              {formatDateTime(tokens.lastRefreshAt)} <span className="diag-muted">({fromNow(tokens.lastRefreshAt)})</span>
            </>
          ) : (
            <span className="diag-muted">Not refreshed yet</span>
          )}
        </dd>
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
