import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCOPE_MISSING_REMEDIATION } from '../../main/core/services/connection-status.js';
import { startTestSandbox, type TestSandbox } from '../sandbox/sandbox-test-kit.js';
import { createHarness, draft, type Harness } from '../support/core-harness.js';

let sandbox: TestSandbox;
let h: Harness;

async function connect(scopes?: string[]): Promise<string> {
  h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
  const end = await h.finished(h.coordinator.begin(draft(scopes ? { scopes } : {})).attemptId);
  return end.connection!.id;
}

const outcomes = (steps: Array<{ name: string; outcome: string }>) => Object.fromEntries(steps.map((s) => [s.name, s.outcome]));

beforeEach(async () => {
  sandbox = await startTestSandbox();
  h = await createHarness(sandbox);
});
afterEach(() => sandbox.close());

describe('Check connection', () => {
  it('A1: a scope Atlassian did not grant → "missing permission" naming it; Update checked without changing anything', async () => {
    sandbox.control.setSwitches({ grantFewerScopes: ['search:confluence'] });
    const id = await connect();
    const result = await h.services.checker.check(id);
    expect(result.ok).toBe(false);
    expect(outcomes(result.steps)).toMatchObject({
      'Access token usable': 'passed',
      'View spaces': 'passed',
      Search: 'failed',
      'Update (nothing is changed)': 'passed',
      'Scopes granted as requested': 'failed',
    });
    const search = result.steps.find((s) => s.name === 'Search')!;
    expect(search.error).toMatchObject({ code: 'SCOPE_MISSING', message: expect.stringContaining('search:confluence') });
    expect(result.missingScopes).toEqual(['search:confluence']);
    expect(result.connection.status).toBe('error');
    expect(result.connection.statusReason?.code).toBe('SCOPE_MISSING');
    // A scope failure is never treated as an expired token: the one refresh is the check's own
    // proof of the client secret and refresh token, before any Confluence call.
    const refreshes = sandbox.control.tokenRequests().filter((r) => r.grantType === 'refresh_token');
    expect(refreshes).toHaveLength(1);
    expect(result.steps.find((s) => s.name === 'Client secret and refresh token accepted')).toMatchObject({ outcome: 'passed', detail: expect.stringMatching(/^Atlassian issued new tokens/) });
  });

  it('a revoked grant fails the token step itself, with Atlassian\'s words', async () => {
    const id = await connect();
    sandbox.control.revokeGrant();
    const result = await h.services.checker.check(id);
    const token = result.steps[0]!;
    expect(token).toMatchObject({ name: 'Access token usable', outcome: 'failed', error: { code: 'ATLASSIAN_INVALID_GRANT' } });
    expect(token.error?.detail).toMatch(/invalid_grant/);
    expect(result.connection.status).toBe('needs-reconnect');
  });

  it.each([
    { authType: 'managed' as const, added: {} },
    { authType: 'byo' as const, added: { authType: 'byo' as const, clientId: 'demo-byo-app', clientSecret: 'demo-byo-secret-0123' } },
  ])('a missing scope ($authType app): the API step, the scope step and the status give the one fix for that kind of app', async ({ authType, added }) => {
    sandbox.control.setSwitches({ grantFewerScopes: ['search:confluence'] });
    h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
    const id = (await h.finished(h.coordinator.begin(draft(added)).attemptId)).connection!.id;
    const result = await h.services.checker.check(id);
    const fixes = result.steps.filter((s) => s.error?.code === 'SCOPE_MISSING').map((s) => [s.name, s.error!.remediation]);
    expect(fixes).toEqual([
      ['Search', SCOPE_MISSING_REMEDIATION[authType]],
      ['Scopes granted as requested', SCOPE_MISSING_REMEDIATION[authType]],
    ]);
    expect(result.connection.statusReason?.remediation).toBe(SCOPE_MISSING_REMEDIATION[authType]);
  });

  it('groups that were not requested are skipped, not failed', async () => {
    const id = await connect(['read:confluence-space.summary', 'offline_access']);
    const result = await h.services.checker.check(id);
    expect(result.ok).toBe(true);
    expect(outcomes(result.steps)).toMatchObject({ 'View spaces': 'passed', Search: 'skipped', 'Update (nothing is changed)': 'skipped' });
  });

  it('rate limited → the step fails with the cause; the connection shows Error with its code', async () => {
    const id = await connect();
    sandbox.control.setSwitches({ api: 'rate-limited', retryAfterSeconds: 9223372036854775807 });
    const result = await h.services.checker.check(id);
    const failed = result.steps.find((s) => s.outcome === 'failed')!;
    expect(failed.error).toMatchObject({ code: 'ATLASSIAN_RATE_LIMITED', detail: 'HTTP 429, retry after 300s' });
    expect(result.connection.status).toBe('error');
    // No more calls once Atlassian asked to wait.
    expect(result.steps.filter((s) => s.outcome === 'failed')).toHaveLength(1);
    expect(result.steps.at(-1)?.outcome).toBe('skipped');
  });

  it('offline → Offline, steps after it skipped; back online → Connected', async () => {
    const id = await connect();
    sandbox.control.setSwitches({ offline: true });
    sandbox.control.expireAccessTokens();
    sandbox.clock.advance(2 * 60 * 60_000);
    const result = await h.services.checker.check(id);
    expect(result.connection.status).toBe('offline');
    expect(result.steps.filter((s) => s.outcome === 'skipped').length).toBeGreaterThan(0);
    sandbox.control.setSwitches({ offline: false });
    expect((await h.services.checker.check(id)).connection.status).toBe('connected');
  });

  it('checks a whole folder concurrently but bounded, one result per connection', async () => {
    const ids = [await connect(), await connect(), await connect()];
    const results = await h.services.checker.checkFolder('shared');
    expect(results.map((r) => r.connectionId)).toEqual(ids);
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it('shows Checking while a check runs, and never stores it', async () => {
    const id = await connect();
    const seen: boolean[] = [];
    const unsubscribe = h.events.length;
    const running = h.services.checker.check(id);
    seen.push(h.services.checker.checking.has(id));
    await running;
    seen.push(h.services.checker.checking.has(id));
    expect(seen).toEqual([true, false]);
    expect(h.store.getConnection(id).status.state).toBe('connected');
    expect(h.events.slice(unsubscribe).filter((e) => e.type === 'connections:changed').length).toBeGreaterThanOrEqual(2);
  });
});
