/**
 * The parts of a support bundle that describe the store: environments, folders, credential assets
 * and connections — metadata only; every secret appears as a keyed fingerprint (or as the reason
 * there is none), never as a value.
 */
import type { Environment } from '../atlassian/environment.js';
import { toErrorInfo, type ErrorInfo } from '../errors/app-error.js';
import type { ServiceContext } from '../services/service-context.js';
import { toConnectionSummary } from '../services/connection-summary.js';
import { maskTail } from './secret-patterns.js';
import type { AssetRecord, ConnectionRecord } from '../store/store-schema.js';
import type { SecretVault } from '../vault/secret-vault.js';
import type { Redactor } from './redaction.js';
import { readAssetSecret, readConnectionSecrets, type SecretReading } from './store-secrets.js';

/** How a secret is held, and its fingerprint when ConnectDesk can read it (so two bundles can be compared). */
export interface SecretFact {
  held: 'stored' | 'none' | 'unreadable' | 'os-keychain' | 'environment-variable' | 'credential-asset' | 'managed-app';
  fingerprint: string | null;
}

export function secretFact(reading: SecretReading, redactor: Redactor, held: SecretFact['held'] = 'stored'): SecretFact {
  switch (reading.state) {
    case 'read':
      return { held, fingerprint: redactor.fingerprint(reading.value) };
    case 'absent':
      return { held: 'none', fingerprint: null };
    case 'unreadable':
      return { held: 'unreadable', fingerprint: null };
    case 'elsewhere':
      return { held: 'os-keychain', fingerprint: null };
  }
}

export type EnvironmentEntry =
  | {
      id: Environment['id'];
      label: string;
      endpoints: { authorizeUrl: string; tokenUrl: string; accessibleResourcesUrl: string; apiBaseUrl: string };
      callbackUrl: string;
      managedApp: { label: string; clientIdMasked: string; clientSecret: SecretFact } | null;
    }
  | { id: Environment['id']; error: ErrorInfo };

/**
 * The environments in use, resolved as the app resolves them. The managed app's secret (held by
 * main, never stored) is taught to the redactor and returned, so the leak scan looks for it too.
 */
export async function environmentEntries(
  ctx: ServiceContext,
  ids: Iterable<Environment['id']>,
  redactor: Redactor,
): Promise<{ entries: EnvironmentEntry[]; secrets: string[] }> {
  const entries: EnvironmentEntry[] = [];
  const secrets: string[] = [];
  for (const id of new Set(ids)) {
    try {
      const env = await ctx.resolveEnvironment(id);
      const managed = env.managedApp;
      if (managed) {
        redactor.remember(managed.clientSecret);
        secrets.push(managed.clientSecret);
      }
      const { authorizeUrl, tokenUrl, accessibleResourcesUrl, apiBaseUrl } = env.endpoints;
      entries.push({
        id: env.id,
        label: env.label,
        endpoints: { authorizeUrl, tokenUrl, accessibleResourcesUrl, apiBaseUrl },
        callbackUrl: env.callbackUrl,
        managedApp: managed
          ? { label: managed.label, clientIdMasked: maskTail(managed.clientId), clientSecret: secretFact({ state: 'read', value: managed.clientSecret }, redactor, 'managed-app') }
          : null,
      });
    } catch (error) {
      entries.push({ id, error: toErrorInfo(error) });
    }
  }
  return { entries, secrets };
}

export function assetEntry(asset: AssetRecord, vault: SecretVault | null, redactor: Redactor) {
  const base = { id: asset.id, folderId: asset.folderId, name: asset.name, kind: asset.kind, createdAt: asset.createdAt, updatedAt: asset.updatedAt };
  const reading = readAssetSecret(asset, vault);
  switch (asset.kind) {
    case 'stored':
      return { ...base, value: secretFact(reading, redactor) };
    case 'keychain':
      return { ...base, reference: { service: asset.service, account: asset.account }, value: secretFact(reading, redactor) };
    case 'env':
      return { ...base, reference: { variable: asset.variable }, value: secretFact(reading, redactor, 'environment-variable') };
  }
}

/** A connection's metadata as support needs it (the UI's summary plus how its secrets are held). */
export function connectionEntry(record: ConnectionRecord, ctx: ServiceContext, vault: SecretVault | null, redactor: Redactor, now: Date) {
  const summary = toConnectionSummary(record, now);
  const secrets = readConnectionSecrets(record, vault);
  const asset = record.clientSecretAssetId ? ctx.store.findAsset(record.clientSecretAssetId) : undefined;
  const clientSecret: SecretFact =
    record.authType === 'managed'
      ? { held: 'managed-app', fingerprint: null }
      : asset
        ? // The asset's own entry says how its value is held.
          { held: 'credential-asset', fingerprint: secretFact(readAssetSecret(asset, vault), redactor).fingerprint }
        : secretFact(secrets.clientSecret, redactor);
  return {
    ...summary,
    callbackUrl: record.callbackUrl,
    clientSecretSource: record.authType === 'managed' ? 'managed' : record.clientSecretAssetId ? 'asset' : 'typed',
    clientSecretAssetId: record.clientSecretAssetId ?? null,
    /** What the store says, next to the status computed now (summary.status). */
    storedStatus: record.status,
    updatedAt: record.updatedAt,
    secrets: {
      clientSecret,
      accessToken: secretFact(secrets.accessToken, redactor),
      refreshToken: secretFact(secrets.refreshToken, redactor),
    },
  };
}
