/** refreshEndpoint, api, grantFewerScopes and retryAfterSeconds, over real HTTP. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SWITCHES } from '../../main/sandbox/index.js';
import { MINUTE, bearerGet, connect, postToken, refreshBody, useTestSandbox, type TokenSet } from './sandbox-test-kit.js';

const sb = useTestSandbox();

const ACME = 'a3f1c9e2-7b4d-4e8a-9c61-2d5e8f0b1a01';
const gateway = (path: string): string => `/ex/confluence/${ACME}/wiki${path}`;
const RESOURCES = '/oauth/token/accessible-resources';

/** JSON sent as raw text, so numbers beyond double precision reach the server as written. */
const postSwitches = (raw: string): Promise<Response> =>
  fetch(`${sb.url}/__admin/switches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw });

async function refresh(token: string | undefined): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await postToken(sb, refreshBody(sb, token ?? ''));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('refreshEndpoint', () => {
  it("'reject' answers 403 invalid_grant without revoking: back on 'normal' the same token refreshes", async () => {
    const tokens = await connect(sb);
    sb.control.setSwitches({ refreshEndpoint: 'reject' });
    const rejected = await postToken(sb, refreshBody(sb, tokens.refresh_token ?? ''));
    expect(rejected.status).toBe(403);
    expect(await rejected.json()).toEqual({ error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' });
    // The access token is untouched too.
    expect((await bearerGet(sb, RESOURCES, tokens.access_token)).status).toBe(200);
    sb.control.setSwitches({ refreshEndpoint: 'normal' });
    const again = await refresh(tokens.refresh_token);
    expect(again.status).toBe(200);
    expect(again.body.refresh_token).toEqual(expect.any(String));
  });

  it("'omit-refresh-token' answers 200 without refresh_token and the old token keeps working", async () => {
    const tokens = await connect(sb);
    sb.control.setSwitches({ refreshEndpoint: 'omit-refresh-token' });
    const first = await refresh(tokens.refresh_token);
    expect(first.status).toBe(200);
    expect(first.body).not.toHaveProperty('refresh_token');
    expect(first.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: tokens.scope });
    expect((await bearerGet(sb, gateway('/rest/api/space'), String(first.body.access_token))).status).toBe(200);
    // Well past the 10-minute reuse leeway: had it been disabled, this would revoke the grant.
    sb.clock.advance(30 * MINUTE);
    expect((await refresh(tokens.refresh_token)).status).toBe(200);
    sb.control.setSwitches({ refreshEndpoint: 'normal' });
    sb.clock.advance(30 * MINUTE);
    const rotated = await refresh(tokens.refresh_token);
    expect(rotated.status).toBe(200);
    expect(rotated.body.refresh_token).toEqual(expect.any(String));
    expect((await refresh(String(rotated.body.refresh_token))).status).toBe(200);
  });

  it("'omit-refresh-token' still refuses unknown and revoked tokens", async () => {
    const tokens = await connect(sb);
    sb.control.setSwitches({ refreshEndpoint: 'omit-refresh-token' });
    expect((await refresh('sbx-rt.nope')).status).toBe(403);
    sb.control.revokeGrant();
    expect((await refresh(tokens.refresh_token)).body).toEqual({ error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' });
  });
});

describe('api', () => {
  it("'rate-limited': gateway and accessible-resources answer 429 with Retry-After and rate-limit headers", async () => {
    const tokens = await connect(sb);
    sb.control.setSwitches({ api: 'rate-limited' });
    for (const path of [gateway('/rest/api/space'), gateway('/api/v2/pages'), RESOURCES, '/me']) {
      const response = await bearerGet(sb, path, tokens.access_token);
      expect(response.status, path).toBe(429);
      expect(response.headers.get('retry-after')).toBe('30');
      expect(response.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/);
      expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(response.headers.get('x-ratelimit-interval-seconds')).toMatch(/^\d+$/);
    }
    // Before any token check, like a gateway in front of everything.
    expect((await fetch(`${sb.url}${RESOURCES}`)).status).toBe(429);
    // The token endpoint keeps its own switch.
    expect((await refresh(tokens.refresh_token)).status).toBe(200);
    sb.control.setSwitches({ api: 'normal' });
    expect((await bearerGet(sb, RESOURCES, tokens.access_token)).status).toBe(200);
  });

  it("'server-error': 503 with a small JSON body", async () => {
    const tokens = await connect(sb);
    sb.control.setSwitches({ api: 'server-error' });
    for (const path of [gateway('/rest/api/user/current'), RESOURCES]) {
      const response = await bearerGet(sb, path, tokens.access_token);
      expect(response.status, path).toBe(503);
      expect(response.headers.get('retry-after')).toBeNull();
      expect(await response.json()).toEqual({ code: 503, message: 'Service Unavailable' });
    }
  });
});

describe('grantFewerScopes', () => {
  it('new consents silently lack the listed scopes; the gateway answers 401 scope mismatch', async () => {
    const before = await connect(sb);
    sb.control.setSwitches({ grantFewerScopes: ['search:confluence'] });
    const after = await connect(sb);
    expect(after.scope.split(' ')).not.toContain('search:confluence');
    expect(after.scope.split(' ')).toContain('read:confluence-space.summary');
    const search = await bearerGet(sb, gateway('/rest/api/search?cql=text~%22x%22'), after.access_token);
    expect(search.status).toBe(401);
    expect(search.headers.get('x-failure-category')).toBe('FAILURE_CLIENT_SCOPE_CHECK');
    expect(await search.json()).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
    expect((await bearerGet(sb, gateway('/rest/api/space'), after.access_token)).status).toBe(200);
    const refreshed = await refresh(after.refresh_token);
    expect(String(refreshed.body.scope).split(' ')).not.toContain('search:confluence');

    // The grant made before the switch keeps its scopes.
    expect((await bearerGet(sb, gateway('/rest/api/search?cql=text~%22x%22'), before.access_token)).status).toBe(200);
    const old = (await refresh(before.refresh_token)).body as unknown as TokenSet;
    expect(old.scope.split(' ')).toContain('search:confluence');
  });

  it('dropping offline_access means no refresh token', async () => {
    sb.control.setSwitches({ grantFewerScopes: ['offline_access'] });
    const tokens = await connect(sb);
    expect(tokens.refresh_token).toBeUndefined();
  });
});

describe('retryAfterSeconds', () => {
  it('is used by both 429 switches; an absurd value passes through as written', async () => {
    const tokens = await connect(sb);
    const set = await postSwitches('{"retryAfterSeconds":9223372036854775807,"api":"rate-limited","tokenEndpoint":"rate-limited"}');
    expect(set.status).toBe(200);
    expect((await bearerGet(sb, gateway('/rest/api/space'), tokens.access_token)).headers.get('retry-after')).toBe('9223372036854775807');
    expect((await postToken(sb, refreshBody(sb, tokens.refresh_token ?? ''))).headers.get('retry-after')).toBe('9223372036854775807');
    sb.control.setSwitches({ retryAfterSeconds: 120 });
    expect((await postToken(sb, refreshBody(sb, tokens.refresh_token ?? ''))).headers.get('retry-after')).toBe('120');
    sb.control.setSwitches({ retryAfterSeconds: 0 });
    expect((await bearerGet(sb, RESOURCES, tokens.access_token)).headers.get('retry-after')).toBe('0');
  });

  it('the admin schema takes integers from 0 to 9223372036854775807 only', async () => {
    for (const raw of ['{"retryAfterSeconds":-1}', '{"retryAfterSeconds":1.5}', '{"retryAfterSeconds":1e20}', '{"retryAfterSeconds":"30"}']) {
      expect((await postSwitches(raw)).status, raw).toBe(400);
    }
    expect((await postSwitches('{"retryAfterSeconds":0}')).status).toBe(200);
  });
});

describe('admin patch and console', () => {
  it('validates the new switches', async () => {
    for (const raw of ['{"refreshEndpoint":"sometimes"}', '{"api":"down"}', '{"grantFewerScopes":"search:confluence"}', '{"grantFewerScopes":[""]}']) {
      expect((await postSwitches(raw)).status, raw).toBe(400);
    }
    const ok = await postSwitches('{"refreshEndpoint":"omit-refresh-token","api":"server-error","grantFewerScopes":["search:confluence"]}');
    expect(await ok.json()).toEqual({ ...DEFAULT_SWITCHES, refreshEndpoint: 'omit-refresh-token', api: 'server-error', grantFewerScopes: ['search:confluence'] });
  });

  it('the console lists and sets them', async () => {
    const html = await (await fetch(`${sb.url}/`)).text();
    for (const name of ['refreshEndpoint', 'omit-refresh-token', 'name="api"', 'grantFewerScopes', 'retryAfterSeconds', '/__admin/advance-clock']) expect(html).toContain(name);
    const response = await fetch(`${sb.url}/__admin/switches`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        tokenEndpoint: 'normal',
        refreshEndpoint: 'reject',
        api: 'rate-limited',
        grantFewerScopes: 'search:confluence  write:confluence-file',
        retryAfterSeconds: '9223372036854775807',
      }).toString(),
    });
    expect(response.status).toBe(303);
    expect(sb.control.switches()).toMatchObject({
      refreshEndpoint: 'reject',
      api: 'rate-limited',
      grantFewerScopes: ['search:confluence', 'write:confluence-file'],
      retryAfterSeconds: 9223372036854775807,
    });
  });

  it('switches() hands out copies', () => {
    sb.control.setSwitches({ grantFewerScopes: ['a'] });
    sb.control.switches().grantFewerScopes.push('b');
    expect(sb.control.switches().grantFewerScopes).toEqual(['a']);
    sb.control.reset();
    expect(sb.control.switches()).toEqual(DEFAULT_SWITCHES);
  });
});
