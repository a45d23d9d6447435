import { RadioGroup } from 'radix-ui';
import type { CreationContextDto } from '../../../../preload/contract';
import type { AuthType } from './draft-form';

/** Managed app (the environment's OAuth app) or the user's own OAuth 2.0 app. */
export function AuthTypeField({
  context,
  value,
  onChange,
}: {
  context: CreationContextDto;
  value: AuthType;
  onChange: (value: AuthType) => void;
}) {
  const managed = context.managedApp;
  const options: { value: AuthType; label: string; description: string; disabled: boolean }[] = [
    {
      value: 'managed',
      label: 'OAuth 2.0 Authorization code',
      description: managed.available
        ? `Sign in with your Atlassian account through ${managed.label}.`
        : `Not available in ${context.environment.label}: no managed OAuth app is set up here. Bring your own OAuth 2.0 app instead.`,
      disabled: !managed.available,
    },
    {
      value: 'byo',
      label: 'Bring your own OAuth 2.0 app',
      description: 'Use the client ID and client secret of an OAuth 2.0 (3LO) app you registered in the Atlassian developer console.',
      disabled: false,
    },
  ];
  return (
    <div className="field">
      <span className="field-label" id="auth-type-label">
        Authentication type
      </span>
      <RadioGroup.Root
        className="choice-list"
        aria-labelledby="auth-type-label"
        value={value}
        onValueChange={(v) => onChange(v as AuthType)}
      >
        {options.map((option) => (
          <label key={option.value} className="choice" data-checked={value === option.value || undefined} data-disabled={option.disabled || undefined}>
            <RadioGroup.Item
              className="radio"
              value={option.value}
              disabled={option.disabled}
              aria-labelledby={`auth-${option.value}-label`}
              aria-describedby={`auth-${option.value}-desc`}
            >
              <RadioGroup.Indicator className="radio-indicator" />
            </RadioGroup.Item>
            <span className="choice-text">
              <span className="choice-label" id={`auth-${option.value}-label`}>
                {option.label}
              </span>
              <span className="choice-description" id={`auth-${option.value}-desc`}>
                {option.description}
              </span>
            </span>
          </label>
        ))}
      </RadioGroup.Root>
    </div>
  );
}
