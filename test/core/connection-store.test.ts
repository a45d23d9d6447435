import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectionStore } from '../../main/core/store/connection-store.js';
import { openConfDocumentFile } from '../../main/core/store/conf-document-file.js';
import type { ConnectionRecord } from '../../main/core/store/store-schema.js';

function freshStore() {
  const dir = mkdtempSync(join(tmpdir(), 'cd-store-'));
  return { dir, store: new ConnectionStore(openConfDocumentFile(dir)) };
}

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
    ...overrides,
  };
}

describe('connection store', () => {
  it('has the Shared folder on first run and the file is readable by the owner only', () => {
    const { store } = freshStore();
    expect(store.listFolders().map((f) => f.name)).toEqual(['Shared']);
    if (process.platform !== 'win32') expect(statSync(store.path).mode & 0o777).toBe(0o600);
  });

  it('creates nested folders and refuses a duplicate name in the same parent', () => {
    const { store } = freshStore();
    const team = store.createFolder('Team', null);
    store.createFolder('Docs', team.id);
    expect(() => store.createFolder('team', null)).toThrow(/already exists/);
    expect(() => store.createFolder('X', 'missing')).toThrow(/parent folder/);
    expect(store.listFolders()).toHaveLength(3);
  });

  it('saves and reads a connection across instances, and lists by folder', () => {
    const { dir, store } = freshStore();
    store.saveConnection(sampleRecord());
    const reopened = new ConnectionStore(openConfDocumentFile(dir));
    expect(reopened.getConnection('c1').name).toBe('Docs');
    expect(reopened.listConnections('shared')).toHaveLength(1);
    expect(reopened.listConnections('other')).toHaveLength(0);
  });

  it('refuses to save into a folder that does not exist, writing nothing', () => {
    const { store } = freshStore();
    store.listFolders();
    const before = readFileSync(store.path, 'utf8');
    expect(() => store.saveConnection(sampleRecord({ folderId: 'gone' }))).toThrow(/folder/);
    expect(readFileSync(store.path, 'utf8')).toBe(before);
  });

  it('a damaged file is reported and left untouched, never silently blanked', () => {
    const { dir, store } = freshStore();
    store.saveConnection(sampleRecord());
    writeFileSync(store.path, '{"schemaVersion":1,"folders":"oops"');
    const damaged = readFileSync(store.path, 'utf8');
    const reopened = new ConnectionStore(openConfDocumentFile(dir));
    expect(() => reopened.listFolders()).toThrow(/damaged/);
    expect(readFileSync(store.path, 'utf8')).toBe(damaged);
  });
});
