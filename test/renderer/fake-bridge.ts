import type {
  AuthPhase,
  ConnectDeskBridge,
  ConnectionDraftDto,
  ConnectionSummaryDto,
  ErrorInfoDto,
  EventChannel,
  EventOf,
  FolderDto,
  InvokeChannel,
  InvokeResult,
  RequestOf,
  ResponseOf,
  SettingsDto,
  SiteDto,
} from '../../preload/contract';
import { defaultCheck, runCheck, type CheckScript } from './fake-check';
import { FakeAssets } from './fake-asset-ops';
import { FakeBackups } from './fake-backup-ops';
import { FakeDiagnostics } from './fake-diagnostics-ops';
import { deleteConnection, makeDefault, moveConnection, updateConnection } from './fake-connection-ops';
import { createFolder, deleteFolder, moveFolder, renameFolder } from './fake-folder-ops';
import { InvokeError, notFound } from './fake-invoke-error';
import { assertDraftUsable, savedConnection } from './fake-saved-connection';
import { FakeSecurity } from './fake-security-ops';
import type { FakeStore } from './fake-store';
import { confluenceConnector, defaultSites, environments } from './fixtures';

type Handlers = { [C in InvokeChannel]: (request: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>> };

interface Attempt {
  attemptId: string;
  draft: ConnectionDraftDto;
  phase: AuthPhase;
  ended: boolean;
}

export interface FakeBridgeOptions {
  folders?: FolderDto[];
  connections?: ConnectionSummaryDto[];
  sites?: SiteDto[];
  environmentId?: SettingsDto['environmentId'];
  managedAvailable?: boolean;
  /** 'manual' (tests call completeSignIn); 'auto' moves on by itself after `autoDelayMs`. */
  mode?: 'manual' | 'auto';
  autoDelayMs?: number;
  /** How long connections:check and connections:check-folder take (0: at once). */
  checkDelayMs?: number;
  /** Start with the secret store locked (a lost keychain), openable with this recovery passphrase (null: none set). */
  lockedWithPassphrase?: string | null;
}

export const invalidClientError: ErrorInfoDto = {
  code: 'ATLASSIAN_INVALID_CLIENT',
  message: 'Atlassian did not accept the client ID and client secret.',
  remediation: 'Copy the client ID and secret again from the Atlassian developer console (Settings of your app) and select Connect.',
};

/**
 * An in-memory main process behind the ConnectDesk contract: folders, connections, settings,
 * and sign-in attempts that emit auth:progress the way main does. Every call is recorded.
 */
export class FakeBridge implements ConnectDeskBridge, FakeStore {
  readonly calls: { channel: InvokeChannel; request: unknown }[] = [];
  folders: FolderDto[];
  connections: ConnectionSummaryDto[];
  sites: SiteDto[];
  environmentId: SettingsDto['environmentId'];
  managedAvailable: boolean;
  /** Reconnect: the site the connection used that this sign-in cannot reach; main then always asks for a site. */
  previousSite: SiteDto | null = null;
  /** Adjusts the connection a sign-in saves (scopes Atlassian withheld, an Expiring soon status). */
  shapeSaved: ((connection: ConnectionSummaryDto) => ConnectionSummaryDto) | null = null;
  /** When set, the next sign-in fails with this error after the code exchange. */
  failNextSignIn: ErrorInfoDto | null = null;
  /** Scripted check outcomes by connection ID; others get defaultCheck. */
  readonly checkScripts = new Map<string, CheckScript>();
  readonly attempts: Attempt[] = [];
  private readonly listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  private readonly mode: 'manual' | 'auto';
  private readonly delay: number;
  private readonly checkDelay: number;
  private counter = 0;

  constructor(options: FakeBridgeOptions = {}) {
    this.folders = options.folders ?? [{ id: 'shared', name: 'Shared', parentId: null, createdAt: '2025-01-01T00:00:00.000Z', connectionCount: 0 }];
    this.connections = options.connections ?? [];
    this.sites = options.sites ?? defaultSites;
    this.environmentId = options.environmentId ?? 'atlassian-cloud';
    this.managedAvailable = options.managedAvailable ?? true;
    this.mode = options.mode ?? 'manual';
    this.delay = options.autoDelayMs ?? 600;
    this.checkDelay = options.checkDelayMs ?? 0;
    if (options.lockedWithPassphrase !== undefined) this.security.lock(options.lockedWithPassphrase);
  }

  nextId(prefix: string): string {
    return `${prefix}-${++this.counter}`;
  }

  changed(folderId: string | null): void {
    this.emit('connections:changed', { folderId });
  }

  readonly assets = new FakeAssets();
  readonly security = new FakeSecurity();
  readonly backups = new FakeBackups();
  readonly diagnostics = new FakeDiagnostics();

  private readonly handlers: Handlers = {
    'app:get-info': () => ({ name: 'ConnectDesk', version: '0.1.0', host: 'browser-shell', platform: 'linux', secretProtection: 'Development key (insecure, tests only)' }),
    'settings:get': () => this.settings(),
    'settings:set-environment': ({ environmentId }) => {
      this.environmentId = environmentId;
      return this.settings();
    },
    'sandbox:open-help': () => ({ ok: true }),
    'folders:list': () => this.folders.map((f) => ({ ...f, connectionCount: this.connections.filter((c) => c.folderId === f.id).length })),
    'folders:create': (request) => createFolder(this, request),
    'connectors:list': () => [
      { id: confluenceConnector.id, name: confluenceConnector.name, vendor: confluenceConnector.vendor, description: confluenceConnector.description, keywords: confluenceConnector.keywords },
    ],
    'connections:creation-context': ({ connectorId }) => {
      if (connectorId !== confluenceConnector.id) throw new InvokeError({ code: 'CONNECTOR_UNKNOWN', message: 'Unknown connector.', remediation: 'Choose another connector.' });
      const sandbox = this.environmentId === 'sandbox';
      return {
        connector: confluenceConnector,
        environment: { id: this.environmentId, label: sandbox ? 'Sandbox (local Atlassian)' : 'Atlassian Cloud' },
        callbackUrl: 'http://localhost:47615/oauth/callback',
        managedApp: { available: this.managedAvailable, label: sandbox ? 'ConnectDesk Sandbox app' : 'ConnectDesk for Confluence' },
        sandboxHelp: sandbox ? 'Demo user: demo@example.test, password: demo. The sandbox app is ready to use.' : null,
      };
    },
    'connections:list': ({ folderId }) => this.connections.filter((c) => c.folderId === folderId),
    'connections:begin-authorization': (draft) => this.begin(draft as ConnectionDraftDto),
    'connections:cancel-authorization': ({ attemptId }) => {
      const attempt = this.attempt(attemptId);
      if (!attempt.ended) this.end(attempt, 'cancelled');
      return { ok: true };
    },
    'connections:choose-site': ({ attemptId, cloudId }) => {
      const attempt = this.attempt(attemptId);
      const site = this.sites.find((s) => s.cloudId === cloudId);
      if (attempt.phase !== 'choosing-site' || !site) {
        throw new InvokeError({ code: 'SITE_NOT_OFFERED', message: 'That site was not offered.', remediation: 'Choose one of the listed sites.' });
      }
      this.save(attempt, site);
      return { ok: true };
    },
    'connections:check': async ({ connectionId }) => {
      await this.checkPause();
      return this.check(connectionId);
    },
    'connections:check-folder': async ({ folderId }) => {
      if (!this.folders.some((f) => f.id === folderId)) throw notFound('folder');
      await this.checkPause();
      return { results: this.connections.filter((c) => c.folderId === folderId).map((c) => this.check(c.id)) };
    },
    'folders:rename': (request) => renameFolder(this, request),
    'folders:move': (request) => moveFolder(this, request),
    'folders:delete': (request) => deleteFolder(this, request),
    'connections:update': (request) => updateConnection(this, request),
    'connections:make-default': (request) => makeDefault(this, request),
    'connections:move': (request) => moveConnection(this, request),
    'connections:delete': (request) => deleteConnection(this, request),
    'assets:list': (request) => this.assets.list(request),
    'assets:create': (request) => this.assets.create(request),
    'assets:update': (request) => this.assets.update(request),
    'assets:delete': (request) => this.assets.delete(request),
    'security:get-status': () => this.security.get(),
    'security:unlock': (request) => this.security.unlock(request),
    'security:set-recovery-passphrase': (request) => this.security.setRecoveryPassphrase(request),
    'security:remove-recovery-passphrase': () => this.security.removeRecoveryPassphrase(),
    'backup:export': (request) => this.backups.export(request),
    'backup:preview': (request) => this.backups.preview(request),
    'backup:import': (request) => this.backups.import(request),
    'backup:discard': (request) => this.backups.discard(request),
    'diagnostics:get': (request) => this.diagnostics.get(request),
    'diagnostics:export-bundle': (request) => this.diagnostics.exportBundle(request),
  };

  private check(connectionId: string): ResponseOf<'connections:check'> {
    const connection = this.connections.find((c) => c.id === connectionId);
    if (!connection) throw notFound('connection');
    const { updated, result } = runCheck(connection, this.checkScripts.get(connectionId) ?? defaultCheck(connection), new Date());
    this.connections = this.connections.map((c) => (c.id === connectionId ? updated : c));
    return result;
  }

  private checkPause(): Promise<void> {
    return this.checkDelay > 0 ? new Promise((resolve) => setTimeout(resolve, this.checkDelay)) : Promise.resolve();
  }

  async invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<InvokeResult<ResponseOf<C>>> {
    this.calls.push({ channel, request: structuredClone(request) });
    await Promise.resolve();
    try {
      const refusal = this.security.refusal(channel);
      if (refusal) throw refusal;
      const handler = this.handlers[channel] as (r: RequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
      return { ok: true, value: await handler(request) };
    } catch (error) {
      if (error instanceof InvokeError) return { ok: false, error: error.info };
      throw error;
    }
  }

  on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as (payload: never) => void);
    this.listeners.set(event, set);
    return () => set.delete(listener as (payload: never) => void);
  }

  /** Delivers an event to the renderer on a later task, as IPC does. */
  emit<E extends EventChannel>(event: E, payload: EventOf<E>): void {
    setTimeout(() => {
      for (const listener of this.listeners.get(event) ?? []) (listener as (p: EventOf<E>) => void)(payload);
    }, 0);
  }

  callsTo<C extends InvokeChannel>(channel: C): RequestOf<C>[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.request as RequestOf<C>);
  }

  get currentAttempt(): Attempt | undefined {
    return this.attempts.findLast((a) => !a.ended);
  }

  /** The user finished signing in at Atlassian: exchange, find sites, then choose or save. */
  completeSignIn(attemptId = this.currentAttempt?.attemptId): void {
    const attempt = this.attempt(attemptId ?? '');
    this.progress(attempt, 'exchanging-code');
    const failure = this.failNextSignIn ?? (attempt.draft.clientSecret === 'wrong-secret' ? invalidClientError : null);
    if (failure) {
      this.failNextSignIn = null;
      return this.end(attempt, 'failed', { error: failure });
    }
    this.progress(attempt, 'finding-sites');
    const [first] = this.sites;
    if (this.previousSite) return this.progress(attempt, 'choosing-site', { sites: this.sites, previousSite: this.previousSite });
    if (this.sites.length > 1 || !first) return this.progress(attempt, 'choosing-site', { sites: this.sites });
    this.save(attempt, first);
  }

  private settings(): SettingsDto {
    return { environmentId: this.environmentId, environments };
  }

  private begin(draft: ConnectionDraftDto): ResponseOf<'connections:begin-authorization'> {
    assertDraftUsable(draft, this.connections);
    const running = this.attempts.find((a) => a.draft.draftId === draft.draftId && !a.ended);
    if (running) return { attemptId: running.attemptId, reused: true };
    const attempt: Attempt = { attemptId: `attempt-${++this.counter}`, draft: structuredClone(draft), phase: 'starting', ended: false };
    this.attempts.push(attempt);
    this.progress(attempt, 'starting');
    this.progress(attempt, 'waiting-for-sign-in');
    if (this.mode === 'auto') setTimeout(() => !attempt.ended && this.completeSignIn(attempt.attemptId), this.delay);
    return { attemptId: attempt.attemptId, reused: false };
  }

  private save(attempt: Attempt, site: SiteDto): void {
    this.progress(attempt, 'saving');
    const finish = () => {
      if (attempt.ended) return;
      const existing = this.connections.find((c) => c.id === attempt.draft.reconnectConnectionId);
      const id = existing?.id ?? this.nextId('conn');
      const assetName = (assetId: string) => this.assets.items.find((a) => a.id === assetId)?.name ?? assetId;
      const saved = savedConnection(attempt.draft, site, { id, environmentId: this.environmentId, existing, now: new Date(), assetName });
      const connection = this.shapeSaved ? this.shapeSaved(saved) : saved;
      this.connections = existing ? this.connections.map((c) => (c.id === id ? connection : c)) : [...this.connections, connection];
      this.end(attempt, 'connected', { connection });
      this.emit('connections:changed', { folderId: connection.folderId });
    };
    if (this.mode === 'auto') setTimeout(finish, this.delay);
    else finish();
  }

  private attempt(attemptId: string): Attempt {
    const attempt = this.attempts.find((a) => a.attemptId === attemptId);
    if (!attempt) throw new InvokeError({ code: 'AUTH_ATTEMPT_UNKNOWN', message: 'That sign-in is no longer running.', remediation: 'Start again.' });
    return attempt;
  }

  private progress(attempt: Attempt, phase: AuthPhase, extra: Partial<EventOf<'auth:progress'>> = {}): void {
    attempt.phase = phase;
    this.emit('auth:progress', { attemptId: attempt.attemptId, draftId: attempt.draft.draftId, phase, ...extra });
  }

  private end(attempt: Attempt, phase: 'connected' | 'failed' | 'cancelled', extra: Partial<EventOf<'auth:progress'>> = {}): void {
    attempt.ended = true;
    this.progress(attempt, phase, extra);
  }
}
