/**
 * Composition root of the Electron app: lifecycle, single-instance lock, and the wiring of core
 * services to Electron adapters. The only file that knows every part.
 */
import { app, BrowserWindow, dialog, ipcMain, net, protocol, safeStorage, session, shell } from 'electron';
import { mkdirSync } from 'node:fs';
import { logServiceEvent } from './core/diagnostics/app-log.js';
import { FileDiagnosticsJournal } from './core/diagnostics/diagnostics-journal.js';
import { Redactor } from './core/diagnostics/redaction.js';
import { rememberStoreSecretsInBackground } from './core/diagnostics/store-secrets.js';
import { createTracingFetch } from './core/diagnostics/tracing-fetch.js';
import { createConnectionServices } from './core/services/connection-services.js';
import { startOfflineRecovery } from './core/services/offline-recovery.js';
import type { ServiceContext } from './core/services/service-context.js';
import { ConnectionStore } from './core/store/connection-store.js';
import { openJsonDocumentFile } from './core/store/json-document-file.js';
import { watchStoreChanges } from './core/store/store-change-watcher.js';
import { VaultSession } from './core/vault/vault-session.js';
import { createElectronAppLog } from './electron/app-log-electron.js';
import { registerAppProtocol, registerAppScheme } from './electron/app-protocol.js';
import { openElectronStoreSettings } from './electron/electron-store-settings.js';
import { createExternalOpener } from './electron/external-browser.js';
import { askHowToKeepSecretsWithoutKeyring } from './electron/keyring-missing-choice.js';
import { createEventSink, registerInvokeHandlers } from './electron/ipc-registration.js';
import { createMainWindow, resolveBuiltPaths } from './electron/main-window.js';
import { SafeStorageKeyProtector } from './electron/safe-storage-key-protector.js';
import { SignInWindowAuthorizer } from './electron/sign-in-window-authorizer.js';
import { isTrustedSender } from './electron/trusted-sender.js';
import { EnvironmentRegistry, sandboxHelpText, sandboxStateFileIn } from './environments/environment-registry.js';
import { readEnvironmentSettings } from './environments/environment-settings.js';
import { createEventPublisher } from './ipc/event-publisher.js';
import { createInvokeDispatcher } from './ipc/invoke-dispatcher.js';
import type { IpcContext } from './ipc/ipc-context.js';

// CONNECTDESK_DATA_DIR keeps a run's data apart (tests, support reproductions).
if (process.env.CONNECTDESK_DATA_DIR) {
  mkdirSync(process.env.CONNECTDESK_DATA_DIR, { recursive: true, mode: 0o700 });
  app.setPath('userData', process.env.CONNECTDESK_DATA_DIR);
}

// <userData>/logs/main.log; every line passes the redactor. Token endpoint bodies and callback
// queries are never logged; only codes and phases are.
const redactor = new Redactor();
const log = createElectronAppLog(app.getPath('userData'), redactor);

// Privileged schemes must be registered before `ready`.
registerAppScheme(protocol);

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(start).catch((error: unknown) => {
    log.error(`ConnectDesk failed to start: ${error instanceof Error ? error.message : String(error)}`);
    dialog.showErrorBox('ConnectDesk could not start', error instanceof Error ? error.message : String(error));
    app.quit();
  });
}

async function start(): Promise<void> {
  const paths = resolveBuiltPaths(import.meta.url);
  registerAppProtocol(protocol, paths.rendererDir);

  const settings = readEnvironmentSettings();
  const store = new ConnectionStore(openJsonDocumentFile(app.getPath('userData')));
  const appSettings = openElectronStoreSettings(app.getPath('userData'), settings.CONNECTDESK_ENVIRONMENT);
  appSettings.saveFirstRunEnvironment();
  redactor.useFingerprintKey(appSettings.diagnosticsFingerprintKey());
  let allowBasicText = false;
  const keychain = new SafeStorageKeyProtector(safeStorage, { allowBasicText: () => allowBasicText });
  // Linux without a keyring: ask (quit, this session only, or unprotected); never decide silently.
  const choice = keychain.isWeak() ? await askHowToKeepSecretsWithoutKeyring(dialog) : 'keychain';
  if (choice === 'quit') return app.quit();
  allowBasicText = choice === 'basic-text';
  // A keychain that cannot open the store leaves it locked: the window asks for the recovery passphrase.
  // Once open (at start, or after the unlock screen), the redactor removes the store's secrets wherever they appear.
  const security = await VaultSession.start(store, keychain, {
    mode: choice,
    storePath: store.path,
    log: (message) => log.warn(message),
    onOpened: (vault) =>
      void rememberStoreSecretsInBackground(store, vault, redactor).catch((error: unknown) =>
        log.warn(`redaction: the store's secrets were not all learnt (${error instanceof Error ? error.name : 'error'}); token shapes are still redacted`),
      ),
  });
  const environments = new EnvironmentRegistry(settings, { sandboxStateFile: sandboxStateFileIn(app.getPath('userData')) });
  app.on('will-quit', () => void environments.close());

  const authorizer = new SignInWindowAuthorizer({
    createWindow: (options) => new BrowserWindow(options),
    sessionFromPartition: (partition) => session.fromPartition(partition),
    parentWindow: () => mainWindow ?? undefined,
    log: (message) => log.info(message),
  });
  // Events, HTTP traces and last checks for the diagnostics view, next to the store (the CLI writes there too).
  const journal = new FileDiagnosticsJournal(app.getPath('userData'));
  const sink = createEventSink(() => (mainWindow && !mainWindow.isDestroyed() ? [mainWindow] : []));
  const publish = createEventPublisher(sink);
  const services: ServiceContext = {
    store,
    settings: appSettings,
    // Read on each use: the vault appears when a locked store is unlocked.
    get vault() {
      return security.vault;
    },
    authorizer,
    resolveEnvironment: environments.resolve,
    // net.fetch honours the system proxy and certificates, as the user's browser would; every call leaves a redacted trace.
    fetch: createTracingFetch((input, init) => net.fetch(input, init), { journal, redactor }),
    journal,
    redactor,
    log,
    emit: (event) => {
      logServiceEvent(log, event);
      publish(event);
    },
  };
  const openExternal = createExternalOpener(shell);
  const connections = createConnectionServices(services);
  const stopOfflineRecovery = startOfflineRecovery(services, connections, settings.CONNECTDESK_OFFLINE_RETRY_MS, { paused: () => security.locked });
  app.on('will-quit', stopOfflineRecovery);
  // The connectdesk CLI (or another process) may change the store while the window is open: the
  // window reloads folders, connections and assets as it does after a change made here.
  const storeWatcher = watchStoreChanges(store, () => services.emit({ type: 'connections:changed', payload: { folderId: null } }), {
    log: (message) => log.warn(message),
  });
  app.on('will-quit', () => storeWatcher.stop());
  const ctx: IpcContext = {
    services,
    connections,
    security,
    host: {
      kind: 'electron',
      version: app.getVersion(),
      platform: process.platform,
      describeSecretProtection: async () => (await security.status()).description,
    },
    environments: {
      sandboxHelp: sandboxHelpText,
      openSandboxHelp: async () => void (await openExternal(await environments.sandboxUrl())),
    },
  };
  registerInvokeHandlers(ipcMain, createInvokeDispatcher(ctx), isTrustedSender);

  mainWindow = createMainWindow({
    createWindow: (options) => new BrowserWindow(options),
    session: session.defaultSession,
    shell,
    preloadPath: paths.preloadPath,
    log: (message) => log.warn(message),
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  log.info(
    `ConnectDesk ${app.getVersion()} started; store at ${store.path}; callback URL ${redactor.callbackUrl(settings.CONNECTDESK_CALLBACK_URL)}${security.locked ? ' (locked: waiting for the recovery passphrase)' : ''}`,
  );
}
