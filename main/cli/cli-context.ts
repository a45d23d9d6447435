import { resolve } from 'node:path';
import Conf from 'conf';
import type { Environment } from '../core/atlassian/environment.js';
import type { EventContext } from '../core/diagnostics/record-event.js';
import { AppError } from '../core/errors/app-error.js';
import type { Authorizer } from '../core/oauth/authorizer.js';
import type { ConnectionServices } from '../core/services/connection-services.js';
import type { ServiceContext } from '../core/services/service-context.js';
import type { ServiceEvent } from '../core/services/service-events.js';
import { ConnectionStore } from '../core/store/connection-store.js';
import { openJsonDocumentFile } from '../core/store/json-document-file.js';
import { openConfSettings, SETTINGS_FILE_OPTIONS, SettingsStore, type EnvironmentId } from '../core/store/settings-store.js';
import type { StoreDocument } from '../core/store/store-schema.js';
import type { SecretVault } from '../core/vault/secret-vault.js';
import type { EnvironmentRegistry } from '../environments/environment-registry.js';
import { readEnvironmentSettings, type EnvironmentSettings } from '../environments/environment-settings.js';
import { defaultDataDir } from './data-dir.js';
import type { RunDiagnostics } from './run-diagnostics.js';
import { openStoreVault, RECOVERY_PASSPHRASE_VARIABLE, type OpenedVault, type VaultKeys } from './store-unlock.js';

/** Options every command accepts (commander's global options). */
export interface GlobalOptions {
  dataDir?: string;
  environment?: EnvironmentId;
  developmentKey?: boolean;
}

/** The core services of a run whose secret store is open. */
export interface CliServices {
  ctx: ServiceContext;
  connections: ConnectionServices;
  /** Which key slot opened the store. */
  openedWith: string;
}

export interface ServiceOptions {
  authorizer?: Authorizer;
  signInTimeoutMs?: number;
  /** The environment new sign-ins use, for this run only (a reconnect keeps the connection's own). */
  environmentId?: EnvironmentId;
}

/** Verbs that never sign in still need an Authorizer in the context: this one is never asked. */
const NO_SIGN_IN: Authorizer = { kind: 'system-browser', run: async () => ({ kind: 'cancelled' }), focus: () => undefined };

/**
 * The command-line tool's composition root: the same store, settings, environments, diagnostics
 * journal and log as the app, each opened on first use, so that verbs without secrets never touch
 * the vault (nor start a sandbox, nor write a log). Every write goes through the store's
 * cross-process lock; reads are snapshots of the file.
 */
export class CliContext {
  readonly store: ConnectionStore;
  private settingsStore: SettingsStore | null = null;
  private registry: EnvironmentRegistry | null = null;
  private runDiagnostics: RunDiagnostics | null = null;
  private readonly listeners = new Set<(event: ServiceEvent) => void>();

  private constructor(
    readonly dataDir: string,
    readonly environmentSettings: EnvironmentSettings,
    private readonly environmentOverride: EnvironmentId | undefined,
    private readonly keys: VaultKeys,
  ) {
    this.store = new ConnectionStore(openJsonDocumentFile(dataDir));
  }

  /** Reads the options and the environment once; the recovery passphrase leaves the environment (child processes never see it). */
  static create(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env): CliContext {
    const passphrase = env[RECOVERY_PASSPHRASE_VARIABLE];
    delete env[RECOVERY_PASSPHRASE_VARIABLE];
    let settings: EnvironmentSettings;
    try {
      settings = readEnvironmentSettings(options.environment ? { ...env, CONNECTDESK_ENVIRONMENT: options.environment } : env);
    } catch (cause) {
      throw new AppError('VALIDATION_FAILED', { message: cause instanceof Error ? cause.message : 'An environment setting is not valid.', remediation: 'Correct the environment variable (see Settings in the README).' });
    }
    const dataDir = options.dataDir ? resolve(options.dataDir) : defaultDataDir(env);
    return new CliContext(dataDir, settings, options.environment, { developmentKey: options.developmentKey === true, passphrase: passphrase || undefined });
  }

  now(): Date {
    return new Date();
  }

  snapshot(): StoreDocument {
    return this.store.snapshot();
  }

  /** The app's settings file; --environment wins over the saved environment for this run only. */
  settings(): SettingsStore {
    this.settingsStore ??= this.environmentOverride
      ? fixedEnvironment(this.environmentOverride, this.dataDir)
      : openConfSettings(this.dataDir, this.environmentSettings.CONNECTDESK_ENVIRONMENT);
    return this.settingsStore;
  }

  /** Loaded on first use: the registry can start the in-process sandbox, which most verbs never need. */
  async environments(): Promise<EnvironmentRegistry> {
    if (!this.registry) {
      const { EnvironmentRegistry, sandboxStateFileIn } = await import('../environments/environment-registry.js');
      this.registry = new EnvironmentRegistry(this.environmentSettings, { sandboxStateFile: sandboxStateFileIn(this.dataDir) });
    }
    return this.registry;
  }

  /**
   * An environment's endpoints without starting anything: the in-app sandbox listens on a port
   * chosen when it starts, so its address is known only while the app, the shell or another
   * command runs it for this data folder (or CONNECTDESK_SANDBOX_URL names one).
   */
  async environmentWithoutStarting(id: EnvironmentId): Promise<Environment> {
    const environments = await this.environments();
    if (id !== 'sandbox') return environments.resolve(id);
    const running = await environments.runningSandbox();
    if (!running) throw new AppError('SANDBOX_NOT_RUNNING');
    return running;
  }

  /** Events, traces and checks go to the journal the app reads; log lines to its log. Made on first use. */
  async diagnostics(): Promise<RunDiagnostics> {
    this.runDiagnostics ??= (await import('./run-diagnostics.js')).openRunDiagnostics(this.dataDir, this.settings());
    return this.runDiagnostics;
  }

  /** For the maintenance use cases (rename, move, delete): their events go to the connection's history. */
  async eventContext(): Promise<EventContext> {
    const { journal, redactor, log } = await this.diagnostics();
    return { journal, redactor, log, now: () => this.now() };
  }

  /** Reads the store and the journal and nothing else (get): no vault, no sandbox, nothing created. */
  async readOnlyServiceContext(): Promise<ServiceContext> {
    const { openJournal } = await import('./run-diagnostics.js');
    return {
      store: this.store,
      settings: this.settings(),
      get vault(): SecretVault {
        throw new AppError('VAULT_LOCKED', { detail: 'this command does not open the secret store' });
      },
      resolveEnvironment: (id) => this.environmentWithoutStarting(id),
      authorizer: NO_SIGN_IN,
      emit: () => undefined,
      journal: openJournal(this.dataDir),
    };
  }

  onEvent(listener: (event: ServiceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Opens the secret store (nothing else does) and builds the core services over it, as the app does. */
  async openServices(options: ServiceOptions = {}): Promise<CliServices> {
    const { vault, openedWith } = await this.openVault();
    return { ...(await this.servicesWith(vault, options)), openedWith };
  }

  /** Services over a vault that may be locked (bundle: a locked store is when support needs one most). */
  async servicesWith(vault: SecretVault | AppError, options: ServiceOptions = {}): Promise<Omit<CliServices, 'openedWith'>> {
    const { createCoreServices } = await import('./core-services.js');
    return createCoreServices({
      store: this.store,
      settings: options.environmentId ? fixedEnvironment(options.environmentId, this.dataDir) : this.settings(),
      vault,
      diagnostics: await this.diagnostics(),
      resolveEnvironment: async (id) => (await this.environments()).resolve(id),
      authorizer: options.authorizer ?? NO_SIGN_IN,
      emit: (event) => {
        for (const listener of this.listeners) listener(event);
      },
      signInTimeoutMs: options.signInTimeoutMs,
    });
  }

  /** The vault alone (unlock, bundle). */
  openVault(): Promise<OpenedVault> {
    return openStoreVault(this.store, this.keys);
  }

  async close(): Promise<void> {
    await this.registry?.close();
  }
}

/**
 * The app's settings file with the environment fixed for this run (--environment, a reconnect);
 * the environment is not saved. Other keys (the fingerprint key) are the file's, so bundles compare.
 */
function fixedEnvironment(environmentId: EnvironmentId, dataDir: string): SettingsStore {
  const file = new Conf({ cwd: dataDir, projectName: 'connectdesk', ...SETTINGS_FILE_OPTIONS });
  return new SettingsStore(
    {
      get: (key) => (key === 'environmentId' ? environmentId : file.get(key)),
      set: (key, value) => (key === 'environmentId' ? undefined : file.set(key, value)),
    },
    environmentId,
  );
}
