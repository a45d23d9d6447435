import type { HttpTraceDto } from '../../../../preload/contract';
import { formatDateTime } from '../connections/relative-time';

function HeaderTable({ title, headers, notable }: { title: string; headers: Record<string, string>; notable: ReadonlySet<string> }) {
  // The headers that explain a failure first, then the rest alphabetically.
  const names = Object.keys(headers).sort((a, b) => Number(notable.has(b)) - Number(notable.has(a)) || a.localeCompare(b));
  return (
    <div className="trace-block">
      <h5 className="trace-block-title">{title}</h5>
      {names.length === 0 ? (
        <p className="diag-muted">None recorded</p>
      ) : (
        <dl className="trace-headers">
          {names.map((name) => (
            <div key={name} className={notable.has(name) ? 'trace-header is-notable' : 'trace-header'}>
              <dt>{name}</dt>
              <dd>{headers[name]}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

function Body({ title, body }: { title: string; body: string | null }) {
  return (
    <div className="trace-block">
      <h5 className="trace-block-title">{title}</h5>
      {body ? (
        // Keyboard users can scroll a long body: the block is focusable.
        <pre className="trace-body" tabIndex={0} aria-label={title}>
          {pretty(body)}
        </pre>
      ) : (
        <p className="diag-muted">Empty</p>
      )}
    </div>
  );
}

/** JSON bodies indented for reading; anything else as it is. Bodies arrive redacted from main. */
function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** One call opened up: full URL, response and request headers (the telling ones first), redacted bodies. */
export function TraceDetails({ id, entry, notable }: { id: string; entry: HttpTraceDto; notable: ReadonlySet<string> }) {
  return (
    <div id={id} className="trace-details">
      <dl className="diag-facts diag-facts-compact">
        <dt>URL</dt>
        <dd>
          <code className="diag-mono">
            {entry.method} {entry.url}
          </code>
        </dd>
        <dt>When</dt>
        <dd>{formatDateTime(entry.at)}</dd>
        {entry.attemptId ? (
          <>
            <dt>Sign-in attempt</dt>
            <dd>
              <code className="diag-mono">{entry.attemptId}</code>
            </dd>
          </>
        ) : null}
        {entry.networkError ? (
          <>
            <dt>No answer</dt>
            <dd className="diag-danger">{entry.networkError}</dd>
          </>
        ) : null}
      </dl>
      <div className="trace-grid">
        <HeaderTable title="Response headers" headers={entry.responseHeaders} notable={notable} />
        <HeaderTable title="Request headers" headers={entry.requestHeaders} notable={notable} />
      </div>
      <Body title="Response body" body={entry.responseBody} />
      <Body title="Request body" body={entry.requestBody} />
    </div>
  );
}
