import { randomUUID } from 'node:crypto';
import { assetValueContext } from '../assets/asset-resolver.js';
import { AppError } from '../errors/app-error.js';
import { secretContext } from '../services/client-credentials.js';
import { assetRecord, connectionRecord, type AssetRecord, type ConnectionRecord, type FolderRecord, type StoreDocument } from '../store/store-schema.js';
import type { SecretVault } from '../vault/secret-vault.js';
import type { BackupAsset, BackupConnection, BackupPayload } from './backup-format.js';

/** What to do with something in the backup whose id already exists here. */
export type ConflictPolicy = 'skip' | 'replace' | 'keep-both';

export interface ImportResult {
  /** Connections added (including keep-both copies). */
  imported: number;
  /** Connections left out because one with the same id exists here (policy skip). */
  skipped: number;
  /** Connections here overwritten by the backup's version (policy replace). */
  replaced: number;
  /** Connections and folders that got another name (keep-both copies, or a name already used here). */
  renamed: number;
  folders: { created: number; merged: number; replaced: number };
  /** Credential assets, counted like connections. */
  assets: { imported: number; skipped: number; replaced: number };
  /** The ids the imported connections have here (a keep-both copy gets a new one). */
  connectionIds: string[];
}

const IMPORTED_SUFFIX = 'imported';

/**
 * Applies a decrypted backup to the document (inside store.update, so it is all or nothing).
 * Folders are merged by id, parents first; connections are sealed with this vault under their final id.
 */
export function mergeBackup(doc: StoreDocument, payload: BackupPayload, vault: SecretVault, policy: ConflictPolicy, now: Date): ImportResult {
  const result: ImportResult = { imported: 0, skipped: 0, replaced: 0, renamed: 0, folders: { created: 0, merged: 0, replaced: 0 }, assets: { imported: 0, skipped: 0, replaced: 0 }, connectionIds: [] };
  const folderMap = mergeFolders(doc, payload, policy, result);
  const assetMap = mergeAssets(doc, payload.assets, folderMap, vault, policy, result, now);
  const touched = new Set<string>();
  for (const incoming of payload.connections) {
    const folderId = folderMap.get(incoming.folderId);
    if (folderId === undefined) throw new AppError('BACKUP_UNREADABLE', { message: 'This backup is incomplete or damaged.', detail: `folder of connection ${incoming.id}` });
    const index = doc.connections.findIndex((c) => c.id === incoming.id);
    let id = incoming.id;
    let name = incoming.name;
    if (index !== -1) {
      if (policy === 'skip') {
        result.skipped += 1;
        continue;
      }
      if (policy === 'keep-both') {
        id = randomUUID();
        name = `${incoming.name} (${IMPORTED_SUFFIX})`;
        result.renamed += 1;
      }
    }
    const record = sealedRecord(incoming, { id, name, folderId, clientSecretAssetId: assetIdHere(doc, incoming, assetMap) }, vault, now);
    if (index !== -1 && policy === 'replace') {
      touched.add(groupKey(doc.connections[index]!)); // the group it leaves keeps a default too
      doc.connections[index] = record;
      result.replaced += 1;
    } else {
      doc.connections.push(record);
      result.imported += 1;
    }
    result.connectionIds.push(id);
    touched.add(groupKey(record));
  }
  keepOneDefault(doc, touched);
  return result;
}

/** Maps each backup folder id to the id it has here, creating or renaming folders as needed. */
function mergeFolders(doc: StoreDocument, payload: BackupPayload, policy: ConflictPolicy, result: ImportResult): Map<string, string> {
  const map = new Map<string, string>();
  const inBackup = new Set(payload.folders.map((f) => f.id));
  const pending = [...payload.folders];
  while (pending.length > 0) {
    // Parents first: a folder is ready once its parent (if it is in the backup) has been placed.
    const at = pending.findIndex((f) => f.parentId === null || !inBackup.has(f.parentId) || map.has(f.parentId));
    if (at === -1) throw new AppError('BACKUP_UNREADABLE', { message: 'This backup is incomplete or damaged.', detail: 'folders form a cycle' });
    const [folder] = pending.splice(at, 1) as [FolderRecord];
    const parentId = placeParent(doc, folder.parentId, map);
    const existing = doc.folders.find((f) => f.id === folder.id);
    if (existing && (existing.name === folder.name || policy === 'skip')) {
      map.set(folder.id, existing.id);
      result.folders.merged += 1;
    } else if (existing && policy === 'replace') {
      existing.name = freeFolderName(doc, folder.name, existing.parentId, existing.id);
      if (existing.name !== folder.name) result.renamed += 1;
      map.set(folder.id, existing.id);
      result.folders.replaced += 1;
    } else {
      const id = existing ? randomUUID() : folder.id;
      const name = freeFolderName(doc, folder.name, parentId, null);
      if (name !== folder.name) result.renamed += 1;
      doc.folders.push({ id, name, parentId, createdAt: folder.createdAt });
      map.set(folder.id, id);
      result.folders.created += 1;
    }
  }
  return map;
}

/** A folder's parent here: its mapped parent from the backup, the same folder here, or the top level. */
function placeParent(doc: StoreDocument, parentId: string | null, map: Map<string, string>): string | null {
  if (parentId === null) return null;
  const mapped = map.get(parentId);
  if (mapped !== undefined) return mapped;
  return doc.folders.some((f) => f.id === parentId) ? parentId : null;
}

/** `name`, or "name (imported)", "name (imported 2)"… — folder names are unique among siblings. */
function freeFolderName(doc: StoreDocument, name: string, parentId: string | null, exceptId: string | null): string {
  const taken = (candidate: string) =>
    doc.folders.some((f) => f.id !== exceptId && f.parentId === parentId && f.name.toLowerCase() === candidate.toLowerCase());
  if (!taken(name)) return name;
  for (let n = 1; ; n += 1) {
    const candidate = `${name} (${IMPORTED_SUFFIX}${n === 1 ? '' : ` ${n}`})`;
    if (!taken(candidate)) return candidate;
  }
}

/**
 * The stored form of a backup connection: every secret sealed with this vault, bound to the id the
 * connection has here. A secret missing from the backup leaves the connection Needs reconnect.
 */
function sealedRecord(
  incoming: BackupConnection,
  placed: { id: string; name: string; folderId: string; clientSecretAssetId: string | null },
  vault: SecretVault,
  now: Date,
): ConnectionRecord {
  const { id } = placed;
  const byoSecretMissing = incoming.authType === 'byo' && incoming.clientSecret === null && !placed.clientSecretAssetId;
  const missing = incoming.tokens.access === null || byoSecretMissing;
  const reason = new AppError(incoming.clientSecretAssetId && !placed.clientSecretAssetId ? 'ASSET_NOT_FOUND' : 'SECRET_UNAVAILABLE').toInfo();
  const record = {
    ...incoming,
    ...placed,
    isDefault: placed.id === incoming.id ? incoming.isDefault : false,
    clientSecret: incoming.clientSecret === null ? null : vault.seal(incoming.clientSecret, secretContext.clientSecret(id)),
    tokens: {
      ...incoming.tokens,
      // The store needs a sealed access token: a missing one becomes empty, and the reconnect the connection needs replaces it.
      access: vault.seal(incoming.tokens.access ?? '', secretContext.accessToken(id)),
      refresh: incoming.tokens.refresh === null ? null : vault.seal(incoming.tokens.refresh, secretContext.refreshToken(id)),
    },
    status: missing && incoming.status.state !== 'needs-reconnect' ? { state: 'needs-reconnect' as const, reason } : incoming.status,
    updatedAt: now.toISOString(),
  };
  return connectionRecord.parse(record);
}

function groupKey(c: Pick<ConnectionRecord, 'folderId' | 'connectorId'>): string {
  return JSON.stringify([c.folderId, c.connectorId]);
}

/** One default connection per connector per folder: existing defaults win over imported ones. */
function keepOneDefault(doc: StoreDocument, groups: Set<string>): void {
  for (const key of groups) {
    const members = doc.connections.filter((c) => groupKey(c) === key);
    const defaults = members.filter((c) => c.isDefault);
    const keep = defaults[0] ?? members[0];
    for (const c of members) {
      const isDefault = c === keep;
      if (c.isDefault !== isDefault) doc.connections[doc.connections.indexOf(c)] = { ...c, isDefault };
    }
  }
}

/** Assets by id like connections: skip, replace, or keep both (new id, "(imported)" name). Maps backup ids to ids here. */
function mergeAssets(
  doc: StoreDocument,
  assets: BackupAsset[],
  folderMap: Map<string, string>,
  vault: SecretVault,
  policy: ConflictPolicy,
  result: ImportResult,
  now: Date,
): Map<string, string> {
  const map = new Map<string, string>();
  for (const incoming of assets) {
    const folderId = folderMap.get(incoming.folderId) ?? incoming.folderId;
    const index = doc.assets.findIndex((a) => a.id === incoming.id);
    if (index !== -1 && policy === 'skip') {
      map.set(incoming.id, incoming.id);
      result.assets.skipped += 1;
      continue;
    }
    const replacing = index !== -1 && policy === 'replace';
    const id = index !== -1 && policy === 'keep-both' ? randomUUID() : incoming.id;
    const name = freeAssetName(doc, incoming.name, folderId, replacing ? incoming.id : null);
    if (name !== incoming.name) result.renamed += 1;
    const record: AssetRecord = assetRecord.parse({
      ...incoming,
      id,
      folderId,
      name,
      updatedAt: now.toISOString(),
      ...(incoming.kind === 'stored' ? { value: vault.seal(incoming.value, assetValueContext(id)) } : {}),
    });
    if (replacing) {
      doc.assets[index] = record;
      result.assets.replaced += 1;
    } else {
      doc.assets.push(record);
      result.assets.imported += 1;
    }
    map.set(incoming.id, id);
  }
  return map;
}

function freeAssetName(doc: StoreDocument, name: string, folderId: string, exceptId: string | null): string {
  const taken = (candidate: string) => doc.assets.some((a) => a.id !== exceptId && a.folderId === folderId && a.name.toLowerCase() === candidate.toLowerCase());
  if (!taken(name)) return name;
  for (let n = 1; ; n += 1) {
    const candidate = `${name} (${IMPORTED_SUFFIX}${n === 1 ? '' : ` ${n}`})`;
    if (!taken(candidate)) return candidate;
  }
}

/**
 * The asset a connection's client secret comes from, here: the one imported with it, or the same
 * asset already here (a folder backup restored on its own machine); null when it exists nowhere —
 * the store never holds a dangling reference, and the connection then needs a reconnect.
 */
function assetIdHere(doc: StoreDocument, incoming: BackupConnection, assetMap: Map<string, string>): string | null {
  const assetId = incoming.clientSecretAssetId;
  if (!assetId) return null;
  const mapped = assetMap.get(assetId);
  if (mapped !== undefined) return mapped;
  return doc.assets.some((a) => a.id === assetId) ? assetId : null;
}
