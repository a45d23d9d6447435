import { atlassianCloudEnvironment, sandboxEnvironment, type Environment, type EnvironmentResolver } from '../core/atlassian/environment.js';
import { AppError } from '../core/errors/app-error.js';
import { readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startSandbox } from '../sandbox/sandbox-server.js';
import type { SandboxHandle } from '../sandbox/sandbox-api.js';
import { loadDefaultSeed } from '../sandbox/sandbox-seed.js';
import type { EnvironmentSettings } from './environment-settings.js';

/**
 * Turns settings into Environments. The sandbox is started in this process the first time it is
 * needed — unless CONNECTDESK_SANDBOX_URL names one, or another process on the same data folder
 * (the app, the shell, the CLI) already runs it: its lease file says where. One sandbox per data
 * folder, so tokens one process got are known to the "Atlassian" the others talk to.
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

  /**
   * The sandbox environment if a sandbox is running for this data folder (here, in another
   * process, or at CONNECTDESK_SANDBOX_URL), without starting one; null when none runs.
   */
  async runningSandbox(): Promise<Environment | null> {
    const callbackUrl = this.settings.CONNECTDESK_CALLBACK_URL;
    const external = this.settings.CONNECTDESK_SANDBOX_URL;
    if (external) return sandboxEnvironment(external, { callbackUrl, managedApp: seededManagedApp() });
    if (this.sandbox) return this.sandboxEnvironment();
    const leased = this.leaseFile ? readLiveLease(this.leaseFile) : null;
    return leased ? sandboxEnvironment(leased.url, { callbackUrl, managedApp: seededManagedApp() }) : null;
  }

  async close(): Promise<void> {
    const running = this.sandbox;
    this.sandbox = null;
    if (!running) return;
    const handle = await running.catch(() => null);
    if (this.leaseFile && handle && readLease(this.leaseFile)?.url === handle.url) rmSync(this.leaseFile, { force: true });
    await handle?.close();
  }

  private get leaseFile(): string | null {
    return this.options.sandboxStateFile ? join(dirname(this.options.sandboxStateFile), SANDBOX_LEASE_FILE_NAME) : null;
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
    if (external) return sandboxEnvironment(external, { callbackUrl, managedApp: seededManagedApp() });
    // Looked up on each use: a process whose sandbox we use may quit, and then we start our own.
    const leased = !this.sandbox && this.leaseFile ? readLiveLease(this.leaseFile) : null;
    if (leased) return sandboxEnvironment(leased.url, { callbackUrl, managedApp: seededManagedApp() });
    const starting = (this.sandbox ??= this.startOwnSandbox(callbackUrl));
    try {
      const handle = await starting;
      return sandboxEnvironment(handle.url, { callbackUrl, managedApp: handle.managedApp });
    } catch (cause) {
      this.sandbox = null;
      throw new AppError('UNEXPECTED', { message: 'The sandbox could not be started.', remediation: 'Check that its port is free, then try again.', cause });
    }
  }

  private async startOwnSandbox(callbackUrl: string): Promise<SandboxHandle> {
    const handle = await startSandbox({
      port: this.settings.CONNECTDESK_SANDBOX_PORT,
      callbackUrl,
      ...(this.options.sandboxStateFile ? { stateFile: this.options.sandboxStateFile } : {}),
    });
    if (this.leaseFile) writeLease(this.leaseFile, { url: handle.url, pid: process.pid });
    return handle;
  }
}

const SANDBOX_LEASE_FILE_NAME = 'running-sandbox.json';

/** Which process runs the sandbox of a data folder, and where it listens. */
interface SandboxLease {
  url: string;
  pid: number;
}

function seededManagedApp(): { clientId: string; clientSecret: string; label: string } | null {
  const managed = loadDefaultSeed().apps.find((a) => a.managed);
  return managed ? { clientId: managed.clientId, clientSecret: managed.clientSecret, label: managed.label } : null;
}

function readLease(path: string): SandboxLease | null {
  try {
    const lease = JSON.parse(readFileSync(path, 'utf8')) as Partial<SandboxLease>;
    return typeof lease.url === 'string' && Number.isInteger(lease.pid) ? { url: lease.url, pid: lease.pid! } : null;
  } catch {
    return null;
  }
}

/** A lease of a process that still runs (a crashed one leaves its file behind). */
function readLiveLease(path: string): SandboxLease | null {
  const lease = readLease(path);
  if (!lease) return null;
  try {
    process.kill(lease.pid, 0);
    return lease;
  } catch (error) {
    // EPERM: it runs, as another user; ESRCH: gone.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? lease : null;
  }
}

function writeLease(path: string, lease: SandboxLease): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(lease), { mode: 0o600 });
  renameSync(temp, path);
}

/** Where the in-app sandbox keeps its state inside a data directory. */
export function sandboxStateFileIn(dataDir: string): string {
  return join(dataDir, 'sandbox', 'atlassian-sandbox-state.json');
}

/** Where the process running a data folder's sandbox says so (its address and process ID). */
export function sandboxLeaseFileIn(dataDir: string): string {
  return join(dataDir, 'sandbox', SANDBOX_LEASE_FILE_NAME);
}

/** What the creation page tells a new user in the sandbox. */
export function sandboxHelpText(environment: Environment): string | null {
  if (environment.id !== 'sandbox') return null;
  return `Sandbox: sign in as demo@example.com with password "connectdesk". To try Bring your own OAuth 2.0 app, use client ID "demo-byo-app" with the secret shown in the sandbox console (${environment.endpoints.issuer}).`;
}
