import { describe, expect, it } from 'vitest';
import { bearerGet, connect, useTestSandbox, } from './sandbox-test-kit.js';

const sb = useTestSandbox();

const ACME = 'a3f1c9e2-7b4d-4e8a-9c61-2d5e8f0b1a01';
const ACME_DOCS = 'b7d24e10-3c9a-4f6e-8b12-5a7c9e1d2b02';
const ACME_TRACKER = 'c91e5a37-0d6b-4c2f-a8e4-7f3b1d6c9e03';
const SOLO_NOTES = 'd4a8f2b6-1e3c-4d7a-b5f9-0c2e6a8d4f04';

interface Resource {
  id: string;
  name: string;
  url: string;
  scopes: string[];
  avatarUrl: string;
}

async function resources(token: string): Promise<Resource[]> {
  const response = await bearerGet(sb, '/oauth/token/accessible-resources', token);
  expect(response.status).toBe(200);
  return (await response.json()) as Resource[];
}

const wiki = (cloudId: string, path: string): string => `/ex/confluence/${cloudId}/wiki${path}`;

async function expectScopeMismatch(response: Response): Promise<void> {
  expect(response.status).toBe(401);
  expect(response.headers.get('x-failure-category')).toBe('FAILURE_CLIENT_SCOPE_CHECK');
  expect(await response.json()).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
}

describe('accessible-resources', () => {
  it('lists the user\'s sites with product-specific scopes', async () => {
    const { access_token } = await connect(sb);
    const sites = await resources(access_token);
    expect(sites.map((s) => s.id).sort()).toEqual([ACME, ACME_DOCS, ACME_TRACKER].sort());
    const acme = sites.find((s) => s.id === ACME);
    expect(acme).toMatchObject({ name: 'Acme', url: 'https://acme.atlassian.net' });
    expect(acme?.avatarUrl).toMatch(/^https:\/\//);
    expect(acme?.scopes.sort()).toEqual(['read:confluence-content.summary', 'read:confluence-space.summary', 'search:confluence']);
    const tracker = sites.find((s) => s.id === ACME_TRACKER);
    expect(tracker?.scopes.length).toBeGreaterThan(0);
    expect(tracker?.scopes.every((s) => s.includes('jira'))).toBe(true);
    expect(tracker?.scopes).toContain('read:jira-work');
  });

  it('answers in random order', async () => {
    const { access_token } = await connect(sb);
    const orders = new Set<string>();
    for (let i = 0; i < 40 && orders.size < 2; i += 1) orders.add((await resources(access_token)).map((s) => s.id).join(','));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('solo has one Confluence site, jira-only only Jira, nosite nothing', async () => {
    const solo = await resources((await connect(sb, { email: 'solo@example.com' })).access_token);
    expect(solo.filter((s) => s.scopes.some((x) => x.includes('confluence'))).map((s) => s.id)).toEqual([SOLO_NOTES]);
    const jira = await resources((await connect(sb, { email: 'jira-only@example.com' })).access_token);
    expect(jira.map((s) => s.id)).toEqual([ACME_TRACKER]);
    expect(jira[0]?.scopes.some((s) => s.includes('confluence'))).toBe(false);
    expect(await resources((await connect(sb, { email: 'nosite@example.com' })).access_token)).toEqual([]);
  });

  it('invalid, expired, expired-on-demand and revoked tokens → 401', async () => {
    expect((await bearerGet(sb, '/oauth/token/accessible-resources', 'garbage')).status).toBe(401);
    expect((await fetch(`${sb.url}/oauth/token/accessible-resources`)).status).toBe(401);
    const { access_token } = await connect(sb);
    const [head, body] = access_token.split('.');
    expect((await bearerGet(sb, '/oauth/token/accessible-resources', `${head}.${body}.forged`)).status).toBe(401);

    sb.clock.advance(3600_000 + 1);
    expect((await bearerGet(sb, '/oauth/token/accessible-resources', access_token)).status).toBe(401);

    const second = await connect(sb);
    expect(sb.control.expireAccessTokens()).toBeGreaterThan(0);
    expect((await bearerGet(sb, '/oauth/token/accessible-resources', second.access_token)).status).toBe(401);

    const third = await connect(sb, { email: 'solo@example.com' });
    expect(sb.control.revokeGrant({ email: 'solo@example.com' })).toBe(1);
    expect((await bearerGet(sb, '/oauth/token/accessible-resources', third.access_token)).status).toBe(401);
  });
});

describe('Confluence gateway', () => {
  it('user/current identifies the account with any valid token for the site', async () => {
    const { access_token } = await connect(sb, { scopes: ['search:confluence'] });
    const response = await bearerGet(sb, wiki(ACME, '/rest/api/user/current'), access_token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ type: 'known', accountId: '557058:6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', displayName: 'Dana Demo' });
  });

  it('enforces each endpoint\'s scope with 401 "scope does not match"', async () => {
    const { access_token } = await connect(sb, { scopes: ['search:confluence'] });
    await expectScopeMismatch(await bearerGet(sb, wiki(ACME, '/rest/api/space'), access_token));
    await expectScopeMismatch(await bearerGet(sb, wiki(ACME, '/rest/api/content'), access_token));
    await expectScopeMismatch(await bearerGet(sb, wiki(ACME, '/api/v2/spaces'), access_token));
    const search = await bearerGet(sb, wiki(ACME, '/rest/api/search?cql=text%20~%20%22release%22'), access_token);
    expect(search.status).toBe(200);
    const found = (await search.json()) as { results: Array<{ title: string }> };
    expect(found.results.map((r) => r.title)).toEqual(['Release process']);
  });

  it('serves spaces, content and v2 spaces with the right scopes', async () => {
    const { access_token } = await connect(sb, {
      scopes: ['read:confluence-space.summary', 'read:confluence-content.summary', 'read:space:confluence'],
    });
    const spaces = (await (await bearerGet(sb, wiki(ACME_DOCS, '/rest/api/space'), access_token)).json()) as { results: Array<{ key: string }> };
    expect(spaces.results.map((s) => s.key)).toEqual(['DOCS']);
    const content = await bearerGet(sb, wiki(ACME, '/rest/api/content?spaceKey=HR'), access_token);
    expect(((await content.json()) as { results: Array<{ title: string }> }).results.map((p) => p.title)).toEqual(['Holiday calendar']);
    const v2 = await bearerGet(sb, wiki(ACME, '/api/v2/spaces'), access_token);
    expect(v2.status).toBe(200);
    // Classic scopes do not open the v2 API.
    const classicOnly = await connect(sb, { scopes: ['read:confluence-space.summary'] });
    await expectScopeMismatch(await bearerGet(sb, wiki(ACME, '/api/v2/spaces'), classicOnly.access_token));
  });

  it('a double slash in the path fails the scope check', async () => {
    const { access_token } = await connect(sb);
    await expectScopeMismatch(await bearerGet(sb, `/ex/confluence/${ACME}/wiki//rest/api/space`, access_token));
    await expectScopeMismatch(await bearerGet(sb, `/ex/confluence/${ACME}//wiki/rest/api/space`, access_token));
  });

  it('sites the user cannot reach → 401, unknown cloudId → 404, bad token → 401 without scope header', async () => {
    const { access_token } = await connect(sb);
    expect((await bearerGet(sb, wiki(SOLO_NOTES, '/rest/api/space'), access_token)).status).toBe(401);
    expect((await bearerGet(sb, wiki(ACME_TRACKER, '/rest/api/space'), access_token)).status).toBe(401);
    expect((await bearerGet(sb, wiki('00000000-0000-0000-0000-000000000000', '/rest/api/space'), access_token)).status).toBe(404);
    const bad = await bearerGet(sb, wiki(ACME, '/rest/api/space'), 'nope');
    expect(bad.status).toBe(401);
    expect(bad.headers.get('x-failure-category')).toBeNull();
  });

  it('search without cql → 400; write check is a dry run needing write:confluence-content', async () => {
    const { access_token } = await connect(sb, { scopes: ['search:confluence', 'write:confluence-content'] });
    expect((await bearerGet(sb, wiki(ACME, '/rest/api/search'), access_token)).status).toBe(400);
    const post = (token: string): Promise<Response> =>
      fetch(`${sb.url}${wiki(ACME, '/rest/api/content')}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'page', title: 'Probe', space: { key: 'ENG' } }),
      });
    const created = await post(access_token);
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({ sandboxDryRun: true, title: 'Probe' });
    const readOnly = await connect(sb, { scopes: ['search:confluence'] });
    await expectScopeMismatch(await post(readOnly.access_token));
  });

  it('/me needs read:me', async () => {
    const without = await connect(sb);
    await expectScopeMismatch(await bearerGet(sb, '/me', without.access_token));
    const withMe = await connect(sb, { scopes: ['read:me'] });
    const me = await bearerGet(sb, '/me', withMe.access_token);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ account_id: '557058:6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', email: 'demo@example.com' });
  });
});
