import { logServiceEvent } from '../core/diagnostics/app-log.js';
import { rememberStoreSecrets } from '../core/diagnostics/store-secrets.js';
import { createTracingFetch } from '../core/diagnostics/tracing-fetch.js';
import { AppError } from '../core/errors/app-error.js';
import type { Authorizer } from '../core/oauth/authorizer.js';
import { createConnectionServices, type ConnectionServices } from '../core/services/connection-services.js';
import type { ServiceContext } from '../core/services/service-context.js';
import type { ServiceEvent } from '../core/services/service-events.js';
import type { ConnectionStore } from '../core/store/connection-store.js';
import type { SettingsStore } from '../core/store/settings-store.js';
import type { SecretVault } from '../core/vault/secret-vault.js';
import type { EnvironmentResolver } from '../core/atlassian/environment.js';
import type { RunDiagnostics } from './run-diagnostics.js';

export interface CoreServicesInput {
  store: ConnectionStore;
  settings: SettingsStore;
  /** The open vault, or why it is locked (thrown by every use that needs a secret). */
  vault: SecretVault | AppError;
  diagnostics: RunDiagnostics;
  resolveEnvironment: EnvironmentResolver;
  authorizer: Authorizer;
  emit: (event: ServiceEvent) => void;
  signInTimeoutMs?: number | undefined;
}

/**
 * The service context and use cases, wired as the app wires them: the redactor knows the store's
 * secrets, every HTTP call leaves a redacted trace in the journal, sign-in progress is logged.
 * Loaded only by verbs that open the store: the read verbs start faster without it.
 */
export function createCoreServices(input: CoreServicesInput): { ctx: ServiceContext; connections: ConnectionServices } {
  const { journal, redactor, log } = input.diagnostics;
  const { vault } = input;
  if (!(vault instanceof AppError)) rememberStoreSecrets(input.store, vault, redactor);
  const ctx: ServiceContext = {
    store: input.store,
    settings: input.settings,
    get vault(): SecretVault {
      if (vault instanceof AppError) throw vault;
      return vault;
    },
    resolveEnvironment: input.resolveEnvironment,
    authorizer: input.authorizer,
    fetch: createTracingFetch((url, init) => fetch(url, init), { journal, redactor }),
    journal,
    redactor,
    log,
    emit: (event) => {
      logServiceEvent(log, event);
      input.emit(event);
    },
    ...(input.signInTimeoutMs ? { signInTimeoutMs: input.signInTimeoutMs } : {}),
  };
  return { ctx, connections: createConnectionServices(ctx) };
}
