import type { CheckResultDto, ConnectionSummaryDto, ErrorInfoDto } from '../../../../preload/contract';
import { ErrorBanner } from '../../components/banner';
import { useRef } from 'react';
import { Button } from '../../components/button';
import { CheckIcon, CloseIcon } from '../../components/icons';
import { Modal } from '../../components/modal';
import { Spinner } from '../../components/spinner';
import { StatusPill } from '../../components/status-pill';

export interface CheckState {
  connection: ConnectionSummaryDto;
  result: CheckResultDto | null;
  error: ErrorInfoDto | null;
}

/** Shows a connection check while it runs and then each step with its outcome. */
export function CheckResultDialog({ check, onClose }: { check: CheckState | null; onClose: () => void }) {
  const running = check !== null && check.result === null && check.error === null;
  const result = check?.result ?? null;
  // The menu item that opened the check is gone by the time it closes: return to the row's menu button.
  const lastName = useRef<string | null>(null);
  if (check) lastName.current = check.connection.name;
  const returnFocus = () => {
    const name = lastName.current;
    if (name === null) return null;
    return [...document.querySelectorAll<HTMLElement>('button[aria-label]')].find((b) => b.getAttribute('aria-label') === `More actions for ${name}`) ?? null;
  };
  return (
    <Modal
      open={check !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={check ? `Check “${check.connection.name}”` : 'Check connection'}
      size="sm"
      returnFocus={returnFocus}
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
            <ol className="check-steps" aria-label="Check steps">
              {result.steps.map((step, index) => (
                <li key={`${step.name}-${index}`} className={`check-step ${step.ok ? 'is-ok' : 'is-failed'}`}>
                  <span className="check-step-icon">{step.ok ? <CheckIcon /> : <CloseIcon />}</span>
                  <span className="check-step-name">
                    {step.name}
                    <span className="visually-hidden">{step.ok ? ': passed' : ': failed'}</span>
                  </span>
                  <span className="check-step-time">{Math.round(step.durationMs)} ms</span>
                  {step.error ? (
                    <div className="check-step-error">
                      <p>{step.error.message}</p>
                      <p>{step.error.remediation}</p>
                      <p className="banner-code">
                        Code: <code>{step.error.code}</code>
                      </p>
                    </div>
                  ) : null}
                </li>
              ))}
            </ol>
          </>
        ) : null}
        <div className="modal-footer modal-footer-inline">
          <Button variant="primary" onClick={onClose}>
            OK
          </Button>
        </div>
      </div>
    </Modal>
  );
}
