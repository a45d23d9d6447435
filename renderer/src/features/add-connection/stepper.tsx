import { CheckIcon } from '../../components/icons';
import type { AddStep } from './add-connection-store';

export const steps: { id: AddStep; label: string }[] = [
  { id: 'connector', label: 'Connector' },
  { id: 'settings', label: 'Settings' },
  { id: 'permissions', label: 'Permissions' },
  { id: 'sign-in', label: 'Sign in' },
  { id: 'site', label: 'Site' },
  { id: 'done', label: 'Done' },
];

/** Where the dialog is: finished steps are ticked, the current one is marked with aria-current. */
export function Stepper({ current }: { current: AddStep }) {
  const currentIndex = steps.findIndex((s) => s.id === current);
  return (
    <ol className="stepper" aria-label="Steps">
      {steps.map((step, index) => {
        const state = index < currentIndex || current === 'done' ? 'done' : index === currentIndex ? 'current' : 'upcoming';
        return (
          <li key={step.id} className={`stepper-item is-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="stepper-marker" aria-hidden="true">
              {state === 'done' ? <CheckIcon size={12} /> : index + 1}
            </span>
            <span className="stepper-label">
              {step.label}
              {state === 'done' ? <span className="visually-hidden"> (done)</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
