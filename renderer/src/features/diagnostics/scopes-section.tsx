import type { ConnectionDiagnosticsDto } from '../../../../preload/contract';
import { CheckIcon, CloseIcon, SkipIcon } from '../../components/icons';
import { DiagnosticsEmpty, DiagnosticsSection } from './diagnostics-section';

function Mark({ on, label }: { on: boolean; label: string }) {
  return (
    <span className={on ? 'diag-mark is-yes' : 'diag-mark is-no'}>
      {on ? <CheckIcon size={14} /> : <SkipIcon size={14} />}
      <span className="visually-hidden">{on ? `${label}: yes` : `${label}: no`}</span>
    </span>
  );
}

/** Requested, granted and the difference: each missing scope with what it breaks. */
export function ScopesSection({ scopes }: { scopes: ConnectionDiagnosticsDto['scopes'] }) {
  const all = [...scopes.requested, ...scopes.extra.filter((s) => !scopes.requested.includes(s))];
  const missing = new Set(scopes.missing.map((m) => m.scope));
  const summary = `${scopes.granted.length} granted of ${scopes.requested.length} requested`;
  return (
    <DiagnosticsSection id="diag-scopes" title="Scopes" aside={summary}>
      {scopes.missing.length > 0 ? (
        <div className="diag-missing" role="group" aria-labelledby="diag-missing-title">
          <p id="diag-missing-title" className="diag-missing-title">
            <CloseIcon size={14} /> Atlassian did not grant {scopes.missing.length === 1 ? 'this scope' : `these ${scopes.missing.length} scopes`}
          </p>
          <ul className="diag-missing-list">
            {scopes.missing.map((m) => (
              <li key={m.scope}>
                <code className="diag-mono">{m.scope}</code>
                <span className="diag-muted">{m.description}</span>
                <span className="diag-breaks">Breaks: {m.breaks}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {all.length === 0 ? (
        <DiagnosticsEmpty>No scopes were requested.</DiagnosticsEmpty>
      ) : (
        <table className="diag-table diag-scope-table">
          <caption className="visually-hidden">Scopes requested and granted</caption>
          <thead>
            <tr>
              <th scope="col">Scope</th>
              <th scope="col">Requested</th>
              <th scope="col">Granted</th>
            </tr>
          </thead>
          <tbody>
            {all.map((scope) => (
              <tr key={scope} className={missing.has(scope) ? 'is-missing' : undefined}>
                <th scope="row">
                  <code className="diag-mono">{scope}</code>
                  {scopes.extra.includes(scope) ? <span className="diag-tag">not requested</span> : null}
                  {missing.has(scope) ? <span className="diag-tag diag-tag-danger">missing</span> : null}
                </th>
                <td>
                  <Mark on={scopes.requested.includes(scope)} label="Requested" />
                </td>
                <td>
                  <Mark on={scopes.granted.includes(scope)} label="Granted" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </DiagnosticsSection>
  );
}
