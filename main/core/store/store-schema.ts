import { z } from 'zod';

/** The persisted model. Secrets appear only as sealed values (vault/sealed-secret.ts). */
const sealedSecret = z.object({ v: z.literal(1), iv: z.string(), tag: z.string(), ct: z.string() });

export const errorInfoRecord = z.object({
  code: z.string(),
  message: z.string(),
  remediation: z.string(),
  detail: z.string().optional(),
});

export const folderRecord = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  createdAt: z.string(),
});
export type FolderRecord = z.infer<typeof folderRecord>;

export const connectionState = z.enum(['connected', 'expiring-soon', 'needs-reconnect', 'offline', 'error', 'checking']);

export const connectionRecord = z.object({
  id: z.string(),
  folderId: z.string(),
  connectorId: z.string(),
  name: z.string(),
  environmentId: z.enum(['atlassian-cloud', 'sandbox']),
  authType: z.enum(['managed', 'byo']),
  clientId: z.string(),
  /** Only for Bring-your-own apps; the managed app's secret is never stored per connection. */
  clientSecret: sealedSecret.nullable(),
  /**
   * Bring-your-own apps only: the client secret comes from this credential asset, resolved each
   * time it is used (clientSecret is then null). Absent in older records, which means null.
   */
  clientSecretAssetId: z.string().nullable().optional(),
  callbackUrl: z.string(),
  requestedScopes: z.array(z.string()),
  grantedScopes: z.array(z.string()),
  site: z.object({ cloudId: z.string(), name: z.string(), url: z.string() }),
  account: z.object({ accountId: z.string(), displayName: z.string() }).nullable(),
  tokens: z.object({
    access: sealedSecret,
    refresh: sealedSecret.nullable(),
    accessExpiresAt: z.string(),
    /** When the current refresh token was issued (90-day idle window). */
    refreshIssuedAt: z.string().nullable(),
    /** First consent of this grant (365-day absolute window). */
    consentedAt: z.string(),
  }),
  status: z.object({ state: connectionState, reason: errorInfoRecord.optional() }),
  description: z.string().default(''),
  /** One default connection per connector per folder. */
  isDefault: z.boolean().default(false),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastUsedAt: z.string().nullable().default(null),
  lastCheckedAt: z.string().nullable(),
});
export type ConnectionRecord = z.output<typeof connectionRecord>;
export type ConnectionRecordInput = z.input<typeof connectionRecord>;

/**
 * A named credential asset of a folder. `stored`: the value sealed with the vault (context
 * `asset:<id>:value`); `keychain`: an OS keychain entry; `env`: an environment variable.
 * Only the stored kind holds a secret, and only sealed; the others hold references.
 */
const assetBase = {
  id: z.string(),
  folderId: z.string(),
  /** Unique per folder, case-insensitively. */
  name: z.string(),
  description: z.string().default(''),
  createdAt: z.string(),
  updatedAt: z.string(),
};
export const assetRecord = z.discriminatedUnion('kind', [
  z.object({ ...assetBase, kind: z.literal('stored'), value: sealedSecret }),
  z.object({ ...assetBase, kind: z.literal('keychain'), service: z.string(), account: z.string() }),
  z.object({ ...assetBase, kind: z.literal('env'), variable: z.string() }),
]);
export type AssetRecord = z.output<typeof assetRecord>;
export type AssetKind = AssetRecord['kind'];

export const keySlotRecord = z.object({ protectorId: z.string(), wrapped: z.string(), createdAt: z.string() });

export const STORE_SCHEMA_VERSION = 2;

export const storeDocument = z.object({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  vault: z.object({ slots: z.array(keySlotRecord) }),
  folders: z.array(folderRecord),
  /** Credential assets: few, so fully validated on every read (files written before them have none). */
  assets: z.array(assetRecord).default([]),
  connections: z.array(connectionRecord),
});
export type StoreDocument = z.output<typeof storeDocument>;

/**
 * What every read checks. Connections are checked only for what listing needs (cheap, so listing
 * 10,000 costs about one JSON.parse); a connection is fully validated when it is used
 * (connectionRecord.parse in getConnection) and whenever it is written.
 */
const listableConnection = z.custom<ConnectionRecord>((value) => {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  const status = c.status as Record<string, unknown> | null;
  const tokens = c.tokens as Record<string, unknown> | null;
  return (
    typeof c.id === 'string' &&
    typeof c.folderId === 'string' &&
    typeof c.name === 'string' &&
    typeof c.connectorId === 'string' &&
    typeof c.description === 'string' &&
    typeof c.isDefault === 'boolean' &&
    typeof status?.state === 'string' &&
    typeof tokens?.accessExpiresAt === 'string'
  );
}, 'connection record is incomplete');

export const storeDocumentForReading = storeDocument.extend({ connections: z.array(listableConnection) });

/**
 * Version 1 had no description, default flag or last use (the full schema's defaults fill them in)
 * and kept settings in the document (they moved to electron-store; zod drops the key).
 */
const storeDocumentV1 = storeDocument.extend({ schemaVersion: z.literal(1) });

/** Brings an older document to the current version, or returns null when it is not one we know. */
export function migrateStoreDocument(raw: unknown): StoreDocument | null {
  const v1 = storeDocumentV1.safeParse(raw);
  return v1.success ? { ...v1.data, schemaVersion: STORE_SCHEMA_VERSION } : null;
}

export const SHARED_FOLDER_ID = 'shared';

export function emptyStoreDocument(now: Date): StoreDocument {
  return {
    schemaVersion: STORE_SCHEMA_VERSION,
    vault: { slots: [] },
    folders: [{ id: SHARED_FOLDER_ID, name: 'Shared', parentId: null, createdAt: now.toISOString() }],
    assets: [],
    connections: [],
  };
}
