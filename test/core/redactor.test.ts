/**
 * The Redactor's edges: URLs (callback with the code in the query or fragment, `+` and `%20`,
 * nested redirect URIs, user-info), headers (allow-list, Authorization, cookies, Location), bodies
 * (form, JSON at any depth and in arrays, text, cut), text (known secrets in every encoding, token
 * shapes), fingerprints — and the scanner that checks what it missed.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../main/core/diagnostics/redaction.js';
import { describeFinding, findSecrets } from '../../main/core/diagnostics/secret-scanner.js';

const R = '«redacted»';
const KNOWN = 'known-secret+/= ü 42';
const fakeJwt = (seed: string) =>
  [{ alg: 'HS256', typ: 'JWT' }, { sub: seed, scope: 'read' }].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.') + '.c2lnbmF0dXJl_' + seed;

const redactor = () => {
  const r = new Redactor({ fingerprintKey: 'test-key' });
  r.remember(KNOWN);
  return r;
};

describe('url()', () => {
  it('keeps scheme, host and path; replaces the code, fingerprints the state; the fragment too', () => {
    const r = redactor();
    const url = r.url('http://localhost:47615/oauth/callback?code=abc.DEF-123&state=st4te-value#access_token=tok&id_token=x&token_type=Bearer');
    expect(url).toBe(`http://localhost:47615/oauth/callback?code=${R}&state=${r.fingerprint('st4te-value')}#access_token=${R}&id_token=${R}&token_type=Bearer`);
    expect(r.fingerprint('st4te-value')).toMatch(/^fp:[0-9a-f]{8}$/);
  });

  it('keeps other values as they were encoded (`+` and `%20`), and decodes secret values before fingerprinting', () => {
    const r = redactor();
    expect(r.url('https://auth.example/authorize?scope=read%3Aconfluence%20write+offline_access&state=a%20b+c&client_secret=s%2Bx+y')).toBe(
      `https://auth.example/authorize?scope=read%3Aconfluence%20write+offline_access&state=${r.fingerprint('a b c')}&client_secret=${R}`,
    );
    // Encoded field names are recognised too.
    expect(r.url('https://x.test/cb?client%5Fsecret=abc&Code=xyz')).toBe(`https://x.test/cb?client%5Fsecret=${R}&Code=${R}`);
  });

  it('redacts a callback URL nested in another URL, a password in the user-info, and known secrets anywhere', () => {
    const r = redactor();
    const nested = r.url(`https://login.example/continue?next=${encodeURIComponent('http://localhost/cb?code=inner-code&state=s1')}&x=1`);
    expect(nested).not.toContain('inner-code');
    expect(decodeURIComponent(nested)).toContain(`code=${R}`);
    expect(r.url('https://user:p4ss@host.test/path')).toBe(`https://user:${R}@host.test/path`);
    expect(r.url(`https://host.test/a/${encodeURIComponent(KNOWN)}?q=${encodeURIComponent(KNOWN)}#${KNOWN}`)).toBe(`https://host.test/a/${R}?q=${R}#${R}`);
  });

  it('callbackUrl() drops the query and the fragment entirely', () => {
    const r = redactor();
    expect(r.callbackUrl('http://localhost:47615/oauth/callback?code=abc&state=xyz#access_token=t')).toBe('http://localhost:47615/oauth/callback');
    expect(r.callbackUrl('http://localhost:47615/oauth/callback#code=abc')).toBe('http://localhost:47615/oauth/callback');
  });
});

describe('headers()', () => {
  it('keeps only the allow-list, lower-cased; Authorization keeps its scheme; cookies their names; Location is a redacted URL', () => {
    const r = redactor();
    const jwt = fakeJwt('h1');
    const kept = r.headers(
      {
        Authorization: `Bearer ${jwt}`,
        'Proxy-Authorization': 'opaque-credential-value',
        Cookie: 'sid=abc123; theme=dark',
        'Set-Cookie': 'session=xyz789; Path=/; HttpOnly',
        Location: 'http://localhost/cb?code=c0de&state=s',
        'X-Api-Key': 'not-in-the-allow-list',
        'Retry-After': '30',
      },
      ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'location', 'retry-after'],
    );
    expect(kept).toEqual({
      authorization: `Bearer ${R}`,
      'proxy-authorization': R,
      cookie: `sid=${R}; theme=${R}`,
      'set-cookie': `session=${R}; Path=/; HttpOnly`,
      location: `http://localhost/cb?code=${R}&state=${r.fingerprint('s')}`,
      'retry-after': '30',
    });
  });

  it('reads a Headers object too, and redacts known secrets in any kept header', () => {
    const r = redactor();
    const headers = new Headers({ authorization: `Basic ${Buffer.from(`id:${KNOWN}`).toString('base64')}`, 'www-authenticate': `Bearer error="invalid_token", note="${KNOWN}"` });
    expect(r.headers(headers, ['authorization', 'www-authenticate'])).toEqual({ authorization: `Basic ${R}`, 'www-authenticate': `Bearer error="invalid_token", note="${R}"` });
  });
});

describe('body()', () => {
  it('JSON: secret fields at any depth, in arrays, in camelCase; error codes and ordinary values kept; state fingerprinted', () => {
    const r = redactor();
    const body = {
      access_token: fakeJwt('a'),
      refresh_token: 'opaque-refresh',
      expires_in: 3600,
      nested: { deeper: [{ refreshToken: 'r1' }, { clientSecret: 's1', keep: 'visible' }], tokens: ['t1', 't2'] },
      token: ['in', 'an', 'array'],
      error: { code: 'OAUTH_CODE_REJECTED', message: 'Invalid authorization code' },
      state: 'st',
      note: `see ${KNOWN}`,
      raw: '{"client_secret":"embedded"}',
    };
    expect(JSON.parse(r.body(JSON.stringify(body), 'application/json; charset=utf-8'))).toEqual({
      access_token: R,
      refresh_token: R,
      expires_in: 3600,
      nested: { deeper: [{ refreshToken: R }, { clientSecret: R, keep: 'visible' }], tokens: ['t1', 't2'] },
      token: [R, R, R],
      error: { code: 'OAUTH_CODE_REJECTED', message: 'Invalid authorization code' },
      state: r.fingerprint('st'),
      note: `see ${R}`,
      raw: `{"client_secret":"${R}"}`,
    });
    // A top-level array, without a content type.
    expect(JSON.parse(r.body('[{"code":"abc"},{"password":"p"}]', null))).toEqual([{ code: R }, { password: R }]);
  });

  it('form: secret fields redacted, the client ID masked but its last 4, other values kept byte for byte (`+`, `%20`)', () => {
    const r = redactor();
    const form = 'grant_type=authorization_code&code=c0de&code_verifier=v3r&client_id=my-app-7f3a&client_secret=s%2B1&redirect_uri=http%3A%2F%2Flocalhost%2Fcb&scope=a+b%20c';
    expect(r.body(form, 'application/x-www-form-urlencoded')).toBe(
      `grant_type=authorization_code&code=${R}&code_verifier=${R}&client_id=••••7f3a&client_secret=${R}&redirect_uri=http%3A%2F%2Flocalhost%2Fcb&scope=a+b%20c`,
    );
  });

  it('the client ID is masked but its last 4 wherever it is a field: authorize URL, JSON body', () => {
    const r = redactor();
    expect(r.url('https://auth.example/authorize?audience=api&client_id=connectdesk-managed&state=s1')).toMatch(/^https:\/\/auth\.example\/authorize\?audience=api&client_id=••••aged&state=fp:[0-9a-f]{8}$/);
    expect(JSON.parse(r.body('{"client_id":"connectdesk-managed","grant_type":"refresh_token"}', 'application/json'))).toEqual({ client_id: '••••aged', grant_type: 'refresh_token' });
  });

  it('text: token shapes, labelled values and known secrets; cut after redacting', () => {
    const r = redactor();
    const text = `Authorization: Bearer ${fakeJwt('t')} then ${fakeJwt('u')} and ATATT3xFfGF0abcdefghijklmnopqrstuvwxyz and refresh_token=rt1, ${KNOWN}`;
    expect(r.body(text, 'text/plain')).toBe(`Authorization: Bearer ${R} then ${R} and ${R} and refresh_token=${R}, ${R}`);
    const long = `${'x'.repeat(30)} ${KNOWN}`;
    expect(r.body(long, 'text/plain', 20)).toBe(`${'x'.repeat(20)}… [${long.length - KNOWN.length + R.length - 20} more characters not kept]`);
    expect(r.body('{not json, code=abc', 'application/json')).toBe(`{not json, code=${R}`);
  });
});

describe('text()', () => {
  it('removes a remembered secret in clear, JSON-escaped, URL- and form-encoded, base64 and base64url at every alignment, and hex', () => {
    const r = redactor();
    const bytes = Buffer.from(KNOWN);
    const forms = [
      KNOWN,
      JSON.stringify(KNOWN).slice(1, -1).replace(/\//g, '\\/'),
      encodeURIComponent(KNOWN),
      encodeURIComponent(KNOWN).toLowerCase(),
      new URLSearchParams({ v: KNOWN }).toString().slice(2),
      ...[0, 1, 2].flatMap((pad) => ['base64', 'base64url'].map((enc) => Buffer.concat([Buffer.alloc(pad, 0x41), bytes]).toString(enc as BufferEncoding))),
      bytes.toString('hex'),
    ];
    for (const form of forms) {
      const out = r.text(`before ${form} after`);
      expect(out, form).toContain(R);
      expect(findSecrets(out, [KNOWN]), form).toEqual([]);
    }
  });

  it('redacts a secret remembered just before, while thousands of others still wait to be indexed', () => {
    const r = redactor();
    for (let i = 0; i < 2000; i++) r.remember(`bulk-secret-${i}-${'x'.repeat(40)}`);
    r.remember('the-last-one-remembered');
    expect(r.text(`a the-last-one-remembered b bulk-secret-1999-${'x'.repeat(40)} c`)).toBe(`a ${R} b ${R} c`);
    expect(r.knownSecrets()).toHaveLength(2002);
  });

  it('ignores too-short secrets, keeps harmless values, and is idempotent', () => {
    const r = redactor();
    r.remember('short');
    expect(r.text('a short note')).toBe('a short note');
    expect(r.text('code=OAUTH_CODE_REJECTED state=fp:0123abcd token_type=Bearer')).toBe('code=OAUTH_CODE_REJECTED state=fp:0123abcd token_type=Bearer');
    const once = r.text(`{ refresh_token: 'abc' } "access_token":"def" code=ghi&state=jkl Basic dXNlcjpwYXNzd29yZA==`);
    expect(once).toBe(`{ refresh_token: '${R}' } "access_token":"${R}" code=${R}&state=${r.fingerprint('jkl')} Basic ${R}`);
    expect(r.text(once)).toBe(once);
  });
});

describe('fingerprint()', () => {
  it('is fp: + 8 hex, stable for one key, different for another key', () => {
    const a = new Redactor({ fingerprintKey: 'key-a' });
    expect(a.fingerprint('secret')).toMatch(/^fp:[0-9a-f]{8}$/);
    expect(a.fingerprint('secret')).toBe(new Redactor({ fingerprintKey: 'key-a' }).fingerprint('secret'));
    expect(a.fingerprint('secret')).not.toBe(new Redactor({ fingerprintKey: 'key-b' }).fingerprint('secret'));
    expect(a.fingerprint('secret')).not.toBe(a.fingerprint('secret2'));
  });
});

describe('findSecrets() (self-check: it can fail)', () => {
  it('finds a planted known secret and token shapes, says where (JSON path) and what — never the value', () => {
    const doc = JSON.stringify({
      connections: [{ name: 'ok', description: `pasted ${KNOWN}`, traces: [{ responseBody: `{"refresh_token":"rt-value-1"}` }] }],
      logs: { lines: [`Authorization: Bearer abcdefghijklmnop`, `jwt ${fakeJwt('z')}`, 'code=abc123'] },
      secrets: { clientSecret: 'not-a-fingerprint', accessToken: 'fp:0123abcd' },
      error: { code: 'OAUTH_CODE_REJECTED' },
      status: { state: 'connected' },
    });
    const findings = findSecrets(doc, [KNOWN]);
    expect(findings).toEqual([
      { kind: 'known-secret', encoding: 'clear', path: '$.connections[0].description', offset: 7 },
      { kind: 'refresh_token', path: '$.connections[0].traces[0].responseBody', offset: 18 },
      { kind: 'authorization-header', path: '$.logs.lines[0]', offset: 22 },
      { kind: 'jwt', path: '$.logs.lines[1]', offset: 4 },
      { kind: 'code', path: '$.logs.lines[2]', offset: 5 },
      { kind: 'client_secret', path: '$.secrets.clientSecret', offset: 0 },
    ]);
    const words = findings.map(describeFinding).join('\n');
    expect(words).toContain('a secret ConnectDesk holds (clear) at $.connections[0].description');
    for (const value of [KNOWN, 'rt-value-1', 'abcdefghijklmnop', 'abc123', 'not-a-fingerprint']) expect(words).not.toContain(value);
  });

  it('reports offsets in plain text, and nothing in redacted text', () => {
    expect(findSecrets(`x ${KNOWN}`, [KNOWN])).toEqual([{ kind: 'known-secret', encoding: 'clear', offset: 2 }]);
    const r = redactor();
    expect(findSecrets(r.text(`x ${KNOWN} refresh_token=abc Bearer abcdefghijk`), [KNOWN])).toEqual([]);
  });
});
