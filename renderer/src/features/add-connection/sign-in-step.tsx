import type { AuthPhase } from '../../../../preload/contract';
import { Button } from '../../components/button';
import { CheckIcon } from '../../components/icons';
import { Spinner } from '../../components/spinner';
import { useArmed } from '../../components/use-armed';
import { useAddConnectionStore } from './add-connection-store';

export const signInPhases: { phase: AuthPhase; label: string }[] = [
  { phase: 'starting', label: 'Preparing a secure sign-in' },
  { phase: 'waiting-for-sign-in', label: 'Finish signing in to Atlassian in the sign-in window' },
  { phase: 'exchanging-code', label: 'Confirming the sign-in with Atlassian' },
  { phase: 'finding-sites', label: 'Finding your Confluence sites' },
  { phase: 'choosing-site', label: 'Choosing a site' },
  { phase: 'saving', label: 'Saving the connection securely' },
];

/** The sign-in progress as a checklist: done steps ticked, a spinner on the current one. */
export function PhaseChecklist({ phase }: { phase: AuthPhase | null }) {
  const current = signInPhases.findIndex((p) => p.phase === (phase ?? 'starting'));
  return (
    <ol className="phase-list" aria-label="Sign-in progress">
      {signInPhases.map((item, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'upcoming';
        return (
          <li key={item.phase} className={`phase is-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="phase-marker" aria-hidden="true">
              {state === 'done' ? <CheckIcon size={12} /> : state === 'current' ? <Spinner size={14} /> : null}
            </span>
            <span className="phase-label">
              {item.label}
              {state === 'done' ? <span className="visually-hidden"> (done)</span> : null}
              {state === 'current' ? <span className="visually-hidden"> (in progress)</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * Step 4: waiting for Atlassian. Always cancellable, but Cancel sign-in (where Accept was) arms
 * after a moment so the rest of a triple-click does not cancel what the first clicks started.
 */
export function SignInStep() {
  const phase = useAddConnectionStore((s) => s.phase);
  const cancelRequested = useAddConnectionStore((s) => s.cancelRequested);
  const cancelSignIn = useAddConnectionStore((s) => s.cancelSignIn);
  const showSignInWindow = useAddConnectionStore((s) => s.showSignInWindow);
  const beginning = useAddConnectionStore((s) => s.beginning);
  const current = signInPhases.find((p) => p.phase === phase);
  const armed = useArmed();
  return (
    <>
      <div className="step-body form-stack">
        <p className="section-text" aria-live="polite">
          {phase === 'waiting-for-sign-in'
            ? 'An Atlassian window is open. Sign in there and select Accept; this dialog continues by itself.'
            : (current?.label ?? 'Starting…')}
        </p>
        {phase === 'waiting-for-sign-in' ? (
          <p className="field-hint">
            If Atlassian shows an error instead of a sign-in page, close that window: ConnectDesk will tell you what to check.
          </p>
        ) : null}
        <PhaseChecklist phase={phase} />
      </div>
      <div className="modal-footer">
        {phase === 'waiting-for-sign-in' ? (
          <Button busy={beginning} onClick={() => void showSignInWindow()}>
            Show the Atlassian window
          </Button>
        ) : null}
        <div className="toolbar-spacer" />
        <Button busy={cancelRequested} unarmed={!armed} onClick={() => void cancelSignIn()}>
          Cancel sign-in
        </Button>
      </div>
    </>
  );
}
