/**
 * Every secret the store holds, unsealed in memory only: so the Redactor can remove them wherever
 * they appear (rememberStoreSecretsInBackground once the vault opens; rememberStoreSecrets before
 * a bundle is built and in the CLI), the
 * bundle can show them as fingerprints, and the bundle's leak scan can look for each of them.
 */
import { assetValueContext } from '../assets/asset-resolver.js';
import { isAppError } from '../errors/app-error.js';
import { secretContext } from '../services/client-credentials.js';
import type { ConnectionStore } from '../store/connection-store.js';
import type { AssetRecord, ConnectionRecord } from '../store/store-schema.js';
import { isSealedSecret } from '../vault/sealed-secret.js';
import type { SecretVault } from '../vault/secret-vault.js';
import type { Redactor } from './redaction.js';

/**
 * A secret as the store has it: none, one this vault cannot decrypt (or a locked vault), one kept
 * outside the store (an OS keychain entry, read only when used), or its value.
 */
export type SecretReading = { state: 'absent' } | { state: 'unreadable' } | { state: 'elsewhere' } | { state: 'read'; value: string };

export interface ConnectionSecrets {
  clientSecret: SecretReading;
  accessToken: SecretReading;
  refreshToken: SecretReading;
}

function open(vault: SecretVault | null, sealed: unknown, context: string): SecretReading {
  if (sealed === null || sealed === undefined) return { state: 'absent' };
  if (vault === null || !isSealedSecret(sealed)) return { state: 'unreadable' };
  try {
    return { state: 'read', value: vault.unseal(sealed, context) };
  } catch (error) {
    if (isAppError(error) && error.code === 'SECRET_UNAVAILABLE') return { state: 'unreadable' };
    throw error;
  }
}

/** A connection's own secrets (a client secret from a credential asset is the asset's). `vault` null: locked. */
export function readConnectionSecrets(record: ConnectionRecord, vault: SecretVault | null): ConnectionSecrets {
  return {
    clientSecret: open(vault, record.clientSecret, secretContext.clientSecret(record.id)),
    accessToken: open(vault, record.tokens?.access, secretContext.accessToken(record.id)),
    refreshToken: open(vault, record.tokens?.refresh, secretContext.refreshToken(record.id)),
  };
}

/** A stored asset's value is unsealed, an environment variable read; a keychain entry is not opened here. */
export function readAssetSecret(asset: AssetRecord, vault: SecretVault | null): SecretReading {
  switch (asset.kind) {
    case 'stored':
      return open(vault, asset.value, assetValueContext(asset.id));
    case 'env': {
      const value = process.env[asset.variable];
      return value ? { state: 'read', value } : { state: 'absent' };
    }
    case 'keychain':
      // Reading it may prompt or spawn the OS keychain; the Redactor learns it when it is used (the tracing fetch).
      return { state: 'elsewhere' };
  }
}

const valueOf = (reading: SecretReading): string[] => (reading.state === 'read' ? [reading.value] : []);

/** The secret values of some connections and assets (each once). */
function secretsOf(records: readonly ConnectionRecord[], assets: readonly AssetRecord[], vault: SecretVault | null): Set<string> {
  const values = new Set<string>();
  for (const record of records) {
    const secrets = readConnectionSecrets(record, vault);
    for (const value of [...valueOf(secrets.clientSecret), ...valueOf(secrets.accessToken), ...valueOf(secrets.refreshToken)]) values.add(value);
  }
  for (const asset of assets) for (const value of valueOf(readAssetSecret(asset, vault))) values.add(value);
  return values;
}

/** Every secret value of the store that this vault can read (none while locked: pass null). */
export function collectStoreSecrets(store: ConnectionStore, vault: SecretVault | null): string[] {
  const doc = store.snapshot();
  return [...secretsOf(doc.connections, doc.assets, vault)];
}

/** Teaches the redactor every secret of the store; returns them (for a leak scan). */
export function rememberStoreSecrets(store: ConnectionStore, vault: SecretVault | null, redactor: Redactor): string[] {
  const secrets = collectStoreSecrets(store, vault);
  for (const secret of secrets) redactor.remember(secret);
  return secrets;
}

/** Connections unsealed per turn of the event loop: a few milliseconds each. */
const RECORDS_PER_SLICE = 200;

/**
 * rememberStoreSecrets for start-up: a 10,000-connection store holds some 25,000 secrets (about
 * 0.3 s of decryption), so they are unsealed in slices between other work, starting after the
 * caller goes on, instead of holding up the first window. Calls in the meantime still have their
 * own secrets learnt as they pass (the tracing fetch) and token shapes redacted.
 */
export async function rememberStoreSecretsInBackground(store: ConnectionStore, vault: SecretVault, redactor: Redactor): Promise<void> {
  const doc = store.snapshot();
  for (let start = 0; start < doc.connections.length || start === 0; start += RECORDS_PER_SLICE) {
    await new Promise((resolve) => setImmediate(resolve));
    const assets = start === 0 ? doc.assets : [];
    for (const secret of secretsOf(doc.connections.slice(start, start + RECORDS_PER_SLICE), assets, vault)) redactor.remember(secret);
  }
}
