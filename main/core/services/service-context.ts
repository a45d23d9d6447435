import type { EnvironmentResolver } from '../atlassian/environment.js';
import type { AppLog } from '../diagnostics/app-log.js';
import type { DiagnosticsJournal } from '../diagnostics/diagnostics-journal.js';
import type { Redactor } from '../diagnostics/redaction.js';
import type { Authorizer } from '../oauth/authorizer.js';
import type { FetchLike } from '../oauth/token-client.js';
import type { ConnectionStore } from '../store/connection-store.js';
import type { SettingsStore } from '../store/settings-store.js';
import type { SecretVault } from '../vault/secret-vault.js';
import type { ServiceEvent } from './service-events.js';

/** What the use cases need from the outside world; the composition root (app, shell, CLI, tests) builds it. */
export interface ServiceContext {
  store: ConnectionStore;
  settings: SettingsStore;
  vault: SecretVault;
  resolveEnvironment: EnvironmentResolver;
  authorizer: Authorizer;
  emit: (event: ServiceEvent) => void;
  fetch?: FetchLike;
  now?: () => Date;
  /** How long a sign-in may take before it is stopped. */
  signInTimeoutMs?: number;
  /** Events, traces and last checks for the diagnostics view and support bundles (absent in some unit tests). */
  journal?: DiagnosticsJournal;
  /** The redaction layer shared by logs, traces and bundles; learns secrets as they are used. */
  redactor?: Redactor;
  log?: AppLog;
  /** Test hook: called right after a rotated refresh token was saved (crash-after-rotation tests). */
  afterRefreshSaved?: (connectionId: string) => void;
}

export function nowOf(ctx: Pick<ServiceContext, 'now'>): Date {
  return ctx.now?.() ?? new Date();
}
