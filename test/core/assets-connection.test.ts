import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AssetService, assetValueContext } from '../../main/core/assets/asset-service.js';
import { toConnectionSummary } from '../../main/core/services/connection-summary.js';
import { startTestSandbox, type TestSandbox } from '../sandbox/sandbox-test-kit.js';
import { createHarness, draft, type Harness } from '../support/core-harness.js';

const BYO_CLIENT_ID = 'demo-byo-app';
const BYO_SECRET = 'demo-byo-secret-0123';
const ENV_NAME = 'CD_TEST_BYO_CLIENT_SECRET';
const HOUR = 60 * 60_000;

let sandbox: TestSandbox;
let h: Harness;
let assets: AssetService;

const refreshRequests = () => sandbox.control.tokenRequests().filter((r) => r.grantType === 'refresh_token');

beforeEach(async () => {
  sandbox = await startTestSandbox();
  h = await createHarness(sandbox);
  h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
  assets = new AssetService(h.ctx);
});
afterEach(async () => {
  delete process.env[ENV_NAME];
  vi.restoreAllMocks();
  await sandbox.close();
});

async function connectWithAsset(assetId: string, name = 'Team docs'): Promise<string> {
  const end = await h.finished(h.coordinator.begin(draft({ name, authType: 'byo', clientId: BYO_CLIENT_ID, clientSecretAssetId: assetId })).attemptId);
  expect(end.error).toBeUndefined();
  expect(end.phase).toBe('connected');
  return end.connection!.id;
}

describe('a Bring-your-own client secret from a credential asset (core, against the sandbox)', () => {
  it('a stored asset: connects, refreshes, and the record keeps only the asset ID', async () => {
    const asset = await assets.create({ folderId: 'shared', name: 'BYO secret', source: { kind: 'stored', value: BYO_SECRET } });
    const id = await connectWithAsset(asset.id);
    const record = h.store.getConnection(id);
    expect(record.clientSecret).toBeNull();
    expect(record.clientSecretAssetId).toBe(asset.id);
    expect(readFileSync(h.store.path, 'utf8')).not.toContain(BYO_SECRET);

    // Resolved when used, every time: each refresh unseals the asset again (no cache).
    const unseal = vi.spyOn(h.ctx.vault, 'unseal');
    for (let i = 0; i < 2; i++) {
      sandbox.clock.advance(2 * HOUR);
      await h.services.refresher.accessToken(id);
    }
    expect(refreshRequests().map((r) => r.status)).toEqual([200, 200]);
    expect(unseal.mock.calls.filter(([, context]) => context === assetValueContext(asset.id))).toHaveLength(2);
    expect(h.store.getConnection(id).status.state).toBe('connected');
  });

  it('rotating the asset takes effect on the next refresh: a wrong value is refused, the fixed value works again without a reconnect', async () => {
    const asset = await assets.create({ folderId: 'shared', name: 'BYO secret', source: { kind: 'stored', value: BYO_SECRET } });
    const id = await connectWithAsset(asset.id);

    await assets.update(asset.id, { source: { kind: 'stored', value: 'not-the-secret' } });
    sandbox.clock.advance(2 * HOUR);
    await expect(h.services.refresher.accessToken(id)).rejects.toMatchObject({ code: 'OAUTH_CLIENT_AUTH_FAILED' });
    expect(refreshRequests().map((r) => r.status)).toEqual([401]);

    // The grant is fine; only the asset was wrong: Error pointing at the asset, not Needs reconnect.
    expect(h.store.getConnection(id).status).toMatchObject({ state: 'error', reason: { code: 'OAUTH_CLIENT_AUTH_FAILED', remediation: expect.stringMatching(/credential asset/) } });

    // Fixed asset: the next use picks it up, with nobody signing in again.
    await assets.update(asset.id, { source: { kind: 'stored', value: BYO_SECRET } });
    await h.services.refresher.accessToken(id);
    expect(h.store.getConnection(id)).toMatchObject({ clientSecret: null, clientSecretAssetId: asset.id, status: { state: 'connected' } });
    expect(refreshRequests().map((r) => r.status)).toEqual([401, 200]);
  });

  it('Check connection after the app secret was rotated at Atlassian: Error pointing at the asset (not Needs reconnect), and the corrected asset works on the next check', async () => {
    const asset = await assets.create({ folderId: 'shared', name: 'BYO secret', source: { kind: 'stored', value: BYO_SECRET } });
    const id = await connectWithAsset(asset.id);
    sandbox.control.rotateClientSecret(BYO_CLIENT_ID, 'demo-byo-secret-rotated-4567');
    sandbox.control.expireAccessTokens();

    const failed = await h.services.checker.check(id);
    expect(failed.ok).toBe(false);
    expect(failed.steps[0]).toMatchObject({ outcome: 'failed', error: { code: 'OAUTH_CLIENT_AUTH_FAILED', remediation: expect.stringMatching(/credential asset/) } });
    expect(failed.connection.status).toBe('error');
    expect(failed.connection.statusReason).toMatchObject({ code: 'OAUTH_CLIENT_AUTH_FAILED', remediation: expect.stringMatching(/credential asset/) });
    expect(h.store.getConnection(id).status.state).toBe('error');

    await assets.update(asset.id, { source: { kind: 'stored', value: 'demo-byo-secret-rotated-4567' } });
    const fixed = await h.services.checker.check(id);
    expect(fixed.ok).toBe(true);
    expect(fixed.connection.status).toBe('connected');
    expect(refreshRequests().map((r) => r.status)).toEqual([401, 200]);
  });

  it('a typed client secret refused at Atlassian is still Needs reconnect (only a new sign-in with the right secret fixes it)', async () => {
    const end = await h.finished(h.coordinator.begin(draft({ authType: 'byo', clientId: BYO_CLIENT_ID, clientSecret: BYO_SECRET })).attemptId);
    const id = end.connection!.id;
    sandbox.control.rotateClientSecret(BYO_CLIENT_ID);
    sandbox.control.expireAccessTokens();
    const failed = await h.services.checker.check(id);
    expect(failed.connection.status).toBe('needs-reconnect');
    expect(failed.connection.statusReason).toMatchObject({ code: 'OAUTH_CLIENT_AUTH_FAILED', remediation: expect.stringMatching(/developer console/) });
  });

  it('an environment-variable asset: unset → Error with ASSET_ENV_MISSING (not Needs reconnect), set again → works on the next use', async () => {
    process.env[ENV_NAME] = BYO_SECRET;
    const asset = await assets.create({ folderId: 'shared', name: 'CI secret', source: { kind: 'env', variable: ENV_NAME } });
    const id = await connectWithAsset(asset.id);

    delete process.env[ENV_NAME];
    sandbox.clock.advance(2 * HOUR);
    const failed = await h.services.checker.check(id);
    expect(failed.ok).toBe(false);
    expect(failed.connection.status).toBe('error');
    expect(failed.connection.statusReason).toMatchObject({ code: 'ASSET_ENV_MISSING', remediation: expect.stringContaining(ENV_NAME) });
    // Nothing reached Atlassian: the grant is untouched.
    expect(refreshRequests()).toHaveLength(0);

    process.env[ENV_NAME] = BYO_SECRET;
    const fixed = await h.services.checker.check(id);
    expect(fixed.ok).toBe(true);
    expect(fixed.connection.status).toBe('connected');
    expect(refreshRequests().map((r) => r.status)).toEqual([200]);
  });

  it('reconnect keeps the asset unless a typed secret replaces it, and then the asset is no longer used', async () => {
    const asset = await assets.create({ folderId: 'shared', name: 'BYO secret', source: { kind: 'stored', value: BYO_SECRET } });
    const id = await connectWithAsset(asset.id);
    const end = await h.finished(h.coordinator.begin(draft({ reconnectConnectionId: id, clientSecret: BYO_SECRET })).attemptId);
    expect(end.phase).toBe('connected');
    const record = h.store.getConnection(id);
    expect(record.clientSecretAssetId).toBeNull();
    expect(record.clientSecret).not.toBeNull();
    await assets.delete(asset.id);
    sandbox.clock.advance(2 * HOUR);
    await h.services.refresher.accessToken(id);
    expect(refreshRequests().map((r) => r.status)).toEqual([200]);
  });

  it('a reconnect whose credential asset holds a secret Atlassian refuses says to correct that asset, by name (not the developer console)', async () => {
    const asset = await assets.create({ folderId: 'shared', name: 'Ops app secret', source: { kind: 'stored', value: BYO_SECRET } });
    const id = await connectWithAsset(asset.id);
    sandbox.control.rotateClientSecret(BYO_CLIENT_ID, 'demo-byo-secret-rotated-4567');

    // Nothing typed: the reconnect keeps the asset, whose value Atlassian now refuses at the code exchange.
    const failed = await h.finished(h.coordinator.begin(draft({ reconnectConnectionId: id, authType: 'byo' })).attemptId);
    expect(failed).toMatchObject({ phase: 'failed', error: { code: 'OAUTH_CLIENT_AUTH_FAILED' } });
    expect(failed.error?.remediation).toContain('Correct the credential asset “Ops app secret”');
    expect(failed.error?.remediation).not.toMatch(/developer console/);
    expect(h.store.getConnection(id).clientSecretAssetId).toBe(asset.id);

    // The same fix after a refresh or a check, by name too.
    sandbox.control.expireAccessTokens();
    const check = await h.services.checker.check(id);
    expect(check.connection.statusReason?.remediation).toContain('“Ops app secret”');

    // Corrected asset: the next reconnect passes.
    await assets.update(asset.id, { source: { kind: 'stored', value: 'demo-byo-secret-rotated-4567' } });
    const fixed = await h.finished(h.coordinator.begin(draft({ reconnectConnectionId: id, authType: 'byo', clientSecretAssetId: asset.id })).attemptId);
    expect(fixed.phase).toBe('connected');
    expect(h.store.getConnection(id)).toMatchObject({ clientSecret: null, clientSecretAssetId: asset.id });
  });

  it('a typed client secret refused at a new sign-in still points at the developer console', async () => {
    const end = await h.finished(h.coordinator.begin(draft({ authType: 'byo', clientId: BYO_CLIENT_ID, clientSecret: 'not-the-secret' })).attemptId);
    expect(end).toMatchObject({ phase: 'failed', error: { code: 'OAUTH_CLIENT_AUTH_FAILED', remediation: expect.stringMatching(/developer console/) } });
  });

  it('a connection summary names the credential asset its client secret comes from, given the store’s assets', async () => {
    const asset = await assets.create({ folderId: 'shared', name: 'Ops app secret', source: { kind: 'stored', value: BYO_SECRET } });
    const fromAsset = h.store.getConnection(await connectWithAsset(asset.id, 'From asset'));
    const typedEnd = await h.finished(h.coordinator.begin(draft({ name: 'Typed', authType: 'byo', clientId: BYO_CLIENT_ID, clientSecret: BYO_SECRET })).attemptId);
    const typed = h.store.getConnection(typedEnd.connection!.id);
    const now = new Date(sandbox.clock.now);
    const all = h.store.listAssets();
    expect(toConnectionSummary(fromAsset, now, { assets: all }).clientSecretAsset).toEqual({ id: asset.id, name: 'Ops app secret' });
    expect(toConnectionSummary(typed, now, { assets: all }).clientSecretAsset).toBeNull();
    // Callers that do not look the assets up say nothing (the field is optional in the contract).
    expect(toConnectionSummary(fromAsset, now)).not.toHaveProperty('clientSecretAsset');
  });

  it('delete is refused while connections use the asset, naming them', async () => {
    const asset = await assets.create({ folderId: 'shared', name: 'BYO secret', source: { kind: 'stored', value: BYO_SECRET } });
    await connectWithAsset(asset.id, 'Team docs');
    await connectWithAsset(asset.id, 'Ops wiki');
    await expect(assets.delete(asset.id)).rejects.toMatchObject({
      code: 'ASSET_IN_USE',
      message: expect.stringMatching(/"BYO secret" is used by 2 connections: "Team docs", "Ops wiki"/),
    });
    expect(assets.list('shared')[0]?.usedBy.map((u) => u.name)).toEqual(['Team docs', 'Ops wiki']);
  });

  it('a draft naming a missing asset, or both a typed secret and an asset, fails clearly and saves nothing', async () => {
    const missing = await h.finished(h.coordinator.begin(draft({ authType: 'byo', clientId: BYO_CLIENT_ID, clientSecretAssetId: 'gone' })).attemptId);
    expect(missing).toMatchObject({ phase: 'failed', error: { code: 'ASSET_NOT_FOUND' } });
    const asset = await assets.create({ folderId: 'shared', name: 'BYO secret', source: { kind: 'stored', value: BYO_SECRET } });
    const both = await h.finished(h.coordinator.begin(draft({ authType: 'byo', clientId: BYO_CLIENT_ID, clientSecret: BYO_SECRET, clientSecretAssetId: asset.id })).attemptId);
    expect(both).toMatchObject({ phase: 'failed', error: { code: 'VALIDATION_FAILED' } });
    expect(h.store.listConnections()).toHaveLength(0);
  });
});
