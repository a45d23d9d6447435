import { AppError } from '../errors/app-error.js';
import type { ConnectionStore } from '../store/connection-store.js';
import type { AssetRecord } from '../store/store-schema.js';
import type { SecretVault } from '../vault/secret-vault.js';
import { readKeychainPassword } from './keychain.js';

/** What resolving an asset needs: the store (to find it) and the vault (to unseal a stored value). */
export interface AssetContext {
  store: ConnectionStore;
  vault: SecretVault;
}

/** The AEAD context a stored asset's value is sealed with: a sealed value copied elsewhere does not open. */
export const assetValueContext = (assetId: string) => `asset:${assetId}:value`;

/**
 * The secret an asset stands for, read now: stored → unsealed; keychain → read from the OS
 * keychain; env → process.env. Never cached, so a changed asset takes effect on its next use.
 * Each failure is an AppError with the asset's name and what to do.
 */
export function resolveAssetValue(ctx: AssetContext, assetId: string): string {
  const asset = ctx.store.findAsset(assetId);
  if (!asset) throw new AppError('ASSET_NOT_FOUND', { detail: `asset ${assetId}` });
  return resolveAsset(ctx, asset);
}

export function resolveAsset(ctx: Pick<AssetContext, 'vault'>, asset: AssetRecord): string {
  switch (asset.kind) {
    case 'stored':
      try {
        return ctx.vault.unseal(asset.value, assetValueContext(asset.id));
      } catch (cause) {
        throw new AppError('ASSET_UNREADABLE', {
          message: `The value stored in credential asset "${asset.name}" could not be decrypted.`,
          cause,
        });
      }
    case 'keychain':
      return readKeychainPassword({ service: asset.service, account: asset.account }, asset.name);
    case 'env': {
      const value = process.env[asset.variable];
      if (value === undefined || value === '') {
        throw new AppError('ASSET_ENV_MISSING', {
          message: `The environment variable ${asset.variable} of credential asset "${asset.name}" is not set (or is empty).`,
          remediation: `Set ${asset.variable} in the environment ConnectDesk (or the command-line tool) starts from, or edit the asset.`,
        });
      }
      return value;
    }
  }
}
