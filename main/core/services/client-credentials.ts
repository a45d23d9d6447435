import { resolveAssetValue, type AssetContext } from '../assets/asset-resolver.js';
import type { Environment } from '../atlassian/environment.js';
import { AppError } from '../errors/app-error.js';
import type { OAuthClientConfig, FetchLike } from '../oauth/token-client.js';
import type { ConnectionRecord } from '../store/store-schema.js';

export const secretContext = {
  clientSecret: (connectionId: string) => `connection:${connectionId}:client-secret`,
  accessToken: (connectionId: string) => `connection:${connectionId}:access-token`,
  refreshToken: (connectionId: string) => `connection:${connectionId}:refresh-token`,
};

/** What resolving a client secret needs: the vault, and the store for credential assets. */
export type CredentialContext = AssetContext;

export function managedAppOf(environment: Environment): NonNullable<Environment['managedApp']> {
  if (!environment.managedApp) throw new AppError('MANAGED_APP_UNAVAILABLE');
  return environment.managedApp;
}

/**
 * The OAuth client of a stored connection; a BYO secret is unsealed — or its credential asset
 * resolved — only now, when it is used, so a changed asset takes effect on the next use.
 */
export function clientConfigFor(record: ConnectionRecord, environment: Environment, ctx: CredentialContext, fetch?: FetchLike): OAuthClientConfig {
  const clientSecret = record.authType === 'managed' ? managedAppOf(environment).clientSecret : byoClientSecret(record, ctx);
  return { endpoints: environment.endpoints, clientId: record.clientId, clientSecret, ...(fetch ? { fetch } : {}) };
}

/** A BYO connection's client secret: from its credential asset when it has one, else its own sealed secret. */
export function byoClientSecret(record: ConnectionRecord, ctx: CredentialContext): string {
  if (record.clientSecretAssetId) return resolveAssetValue(ctx, record.clientSecretAssetId);
  return ctx.vault.unseal(requireSealed(record.clientSecret), secretContext.clientSecret(record.id));
}

/** Which client secret a (re)connect uses: a typed one, or a credential asset. */
export interface ClientSecretChoice {
  clientSecret?: string | undefined;
  clientSecretAssetId?: string | null | undefined;
}

/**
 * A reconnect keeps the stored choice (asset or sealed secret) unless the draft gives a new one.
 * The stored secret is unsealed here; an asset is resolved later, when the sign-in uses it.
 */
export function reconnectSecretChoice(given: ClientSecretChoice, existing: ConnectionRecord, ctx: CredentialContext): ClientSecretChoice {
  if (given.clientSecret || given.clientSecretAssetId) {
    return { clientSecret: given.clientSecret || undefined, clientSecretAssetId: given.clientSecretAssetId || null };
  }
  if (existing.clientSecretAssetId) return { clientSecret: undefined, clientSecretAssetId: existing.clientSecretAssetId };
  const clientSecret = existing.clientSecret ? ctx.vault.unseal(existing.clientSecret, secretContext.clientSecret(existing.id)) : undefined;
  return { clientSecret, clientSecretAssetId: null };
}

function requireSealed<T>(value: T | null): T {
  if (value === null) throw new AppError('SECRET_UNAVAILABLE', { detail: 'client secret missing' });
  return value;
}
