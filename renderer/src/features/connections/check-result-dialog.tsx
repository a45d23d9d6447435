import type { CheckResultDto } from '../../../../preload/contract';
import { useRef } from 'react';
import { ErrorBanner } from '../../components/banner';
import { Button } from '../../components/button';
import { Modal } from '../../components/modal';
import { Spinner } from '../../components/spinner';
import { StatusPill } from '../../components/status-pill';
import { CheckSteps } from './check-steps';
import { fallbackFocus, rowMenuButton, useConnectionActionsStore } from './connection-actions-store';

/** Failure codes that only a new sign-in fixes. */
const reconnectCodes = new Set(['ATLASSIAN_INVALID_GRANT', 'TOKEN_EXPIRED', 'SCOPE_MISSING']);

export function needsReconnect(result: CheckResultDto): boolean {
  return result.missingScopes.length > 0 || result.steps.some((s) => s.error && reconnectCodes.has(s.error.code));
}

/** Shows a connection check while it runs, then each step with its outcome, and the fix when there is one. */
export function CheckResultDialog() {
  const check = useConnectionActionsStore((s) => s.check);
  const onClose = useConnectionActionsStore((s) => s.closeCheck);
  const reconnect = useConnectionActionsStore((s) => s.reconnect);
  const running = check !== null && check.result === null && check.error === null;
  const result = check?.result ?? null;
  // The menu item that opened the check is gone by the time it closes: return to the row's menu button.
  const lastId = useRef<string | null>(null);
  if (check) lastId.current = check.connection.id;
  const footer = (
    <>
      {result && needsReconnect(result) ? (
        <>
          <p className="check-fix">Sign in again to fix this.</p>
          <Button onClick={() => reconnect(result.connection)}>Reconnect</Button>
        </>
      ) : null}
      <Button variant="primary" onClick={onClose}>
        OK
      </Button>
    </>
  );
  return (
    <Modal
      open={check !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={check ? `Check “${check.connection.name}”` : 'Check connection'}
      size="md"
      returnFocus={() => (lastId.current ? rowMenuButton(lastId.current) : null) ?? fallbackFocus()}
      footer={footer}
    >
      <div className="form-stack" aria-live="polite">
        {running ? (
          <p className="progress-line">
            <Spinner /> Checking the connection…
          </p>
        ) : null}
        {check?.error ? <ErrorBanner error={check.error} /> : null}
        {result ? (
          <>
            <div className="check-summary">
              <span>{result.ok ? 'The connection works.' : 'The connection has a problem.'}</span>
              <StatusPill status={result.connection.status} />
            </div>
            <CheckSteps steps={result.steps} />
            {result.missingScopes.length ? (
              <div className="check-missing">
                <p className="field-label" id="missing-scopes-label">
                  Atlassian did not grant {result.missingScopes.length === 1 ? 'this scope' : `these ${result.missingScopes.length} scopes`}
                </p>
                <ul className="check-missing-list" aria-labelledby="missing-scopes-label">
                  {result.missingScopes.map((scope) => (
                    <li key={scope}>
                      <code className="scope-name">{scope}</code>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </Modal>
  );
}
