import type { Environment } from '../atlassian/environment.js';
import { AppError } from '../errors/app-error.js';
import type { OAuthClientConfig, FetchLike } from '../oauth/token-client.js';
import type { ConnectionRecord } from '../store/store-schema.js';
import type { SecretVault } from '../vault/secret-vault.js';

export const secretContext = {
  clientSecret: (connectionId: string) => `connection:${connectionId}:client-secret`,
  accessToken: (connectionId: string) => `connection:${connectionId}:access-token`,
  refreshToken: (connectionId: string) => `connection:${connectionId}:refresh-token`,
};

export function managedAppOf(environment: Environment): NonNullable<Environment['managedApp']> {
  if (!environment.managedApp) throw new AppError('MANAGED_APP_UNAVAILABLE');
  return environment.managedApp;
}

/** The OAuth client of a stored connection; a BYO secret is unsealed only now, when it is used. */
export function clientConfigFor(record: ConnectionRecord, environment: Environment, vault: SecretVault, fetch?: FetchLike): OAuthClientConfig {
  const clientSecret =
    record.authType === 'managed'
      ? managedAppOf(environment).clientSecret
      : vault.unseal(requireSealed(record.clientSecret), secretContext.clientSecret(record.id));
  return { endpoints: environment.endpoints, clientId: record.clientId, clientSecret, ...(fetch ? { fetch } : {}) };
}

function requireSealed<T>(value: T | null): T {
  if (value === null) throw new AppError('SECRET_UNAVAILABLE', { detail: 'client secret missing' });
  return value;
}
