import type { ConnectionRecord } from '../../main/core/store/store-schema.js';

/** A valid stored connection with fake sealed values, for store and status tests. */
export function sampleRecord(overrides: Partial<ConnectionRecord> = {}): ConnectionRecord {
  const sealed = { v: 1 as const, iv: 'aXY=', tag: 'dGFn', ct: 'Y3Q=' };
  return {
    id: 'c1',
    folderId: 'shared',
    connectorId: 'confluence-cloud',
    name: 'Docs',
    environmentId: 'sandbox',
    authType: 'managed',
    clientId: 'client-abcd',
    clientSecret: null,
    callbackUrl: 'http://localhost:47615/oauth/callback',
    requestedScopes: ['search:confluence'],
    grantedScopes: ['search:confluence'],
    site: { cloudId: 'x', name: 'Acme', url: 'https://acme.atlassian.net' },
    account: null,
    tokens: { access: sealed, refresh: null, accessExpiresAt: '2026-01-01T00:00:00.000Z', refreshIssuedAt: null, consentedAt: '2026-01-01T00:00:00.000Z' },
    status: { state: 'connected' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    lastCheckedAt: null,
    description: '',
    isDefault: false,
    lastUsedAt: null,
    ...overrides,
  };
}
