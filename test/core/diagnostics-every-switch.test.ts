/**
 * Issue 5, "done when": for each sandbox failure switch, a support person can tell the cause and
 * the fix from the diagnostics view. One case per switch that can hit a saved connection: break it,
 * run Check connection (what support staff do first), build the diagnostics and read the verdict.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildConnectionDiagnostics } from '../../main/core/diagnostics/connection-diagnostics.js';
import type { SandboxSwitches } from '../../main/sandbox/sandbox-api.js';
import { startTestSandbox, type TestSandbox } from '../sandbox/sandbox-test-kit.js';
import { createHarness, draft, type Harness } from '../support/core-harness.js';
import { signIn } from '../support/diagnostics-helpers.js';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

let sandbox: TestSandbox;
let h: Harness;
beforeEach(async () => {
  sandbox = await startTestSandbox();
  h = await createHarness(sandbox);
});
afterEach(() => sandbox.close());

interface SwitchCase {
  name: string;
  /** Breaks the saved connection (switches, admin calls, the clock). */
  breakIt: (s: TestSandbox) => Promise<void> | void;
  code: string;
  /** Words the headline or cause must carry so the reader knows what happened. */
  says: RegExp;
  /** Words of the fix. */
  fix: RegExp;
  /** How the connection was added (the managed app unless said). */
  added?: Parameters<typeof draft>[0];
}

const BYO = { authType: 'byo' as const, clientId: 'demo-byo-app', clientSecret: 'demo-byo-secret-0123' };
const rotateSecretOf = (clientId: (s: TestSandbox) => string, options: { thenWait: boolean } = { thenWait: true }) => async (s: TestSandbox) => {
  const answer = await fetch(`${s.url}/__admin/rotate-client-secret`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId: clientId(s) }) });
  expect(answer.ok).toBe(true);
  if (options.thenWait) s.clock.advance(2 * HOUR);
};

const set = (switches: Partial<SandboxSwitches>) => (s: TestSandbox) => s.control.setSwitches(switches);

const cases: SwitchCase[] = [
  { name: 'offline', breakIt: set({ offline: true }), code: 'ATLASSIAN_UNREACHABLE', says: /reach|network|offline/i, fix: /network|connection|proxy/i },
  { name: 'api: rate-limited', breakIt: set({ api: 'rate-limited', retryAfterSeconds: 30 }), code: 'ATLASSIAN_RATE_LIMITED', says: /limiting requests/i, fix: /wait|later|retry/i },
  { name: 'api: server-error', breakIt: set({ api: 'server-error' }), code: 'ATLASSIAN_SERVER_ERROR', says: /unavailable|server|error/i, fix: /later|status/i },
  {
    name: 'token endpoint: rate-limited (at refresh)',
    breakIt: (s) => {
      s.control.setSwitches({ tokenEndpoint: 'rate-limited', retryAfterSeconds: 30 });
      s.clock.advance(2 * HOUR);
    },
    code: 'ATLASSIAN_RATE_LIMITED',
    says: /limiting requests/i,
    fix: /wait|later|retry/i,
  },
  {
    name: 'token endpoint: server-error (at refresh)',
    breakIt: (s) => {
      s.control.setSwitches({ tokenEndpoint: 'server-error' });
      s.clock.advance(2 * HOUR);
    },
    code: 'ATLASSIAN_SERVER_ERROR',
    says: /unavailable|server|error/i,
    fix: /later|status/i,
  },
  {
    name: 'refresh endpoint: reject',
    breakIt: (s) => {
      s.control.setSwitches({ refreshEndpoint: 'reject' });
      s.clock.advance(2 * HOUR);
    },
    code: 'ATLASSIAN_INVALID_GRANT',
    says: /refresh token/i,
    fix: /Reconnect/,
  },
  {
    name: 'revoke grants',
    breakIt: (s) => {
      s.control.revokeGrant();
      s.clock.advance(2 * HOUR);
    },
    code: 'ATLASSIAN_INVALID_GRANT',
    says: /refresh token/i,
    fix: /Reconnect/,
  },
  { name: 'advance clock past the 90-day idle window', breakIt: (s) => s.clock.advance(91 * DAY), code: 'ATLASSIAN_INVALID_GRANT', says: /refresh token|unused for 90 days/i, fix: /Reconnect/ },
  {
    name: 'rotate client secret of a BYO app (typed secret)',
    added: BYO,
    breakIt: rotateSecretOf(() => BYO.clientId),
    code: 'OAUTH_CLIENT_AUTH_FAILED',
    says: /^Needs reconnect: Atlassian rejected the client ID or client secret/,
    fix: /developer console .* reconnect/i,
  },
  {
    // The access token still works; only a refresh uses the secret — and Check connection refreshes.
    name: 'rotate client secret of a BYO app, checked at once',
    added: BYO,
    breakIt: rotateSecretOf(() => BYO.clientId, { thenWait: false }),
    code: 'OAUTH_CLIENT_AUTH_FAILED',
    says: /^Needs reconnect: Atlassian rejected the client ID or client secret/,
    fix: /developer console .* reconnect/i,
  },
  {
    name: 'rotate client secret of the managed app',
    breakIt: rotateSecretOf((s) => s.managedApp.clientId),
    code: 'OAUTH_CLIENT_AUTH_FAILED',
    // Reconnecting cannot help: the managed app's configuration must change.
    says: /^Error: Atlassian rejected the client ID or client secret/,
    fix: /managed OAuth app.*CONNECTDESK_MANAGED_CLIENT_SECRET/,
  },
];

describe('every sandbox failure switch is named in the diagnostics with its code and its fix', () => {
  it.each(cases)('$name → $code', async ({ breakIt, code, says, fix, added }) => {
    const { connectionId } = await signIn(h, draft(added));
    await breakIt(sandbox);
    const result = await h.services.checker.check(connectionId);
    expect(result.ok).toBe(false);

    const d = await buildConnectionDiagnostics(h.ctx, connectionId);
    expect(d.verdict.healthy).toBe(false);
    expect(d.verdict.cause?.code).toBe(code);
    expect(`${d.verdict.headline} ${d.verdict.cause?.message}`).toMatch(says);
    expect(d.verdict.cause?.remediation ?? '').toMatch(fix);
    // The evidence is there too: the last check failed at a named step with the same code.
    expect(d.lastCheck?.steps.find((step) => step.outcome === 'failed')?.error?.code).toBe(code);
  });

  it('grant fewer scopes → SCOPE_MISSING with the scope and what it breaks', async () => {
    sandbox.control.setSwitches({ grantFewerScopes: ['search:confluence'] });
    const { connectionId } = await signIn(h, draft());
    await h.services.checker.check(connectionId);
    const d = await buildConnectionDiagnostics(h.ctx, connectionId);
    expect(d.verdict.cause).toMatchObject({ code: 'SCOPE_MISSING', remediation: expect.stringMatching(/Reconnect/i) });
    expect(d.verdict.headline).toContain('search:confluence');
    expect(d.scopes.missing.map((m) => m.breaks)).toEqual(['Search: searching Confluence (CQL) fails']);
  });

  it('refresh endpoint omits the refresh token → still healthy, and the history says the current one is kept', async () => {
    sandbox.control.setSwitches({ refreshEndpoint: 'omit-refresh-token' });
    const { connectionId } = await signIn(h, draft());
    sandbox.clock.advance(2 * HOUR);
    expect((await h.services.checker.check(connectionId)).ok).toBe(true);
    const d = await buildConnectionDiagnostics(h.ctx, connectionId);
    expect(d.verdict.healthy).toBe(true);
    expect(d.events.find((e) => e.type === 'refreshed')?.detail).toMatch(/current one is kept/);
  });

  it.each([
    { name: 'codes expire at once', switches: { expireCodesImmediately: true }, code: 'OAUTH_CODE_EXPIRED' },
    { name: 'state tampered', switches: { tamperState: true }, code: 'OAUTH_STATE_MISMATCH' },
  ])('sign-in switches ($name): the verdict names the failed sign-in and its fix; the connection itself stays Connected', async ({ switches, code }) => {
    const { connectionId } = await signIn(h, draft());
    sandbox.control.setSwitches(switches);
    h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
    const end = await h.finished(h.coordinator.begin(draft({ reconnectConnectionId: connectionId })).attemptId);
    expect(end.error?.code).toBe(code);
    const d = await buildConnectionDiagnostics(h.ctx, connectionId);
    expect(d.events[0]).toMatchObject({ type: 'signed-in', outcome: 'failed', error: { code, remediation: expect.any(String) } });
    expect(d.connection.status).toBe('connected');
    expect(d.verdict.headline).toMatch(/^Sign-in failed: /);
    expect(d.verdict.cause).toMatchObject({ code, remediation: expect.stringMatching(/Connect/) });
  });
});
