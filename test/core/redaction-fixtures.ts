/**
 * For the redaction test: an echo server that answers with everything it was sent (and adds
 * secrets of its own in headers and bodies), secrets the redactor is never told, and requests
 * that put secrets in every header, URL part and body kind.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FetchLike } from '../../main/core/oauth/token-client.js';

/** "+", "/" and "=" encode differently in URLs, forms and JSON: every encoding gets its own form. */
const opaque = (prefix: string): string => `${prefix}+${randomBytes(12).toString('hex')}/Zq=`;
const jwt = (subject: string): string =>
  [{ alg: 'RS256', typ: 'JWT' }, { sub: subject, jti: randomBytes(8).toString('hex') }].map((p) => Buffer.from(JSON.stringify(p)).toString('base64url')).join('.') +
  `.${randomBytes(32).toString('base64url')}`;

/** Secrets the redactor is never told: they can only be caught by where they sit or what they look like. */
export function seedUnknownSecrets() {
  return {
    queryClientSecret: opaque('q-client-secret'),
    queryCode: opaque('q-code'),
    queryAccessToken: opaque('q-access-token'),
    fragmentAccessToken: opaque('f-access-token'),
    fragmentIdToken: jwt('fragment-id-token'),
    bearerJwt: jwt('bearer'),
    basicPassword: opaque('basic-password'),
    cookieValue: opaque('cookie'),
    formRefreshToken: opaque('form-refresh-token'),
    formClientSecret: opaque('form-client-secret'),
    formCodeVerifier: opaque('form-code-verifier'),
    formPassword: opaque('form-password'),
    jsonNestedRefreshToken: opaque('json-refresh-token'),
    jsonCamelClientSecret: opaque('json-client-secret'),
    jsonArrayToken: opaque('json-array-token'),
    textJwt: jwt('text'),
    textAtlassianToken: `ATATT3xFfGF0${randomBytes(30).toString('hex')}`,
    textBearer: opaque('text-bearer'),
    textCode: opaque('text-code'),
    responseAccessToken: opaque('r-access-token'),
    responseRefreshToken: opaque('r-refresh-token'),
    responseIdToken: jwt('response-id-token'),
    locationCode: opaque('location-code'),
    setCookieValue: opaque('set-cookie'),
    responseTextRefreshToken: opaque('r-text-refresh-token'),
  };
}
export type UnknownSecrets = ReturnType<typeof seedUnknownSecrets>;

/**
 * Answers every request with what it received (method, URL, headers, body) plus tokens of its own,
 * a Location carrying a code and a fragment token, cookies, and a known secret in a traced header.
 * A text/plain request gets a text/plain 401. Configure what it adds with `answer`.
 */
export async function echoServer(): Promise<Server & { url: string; answer: { unknown?: UnknownSecrets; known?: string } }> {
  const answer: { unknown?: UnknownSecrets; known?: string } = {};
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const u = answer.unknown;
      const headers: Record<string, string> = {
        'x-failure-category': answer.known ?? 'none',
        'retry-after': '30',
        location: `http://localhost:47615/oauth/callback?code=${encodeURIComponent(u?.locationCode ?? '')}&state=echo-state#id_token=${u?.responseIdToken ?? ''}`,
        'set-cookie': `session=${u?.setCookieValue ?? ''}; Path=/; HttpOnly`,
        'www-authenticate': `Bearer error="invalid_token", error_description="the client secret ${answer.known ?? ''} expired"`,
      };
      if (request.headers['content-type']?.startsWith('text/plain')) {
        response.writeHead(401, { ...headers, 'content-type': 'text/plain' });
        response.end(`Bearer ${u?.textBearer ?? ''} rejected; refresh_token=${u?.responseTextRefreshToken ?? ''}; echo: ${body}`);
        return;
      }
      response.writeHead(200, { ...headers, 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          echo: { method: request.method, url: request.url, headers: request.headers, body },
          access_token: u?.responseAccessToken,
          refresh_token: u?.responseRefreshToken,
          id_token: u?.responseIdToken,
          note: Buffer.from(answer.known ?? '').toString('base64'),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(server, { url: `http://127.0.0.1:${port}`, answer });
}

/**
 * Four calls through `fetch` (the tracing fetch): a GET with secrets in the query, the fragment,
 * Authorization (Bearer), a cookie and traced headers; a form POST with Basic auth; a nested JSON
 * POST; a text/plain POST. Known secrets go where nothing says "secret".
 */
export async function sendEverywhere(fetch: FetchLike, baseUrl: string, seeded: { known: [string, string]; unknown: UnknownSecrets }): Promise<void> {
  const [k0, k1] = seeded.known;
  const u = seeded.unknown;
  const enc = encodeURIComponent;
  const query =
    `client_secret=${enc(u.queryClientSecret)}&code=${enc(u.queryCode)}&state=st4te-${randomBytes(4).toString('hex')}` +
    `&access_token=${enc(u.queryAccessToken)}&scope=read%20write+offline_access&other=${enc(k0)}`;
  const fragment = `access_token=${enc(u.fragmentAccessToken)}&id_token=${u.fragmentIdToken}&token_type=Bearer`;
  const calls: Array<[string, RequestInit]> = [
    [
      `${baseUrl}/api/get?${query}#${fragment}`,
      { headers: { authorization: `Bearer ${u.bearerJwt}`, cookie: `sid=${u.cookieValue}; theme=dark`, 'atl-traceid': k0, 'x-note': k1 } },
    ],
    [
      `${baseUrl}/oauth/token`,
      {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`client-id:${u.basicPassword}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: u.formRefreshToken,
          client_secret: u.formClientSecret,
          code_verifier: u.formCodeVerifier,
          password: u.formPassword,
          note: k0,
        }),
      },
    ],
    [
      `${baseUrl}/api/json`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'authorization_code',
          nested: { deeper: [{ refresh_token: u.jsonNestedRefreshToken }, { clientSecret: u.jsonCamelClientSecret, keep: 'visible' }] },
          token: [u.jsonArrayToken],
          note: Buffer.from(k1).toString('base64'),
          text: `jwt ${u.textJwt}`,
        }),
      },
    ],
    [
      `${baseUrl}/api/text`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: `api token ${u.textAtlassianToken}; Authorization: Bearer ${u.textBearer}; code=${u.textCode}; hex ${Buffer.from(k0).toString('hex')}`,
      },
    ],
  ];
  for (const [url, init] of calls) {
    const response = await fetch(url, init);
    await response.text();
  }
}
