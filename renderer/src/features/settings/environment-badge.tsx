import { currentEnvironment, useSettingsStore } from './settings-store';

/** Shows which Atlassian the app talks to; the sandbox is marked so nobody mistakes it for production. */
export function EnvironmentBadge() {
  const settings = useSettingsStore((s) => s.settings);
  const environment = currentEnvironment(settings);
  if (!environment) return null;
  return (
    <span className={`env-badge env-badge-${environment.id}`} title={environment.description}>
      <span className="env-badge-dot" aria-hidden="true" />
      <span className="visually-hidden">Environment: </span>
      {environment.label}
    </span>
  );
}
