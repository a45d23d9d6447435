import { logServiceEvent } from '../../main/core/diagnostics/app-log.js';
import { FileDiagnosticsJournal } from '../../main/core/diagnostics/diagnostics-journal.js';
import { createNodeAppLog } from '../../main/core/diagnostics/node-app-log.js';
import { Redactor } from '../../main/core/diagnostics/redaction.js';
import { rememberStoreSecretsInBackground } from '../../main/core/diagnostics/store-secrets.js';
import { createTracingFetch } from '../../main/core/diagnostics/tracing-fetch.js';
import { LoopbackAuthorizer, type UrlOpener } from '../../main/core/oauth/loopback-authorizer.js';
import { createConnectionServices } from '../../main/core/services/connection-services.js';
import { startOfflineRecovery } from '../../main/core/services/offline-recovery.js';
import type { ServiceContext } from '../../main/core/services/service-context.js';
import type { ServiceEvent } from '../../main/core/services/service-events.js';
import { ConnectionStore } from '../../main/core/store/connection-store.js';
import { openJsonDocumentFile } from '../../main/core/store/json-document-file.js';
import { watchStoreChanges } from '../../main/core/store/store-change-watcher.js';
import { openConfSettings } from '../../main/core/store/settings-store.js';
import { VaultSession } from '../../main/core/vault/vault-session.js';
import { EnvironmentRegistry, sandboxHelpText, sandboxStateFileIn } from '../../main/environments/environment-registry.js';
import type { EnvironmentSettings } from '../../main/environments/environment-settings.js';
import type { IpcContext } from '../../main/ipc/ipc-context.js';
import { shellKeychain } from './shell-keychain.js';

export interface ShellContext {
  ipc: IpcContext;
  authorizer: LoopbackAuthorizer;
  environments: EnvironmentRegistry;
  storePath: string;
  /** The vault's state: locked when the keychain switch hides the key (CONNECTDESK_SHELL_KEYCHAIN). */
  security: VaultSession;
  stopOfflineRecovery: () => void;
  /** Stops telling the page about changes other processes make to the store. */
  stopStoreWatcher: () => void;
}

/**
 * The browser shell's composition root: the same core and handlers as the app, with the
 * development key (clearly labelled insecure) and sign-in through a popup + loopback listener.
 */
export async function createShellContext(options: {
  dataDir: string;
  settings: EnvironmentSettings;
  version: string;
  emit: (event: ServiceEvent) => void;
  openUrl: UrlOpener;
  /** CONNECTDESK_SHELL_KEYCHAIN: simulate a lost keychain or a new computer (shell-keychain.ts). */
  keychain?: string | undefined;
}): Promise<ShellContext> {
  const store = new ConnectionStore(openJsonDocumentFile(options.dataDir));
  const settings = openConfSettings(options.dataDir, options.settings.CONNECTDESK_ENVIRONMENT);
  settings.saveFirstRunEnvironment();
  const environments = new EnvironmentRegistry(options.settings, { sandboxStateFile: sandboxStateFileIn(options.dataDir) });
  const authorizer = new LoopbackAuthorizer(options.openUrl);
  const redactor = new Redactor({ fingerprintKey: settings.diagnosticsFingerprintKey() });
  // <dataDir>/logs/main.log, every line redacted; warnings also on the terminal.
  const log = createNodeAppLog({ dataDir: options.dataDir, redactor, consoleLevel: 'warn' });
  // Once open (at start, or after the unlock screen), the redactor removes the store's secrets wherever they appear.
  const security = await VaultSession.start(store, shellKeychain(options.keychain), {
    mode: 'development',
    storePath: store.path,
    log: (message) => console.warn(message),
    onOpened: (vault) =>
      void rememberStoreSecretsInBackground(store, vault, redactor).catch((error: unknown) =>
        log.warn(`redaction: the store's secrets were not all learnt (${error instanceof Error ? error.name : 'error'}); token shapes are still redacted`),
      ),
  });
  const journal = new FileDiagnosticsJournal(options.dataDir);
  const services: ServiceContext = {
    store,
    settings,
    // Read on each use: the vault appears when a locked store is unlocked.
    get vault() {
      return security.vault;
    },
    resolveEnvironment: environments.resolve,
    authorizer,
    emit: (event) => {
      logServiceEvent(log, event);
      options.emit(event);
    },
    // Every call leaves a redacted trace in the journal, for the diagnostics view.
    fetch: createTracingFetch((input, init) => fetch(input, init), { journal, redactor }),
    journal,
    redactor,
    log,
  };
  const connections = createConnectionServices(services);
  const stopOfflineRecovery = startOfflineRecovery(services, connections, options.settings.CONNECTDESK_OFFLINE_RETRY_MS, { paused: () => security.locked });
  // The connectdesk CLI (or another shell) may change the store while the page is open: the page
  // reloads folders, connections and assets as it does after a change made here.
  const storeWatcher = watchStoreChanges(store, () => services.emit({ type: 'connections:changed', payload: { folderId: null } }), {
    log: (message) => console.warn(message),
  });
  const ipc: IpcContext = {
    services,
    connections,
    security,
    host: {
      kind: 'browser-shell',
      version: options.version,
      platform: process.platform,
      describeSecretProtection: async () => (await security.status()).description,
    },
    environments: {
      sandboxHelp: sandboxHelpText,
      openSandboxHelp: async () => options.openUrl(await environments.sandboxUrl(), 'sandbox-help'),
    },
  };
  return { ipc, authorizer, environments, storePath: store.path, security, stopOfflineRecovery, stopStoreWatcher: () => storeWatcher.stop() };
}
