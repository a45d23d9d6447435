import { useState } from 'react';
import type { HttpTraceDto } from '../../../../preload/contract';
import { ChevronIcon } from '../../components/icons';
import { formatDateTime } from '../connections/relative-time';
import { DiagnosticsEmpty, DiagnosticsSection } from './diagnostics-section';
import { formatDuration, NOTABLE_HEADERS, operationLabels } from './diagnostics-words';
import { TraceDetails } from './trace-details';

function statusTone(status: number | null): string {
  if (status === null) return 'none';
  if (status < 300) return 'ok';
  if (status < 400) return 'neutral';
  if (status === 429) return 'warn';
  return 'danger';
}

const isFailure = (entry: HttpTraceDto) => entry.status === null || entry.status >= 400;
/** A plain 400 is often expected (the check's Update probe is refused on purpose): a refusal or no answer tells more. */
const isTelling = (entry: HttpTraceDto) => entry.status === null || entry.status >= 401;

/** Every Confluence call starts with the gateway's /ex/confluence/{cloudId}: it goes to the muted line. */
const GATEWAY_PREFIX = /^(\/ex\/confluence\/[^/]+)(\/.*)$/;

/**
 * Path and (already redacted) query in front, the part that tells calls apart; host and gateway
 * prefix muted. The rest is cut from the URL as main recorded it: `new URL()` would percent-encode
 * it (a masked client_id "••••-app" would read "%E2%80%A2…-app").
 */
function splitUrl(url: string): { origin: string; rest: string } {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return { origin: '', rest: url };
  }
  // The origin as written (scheme and host may differ in case; an explicit default port is not in `origin`).
  if (origin === 'null' || url.slice(0, origin.length).toLowerCase() !== origin.toLowerCase()) return { origin: '', rest: url };
  const written = url.slice(0, origin.length);
  const rest = url.slice(origin.length) || '/';
  const gateway = GATEWAY_PREFIX.exec(rest);
  if (gateway) return { origin: `${written}${gateway[1]}`, rest: gateway[2]! };
  return { origin: written, rest };
}

/** The headers that explain a failure at a glance, shown on the row itself. */
const ROW_HEADERS = ['x-failure-category', 'retry-after'] as const;

function TraceRow({ entry, expanded, onToggle }: { entry: HttpTraceDto; expanded: boolean; onToggle: () => void }) {
  const { origin, rest } = splitUrl(entry.url);
  const panelId = `trace-${entry.id}`;
  const tone = statusTone(entry.status);
  const flags = ROW_HEADERS.filter((h) => entry.responseHeaders[h] !== undefined);
  return (
    <li className={`trace-item is-${tone}`}>
      <button type="button" className="trace-row" aria-expanded={expanded} aria-controls={panelId} onClick={onToggle}>
        <ChevronIcon className="trace-chevron" size={14} />
        <span className={`trace-status is-${tone}`}>{entry.status ?? 'No answer'}</span>
        <span className="trace-method">{entry.method}</span>
        <span className="trace-url">
          <span className="trace-path">{rest}</span>
          <span className="trace-origin">{origin}</span>
        </span>
        <span className="trace-op">{operationLabels[entry.operation]}</span>
        <span className="trace-time">
          {formatDuration(entry.durationMs)}
          <span className="diag-muted"> · {formatDateTime(entry.at)}</span>
        </span>
      </button>
      {flags.length > 0 || entry.networkError ? (
        <p className="trace-flags">
          {flags.map((h) => (
            <span key={h} className="trace-flag">
              {h}: {entry.responseHeaders[h]}
            </span>
          ))}
          {entry.networkError ? <span className="trace-flag">{entry.networkError}</span> : null}
        </p>
      ) : null}
      {expanded ? <TraceDetails id={panelId} entry={entry} notable={NOTABLE_HEADERS} /> : null}
    </li>
  );
}

/** The OAuth and API calls of the last attempts, newest first; the newest telling failure starts open. */
export function HttpTrace({ traces: newestFirst }: { traces: HttpTraceDto[] }) {
  const [expanded, setExpanded] = useState<Set<string>>(() => {
    const failure = newestFirst.find(isTelling) ?? newestFirst.find(isFailure);
    return new Set(failure ? [failure.id] : []);
  });
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const failures = newestFirst.filter(isFailure).length;
  const count = newestFirst.length;
  const aside = count ? `${count} ${count === 1 ? 'call' : 'calls'}${failures ? `, ${failures} failed` : ''}` : undefined;
  return (
    <DiagnosticsSection id="diag-trace" title="HTTP trace" aside={aside}>
      {newestFirst.length === 0 ? (
        <DiagnosticsEmpty>No calls recorded yet. Check the connection to record its calls to Atlassian.</DiagnosticsEmpty>
      ) : (
        <ul className="trace-list" aria-label="HTTP calls, newest first">
          {newestFirst.map((entry) => (
            <TraceRow key={entry.id} entry={entry} expanded={expanded.has(entry.id)} onToggle={() => toggle(entry.id)} />
          ))}
        </ul>
      )}
    </DiagnosticsSection>
  );
}
