import type { CreationContextDto } from '../../../../preload/contract';
import { ChoiceList, type ChoiceOption } from '../../components/choice-list';
import type { AuthType } from './draft-form';

/** The managed app's choice, also shown read-only on Reconnect. A colon, not brackets: app labels often have their own ("(sandbox managed app)"). */
export function managedAuthLabel(appLabel: string): string {
  return `OAuth 2.0 — managed app: ${appLabel}`;
}

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
  const options: ChoiceOption<AuthType>[] = [
    {
      value: 'managed',
      label: managedAuthLabel(managed.label),
      description: managed.available
        ? `Sign in with your Atlassian account through ${managed.label}.`
        : `Not available in ${context.environment.label}: no managed OAuth app is set up here. Bring your own OAuth 2.0 app instead.`,
      disabled: !managed.available,
    },
    {
      value: 'byo',
      label: 'Bring your own OAuth 2.0 app',
      description: 'Use the client ID and client secret of an OAuth 2.0 (3LO) app you registered in the Atlassian developer console.',
    },
  ];
  return (
    <div className="field">
      <span className="field-label" id="auth-type-label">
        Authentication type
      </span>
      <ChoiceList labelledBy="auth-type-label" value={value} onChange={onChange} options={options} />
    </div>
  );
}
