import type { CheckStepDto } from '../../../../preload/contract';
import { CheckIcon, CloseIcon, SkipIcon } from '../../components/icons';
import { localizeTimestamps } from './relative-time';

const outcomeIcon = { passed: <CheckIcon />, failed: <CloseIcon />, skipped: <SkipIcon /> } as const;

function duration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** Each step of a check: outcome icon and (for screen readers) word, time, what was checked, and why it failed. */
export function CheckSteps({ steps }: { steps: CheckStepDto[] }) {
  return (
    <ol className="check-steps" aria-label="Check steps">
      {steps.map((step, index) => (
        <li key={`${step.name}-${index}`} className={`check-step is-${step.outcome}`}>
          <span className="check-step-icon">{outcomeIcon[step.outcome]}</span>
          <span className="check-step-name">
            {step.name}
            <span className="visually-hidden">: {step.outcome}</span>
          </span>
          <span className="check-step-time">{step.outcome === 'skipped' ? 'Skipped' : duration(step.durationMs)}</span>
          {step.detail ? <span className="check-step-detail">{localizeTimestamps(step.detail)}</span> : null}
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
  );
}
