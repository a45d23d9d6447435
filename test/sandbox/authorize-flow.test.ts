import { describe, expect, it } from 'vitest';
import {
  CALLBACK_URL,
  TestBrowser,
  authorizePath,
  codeExchangeBody,
  hiddenRequestId,
  location,
  postToken,
  runConsent,
  useTestSandbox,
} from './sandbox-test-kit.js';

const sb = useTestSandbox();

describe('authorize → sign-in → consent → code → token', () => {
  it('walks the whole flow through the HTML forms and exchanges the code', async () => {
    const browser = new TestBrowser(sb.url);
    const start = await browser.get(authorizePath({ state: 'abc-state' }));
    expect(start.status).toBe(302);
    expect(location(start)).toMatch(/^\/login\?request=/);

    const signIn = await browser.get(location(start));
    const signInHtml = await signIn.text();
    expect(signIn.status).toBe(200);
    expect(signInHtml).toContain('<label for="email">Email</label>');
    expect(signInHtml).toContain('<label for="password">Password</label>');
    expect(signInHtml).toMatch(/<button[^>]*type="submit"[^>]*>Sign in<\/button>/);
    expect(signInHtml).toContain('demo@example.com');
    expect(signInHtml).toContain('connectdesk');
    expect(signInHtml).toContain('nosite@example.com');

    const posted = await browser.postForm('/login', {
      request: hiddenRequestId(signInHtml),
      email: 'demo@example.com',
      password: 'connectdesk',
    });
    expect(posted.status).toBe(302);
    expect(location(posted)).toMatch(/^\/consent\?request=/);
    const setCookie = posted.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).not.toMatch(/Max-Age|Expires/i);

    const consent = await browser.get(location(posted));
    const consentHtml = await consent.text();
    expect(consentHtml).toContain('ConnectDesk (sandbox managed app) is requesting access to your Atlassian account');
    expect(consentHtml).toContain('Dana Demo');
    expect(consentHtml).toContain('Switch account');
    expect(consentHtml).toContain('search:confluence');
    expect(consentHtml).toContain('Search Confluence.');
    expect(consentHtml).toMatch(/>Accept<\/button>/);
    expect(consentHtml).toMatch(/>Cancel<\/button>/);

    const accepted = await browser.postForm('/consent', { request: hiddenRequestId(consentHtml), decision: 'accept' });
    expect(accepted.status).toBe(302);
    const callback = new URL(location(accepted));
    expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK_URL);
    expect(callback.searchParams.get('state')).toBe('abc-state');
    const code = callback.searchParams.get('code');
    expect(code).toBeTruthy();

    const token = await postToken(sb, codeExchangeBody(sb, code ?? ''));
    expect(token.status).toBe(200);
    const body = (await token.json()) as Record<string, unknown>;
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(3600);
    expect(String(body.access_token).split('.')).toHaveLength(3);
    expect(body.scope).toBe('read:confluence-space.summary search:confluence read:confluence-content.summary offline_access');
    expect(typeof body.refresh_token).toBe('string');
  });

  it('skips sign-in for a signed-in browser, but a fresh browser partition is signed out', async () => {
    const browser = new TestBrowser(sb.url);
    await runConsent(sb, { browser });
    const again = await browser.get(authorizePath());
    expect(location(again)).toMatch(/^\/consent\?request=/);
    const fresh = await new TestBrowser(sb.url).get(authorizePath());
    expect(location(fresh)).toMatch(/^\/login\?request=/);
  });

  it('Cancel redirects with access_denied, the exact description encoding and the state', async () => {
    const callback = await runConsent(sb, { decision: 'cancel', state: 's-9' });
    expect(callback.search).toBe('?error=access_denied&error_description=User%20did%20not%20authorize&state=s-9');
    expect(callback.searchParams.has('code')).toBe(false);
  });

  it('a wrong password shows the sign-in page again with an error and no session', async () => {
    const browser = new TestBrowser(sb.url);
    const start = await browser.get(authorizePath());
    const page = await browser.get(location(start));
    const request = hiddenRequestId(await page.text());
    const wrong = await browser.postForm('/login', { request, email: 'demo@example.com', password: 'nope' });
    const html = await wrong.text();
    expect(wrong.status).toBe(200);
    expect(html).toContain('role="alert"');
    expect(html).toContain('Incorrect email address');
    expect(html).toContain(`value="${request}"`);
    expect(browser.cookies.size).toBe(0);
  });

  it('Switch account signs out and returns to sign-in with the same pending request', async () => {
    const browser = new TestBrowser(sb.url);
    await runConsent(sb, { browser });
    const start = await browser.get(authorizePath({ state: 'switch-state' }));
    const consentPath = location(start);
    const consentHtml = await (await browser.get(consentPath)).text();
    const switchHref = /href="(\/logout\?request=[^"]+)"/.exec(consentHtml)?.[1] ?? '';
    expect(switchHref).not.toBe('');
    const loggedOut = await browser.get(switchHref);
    expect(location(loggedOut)).toBe(`/login?request=${hiddenRequestId(consentHtml)}`);
    expect(browser.cookies.size).toBe(0);
    const signIn = await browser.postForm('/login', { request: hiddenRequestId(consentHtml), email: 'solo@example.com', password: 'connectdesk' });
    const consent2 = await (await browser.get(location(signIn))).text();
    expect(consent2).toContain('Sam Solo');
    const done = await browser.postForm('/consent', { request: hiddenRequestId(consent2), decision: 'accept' });
    expect(new URL(location(done)).searchParams.get('state')).toBe('switch-state');
  });

  it('keeps the request server-side: an unknown or already decided request id is refused', async () => {
    const browser = new TestBrowser(sb.url);
    await runConsent(sb, { browser });
    const forged = await browser.postForm('/consent', { request: 'forged', decision: 'accept', redirect_uri: 'https://evil.example/cb' });
    expect(forged.status).toBe(400);
    expect(forged.headers.get('location')).toBeNull();

    const start = await browser.get(authorizePath());
    const request = hiddenRequestId(await (await browser.get(location(start))).text());
    expect((await browser.postForm('/consent', { request, decision: 'accept' })).status).toBe(302);
    expect((await browser.postForm('/consent', { request, decision: 'accept' })).status).toBe(400);
  });
});

describe('/authorize refuses without redirecting', () => {
  const expectErrorPage = async (path: string, text: RegExp): Promise<void> => {
    const response = await fetch(`${sb.url}${path}`, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toMatch(text);
  };

  it('unknown client_id', async () => {
    await expectErrorPage(authorizePath({ clientId: 'who-am-i' }), /Invalid client_id/);
  });

  it('redirect_uri not byte-for-byte registered (trailing slash, other port, other host)', async () => {
    for (const uri of [`${CALLBACK_URL}/`, 'http://localhost:47616/oauth/callback', 'http://127.0.0.1:47615/oauth/callback']) {
      await expectErrorPage(authorizePath({ redirectUri: uri }), /redirect_uri is not registered/);
    }
  });

  it('scopes not enabled on the app, including scopes joined with "+"', async () => {
    await expectErrorPage(authorizePath({ scopes: ['read:jira-work'] }), /not enabled/);
    const plusJoined = authorizePath({ scopes: ['search:confluence'] }).replace('search%3Aconfluence', 'write%3Aconfluence-file+search%3Aconfluence');
    await expectErrorPage(plusJoined, /not enabled/);
  });

  it('missing state, wrong response_type, wrong audience, non-S256 PKCE', async () => {
    const base = authorizePath();
    await expectErrorPage(base.replace(/&state=[^&]*/, ''), /no state/);
    await expectErrorPage(base.replace('response_type=code', 'response_type=token'), /response_type/);
    await expectErrorPage(base.replace('audience=api.atlassian.com', 'audience=example.com'), /audience/);
    await expectErrorPage(`${base}&code_challenge=${'a'.repeat(43)}&code_challenge_method=plain`, /S256/);
  });
});
