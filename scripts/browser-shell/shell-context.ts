import { LoopbackAuthorizer, type UrlOpener } from '../../main/core/oauth/loopback-authorizer.js';
import { createConnectionServices } from '../../main/core/services/connection-services.js';
import { startOfflineRecovery } from '../../main/core/services/offline-recovery.js';
import type { ServiceContext } from '../../main/core/services/service-context.js';
import type { ServiceEvent } from '../../main/core/services/service-events.js';
import { ConnectionStore } from '../../main/core/store/connection-store.js';
import { openJsonDocumentFile } from '../../main/core/store/json-document-file.js';
import { openConfSettings } from '../../main/core/store/settings-store.js';
import { DevelopmentKeyProtector } from '../../main/core/vault/development-key-protector.js';
import { SecretVault } from '../../main/core/vault/secret-vault.js';
import { EnvironmentRegistry, sandboxHelpText, sandboxStateFileIn } from '../../main/environments/environment-registry.js';
import type { EnvironmentSettings } from '../../main/environments/environment-settings.js';
import type { IpcContext } from '../../main/ipc/ipc-context.js';

export interface ShellContext {
  ipc: IpcContext;
  authorizer: LoopbackAuthorizer;
  environments: EnvironmentRegistry;
  storePath: string;
  stopOfflineRecovery: () => void;
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
}): Promise<ShellContext> {
  const store = new ConnectionStore(openJsonDocumentFile(options.dataDir));
  const settings = openConfSettings(options.dataDir, options.settings.CONNECTDESK_ENVIRONMENT);
  const protector = new DevelopmentKeyProtector();
  const vault = await SecretVault.open(store, protector);
  const environments = new EnvironmentRegistry(options.settings, { sandboxStateFile: sandboxStateFileIn(options.dataDir) });
  const authorizer = new LoopbackAuthorizer(options.openUrl);
  const services: ServiceContext = { store, settings, vault, resolveEnvironment: environments.resolve, authorizer, emit: options.emit };
  const connections = createConnectionServices(services);
  const stopOfflineRecovery = startOfflineRecovery(services, connections, options.settings.CONNECTDESK_OFFLINE_RETRY_MS);
  const ipc: IpcContext = {
    services,
    connections,
    host: {
      kind: 'browser-shell',
      version: options.version,
      platform: process.platform,
      describeSecretProtection: () => protector.describe(),
    },
    environments: {
      sandboxHelp: sandboxHelpText,
      openSandboxHelp: async () => options.openUrl(await environments.sandboxUrl(), 'sandbox-help'),
    },
  };
  return { ipc, authorizer, environments, storePath: store.path, stopOfflineRecovery };
}
