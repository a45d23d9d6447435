import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secretContext } from '../../main/core/services/client-credentials.js';
import { startTestSandbox, type TestSandbox } from '../sandbox/sandbox-test-kit.js';
import { createHarness, draft, type Harness } from '../support/core-harness.js';

let sandbox: TestSandbox;
let h: Harness;

beforeEach(async () => {
  sandbox = await startTestSandbox();
  h = await createHarness(sandbox);
});
afterEach(async () => {
  await sandbox.close();
});

const storeText = () => readFileSync(h.store.path, 'utf8');

describe('add a Confluence Cloud connection (core, against the sandbox)', () => {
  it('managed app, one Confluence site: connected, secrets sealed, token request correct', async () => {
    h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
    const { attemptId } = h.coordinator.begin(draft());
    const end = await h.finished(attemptId);
    expect(end.phase).toBe('connected');
    const phases = h.events.filter((e) => e.type === 'auth:progress').map((e) => e.payload.phase);
    expect(phases).toEqual(['starting', 'waiting-for-sign-in', 'exchanging-code', 'finding-sites', 'saving', 'connected']);

    const [record] = h.store.listConnections('shared');
    expect(record?.site.url).toMatch(/atlassian\.net$/);
    expect(record?.account?.displayName).toBe('Sam Solo');
    expect(record?.grantedScopes).toContain('offline_access');
    expect(record?.tokens.refresh).not.toBeNull();

    // E3: the code exchange carried redirect_uri and no state.
    const exchange = sandbox.control.tokenRequests().find((r) => r.grantType === 'authorization_code');
    expect(exchange?.body.redirect_uri).toBe(h.authorizer.runs[0]?.callbackUrl);
    expect(exchange?.body).not.toHaveProperty('state');

    // No secret in clear in the store file.
    const access = h.ctx.vault.unseal(record!.tokens.access, secretContext.accessToken(record!.id));
    const refresh = h.ctx.vault.unseal(record!.tokens.refresh!, secretContext.refreshToken(record!.id));
    expect(storeText()).not.toContain(access);
    expect(storeText()).not.toContain(refresh);
    expect(storeText()).not.toContain(sandbox.managedApp.clientSecret);
  });

  it('A2: two Confluence sites and a Jira-only one: asks, offers only Confluence sites, saves the chosen one', async () => {
    const { attemptId } = h.coordinator.begin(draft());
    const choosing = await h.reached(attemptId, 'choosing-site');
    expect(choosing.sites?.map((s) => s.name)).toEqual(['Acme', 'Acme Docs']);
    expect(() => h.coordinator.chooseSite(attemptId, 'not-a-site')).toThrow(/not one this sign-in can reach/);
    const chosen = choosing.sites![1]!;
    h.coordinator.chooseSite(attemptId, chosen.cloudId);
    expect((await h.finished(attemptId)).phase).toBe('connected');
    expect(h.store.listConnections('shared')[0]?.site.cloudId).toBe(chosen.cloudId);
  });

  it('Bring your own app: the client secret is sealed and the connection works after reopening the store', async () => {
    h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
    const { attemptId } = h.coordinator.begin(draft({ authType: 'byo', clientId: 'demo-byo-app', clientSecret: 'demo-byo-secret-0123' }));
    expect((await h.finished(attemptId)).phase).toBe('connected');
    expect(storeText()).not.toContain('demo-byo-secret-0123');

    const reopened = await createHarness(sandbox, h.dataDir);
    const id = reopened.store.listConnections('shared')[0]!.id;
    // Age the access token past expiry: the check must refresh with the sealed BYO secret.
    sandbox.clock.advance(2 * 60 * 60_000);
    const result = await reopened.services.checker.check(id);
    expect(result.steps.map((s) => [s.name, s.outcome])).toEqual([
      ['Access token usable', 'passed'],
      ['Client secret and refresh token accepted', 'passed'],
      ['Site still accessible', 'passed'],
      ['View spaces', 'passed'],
      ['Search', 'passed'],
      ['Update (nothing is changed)', 'passed'],
      ['Scopes granted as requested', 'passed'],
    ]);
    expect(sandbox.control.tokenRequests().filter((r) => r.grantType === 'refresh_token')).toHaveLength(1);
  });

  it('an access token Atlassian stopped accepting early is refreshed once, then works', async () => {
    h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
    await h.finished(h.coordinator.begin(draft()).attemptId);
    const id = h.store.listConnections()[0]!.id;
    sandbox.control.expireAccessTokens();
    const result = await h.services.checker.check(id);
    expect(result.ok).toBe(true);
    const refreshes = sandbox.control.tokenRequests().filter((r) => r.grantType === 'refresh_token');
    expect(refreshes).toHaveLength(1);
    // E3: no token request carries state.
    expect(sandbox.control.tokenRequests().every((r) => !('state' in r.body))).toBe(true);
  });

  it('T3: a revoked grant → Needs reconnect with the reason, and no retry loop', async () => {
    h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
    await h.finished(h.coordinator.begin(draft()).attemptId);
    const id = h.store.listConnections()[0]!.id;
    sandbox.control.revokeGrant();
    const result = await h.services.checker.check(id);
    expect(result.ok).toBe(false);
    expect(result.connection.status).toBe('needs-reconnect');
    expect(result.connection.statusReason?.code).toBe('ATLASSIAN_INVALID_GRANT');
    expect(sandbox.control.tokenRequests().filter((r) => r.grantType === 'refresh_token')).toHaveLength(1);
  });

  it('T2: without offline_access the connection warns that it will need reconnecting', async () => {
    h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
    const scopes = draft().scopes.filter((s) => s !== 'offline_access');
    const end = await h.finished(h.coordinator.begin(draft({ scopes })).attemptId);
    expect(end.connection?.status).toBe('expiring-soon');
    expect(end.connection?.hasRefreshToken).toBe(false);
    // The expiry is computed from expires_in (3600 s) at the time of the exchange.
    expect(new Date(end.connection!.accessExpiresAt).getTime()).toBe(sandbox.clock.now + 3600_000);
    expect(end.connection?.statusReason?.message).toBe(`Atlassian issued no refresh token, so this connection stops working at ${end.connection!.accessExpiresAt}.`);
    expect(end.connection?.statusReason?.remediation).toMatch(/offline_access/);
  });

  const failures: Array<[string, () => void, string]> = [
    ['C5: consent declined', () => (h.authorizer.script = { kind: 'sign-in', decision: 'cancel' }), 'OAUTH_CONSENT_DECLINED'],
    ['C6: sign-in window closed', () => (h.authorizer.script = { kind: 'close' }), 'OAUTH_WINDOW_CLOSED'],
    ['C7: state tampered', () => sandbox.control.setSwitches({ tamperState: true }), 'OAUTH_STATE_MISMATCH'],
    ['code expired', () => sandbox.control.setSwitches({ expireCodesImmediately: true }), 'OAUTH_CODE_EXPIRED'],
    ['A3: no Confluence site (Jira only)', () => (h.authorizer.script = { kind: 'sign-in', email: 'jira-only@example.com' }), 'NO_CONFLUENCE_SITE'],
    ['A3: no site at all', () => (h.authorizer.script = { kind: 'sign-in', email: 'nosite@example.com' }), 'NO_CONFLUENCE_SITE'],
    ['token endpoint 503', () => sandbox.control.setSwitches({ tokenEndpoint: 'server-error' }), 'ATLASSIAN_SERVER_ERROR'],
    ['token endpoint 429', () => sandbox.control.setSwitches({ tokenEndpoint: 'rate-limited' }), 'ATLASSIAN_RATE_LIMITED'],
  ];
  for (const [name, arrange, code] of failures) {
    it(`${name} → ${code}, nothing saved`, async () => {
      arrange();
      const end = await h.finished(h.coordinator.begin(draft()).attemptId);
      expect(end.phase).toBe('failed');
      expect(end.error?.code).toBe(code);
      expect(end.error?.message.length).toBeGreaterThan(10);
      expect(end.error?.remediation.length).toBeGreaterThan(10);
      expect(h.store.listConnections()).toHaveLength(0);
    });
  }

  it('C7: a tampered state is refused before any code exchange', async () => {
    sandbox.control.setSwitches({ tamperState: true });
    await h.finished(h.coordinator.begin(draft()).attemptId);
    expect(sandbox.control.tokenRequests()).toHaveLength(0);
  });

  it('A4: wrong client secret → says the client ID or secret is wrong', async () => {
    h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
    const end = await h.finished(h.coordinator.begin(draft({ authType: 'byo', clientId: 'demo-byo-app', clientSecret: 'wrong-secret' })).attemptId);
    expect(end.error?.code).toBe('OAUTH_CLIENT_AUTH_FAILED');
    expect(end.error?.remediation).toMatch(/client ID and secret/);
    expect(h.store.listConnections()).toHaveLength(0);
  });

  it('Atlassian unreachable (sandbox offline) → ATLASSIAN_UNREACHABLE', async () => {
    h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
    const original = h.authorizer.run.bind(h.authorizer);
    // The browser got through; then the network went away before the code exchange.
    h.authorizer.run = async (run) => {
      const outcome = await original(run);
      sandbox.control.setSwitches({ offline: true });
      return outcome;
    };
    const end = await h.finished(h.coordinator.begin(draft()).attemptId);
    expect(end.error?.code).toBe('ATLASSIAN_UNREACHABLE');
  });

  it('Atlassian unreachable before sign-in → says so without opening a sign-in window', async () => {
    sandbox.control.setSwitches({ offline: true });
    const end = await h.finished(h.coordinator.begin(draft()).attemptId);
    expect(end.error?.code).toBe('ATLASSIAN_UNREACHABLE');
    expect(end.error?.remediation).toMatch(/network/);
    expect(h.authorizer.runs).toHaveLength(0);
  });

  it('C6: after a closed window, Connect works again', async () => {
    h.authorizer.script = { kind: 'close' };
    const d = draft();
    expect((await h.finished(h.coordinator.begin(d).attemptId)).phase).toBe('failed');
    h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
    const again = h.coordinator.begin(d);
    expect(again.reused).toBe(false);
    expect((await h.finished(again.attemptId)).phase).toBe('connected');
  });

  it('C8: Connect clicked repeatedly for one draft opens one sign-in and focuses it', async () => {
    h.authorizer.script = { kind: 'wait-for-abort' };
    const d = draft();
    const first = h.coordinator.begin(d);
    const second = h.coordinator.begin(d);
    const third = h.coordinator.begin(d);
    expect(second).toEqual({ attemptId: first.attemptId, reused: true });
    expect(third.reused).toBe(true);
    await h.reached(first.attemptId, 'waiting-for-sign-in');
    expect(h.authorizer.runs).toHaveLength(1);
    expect(h.authorizer.focused).toEqual([first.attemptId, first.attemptId]);
    h.coordinator.cancel(first.attemptId);
    expect((await h.finished(first.attemptId)).phase).toBe('cancelled');
  });

  it('cancel while choosing a site saves nothing', async () => {
    const { attemptId } = h.coordinator.begin(draft());
    await h.reached(attemptId, 'choosing-site');
    h.coordinator.cancel(attemptId);
    expect((await h.finished(attemptId)).phase).toBe('cancelled');
    expect(h.store.listConnections()).toHaveLength(0);
  });

  it('C9: every attempt asks for a fresh sign-in session', async () => {
    h.authorizer.script = { kind: 'close' };
    await h.finished(h.coordinator.begin(draft()).attemptId);
    await h.finished(h.coordinator.begin(draft()).attemptId);
    expect(h.authorizer.runs.map((r) => r.persistSession)).toEqual([null, null]);
    expect(h.authorizer.runs[0]?.attemptId).not.toBe(h.authorizer.runs[1]?.attemptId);
  });

  it('refuses an unknown scope and an unknown folder with clear errors', async () => {
    const bad = await h.finished(h.coordinator.begin(draft({ scopes: ['read:confluence-content.summar'] })).attemptId);
    expect(bad.error?.code).toBe('VALIDATION_FAILED');
    expect(bad.error?.message).toContain('read:confluence-content.summar');
    const noFolder = await h.finished(h.coordinator.begin(draft({ folderId: 'gone' })).attemptId);
    expect(noFolder.error?.code).toBe('NOT_FOUND');
    expect(h.authorizer.runs).toHaveLength(0);
  });
});
