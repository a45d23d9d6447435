import { randomUUID } from 'node:crypto';
import { AppError } from '../errors/app-error.js';
import { assetRecord, type AssetKind, type AssetRecord, type ConnectionRecord, type StoreDocument } from '../store/store-schema.js';
import { normaliseAssetDescription, normaliseAssetName, normaliseAssetSource, type AssetChange, type AssetSourceInput, type NewAsset } from './asset-input.js';
import { assetValueContext, resolveAssetValue, type AssetContext } from './asset-resolver.js';
import type { KeychainReference } from './keychain.js';

export type { AssetChange, AssetSourceInput, NewAsset } from './asset-input.js';
export { assetValueContext, resolveAssetValue, type AssetContext } from './asset-resolver.js';

/** A connection that uses an asset (for the list shown when a delete is refused). */
export interface AssetUser {
  connectionId: string;
  name: string;
  folderId: string;
}

/** What listing shows: never a value, sealed or not; for references, where they point. */
export interface AssetSummary {
  id: string;
  folderId: string;
  name: string;
  description: string;
  kind: AssetKind;
  /** keychain: the entry; env: the variable; stored: null (the value is never listed). */
  reference: KeychainReference | { variable: string } | null;
  createdAt: string;
  updatedAt: string;
  usedBy: AssetUser[];
}

/**
 * Credential assets of a folder: named secrets (stored sealed) or references to an OS keychain
 * entry or an environment variable, which connections use instead of a typed secret. Listing
 * never resolves or decrypts anything; values are resolved only when used (resolveAssetValue).
 */
export class AssetService {
  constructor(private readonly ctx: AssetContext & { now?: (() => Date) | undefined }) {}

  private now(): string {
    return (this.ctx.now?.() ?? new Date()).toISOString();
  }

  /** The folder's assets by name, each with the connections using it. */
  list(folderId: string): AssetSummary[] {
    const { store } = this.ctx;
    store.requireFolder(folderId);
    const users = usersByAsset(store.listConnections());
    return store
      .listAssets(folderId)
      .map((a) => toAssetSummary(a, users.get(a.id) ?? []))
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
  }

  get(assetId: string): AssetSummary {
    const asset = this.ctx.store.findAsset(assetId);
    if (!asset) throw new AppError('ASSET_NOT_FOUND', { message: 'That credential asset no longer exists.', remediation: 'Refresh the list and try again.' });
    return toAssetSummary(asset, this.usedBy(assetId));
  }

  /** The connections whose client secret comes from the asset. */
  usedBy(assetId: string): AssetUser[] {
    return usersByAsset(this.ctx.store.listConnections()).get(assetId) ?? [];
  }

  async create(input: NewAsset): Promise<AssetSummary> {
    const name = normaliseAssetName(input.name);
    const description = normaliseAssetDescription(input.description);
    const source = normaliseAssetSource(input.source);
    const created = await this.ctx.store.update((doc) => {
      if (!doc.folders.some((f) => f.id === input.folderId)) {
        throw new AppError('NOT_FOUND', { message: 'That folder no longer exists.', remediation: 'Choose another folder.' });
      }
      assertAssetNameFree(doc, input.folderId, name, null);
      const id = randomUUID();
      const now = this.now();
      const record = this.build({ id, folderId: input.folderId, name, description, createdAt: now, updatedAt: now }, source);
      doc.assets.push(record);
      return record;
    });
    return toAssetSummary(created, []);
  }

  /** Renames, redescribes, or replaces the value or reference; connections use the change on their next use. */
  async update(assetId: string, change: AssetChange): Promise<AssetSummary> {
    const name = change.name === undefined ? undefined : normaliseAssetName(change.name);
    const description = change.description === undefined ? undefined : normaliseAssetDescription(change.description);
    const source = change.source === undefined ? undefined : normaliseAssetSource(change.source);
    const updated = await this.ctx.store.update((doc) => {
      const index = doc.assets.findIndex((a) => a.id === assetId);
      const current = doc.assets[index];
      if (!current) throw new AppError('ASSET_NOT_FOUND', { message: 'That credential asset no longer exists.', remediation: 'Refresh the list and try again.' });
      if (name !== undefined) assertAssetNameFree(doc, current.folderId, name, current.id);
      const base = {
        id: current.id,
        folderId: current.folderId,
        name: name ?? current.name,
        description: description ?? current.description,
        createdAt: current.createdAt,
        updatedAt: this.now(),
      };
      const next = source ? this.build(base, source) : assetRecord.parse({ ...current, ...base });
      doc.assets[index] = next;
      return next;
    });
    return toAssetSummary(updated, this.usedBy(assetId));
  }

  /** Deletes an asset no connection uses; otherwise refuses with ASSET_IN_USE naming the connections. */
  async delete(assetId: string): Promise<void> {
    await this.ctx.store.update((doc) => {
      const asset = doc.assets.find((a) => a.id === assetId);
      if (!asset) throw new AppError('ASSET_NOT_FOUND', { message: 'That credential asset no longer exists.', remediation: 'Refresh the list.' });
      const users = usersByAsset(doc.connections).get(assetId) ?? [];
      if (users.length > 0) throw assetInUse(asset, users);
      doc.assets = doc.assets.filter((a) => a.id !== assetId);
    });
  }

  /** The asset's secret, resolved now (see resolveAssetValue). */
  resolve(assetId: string): string {
    return resolveAssetValue(this.ctx, assetId);
  }

  private build(base: Omit<AssetRecord, 'kind' | 'value' | 'service' | 'account' | 'variable'>, source: AssetSourceInput): AssetRecord {
    switch (source.kind) {
      case 'stored':
        return assetRecord.parse({ ...base, kind: 'stored', value: this.ctx.vault.seal(source.value, assetValueContext(base.id)) });
      case 'keychain':
        return assetRecord.parse({ ...base, kind: 'keychain', service: source.service, account: source.account });
      case 'env':
        return assetRecord.parse({ ...base, kind: 'env', variable: source.variable });
    }
  }
}

export function toAssetSummary(asset: AssetRecord, usedBy: AssetUser[]): AssetSummary {
  const reference =
    asset.kind === 'keychain' ? { service: asset.service, account: asset.account } : asset.kind === 'env' ? { variable: asset.variable } : null;
  const { id, folderId, name, description, kind, createdAt, updatedAt } = asset;
  return { id, folderId, name, description, kind, reference, createdAt, updatedAt, usedBy };
}

/** One pass over the connections (listable records: no parse, no decryption). */
function usersByAsset(connections: readonly ConnectionRecord[]): Map<string, AssetUser[]> {
  const users = new Map<string, AssetUser[]>();
  for (const c of connections) {
    const assetId = c.clientSecretAssetId;
    if (!assetId) continue;
    const list = users.get(assetId) ?? [];
    list.push({ connectionId: c.id, name: c.name, folderId: c.folderId });
    users.set(assetId, list);
  }
  return users;
}

/** Asset names are unique per folder, case-insensitively. */
export function assertAssetNameFree(doc: StoreDocument, folderId: string, name: string, exceptId: string | null): void {
  const clash = doc.assets.some((a) => a.id !== exceptId && a.folderId === folderId && a.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new AppError('CONFLICT', { message: `A credential asset named "${name}" already exists in this folder.` });
}

const NAMED_IN_MESSAGE = 5;

function assetInUse(asset: AssetRecord, users: AssetUser[]): AppError {
  const names = users.map((u) => `"${u.name}"`);
  const shown = names.slice(0, NAMED_IN_MESSAGE).join(', ');
  const more = names.length > NAMED_IN_MESSAGE ? ` and ${names.length - NAMED_IN_MESSAGE} more` : '';
  const count = `${users.length} connection${users.length === 1 ? '' : 's'}`;
  return new AppError('ASSET_IN_USE', {
    message: `Credential asset "${asset.name}" is used by ${count}: ${shown}${more}. It was not deleted.`,
    detail: `used by: ${names.join(', ')}`.slice(0, 2_000),
  });
}
