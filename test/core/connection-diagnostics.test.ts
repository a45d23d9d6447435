import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConnectionDiagnostics } from '../../main/core/diagnostics/connection-diagnostics.js';
import { SCOPE_MISSING_REMEDIATION } from '../../main/core/services/connection-status.js';
import { connectionDiagnosticsSchema } from '../../preload/contract.js';
import { startTestSandbox, type TestSandbox } from '../sandbox/sandbox-test-kit.js';
import { createHarness, draft, type Harness } from '../support/core-harness.js';
import { codesOf, leakedIn, recordCallbacks, signIn, tokensOf } from '../support/diagnostics-helpers.js';

const BYO = { clientId: 'demo-byo-app', clientSecret: 'demo-byo-secret-0123' };
const HOURS_2 = 2 * 60 * 60_000;

let sandbox: TestSandbox;
let h: Harness;
let callbacks: string[];

beforeEach(async () => {
  sandbox = await startTestSandbox();
  h = await createHarness(sandbox);
  callbacks = recordCallbacks(h);
});
afterEach(() => sandbox.close());

async function diagnose(connectionId: string) {
  const diagnostics = await buildConnectionDiagnostics(h.ctx, connectionId);
  // Exactly the contract's shape: the IPC dispatcher would strip anything else.
  expect(connectionDiagnosticsSchema.parse(diagnostics)).toEqual(diagnostics);
  return diagnostics;
}

function expectNoSecret(value: unknown, connectionId: string, extra: Record<string, string[]> = {}): void {
  expect(
    leakedIn(value, { 'client secret': [sandbox.managedApp.clientSecret, BYO.clientSecret], codes: codesOf(callbacks), tokens: tokensOf(h, connectionId), ...extra }),
  ).toEqual([]);
}

describe('buildConnectionDiagnostics', () => {
  it('a healthy connection: the verdict says so; endpoints, app, scopes, timeline, history, traces and last check are all there', async () => {
    const { connectionId, attemptId } = await signIn(h, draft());
    await h.services.checker.check(connectionId);
    const d = await diagnose(connectionId);
    const record = h.store.getConnection(connectionId);

    expect(d.verdict).toEqual({ healthy: true, headline: expect.stringMatching(/^Connected: .*passed every step/), cause: null });
    expect(d.environment).toEqual({
      id: 'sandbox',
      label: expect.any(String),
      authorizeUrl: `${sandbox.url}/authorize`,
      tokenUrl: `${sandbox.url}/oauth/token`,
      accessibleResourcesUrl: `${sandbox.url}/oauth/token/accessible-resources`,
      apiBaseUrl: sandbox.url,
      callbackUrl: 'http://localhost:47615/oauth/callback',
    });
    expect(d.oauthApp).toEqual({
      authType: 'managed',
      label: sandbox.managedApp.label,
      clientIdMasked: `••••${sandbox.managedApp.clientId.slice(-4)}`,
      clientSecretSource: 'managed',
      clientSecretAsset: null,
    });
    expect(d.connectionBaseUrl).toBe(`${sandbox.url}/ex/confluence/${record.site.cloudId}`);
    expect(d.scopes).toMatchObject({ missing: [], extra: [], requested: record.requestedScopes, granted: record.grantedScopes });
    expect(d.tokens).toMatchObject({
      accessExpired: false,
      hasRefreshToken: true,
      refreshIdleDays: 0,
      refreshIdleLimitDays: 90,
      consentAgeDays: 0,
      consentLimitDays: 365,
      // The check refreshed once, to prove the client secret and the refresh token.
      lastRefreshAt: new Date(sandbox.clock.now).toISOString(),
    });
    expect(Date.parse(d.tokens.consentExpiresAt) - Date.parse(record.tokens.consentedAt)).toBe(365 * 24 * 60 * 60_000);
    expect(d.events.map((e) => e.type)).toEqual(['checked', 'refreshed', 'created']);
    // The sign-in's calls (made before the connection existed) and the check's, newest first.
    const operations = d.traces.map((t) => t.operation);
    expect(operations).toEqual(expect.arrayContaining(['authorize', 'token-exchange', 'accessible-resources', 'check']));
    expect(d.traces.filter((t) => t.attemptId === attemptId).length).toBeGreaterThanOrEqual(4);
    expect(d.lastCheck).toMatchObject({ ok: true, missingScopes: [] });
    expect(d.lastCheck!.steps.every((s) => s.ok === (s.outcome === 'passed'))).toBe(true);
    expectNoSecret(d, connectionId);
  });

  it('revoked grant: Needs reconnect, Atlassian no longer accepts the refresh token — reconnect', async () => {
    const { connectionId } = await signIn(h, draft());
    const tokensBefore = tokensOf(h, connectionId);
    sandbox.control.revokeGrant();
    sandbox.clock.advance(HOURS_2);
    await h.services.checker.check(connectionId);
    const d = await diagnose(connectionId);

    expect(d.verdict.healthy).toBe(false);
    expect(d.verdict.headline).toMatch(/^Needs reconnect: Atlassian no longer accepts this connection's refresh token/);
    expect(d.verdict.cause).toMatchObject({ code: 'ATLASSIAN_INVALID_GRANT', remediation: expect.stringMatching(/Reconnect/) });
    expect(d.verdict.cause!.detail).toMatch(/invalid_grant/);
    const refresh = d.traces.find((t) => t.operation === 'token-refresh')!;
    expect(refresh.status).toBeGreaterThanOrEqual(400);
    expect(refresh.responseBody).toContain('invalid_grant');
    expect(d.events[0]).toMatchObject({ type: 'checked', outcome: 'failed', error: { code: 'ATLASSIAN_INVALID_GRANT' } });
    expectNoSecret(d, connectionId, { 'tokens before': tokensBefore });
  });

  it('token timeline after a revoked grant, before the token expires: refused by Atlassian, and the refresh it set off failed with its code', async () => {
    const { connectionId } = await signIn(h, draft());
    const expiresAt = h.store.getConnection(connectionId).tokens.accessExpiresAt;
    sandbox.clock.advance(60_000);
    sandbox.control.revokeGrant();
    await h.services.checker.check(connectionId);
    const d = await diagnose(connectionId);

    expect(d.connection.status).toBe('needs-reconnect');
    const refusal = d.traces.find((t) => t.status === 401)!;
    const refresh = d.traces.find((t) => t.operation === 'token-refresh')!;
    expect(d.tokens).toMatchObject({
      accessExpiresAt: expiresAt,
      accessExpired: false,
      accessRefusedAt: refusal.at,
      lastRefreshAt: null,
      lastRefreshFailure: { at: refresh.at, code: 'ATLASSIAN_INVALID_GRANT' },
    });
    expect(Date.parse(d.tokens.accessRefusedAt!)).toBeLessThan(Date.parse(expiresAt));
  });

  it('token timeline: a reconnect clears the refusal and the failed refresh; without a journal the stored status still tells the refresh failed', async () => {
    const { connectionId } = await signIn(h, draft());
    sandbox.control.revokeGrant();
    await h.services.checker.check(connectionId);
    expect((await diagnose(connectionId)).tokens.lastRefreshFailure).toMatchObject({ code: 'ATLASSIAN_INVALID_GRANT' });

    const noJournal = await buildConnectionDiagnostics({ ...h.ctx, journal: undefined }, connectionId);
    expect(noJournal.tokens).toMatchObject({ accessRefusedAt: null, lastRefreshFailure: { at: null, code: 'ATLASSIAN_INVALID_GRANT' } });

    h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
    const end = await h.finished(h.coordinator.begin(draft({ reconnectConnectionId: connectionId })).attemptId);
    expect(end.connection?.status).toBe('connected');
    expect((await diagnose(connectionId)).tokens).toMatchObject({ accessRefusedAt: null, lastRefreshFailure: null });
  });

  it('missing scopes: named with what each breaks, before and after a check', async () => {
    sandbox.control.setSwitches({ grantFewerScopes: ['search:confluence', 'write:confluence-content'] });
    const { connectionId } = await signIn(h, draft());

    const before = await diagnose(connectionId);
    expect(before.scopes.missing).toEqual([
      { scope: 'write:confluence-content', description: expect.any(String), breaks: 'Update: creating and editing pages fails' },
      { scope: 'search:confluence', description: expect.any(String), breaks: 'Search: searching Confluence (CQL) fails' },
    ]);
    expect(before.verdict).toMatchObject({ healthy: false, cause: { code: 'SCOPE_MISSING', detail: 'write:confluence-content search:confluence' } });
    expect(before.verdict.headline).toContain('missing permission write:confluence-content (Update: creating and editing pages fails)');
    expect(before.verdict.cause!.remediation).toBe(SCOPE_MISSING_REMEDIATION.managed);

    await h.services.checker.check(connectionId);
    const after = await diagnose(connectionId);
    expect(after.connection.status).toBe('error');
    expect(after.verdict.headline).toMatch(/^Error: missing permission .*search:confluence \(Search: searching Confluence \(CQL\) fails\)/);
    // The same fix as Check connection's steps give for the managed app.
    expect(after.verdict.cause).toMatchObject({ code: 'SCOPE_MISSING', remediation: SCOPE_MISSING_REMEDIATION.managed });
    const scopeFailure = after.traces.find((t) => t.status === 401)!;
    expect(scopeFailure.responseHeaders['x-failure-category']).toBe('FAILURE_CLIENT_SCOPE_CHECK');
    expect(after.lastCheck!.missingScopes).toEqual(['write:confluence-content', 'search:confluence']);
  });

  it('wrong client secret after rotation: Needs reconnect, Atlassian rejected the client secret — copy the current one', async () => {
    const { connectionId } = await signIn(h, draft({ authType: 'byo', ...BYO }));
    const rotated = await fetch(`${sandbox.url}/__admin/rotate-client-secret`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: BYO.clientId }),
    });
    const { clientSecret: newSecret } = (await rotated.json()) as { clientSecret: string };
    sandbox.clock.advance(HOURS_2);
    await h.services.checker.check(connectionId);
    const d = await diagnose(connectionId);

    expect(d.verdict.headline).toMatch(/^Needs reconnect: Atlassian rejected the client ID or client secret/);
    expect(d.verdict.cause).toMatchObject({ code: 'OAUTH_CLIENT_AUTH_FAILED', remediation: expect.stringMatching(/secret/) });
    expect(d.oauthApp).toEqual({ authType: 'byo', label: 'Your OAuth app', clientIdMasked: '••••-app', clientSecretSource: 'typed', clientSecretAsset: null });
    // The timeline says the same: the token had expired, and the refresh was refused for the client secret.
    expect(d.tokens).toMatchObject({ accessExpired: true, accessRefusedAt: null, lastRefreshFailure: { at: expect.any(String), code: 'OAUTH_CLIENT_AUTH_FAILED' } });
    const refresh = d.traces.find((t) => t.operation === 'token-refresh')!;
    expect(refresh).toMatchObject({ status: 401 });
    expect(refresh.responseBody).toContain('access_denied');
    expectNoSecret(d, connectionId, { 'rotated secret': [newSecret] });
  });
});
