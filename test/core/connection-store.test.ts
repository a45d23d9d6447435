import { mkdtempSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectionStore } from '../../main/core/store/connection-store.js';
import { openJsonDocumentFile } from '../../main/core/store/json-document-file.js';
import { sampleRecord } from '../support/sample-record.js';

function freshStore() {
  const dir = mkdtempSync(join(tmpdir(), 'cd-store-'));
  return { dir, store: new ConnectionStore(openJsonDocumentFile(dir)) };
}

describe('connection store', () => {
  it('has the Shared folder on first run and the file is readable by the owner only', async () => {
    const { store } = freshStore();
    expect(store.listFolders().map((f) => f.name)).toEqual(['Shared']);
    await store.createFolder('Team', null);
    if (process.platform !== 'win32') expect(statSync(store.path).mode & 0o777).toBe(0o600);
  });

  it('creates nested folders and refuses a duplicate name in the same parent', async () => {
    const { store } = freshStore();
    const team = await store.createFolder('Team', null);
    await store.createFolder('Docs', team.id);
    await expect(store.createFolder('team', null)).rejects.toThrow(/already exists/);
    await expect(store.createFolder('X', 'missing')).rejects.toThrow(/parent folder/);
    expect(store.listFolders()).toHaveLength(3);
  });

  it('saves and reads a connection across instances, and lists by folder', async () => {
    const { dir, store } = freshStore();
    await store.saveConnection(sampleRecord());
    const reopened = new ConnectionStore(openJsonDocumentFile(dir));
    expect(reopened.getConnection('c1').name).toBe('Docs');
    expect(reopened.listConnections('shared')).toHaveLength(1);
    expect(reopened.listConnections('other')).toHaveLength(0);
  });

  it('refuses to save into a folder that does not exist, writing nothing', async () => {
    const { store } = freshStore();
    await store.createFolder('Seed', null);
    const before = readFileSync(store.path, 'utf8');
    await expect(store.saveConnection(sampleRecord({ folderId: 'gone' }))).rejects.toThrow(/folder/);
    expect(readFileSync(store.path, 'utf8')).toBe(before);
  });

  it('a version 1 store (settings inside, fewer fields) is read and upgraded on the next write', async () => {
    const { dir, store } = freshStore();
    await store.saveConnection(sampleRecord());
    const v2 = JSON.parse(readFileSync(store.path, 'utf8'));
    const v1 = {
      ...v2,
      schemaVersion: 1,
      settings: { environmentId: 'sandbox' },
      connections: v2.connections.map(({ description: _d, isDefault: _i, lastUsedAt: _l, ...rest }: Record<string, unknown>) => rest),
    };
    writeFileSync(store.path, JSON.stringify(v1));
    const reopened = new ConnectionStore(openJsonDocumentFile(dir));
    expect(reopened.getConnection('c1')).toMatchObject({ description: '', isDefault: false, lastUsedAt: null });
    await reopened.createFolder('Next', null);
    const upgraded = JSON.parse(readFileSync(store.path, 'utf8'));
    expect(upgraded.schemaVersion).toBe(2);
    expect(upgraded).not.toHaveProperty('settings');
    expect(upgraded.connections[0].isDefault).toBe(false);
  });

  it('a damaged file is reported and left untouched, never silently blanked', async () => {
    const { dir, store } = freshStore();
    await store.saveConnection(sampleRecord());
    writeFileSync(store.path, '{"schemaVersion":1,"folders":"oops"');
    const damaged = readFileSync(store.path, 'utf8');
    const reopened = new ConnectionStore(openJsonDocumentFile(dir));
    expect(() => reopened.listFolders()).toThrow(/damaged/);
    expect(readFileSync(store.path, 'utf8')).toBe(damaged);
  });
});

describe('connection store cache across processes', () => {
  it('never keeps an older parse under the signature of a file another process wrote meanwhile', async () => {
    const { dir, store: writer } = freshStore();
    await writer.saveConnection(sampleRecord());
    const file = openJsonDocumentFile(dir);
    let raced = false;
    const reader = new ConnectionStore({
      path: file.path,
      signature: () => file.signature(),
      write: (chunks) => file.write(chunks),
      read: () => {
        const parsed = file.read();
        if (!raced) {
          // Another process atomically replaces the file while this one is still parsing the old bytes.
          raced = true;
          const doc = JSON.parse(readFileSync(file.path, 'utf8'));
          doc.connections.find((c: { id: string }) => c.id === 'c1').name = 'Renamed elsewhere';
          writeFileSync(`${file.path}.other`, JSON.stringify(doc));
          renameSync(`${file.path}.other`, file.path);
        }
        return parsed;
      },
    });
    expect(reader.getConnection('c1').name).toBe('Docs');
    expect(reader.getConnection('c1').name).toBe('Renamed elsewhere');
  });
});
