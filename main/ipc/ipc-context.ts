import type { Environment } from '../core/atlassian/environment.js';
import type { ConnectionServices } from '../core/services/connection-services.js';
import type { ServiceContext } from '../core/services/service-context.js';
import type { VaultSession } from '../core/vault/vault-session.js';

/** Everything an IPC handler may use. Built once by the composition root (Electron app or browser shell). */
export interface IpcContext {
  services: ServiceContext;
  connections: ConnectionServices;
  /** The vault's state (open or locked) and the recovery passphrase; `services.vault` reads through it. */
  security: VaultSession;
  host: {
    kind: 'electron' | 'browser-shell';
    version: string;
    platform: string;
    describeSecretProtection(): Promise<string>;
  };
  environments: {
    /** Called after the setting changed, e.g. to start or stop the in-app sandbox. */
    onChanged?(id: Environment['id']): Promise<void>;
    /** Plain-words help for the sandbox (where the demo credentials are), or null. */
    sandboxHelp(environment: Environment): string | null;
    /** Opens the sandbox's developer console in the user's browser. */
    openSandboxHelp(): Promise<void>;
  };
}
