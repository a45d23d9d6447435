import { describe, expect, it } from 'vitest';
import { confluenceCloud } from '../../main/core/connectors/confluence-cloud.js';
import { DEFAULT_SWITCHES, loadDefaultSeed, parseSeed, startSandbox } from '../../main/sandbox/index.js';
import { resolveSeed } from '../../main/sandbox/sandbox-seed.js';
import {
  CALLBACK_URL,
  TestBrowser,
  authorizePath,
  bearerGet,
  codeExchangeBody,
  connect,
  location,
  postToken,
  refreshBody,
  runConsent,
  useTestSandbox,
} from './sandbox-test-kit.js';

const sb = useTestSandbox();

const admin = (path: string, body?: unknown): Promise<Response> =>
  fetch(`${sb.url}/__admin/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });

describe('switches', () => {
  it('offline: non-admin requests get no answer at all; admin keeps working', async () => {
    sb.control.setSwitches({ offline: true });
    await expect(fetch(`${sb.url}/authorize`)).rejects.toThrow();
    await expect(postToken(sb, { grant_type: 'refresh_token' })).rejects.toThrow();
    await expect(fetch(`${sb.url}/oauth/token/accessible-resources`)).rejects.toThrow();
    const switches = await admin('switches');
    expect(switches.status).toBe(200);
    expect(((await switches.json()) as { offline: boolean }).offline).toBe(true);
    expect((await admin('switches', { offline: false })).status).toBe(200);
    expect((await fetch(`${sb.url}/`)).status).toBe(200);
  });

  it('tamperState: the callback carries a different state (accept and cancel)', async () => {
    sb.control.setSwitches({ tamperState: true });
    const accepted = await runConsent(sb, { state: 'mine' });
    expect(accepted.searchParams.get('code')).toBeTruthy();
    expect(accepted.searchParams.get('state')).not.toBe('mine');
    expect(accepted.searchParams.get('state')).toBeTruthy();
    const cancelled = await runConsent(sb, { state: 'mine', decision: 'cancel' });
    expect(cancelled.searchParams.get('state')).not.toBe('mine');
  });

  it('tokenEndpoint server-error → 503, rate-limited → 429 with Retry-After: 30', async () => {
    const code = (await runConsent(sb)).searchParams.get('code') ?? '';
    sb.control.setSwitches({ tokenEndpoint: 'server-error' });
    expect((await postToken(sb, codeExchangeBody(sb, code))).status).toBe(503);
    sb.control.setSwitches({ tokenEndpoint: 'rate-limited' });
    const limited = await postToken(sb, codeExchangeBody(sb, code));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    sb.control.setSwitches({ tokenEndpoint: 'normal' });
    // Neither failure consumed the code.
    expect((await postToken(sb, codeExchangeBody(sb, code))).status).toBe(200);
  });
});

describe('admin endpoints', () => {
  it('POST /__admin/switches validates the patch with zod', async () => {
    expect((await admin('switches', { tokenEndpoint: 'sometimes' })).status).toBe(400);
    expect((await admin('switches', { offline: 'yes' })).status).toBe(400);
    expect((await admin('switches', { unknownSwitch: true })).status).toBe(400);
    const ok = await admin('switches', { tokenEndpoint: 'rate-limited', tamperState: true });
    expect(await ok.json()).toEqual({ ...DEFAULT_SWITCHES, tamperState: true, tokenEndpoint: 'rate-limited' });
    expect(sb.control.switches().tokenEndpoint).toBe('rate-limited');
  });

  it('POST /__admin/reset restores switches and forgets tokens and sessions', async () => {
    const browser = new TestBrowser(sb.url);
    const tokens = await connect(sb, { browser });
    sb.control.setSwitches({ tamperState: true, tokenEndpoint: 'server-error' });
    const reset = await admin('reset', {});
    expect(reset.status).toBe(200);
    expect(sb.control.switches()).toEqual({ offline: false, expireCodesImmediately: false, tamperState: false, tokenEndpoint: 'normal', refreshEndpoint: 'normal', api: 'normal', grantFewerScopes: [], retryAfterSeconds: 30 });
    expect(sb.control.tokenRequests()).toEqual([]);
    expect((await bearerGet(sb, '/oauth/token/accessible-resources', tokens.access_token)).status).toBe(401);
    expect((await postToken(sb, refreshBody(sb, tokens.refresh_token ?? ''))).status).toBe(403);
    expect(location(await browser.get(authorizePath()))).toMatch(/^\/login/);
  });

  it('POST /__admin/expire-access-tokens: access tokens fail, refresh still works', async () => {
    const tokens = await connect(sb);
    const response = await admin('expire-access-tokens', {});
    expect(await response.json()).toEqual({ expired: 1 });
    expect((await bearerGet(sb, '/oauth/token/accessible-resources', tokens.access_token)).status).toBe(401);
    const refreshed = (await (await postToken(sb, refreshBody(sb, tokens.refresh_token ?? ''))).json()) as { access_token: string };
    expect((await bearerGet(sb, '/oauth/token/accessible-resources', refreshed.access_token)).status).toBe(200);
  });

  it('POST /__admin/revoke-grants revokes matching grants only', async () => {
    const demo = await connect(sb);
    const solo = await connect(sb, { email: 'solo@example.com' });
    expect(await (await admin('revoke-grants', { email: 'demo@example.com' })).json()).toEqual({ revoked: 1 });
    expect((await postToken(sb, refreshBody(sb, demo.refresh_token ?? ''))).status).toBe(403);
    expect((await postToken(sb, refreshBody(sb, solo.refresh_token ?? ''))).status).toBe(200);
    expect((await admin('revoke-grants', { bogus: 1 })).status).toBe(400);
    expect(await (await admin('revoke-grants', {})).json()).toEqual({ revoked: 1 });
  });

  it('GET /__admin/token-requests returns the masked log', async () => {
    await connect(sb);
    const log = (await (await admin('token-requests')).json()) as Array<{ body: Record<string, string> }>;
    expect(log).toHaveLength(1);
    expect(log[0]?.body.client_secret).toBe('***');
    expect(log[0]?.body.state).toBeUndefined();
  });
});

describe('console, seed and startup', () => {
  it('GET / shows apps with secrets, the callback URL, users and switches', async () => {
    const html = await (await fetch(`${sb.url}/`)).text();
    for (const text of ['Sandbox developer console', 'connectdesk-managed', sb.managedApp.clientSecret, 'demo-byo-app', 'demo-byo-secret-0123', CALLBACK_URL, 'jira-only@example.com', 'nosite@example.com', 'prefers-color-scheme', 'tokenEndpoint']) {
      expect(html).toContain(text);
    }
    expect(html).toMatch(/<html lang="en">/);
  });

  it('the console form changes switches and redirects back', async () => {
    const response = await fetch(`${sb.url}/__admin/switches`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'tamperState=on&tokenEndpoint=server-error',
    });
    expect(response.status).toBe(303);
    expect(sb.control.switches()).toMatchObject({ tamperState: true, offline: false, tokenEndpoint: 'server-error' });
  });

  it('exposes the managed app and enables every catalogue scope on both apps', () => {
    expect(sb.managedApp).toEqual({ clientId: 'connectdesk-managed', clientSecret: expect.any(String), label: 'ConnectDesk (sandbox managed app)' });
    const resolved = resolveSeed(loadDefaultSeed(), CALLBACK_URL);
    for (const app of resolved.apps) {
      expect(app.redirectUris).toEqual([CALLBACK_URL]);
      for (const scope of confluenceCloud.scopes) expect(app.enabledScopes).toContain(scope.scope);
    }
  });

  it('refuses non-loopback hosts and invalid seeds', async () => {
    await expect(startSandbox({ host: '0.0.0.0', callbackUrl: CALLBACK_URL })).rejects.toThrow(/loopback/);
    const seed = loadDefaultSeed();
    expect(() => parseSeed({ ...seed, users: [{ ...seed.users[0], siteIds: ['nope'] }] })).toThrow(/unknown site/);
  });

  it('two sandboxes do not accept each other\'s tokens (per-start signing key)', async () => {
    const other = await startSandbox({ port: 0, callbackUrl: CALLBACK_URL });
    try {
      const tokens = await connect(sb);
      expect((await bearerGet(other, '/oauth/token/accessible-resources', tokens.access_token)).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});
