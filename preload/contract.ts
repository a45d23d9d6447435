/**
 * THE API between the renderer and main. Channel names, request and response schemas (zod).
 * Main validates every request with these schemas; the renderer imports only types from here.
 * Nothing in a response is ever a secret: client secrets and tokens stay in main.
 */
import { z } from 'zod';
import { isEventChannel, isInvokeChannel, type EventChannelName, type InvokeChannelName } from './channels.js';

// ---- shared shapes ------------------------------------------------------------------------

export const errorInfoSchema = z.object({
  code: z.string(),
  message: z.string(),
  remediation: z.string(),
  detail: z.string().optional(),
});
export type ErrorInfoDto = z.infer<typeof errorInfoSchema>;

const id = z.string().min(1).max(100);
const isoTime = z.string();

export const folderSchema = z.object({
  id,
  name: z.string(),
  parentId: z.string().nullable(),
  createdAt: isoTime,
  connectionCount: z.number().int(),
});
export type FolderDto = z.infer<typeof folderSchema>;

export const connectionStatusSchema = z.enum([
  'connected',
  'expiring-soon',
  'needs-reconnect',
  'offline',
  'error',
  'checking',
]);
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

export const siteSchema = z.object({ cloudId: z.string(), name: z.string(), url: z.string() });
export type SiteDto = z.infer<typeof siteSchema>;

export const connectionSummarySchema = z.object({
  id,
  folderId: id,
  connectorId: z.string(),
  connectorName: z.string(),
  name: z.string(),
  environmentId: z.string(),
  authType: z.enum(['managed', 'byo']),
  /** Client ID masked except its last 4 characters. */
  clientIdMasked: z.string(),
  /** Bring your own app: the credential asset its client secret comes from; null when typed (or managed). */
  clientSecretAsset: z.object({ id, name: z.string() }).nullable().optional(),
  status: connectionStatusSchema,
  statusReason: errorInfoSchema.optional(),
  site: siteSchema.nullable(),
  account: z.object({ accountId: z.string(), displayName: z.string() }).nullable(),
  requestedScopes: z.array(z.string()),
  grantedScopes: z.array(z.string()),
  accessExpiresAt: isoTime,
  hasRefreshToken: z.boolean(),
  /** When the current refresh token was issued: Atlassian expires it after 90 idle days. */
  refreshIssuedAt: isoTime.nullable(),
  /** First consent: Atlassian requires a new consent 365 days after it. */
  consentedAt: isoTime,
  description: z.string(),
  /** The folder's default connection for its connector. */
  isDefault: z.boolean(),
  createdAt: isoTime,
  lastUsedAt: isoTime.nullable(),
  lastCheckedAt: isoTime.nullable(),
});
export type ConnectionSummaryDto = z.infer<typeof connectionSummarySchema>;

export const scopeSchema = z.object({
  scope: z.string(),
  description: z.string(),
  group: z.enum(['update', 'view', 'search', 'stay-connected', 'other']),
  kind: z.enum(['classic', 'granular', 'oauth']),
  default: z.boolean(),
});
export type ScopeDto = z.infer<typeof scopeSchema>;

export const connectorSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  vendor: z.string(),
  description: z.string(),
  keywords: z.array(z.string()),
});
export type ConnectorSummaryDto = z.infer<typeof connectorSummarySchema>;

export const creationContextSchema = z.object({
  connector: connectorSummarySchema.extend({
    groups: z.array(z.object({ id: scopeSchema.shape.group, label: z.string(), summary: z.string() })),
    scopes: z.array(scopeSchema),
  }),
  environment: z.object({ id: z.string(), label: z.string() }),
  /** The callback URL to register on a Bring-your-own OAuth app. */
  callbackUrl: z.string(),
  managedApp: z.object({ available: z.boolean(), label: z.string() }),
  /** Only in the sandbox environment: where a new user finds demo credentials. */
  sandboxHelp: z.string().nullable(),
});
export type CreationContextDto = z.infer<typeof creationContextSchema>;

/** What the renderer sends to start a sign-in. The client secret goes in, never comes back. */
export const connectionDraftSchema = z
  .object({
    draftId: z.string().uuid(),
    connectorId: z.string(),
    folderId: id,
    name: z.string().trim().min(1, 'Enter a connection name').max(120),
    authType: z.enum(['managed', 'byo']),
    clientId: z.string().trim().max(200).optional(),
    clientSecret: z.string().max(500).optional(),
    scopes: z.array(z.string().min(1).max(200)).min(1, 'Select at least one scope').max(100),
    /**
     * Reconnect: sign in again for this connection, keeping its ID, folder and name. A BYO client
     * ID and secret left empty keep the stored ones.
     */
    reconnectConnectionId: id.optional(),
    /** BYO: take the client secret from this credential asset instead of a typed value. */
    clientSecretAssetId: id.optional(),
  })
  .superRefine((draft, ctx) => {
    if (draft.clientSecret && draft.clientSecretAssetId) {
      ctx.addIssue({ code: 'custom', path: ['clientSecret'], message: 'Type a client secret or use a credential asset, not both' });
    }
    if (draft.authType === 'byo' && !draft.reconnectConnectionId) {
      if (!draft.clientId) ctx.addIssue({ code: 'custom', path: ['clientId'], message: 'Enter the client ID of your OAuth app' });
      if (!draft.clientSecret && !draft.clientSecretAssetId) {
        ctx.addIssue({ code: 'custom', path: ['clientSecret'], message: 'Enter the client secret of your OAuth app, or use a credential asset' });
      }
    }
  });
export type ConnectionDraftDto = z.infer<typeof connectionDraftSchema>;

export const authPhaseSchema = z.enum([
  'starting',
  'waiting-for-sign-in',
  'exchanging-code',
  'finding-sites',
  'choosing-site',
  'saving',
  'connected',
  'failed',
  'cancelled',
]);
export type AuthPhase = z.infer<typeof authPhaseSchema>;

export const authProgressSchema = z.object({
  attemptId: z.string(),
  draftId: z.string(),
  phase: authPhaseSchema,
  /** Sites to choose from, with phase 'choosing-site'. */
  sites: z.array(siteSchema).optional(),
  /**
   * Reconnect only: the site the connection used, when this sign-in cannot reach it (another
   * account, or access removed). The user must then choose a site knowingly.
   */
  previousSite: siteSchema.optional(),
  connection: connectionSummarySchema.optional(),
  error: errorInfoSchema.optional(),
});
export type AuthProgressDto = z.infer<typeof authProgressSchema>;

/** A credential asset as the UI may see it: never its value. */
export const assetSummarySchema = z.object({
  id,
  folderId: id,
  name: z.string(),
  description: z.string(),
  kind: z.enum(['stored', 'keychain', 'env']),
  /** Where a keychain or environment asset points; null for stored ones (their value is never listed). */
  reference: z.union([z.object({ service: z.string(), account: z.string() }), z.object({ variable: z.string() })]).nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  usedBy: z.array(z.object({ connectionId: z.string(), name: z.string(), folderId: z.string() })),
});
export type AssetSummaryDto = z.infer<typeof assetSummarySchema>;

export const assetSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stored'), value: z.string().min(1, 'Enter the secret value').max(10_000) }).strict(),
  z.object({ kind: z.literal('keychain'), service: z.string().trim().min(1).max(200), account: z.string().trim().min(1).max(200) }).strict(),
  z.object({ kind: z.literal('env'), variable: z.string().trim().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'Use letters, digits and _ only').max(200) }).strict(),
]);

export const checkStepSchema = z.object({
  name: z.string(),
  /** 'skipped': not applicable (e.g. no Update scope requested) or an earlier step failed. */
  outcome: z.enum(['passed', 'failed', 'skipped']),
  ok: z.boolean(),
  durationMs: z.number(),
  /** What was checked, in plain words (e.g. "GET spaces with read:confluence-space.summary"). */
  detail: z.string().optional(),
  error: errorInfoSchema.optional(),
});
export type CheckStepDto = z.infer<typeof checkStepSchema>;

export const checkResultSchema = z.object({
  connectionId: z.string(),
  ok: z.boolean(),
  steps: z.array(checkStepSchema),
  /** Requested scopes Atlassian did not grant. */
  missingScopes: z.array(z.string()),
  checkedAt: isoTime,
  connection: connectionSummarySchema,
});
export type CheckResultDto = z.infer<typeof checkResultSchema>;

export const settingsSchema = z.object({
  environmentId: z.enum(['atlassian-cloud', 'sandbox']),
  environments: z.array(z.object({ id: z.enum(['atlassian-cloud', 'sandbox']), label: z.string(), description: z.string() })),
});
export type SettingsDto = z.infer<typeof settingsSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'browser-shell']),
  platform: z.string(),
  /** Short plain-words description of how secrets are protected on this machine. */
  secretProtection: z.string(),
});
export type AppInfoDto = z.infer<typeof appInfoSchema>;

/** How secrets are protected here, and whether the store is open. Never a key or passphrase. */
export const securityStatusSchema = z.object({
  /**
   * keychain: the OS keychain protects the data key; basic-text: Linux without a keyring and the
   * user consented to weak protection; session-only: secrets live only until ConnectDesk quits;
   * development: the insecure development key (browser shell, tests).
   */
  mode: z.enum(['keychain', 'basic-text', 'session-only', 'development']),
  /** Plain words for the Settings screen. */
  description: z.string(),
  /** The store could not be opened with this computer's keychain: the UI asks for the recovery passphrase. */
  locked: z.boolean(),
  /** Why it is locked, in plain words (which keys were tried, what to do). */
  lockedReason: errorInfoSchema.nullable(),
  recoveryPassphrase: z.object({ set: z.boolean(), createdAt: isoTime.nullable() }),
});
export type SecurityStatusDto = z.infer<typeof securityStatusSchema>;

const passphrase = z.string().min(1, 'Enter the passphrase').max(1024);
/** An age file as base64 (the renderer reads and saves files; main encrypts and decrypts). */
const backupData = z.string().min(1).max(70_000_000);

export const backupScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('folder'), folderId: id }).strict(),
]);

export const backupPreviewSchema = z.object({
  /** Names this decrypted backup in main until it is imported or discarded (kept at most 10 minutes). */
  previewId: z.string(),
  createdAt: isoTime,
  createdBy: z.object({ app: z.string(), version: z.string() }),
  scope: z.discriminatedUnion('kind', [z.object({ kind: z.literal('all') }), z.object({ kind: z.literal('folder'), folderId: z.string(), folderName: z.string() })]),
  folders: z.array(z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable() })),
  assets: z.array(z.object({ id: z.string(), name: z.string(), folderId: z.string(), kind: z.enum(['stored', 'keychain', 'env']) })),
  connections: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      folderId: z.string(),
      connectorId: z.string(),
      authType: z.enum(['managed', 'byo']),
      siteName: z.string(),
      siteUrl: z.string(),
    }),
  ),
  conflicts: z.array(z.object({ kind: z.enum(['folder', 'asset', 'connection']), id: z.string(), name: z.string(), existingName: z.string() })),
});
export type BackupPreviewDto = z.infer<typeof backupPreviewSchema>;

export const backupImportResultSchema = z.object({
  imported: z.number().int(),
  skipped: z.number().int(),
  replaced: z.number().int(),
  renamed: z.number().int(),
  folders: z.object({ created: z.number().int(), merged: z.number().int(), replaced: z.number().int() }),
  assets: z.object({ imported: z.number().int(), skipped: z.number().int(), replaced: z.number().int() }),
  connectionIds: z.array(z.string()),
});
export type BackupImportResultDto = z.infer<typeof backupImportResultSchema>;

// ---- diagnostics (issue 5): everything here is redacted in main before it is recorded ----------

export const connectionEventSchema = z.object({
  at: isoTime,
  type: z.enum(['created', 'signed-in', 'reconnected', 'refreshed', 'refresh-failed', 'checked', 'call-failed', 'status-changed', 'renamed', 'moved', 'deleted']),
  outcome: z.enum(['ok', 'failed']),
  error: errorInfoSchema.optional(),
  detail: z.string().optional(),
});
export type ConnectionEventDto = z.infer<typeof connectionEventSchema>;

export const httpTraceSchema = z.object({
  id: z.string(),
  at: isoTime,
  attemptId: z.string().nullable(),
  operation: z.enum(['authorize', 'token-exchange', 'token-refresh', 'accessible-resources', 'api', 'check', 'reachability']),
  method: z.string(),
  /** Without query or fragment values that can carry secrets. */
  url: z.string(),
  status: z.number().int().nullable(),
  durationMs: z.number(),
  requestHeaders: z.record(z.string(), z.string()),
  responseHeaders: z.record(z.string(), z.string()),
  requestBody: z.string().nullable(),
  responseBody: z.string().nullable(),
  networkError: z.string().optional(),
});
export type HttpTraceDto = z.infer<typeof httpTraceSchema>;

export const connectionDiagnosticsSchema = z.object({
  connection: connectionSummarySchema,
  /** The answer first: what is wrong (null when healthy) and what to do, from the error catalogue. */
  verdict: z.object({ healthy: z.boolean(), headline: z.string(), cause: errorInfoSchema.nullable() }),
  environment: z.object({
    id: z.string(),
    label: z.string(),
    authorizeUrl: z.string(),
    tokenUrl: z.string(),
    accessibleResourcesUrl: z.string(),
    apiBaseUrl: z.string(),
    /** The redirect_uri sent at sign-in: must equal the one registered on the OAuth app, byte for byte. */
    callbackUrl: z.string(),
  }),
  oauthApp: z.object({
    authType: z.enum(['managed', 'byo']),
    /** Managed app label, or "Your OAuth app". */
    label: z.string(),
    clientIdMasked: z.string(),
    clientSecretSource: z.enum(['managed', 'typed', 'asset']),
    clientSecretAsset: z.object({ id: z.string(), name: z.string() }).nullable(),
  }),
  /** Where API calls of this connection go: `${apiBaseUrl}/ex/confluence/{cloudId}`; null without a site. */
  connectionBaseUrl: z.string().nullable(),
  scopes: z.object({
    requested: z.array(z.string()),
    granted: z.array(z.string()),
    /** Requested but not granted, with what each one breaks. */
    missing: z.array(z.object({ scope: z.string(), description: z.string(), breaks: z.string() })),
    /** Granted without being requested (an app with more scopes enabled). */
    extra: z.array(z.string()),
  }),
  tokens: z.object({
    accessExpiresAt: isoTime,
    accessExpired: z.boolean(),
    /** When Atlassian refused the current access token before it expired (not a scope failure); null if it never did. */
    accessRefusedAt: isoTime.nullable(),
    /** The last successful refresh. */
    lastRefreshAt: isoTime.nullable(),
    /** The latest refresh attempt, when it failed: when (null when only the connection's status tells) and its catalogue code. */
    lastRefreshFailure: z.object({ at: isoTime.nullable(), code: z.string() }).nullable(),
    hasRefreshToken: z.boolean(),
    /** Days since the refresh token was issued (or last used), against Atlassian's 90 idle days. */
    refreshIdleDays: z.number().nullable(),
    refreshIdleLimitDays: z.number(),
    refreshExpiresAt: isoTime.nullable(),
    /** Days since the first consent, against Atlassian's 365 days. */
    consentAgeDays: z.number(),
    consentLimitDays: z.number(),
    consentExpiresAt: isoTime,
  }),
  events: z.array(connectionEventSchema),
  traces: z.array(httpTraceSchema),
  lastCheck: z
    .object({ checkedAt: isoTime, ok: z.boolean(), steps: z.array(checkStepSchema), missingScopes: z.array(z.string()) })
    .nullable(),
});
export type ConnectionDiagnosticsDto = z.infer<typeof connectionDiagnosticsSchema>;

export const bundleScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('folder'), folderId: id }).strict(),
  z.object({ kind: z.literal('connection'), connectionId: id }).strict(),
]);

// ---- invoke channels ----------------------------------------------------------------------

const empty = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

export const invokeContract = {
  'app:get-info': { request: empty, response: appInfoSchema },
  'settings:get': { request: empty, response: settingsSchema },
  'settings:set-environment': { request: z.object({ environmentId: settingsSchema.shape.environmentId }).strict(), response: settingsSchema },
  'sandbox:open-help': { request: empty, response: ok },
  'folders:list': { request: empty, response: z.array(folderSchema) },
  'folders:create': {
    request: z.object({ name: z.string().trim().min(1, 'Enter a folder name').max(80), parentId: id.nullable() }).strict(),
    response: folderSchema,
  },
  'connectors:list': { request: empty, response: z.array(connectorSummarySchema) },
  'connections:creation-context': { request: z.object({ connectorId: z.string() }).strict(), response: creationContextSchema },
  'connections:list': { request: z.object({ folderId: id }).strict(), response: z.array(connectionSummarySchema) },
  'connections:begin-authorization': {
    request: connectionDraftSchema,
    response: z.object({ attemptId: z.string(), reused: z.boolean() }),
  },
  'connections:cancel-authorization': { request: z.object({ attemptId: z.string() }).strict(), response: ok },
  'connections:choose-site': { request: z.object({ attemptId: z.string(), cloudId: z.string() }).strict(), response: ok },
  'connections:check': { request: z.object({ connectionId: id }).strict(), response: checkResultSchema },
  'folders:rename': {
    request: z.object({ folderId: id, name: z.string().trim().min(1, 'Enter a folder name').max(80) }).strict(),
    response: folderSchema,
  },
  'folders:move': { request: z.object({ folderId: id, parentId: id.nullable() }).strict(), response: folderSchema },
  'folders:delete': {
    request: z
      .object({
        folderId: id,
        /** Required when the folder (or a subfolder) holds connections: what happens to them. */
        connections: z.enum(['move-to-parent', 'delete']).optional(),
      })
      .strict(),
    response: z.object({ deletedFolders: z.number().int(), movedConnections: z.number().int(), deletedConnections: z.number().int() }),
  },
  'connections:update': {
    request: z
      .object({ connectionId: id, name: z.string().trim().min(1, 'Enter a connection name').max(120), description: z.string().trim().max(500) })
      .strict(),
    response: connectionSummarySchema,
  },
  'connections:make-default': { request: z.object({ connectionId: id }).strict(), response: connectionSummarySchema },
  'connections:move': { request: z.object({ connectionId: id, folderId: id }).strict(), response: connectionSummarySchema },
  'connections:delete': { request: z.object({ connectionId: id }).strict(), response: ok },
  'connections:check-folder': {
    request: z.object({ folderId: id }).strict(),
    response: z.object({ results: z.array(checkResultSchema) }),
  },
  'assets:list': { request: z.object({ folderId: id }).strict(), response: z.array(assetSummarySchema) },
  'assets:create': {
    request: z
      .object({ folderId: id, name: z.string().trim().min(1, 'Enter a name').max(100), description: z.string().trim().max(1000).optional(), source: assetSourceSchema })
      .strict(),
    response: assetSummarySchema,
  },
  'assets:update': {
    request: z
      .object({ assetId: id, name: z.string().trim().min(1).max(100).optional(), description: z.string().trim().max(1000).optional(), source: assetSourceSchema.optional() })
      .strict(),
    response: assetSummarySchema,
  },
  'assets:delete': { request: z.object({ assetId: id }).strict(), response: ok },
  'security:get-status': { request: empty, response: securityStatusSchema },
  /** Opens a locked store with the recovery passphrase (lost keychain, new computer). */
  'security:unlock': { request: z.object({ passphrase }).strict(), response: securityStatusSchema },
  /** Sets or changes the recovery passphrase: re-wraps the data key only, never a secret. */
  'security:set-recovery-passphrase': { request: z.object({ passphrase }).strict(), response: securityStatusSchema },
  'security:remove-recovery-passphrase': { request: empty, response: securityStatusSchema },
  'backup:export': {
    request: z.object({ scope: backupScopeSchema, passphrase }).strict(),
    response: z.object({
      /** Suggested file name, e.g. connectdesk-backup-2026-12-03.age */
      fileName: z.string(),
      data: backupData,
      counts: z.object({ folders: z.number().int(), connections: z.number().int(), assets: z.number().int() }),
    }),
  },
  'backup:preview': { request: z.object({ data: backupData, passphrase }).strict(), response: backupPreviewSchema },
  'backup:import': {
    request: z.object({ previewId: z.string().min(1).max(100), conflicts: z.enum(['skip', 'replace', 'keep-both']) }).strict(),
    response: backupImportResultSchema,
  },
  'backup:discard': { request: z.object({ previewId: z.string().min(1).max(100) }).strict(), response: ok },
  'diagnostics:get': { request: z.object({ connectionId: id }).strict(), response: connectionDiagnosticsSchema },
  /**
   * A support bundle (JSON text) for one connection, a folder or everything. Scanned for secrets
   * before it is returned: if one is found, SUPPORT_BUNDLE_LEAK and no bundle.
   */
  'diagnostics:export-bundle': {
    request: z.object({ scope: bundleScopeSchema }).strict(),
    response: z.object({
      fileName: z.string(),
      data: z.string(),
      summary: z.object({ connections: z.number().int(), events: z.number().int(), traces: z.number().int(), logLines: z.number().int() }),
    }),
  },
} as const;

export type InvokeChannel = keyof typeof invokeContract;
export const invokeChannels = Object.keys(invokeContract) as InvokeChannel[];
export type RequestOf<C extends InvokeChannel> = z.input<(typeof invokeContract)[C]['request']>;
export type ResponseOf<C extends InvokeChannel> = z.output<(typeof invokeContract)[C]['response']>;

/** Wire format of every answer: errors are values, never thrown across the bridge. */
export type InvokeResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfoDto };

// ---- events (main → renderer) -------------------------------------------------------------

export const eventContract = {
  'auth:progress': authProgressSchema,
  'connections:changed': z.object({ folderId: z.string().nullable() }),
} as const;
export type EventChannel = keyof typeof eventContract;
export const eventChannels = Object.keys(eventContract) as EventChannel[];
export type EventOf<E extends EventChannel> = z.output<(typeof eventContract)[E]>;

// ---- the object exposed as window.connectdesk ---------------------------------------------

export interface ConnectDeskBridge {
  invoke<C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<InvokeResult<ResponseOf<C>>>;
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends EventChannel>(event: E, listener: (payload: EventOf<E>) => void): () => void;
}

// The plain channel lists in channels.ts must name exactly the contract's channels.
type SameKeys<A extends string, B extends string> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const invokeListsMatch: SameKeys<InvokeChannel, InvokeChannelName> = true;
const eventListsMatch: SameKeys<EventChannel, EventChannelName> = true;
void invokeListsMatch;
void eventListsMatch;
export { isEventChannel, isInvokeChannel };
