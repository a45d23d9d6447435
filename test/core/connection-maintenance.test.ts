import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteConnection, editConnection, makeDefault, moveConnection } from '../../main/core/services/connection-management.js';
import { deleteFolder, moveFolder, renameFolder } from '../../main/core/services/folder-management.js';
import { startTestSandbox, type TestSandbox } from '../sandbox/sandbox-test-kit.js';
import { createHarness, draft, type Harness } from '../support/core-harness.js';

let sandbox: TestSandbox;
let h: Harness;

async function connect(name: string, folderId = 'shared', email = 'solo@example.com'): Promise<string> {
  h.authorizer.script = { kind: 'sign-in', email };
  const end = await h.finished(h.coordinator.begin(draft({ name, folderId })).attemptId);
  if (!end.connection) throw new Error(`connect failed: ${end.error?.code}`);
  return end.connection.id;
}

beforeEach(async () => {
  sandbox = await startTestSandbox();
  h = await createHarness(sandbox);
});
afterEach(() => sandbox.close());

describe('folders', () => {
  it('rename, nest and move; never into itself or below itself; names unique among siblings', async () => {
    const team = await h.store.createFolder('Team', null);
    const docs = await h.store.createFolder('Docs', team.id);
    await renameFolder(h.store, team.id, 'Engineering');
    expect(h.store.requireFolder(team.id).name).toBe('Engineering');
    await expect(moveFolder(h.store, team.id, docs.id)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(moveFolder(h.store, team.id, team.id)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await moveFolder(h.store, docs.id, null);
    expect(h.store.requireFolder(docs.id).parentId).toBeNull();
    await expect(renameFolder(h.store, docs.id, 'engineering')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a non-empty folder is not deleted without saying what happens to its connections', async () => {
    const team = await h.store.createFolder('Team', null);
    const sub = await h.store.createFolder('Sub', team.id);
    const id = await connect('In sub', sub.id);
    await expect(deleteFolder(h.store, team.id, undefined)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/1 connection/) });
    expect(h.store.listFolders()).toHaveLength(3);
    const result = await deleteFolder(h.store, team.id, 'move-to-parent');
    expect(result).toMatchObject({ deletedFolders: 2, movedConnections: 1, deletedConnections: 0 });
    // Shared had no Confluence connection: the moved one becomes its default.
    expect(h.store.getConnection(id)).toMatchObject({ folderId: 'shared', isDefault: true });
  });

  it('deleting with its connections removes their sealed secrets from the store file', async () => {
    const team = await h.store.createFolder('Team', null);
    const id = await connect('Doomed', team.id);
    const sealed = h.store.getConnection(id).tokens.access.ct;
    expect(readFileSync(h.store.path, 'utf8')).toContain(sealed);
    await deleteFolder(h.store, team.id, 'delete');
    expect(readFileSync(h.store.path, 'utf8')).not.toContain(sealed);
    expect(h.store.listConnections()).toHaveLength(0);
  });

  it('Shared cannot be deleted', async () => {
    await expect(deleteFolder(h.store, 'shared', 'delete')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('connection actions', () => {
  it('edit name and description', async () => {
    const id = await connect('Docs');
    await editConnection(h.store, id, { name: '  Team docs ', description: 'Used by the nightly export' }, new Date());
    expect(h.store.getConnection(id)).toMatchObject({ name: 'Team docs', description: 'Used by the nightly export' });
  });

  it('one default per connector per folder: the first is default, Make default moves it', async () => {
    const a = await connect('A');
    const b = await connect('B');
    expect(h.store.getConnection(a).isDefault).toBe(true);
    expect(h.store.getConnection(b).isDefault).toBe(false);
    await makeDefault(h.store, b);
    expect(h.store.listConnections('shared').filter((c) => c.isDefault).map((c) => c.id)).toEqual([b]);
  });

  it('move between folders keeps the destination default', async () => {
    const team = await h.store.createFolder('Team', null);
    const there = await connect('There', team.id);
    const a = await connect('A');
    await moveConnection(h.store, a, team.id);
    expect(h.store.getConnection(a)).toMatchObject({ folderId: team.id, isDefault: false });
    expect(h.store.getConnection(there).isDefault).toBe(true);
    await expect(moveConnection(h.store, a, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('delete removes the connection and its secrets', async () => {
    const id = await connect('Gone');
    const record = h.store.getConnection(id);
    await deleteConnection(h.store, id);
    const text = readFileSync(h.store.path, 'utf8');
    for (const sealed of [record.tokens.access.ct, record.tokens.refresh!.ct]) expect(text).not.toContain(sealed);
    await expect(deleteConnection(h.store, id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('Reconnect keeps the ID, folder and name, can change scopes and account, and clears Needs reconnect', async () => {
    const team = await h.store.createFolder('Team', null);
    const id = await connect('Wiki', team.id);
    sandbox.control.revokeGrant();
    sandbox.control.expireAccessTokens();
    await expect(h.services.api.confluence(id, 'wiki/rest/api/space')).rejects.toMatchObject({ code: 'ATLASSIAN_INVALID_GRANT' });
    expect(h.store.getConnection(id).status.state).toBe('needs-reconnect');

    h.authorizer.script = { kind: 'sign-in', email: 'demo@example.com' };
    const scopes = ['read:confluence-space.summary', 'search:confluence', 'offline_access'];
    const { attemptId } = h.coordinator.begin(draft({ reconnectConnectionId: id, name: 'ignored', folderId: 'shared', scopes }));
    const choosing = await h.reached(attemptId, 'choosing-site');
    h.coordinator.chooseSite(attemptId, choosing.sites![0]!.cloudId);
    expect((await h.finished(attemptId)).phase).toBe('connected');
    const after = h.store.getConnection(id);
    expect(after).toMatchObject({ id, name: 'Wiki', folderId: team.id, requestedScopes: scopes, status: { state: 'connected' } });
    expect(after.account?.displayName).toBe('Dana Demo');
    expect(h.store.listConnections()).toHaveLength(1);
    const check = await h.services.checker.check(id);
    expect(check.ok).toBe(true);
  });

  it('Reconnect with another account never switches site silently: it asks, naming the site the connection used', async () => {
    const id = await connect('Solo notes');
    const before = h.store.getConnection(id).site;
    h.authorizer.script = { kind: 'sign-in', email: 'demo@example.com' };
    const { attemptId } = h.coordinator.begin(draft({ reconnectConnectionId: id }));
    const choosing = await h.reached(attemptId, 'choosing-site');
    expect(choosing.previousSite).toEqual(before);
    h.coordinator.cancel(attemptId);
    expect((await h.finished(attemptId)).phase).toBe('cancelled');
    expect(h.store.getConnection(id).site).toEqual(before);
  });

  it('Reconnect with the same account keeps the site without asking, even when the account has several', async () => {
    h.authorizer.script = { kind: 'sign-in', email: 'demo@example.com' };
    const first = h.coordinator.begin(draft({ name: 'Acme' }));
    const choosing = await h.reached(first.attemptId, 'choosing-site');
    const chosen = choosing.sites![1]!;
    h.coordinator.chooseSite(first.attemptId, chosen.cloudId);
    const id = (await h.finished(first.attemptId)).connection!.id;
    const again = h.coordinator.begin(draft({ reconnectConnectionId: id }));
    expect((await h.finished(again.attemptId)).phase).toBe('connected');
    expect(h.events.some((e) => e.type === 'auth:progress' && e.payload.attemptId === again.attemptId && e.payload.phase === 'choosing-site')).toBe(false);
    expect(h.store.getConnection(id).site.cloudId).toBe(chosen.cloudId);
  });

  it('Reconnect of a BYO connection reuses the stored client ID and secret when none is typed', async () => {
    h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
    const end = await h.finished(h.coordinator.begin(draft({ authType: 'byo', clientId: 'demo-byo-app', clientSecret: 'demo-byo-secret-0123' })).attemptId);
    const id = end.connection!.id;
    const again = await h.finished(h.coordinator.begin(draft({ reconnectConnectionId: id, authType: 'byo' })).attemptId);
    expect(again.phase).toBe('connected');
    expect(sandbox.control.tokenRequests().filter((r) => r.grantType === 'authorization_code').map((r) => r.body.client_id)).toEqual(['demo-byo-app', 'demo-byo-app']);
  });
});
