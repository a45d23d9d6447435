import { openJsonDocumentFile } from '../../main/core/store/json-document-file.js';
import { emptyStoreDocument, type ConnectionRecord } from '../../main/core/store/store-schema.js';

/** Realistic stored connections: sealed values of real token sizes, all fields set. */
function fakeSealed(seed: number) {
  const b64 = (n: number) => Buffer.alloc(n, seed % 251).toString('base64');
  return { v: 1 as const, iv: b64(12), tag: b64(16), ct: b64(900) };
}

export function benchRecord(i: number): ConnectionRecord {
  const t = new Date(Date.UTC(2026, 0, 1, 0, 0, i % 60)).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    folderId: 'shared',
    connectorId: 'confluence-cloud',
    name: `Connection ${i}`,
    environmentId: 'sandbox',
    authType: i % 2 ? 'byo' : 'managed',
    clientId: `client-${i}`,
    clientSecret: i % 2 ? fakeSealed(i) : null,
    callbackUrl: 'http://localhost:47615/oauth/callback',
    requestedScopes: ['write:confluence-file', 'read:confluence-space.summary', 'write:confluence-content', 'read:confluence-content.summary', 'search:confluence', 'offline_access'],
    grantedScopes: ['write:confluence-file', 'read:confluence-space.summary', 'write:confluence-content', 'read:confluence-content.summary', 'search:confluence', 'offline_access'],
    site: { cloudId: 'a3f1c9e2-7b4d-4e8a-9c61-2d5e8f0b1a01', name: 'Acme', url: 'https://acme.atlassian.net' },
    account: { accountId: `acc-${i}`, displayName: `User ${i}` },
    tokens: { access: fakeSealed(i + 1), refresh: fakeSealed(i + 2), accessExpiresAt: t, refreshIssuedAt: t, consentedAt: t },
    status: { state: 'connected' },
    description: '',
    isDefault: i === 0,
    createdAt: t,
    updatedAt: t,
    lastUsedAt: null,
    lastCheckedAt: null,
  };
}


/** Writes a store of `count` connections in one go (saving them one by one would take minutes). */
export function writeBenchStore(dir: string, count: number): void {
  const doc = { ...emptyStoreDocument(new Date()), connections: Array.from({ length: count }, (_, i) => benchRecord(i)) };
  openJsonDocumentFile(dir).write([Buffer.from(JSON.stringify(doc))]);
}
