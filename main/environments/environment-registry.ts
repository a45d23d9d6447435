import { atlassianCloudEnvironment, sandboxEnvironment, type Environment, type EnvironmentResolver } from '../core/atlassian/environment.js';
import { AppError } from '../core/errors/app-error.js';
import { join } from 'node:path';
import { startSandbox } from '../sandbox/sandbox-server.js';
import type { SandboxHandle } from '../sandbox/sandbox-api.js';
import { loadDefaultSeed } from '../sandbox/sandbox-seed.js';
import type { EnvironmentSettings } from './environment-settings.js';

/**
 * Turns settings into Environments. The sandbox is started in this process the first time it is
 * needed (or an already running one is used when CONNECTDESK_SANDBOX_URL is set).
 */
export class EnvironmentRegistry {
  private sandbox: Promise<SandboxHandle> | null = null;

  /**
   * `sandboxStateFile`: where the in-app sandbox keeps its grants and signing key, so connections
   * made against it survive a restart. It is the simulated Atlassian's own database, kept apart
   * from ConnectDesk's store.
   */
  constructor(
    private readonly settings: EnvironmentSettings,
    private readonly options: { sandboxStateFile?: string } = {},
  ) {}

  readonly resolve: EnvironmentResolver = async (id) => (id === 'sandbox' ? this.sandboxEnvironment() : this.cloudEnvironment());

  /** Base URL of the sandbox in use, if one is running or configured. */
  async sandboxUrl(): Promise<string> {
    return (await this.sandboxEnvironment()).endpoints.issuer;
  }

  async close(): Promise<void> {
    const running = this.sandbox;
    this.sandbox = null;
    if (running) await (await running.catch(() => null))?.close();
  }

  private cloudEnvironment(): Environment {
    const s = this.settings;
    const auth = s.CONNECTDESK_ATLASSIAN_AUTH_URL.replace(/\/+$/, '');
    const api = s.CONNECTDESK_ATLASSIAN_API_URL.replace(/\/+$/, '');
    const managedApp =
      s.CONNECTDESK_MANAGED_CLIENT_ID && s.CONNECTDESK_MANAGED_CLIENT_SECRET
        ? { clientId: s.CONNECTDESK_MANAGED_CLIENT_ID, clientSecret: s.CONNECTDESK_MANAGED_CLIENT_SECRET, label: 'ConnectDesk managed app' }
        : null;
    const base = atlassianCloudEnvironment({ callbackUrl: s.CONNECTDESK_CALLBACK_URL, managedApp });
    return {
      ...base,
      endpoints: {
        ...base.endpoints,
        issuer: auth,
        authorizeUrl: `${auth}/authorize`,
        tokenUrl: `${auth}/oauth/token`,
        accessibleResourcesUrl: `${api}/oauth/token/accessible-resources`,
        apiBaseUrl: api,
      },
    };
  }

  private async sandboxEnvironment(): Promise<Environment> {
    const callbackUrl = this.settings.CONNECTDESK_CALLBACK_URL;
    const external = this.settings.CONNECTDESK_SANDBOX_URL;
    if (external) {
      const managed = loadDefaultSeed().apps.find((a) => a.managed);
      const managedApp = managed ? { clientId: managed.clientId, clientSecret: managed.clientSecret, label: managed.label } : null;
      return sandboxEnvironment(external, { callbackUrl, managedApp });
    }
    const starting = (this.sandbox ??= startSandbox({
      port: this.settings.CONNECTDESK_SANDBOX_PORT,
      callbackUrl,
      ...(this.options.sandboxStateFile ? { stateFile: this.options.sandboxStateFile } : {}),
    }));
    try {
      const handle = await starting;
      return sandboxEnvironment(handle.url, { callbackUrl, managedApp: handle.managedApp });
    } catch (cause) {
      this.sandbox = null;
      throw new AppError('UNEXPECTED', { message: 'The sandbox could not be started.', remediation: 'Check that its port is free, then try again.', cause });
    }
  }
}

/** Where the in-app sandbox keeps its state inside a data directory. */
export function sandboxStateFileIn(dataDir: string): string {
  return join(dataDir, 'sandbox', 'atlassian-sandbox-state.json');
}

/** What the creation page tells a new user in the sandbox. */
export function sandboxHelpText(environment: Environment): string | null {
  if (environment.id !== 'sandbox') return null;
  return `Sandbox: sign in as demo@example.com with password "connectdesk". To try Bring your own OAuth 2.0 app, use client ID "demo-byo-app" with the secret shown in the sandbox console (${environment.endpoints.issuer}).`;
}
