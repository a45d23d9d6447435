import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../sandbox/sandbox-test-kit.js';
import { createHarness, draft, type Harness } from '../support/core-harness.js';

let sandbox: TestSandbox;
let h: Harness;
let connectionId: string;

const refreshRequests = () => sandbox.control.tokenRequests().filter((r) => r.grantType === 'refresh_token');
const HOUR = 60 * 60_000;

beforeEach(async () => {
  sandbox = await startTestSandbox();
  h = await createHarness(sandbox);
  h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
  const end = await h.finished(h.coordinator.begin(draft()).attemptId);
  connectionId = end.connection!.id;
});
afterEach(() => sandbox.close());

describe('refresh coordination', () => {
  it('T4: 100 parallel calls on an expired access token cause exactly one refresh, and all succeed', async () => {
    sandbox.clock.advance(2 * HOUR);
    const results = await Promise.all(Array.from({ length: 100 }, () => h.services.api.confluence(connectionId, 'wiki/rest/api/space?limit=1')));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(refreshRequests()).toHaveLength(1);
  });

  it('100 parallel calls with a token Atlassian stopped accepting early: one refresh, all retried once and succeed', async () => {
    sandbox.control.expireAccessTokens();
    const results = await Promise.all(Array.from({ length: 100 }, () => h.services.api.confluence(connectionId, 'wiki/rest/api/space?limit=1')));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(refreshRequests()).toHaveLength(1);
  });

  it('saves the rotated refresh token before the new access token is used, and keeps rotating', async () => {
    sandbox.clock.advance(2 * HOUR);
    await h.services.refresher.accessToken(connectionId);
    sandbox.clock.advance(2 * HOUR);
    await h.services.refresher.accessToken(connectionId);
    // Reuse of an old refresh token outside the leeway would have revoked the family: both worked.
    expect(refreshRequests().map((r) => r.status)).toEqual([200, 200]);
    expect(h.store.getConnection(connectionId).status.state).toBe('connected');
  });

  it('T1: a refresh answer without refresh_token keeps the previous refresh token', async () => {
    sandbox.control.setSwitches({ refreshEndpoint: 'omit-refresh-token' });
    const before = h.store.getConnection(connectionId).tokens.refresh;
    sandbox.clock.advance(2 * HOUR);
    await h.services.refresher.accessToken(connectionId);
    expect(h.store.getConnection(connectionId).tokens.refresh).toEqual(before);
    sandbox.control.setSwitches({ refreshEndpoint: 'normal' });
    sandbox.clock.advance(2 * HOUR);
    await h.services.refresher.accessToken(connectionId);
    expect(refreshRequests().map((r) => r.status)).toEqual([200, 200]);
  });

  it('T3: invalid_grant → Needs reconnect with the reason; later calls do not retry', async () => {
    sandbox.control.setSwitches({ refreshEndpoint: 'reject' });
    sandbox.clock.advance(2 * HOUR);
    await expect(h.services.api.confluence(connectionId, 'wiki/rest/api/space')).rejects.toMatchObject({ code: 'ATLASSIAN_INVALID_GRANT' });
    const record = h.store.getConnection(connectionId);
    expect(record.status.state).toBe('needs-reconnect');
    expect(record.status.reason?.detail).toMatch(/Unknown or invalid refresh token/);
    await expect(h.services.api.confluence(connectionId, 'wiki/rest/api/space')).rejects.toMatchObject({ code: 'ATLASSIAN_INVALID_GRANT' });
    await expect(h.services.refresher.accessToken(connectionId)).rejects.toMatchObject({ code: 'ATLASSIAN_INVALID_GRANT' });
    expect(refreshRequests()).toHaveLength(1);
  });

  it('A1: a scope failure names the scope and never triggers a refresh', async () => {
    await expect(h.services.api.confluence(connectionId, 'wiki/api/v2/spaces', { neededScope: 'read:space:confluence' })).rejects.toMatchObject({
      code: 'SCOPE_MISSING',
      message: expect.stringContaining('read:space:confluence'),
    });
    expect(refreshRequests()).toHaveLength(0);
    expect(h.store.getConnection(connectionId).status.state).toBe('connected');
  });

  it('no network → Offline (not a failure), and the next successful call recovers by itself', async () => {
    sandbox.control.setSwitches({ offline: true });
    await expect(h.services.api.confluence(connectionId, 'wiki/rest/api/space')).rejects.toMatchObject({ code: 'ATLASSIAN_UNREACHABLE' });
    expect(h.store.getConnection(connectionId).status.state).toBe('offline');
    sandbox.control.setSwitches({ offline: false });
    await h.services.api.confluence(connectionId, 'wiki/rest/api/space');
    expect(h.store.getConnection(connectionId).status.state).toBe('connected');
  });

  it('a sealed token that no longer decrypts marks only its connection Needs reconnect', async () => {
    h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
    const other = (await h.finished(h.coordinator.begin(draft({ name: 'Other' })).attemptId)).connection!.id;
    await h.store.updateConnection(connectionId, (c) => ({ ...c, tokens: { ...c.tokens, access: { ...c.tokens.access, ct: Buffer.from('garbage').toString('base64') } } }));
    await expect(h.services.api.confluence(connectionId, 'wiki/rest/api/space')).rejects.toMatchObject({ code: 'SECRET_UNAVAILABLE' });
    expect(h.store.getConnection(connectionId).status).toMatchObject({ state: 'needs-reconnect', reason: { code: 'SECRET_UNAVAILABLE' } });
    expect((await h.services.api.confluence(other, 'wiki/rest/api/space')).status).toBe(200);
    expect(h.store.getConnection(other).status.state).toBe('connected');
  });

  it('a refresh token old enough is renewed by the next use, before the 90-day idle limit', async () => {
    sandbox.clock.advance(61 * 24 * HOUR);
    await h.services.refresher.accessToken(connectionId);
    expect(refreshRequests()).toHaveLength(1);
    expect(new Date(h.store.getConnection(connectionId).tokens.refreshIssuedAt!).getTime()).toBe(sandbox.clock.now);
  });
});
