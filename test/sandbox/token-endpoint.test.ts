import { describe, expect, it } from 'vitest';
import {
  CALLBACK_URL,
  DEFAULT_SCOPES,
  MINUTE,
  codeExchangeBody,
  postToken,
  pkcePair,
  runConsent,
  useTestSandbox,
} from './sandbox-test-kit.js';

const sb = useTestSandbox();

const freshCode = async (run: Parameters<typeof runConsent>[1] = {}): Promise<string> =>
  (await runConsent(sb, run)).searchParams.get('code') ?? '';

describe('authorization_code grant', () => {
  it('accepts JSON and form-urlencoded bodies', async () => {
    for (const format of ['json', 'form'] as const) {
      const response = await postToken(sb, codeExchangeBody(sb, await freshCode()), format);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { token_type: string }).token_type).toBe('Bearer');
    }
    expect(sb.control.tokenRequests().map((r) => r.contentType)).toEqual(['json', 'form']);
  });

  it('wrong or missing client secret → 401 access_denied Unauthorized', async () => {
    const code = await freshCode();
    for (const body of [codeExchangeBody(sb, code, { client_secret: 'wrong' }), (({ client_secret: _, ...rest }) => rest)(codeExchangeBody(sb, code))]) {
      const response = await postToken(sb, body);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'access_denied', error_description: 'Unauthorized' });
    }
    // The code was not consumed by the failed attempts.
    expect((await postToken(sb, codeExchangeBody(sb, code))).status).toBe(200);
  });

  it('the other app\'s secret does not authenticate this app', async () => {
    const response = await postToken(sb, codeExchangeBody(sb, await freshCode(), { client_secret: 'demo-byo-secret-0123' }));
    expect(response.status).toBe(401);
  });

  it('a code works once: reuse → 403 Invalid authorization code', async () => {
    const code = await freshCode();
    expect((await postToken(sb, codeExchangeBody(sb, code))).status).toBe(200);
    const reused = await postToken(sb, codeExchangeBody(sb, code));
    expect(reused.status).toBe(403);
    expect(await reused.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid authorization code' });
  });

  it('unknown code, another redirect_uri, or missing redirect_uri → 403', async () => {
    const code = await freshCode();
    const cases = [
      codeExchangeBody(sb, 'not-a-code'),
      codeExchangeBody(sb, code, { redirect_uri: `${CALLBACK_URL}/` }),
      (({ redirect_uri: _, ...rest }) => rest)(codeExchangeBody(sb, code)),
    ];
    for (const body of cases) {
      const response = await postToken(sb, body);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error_description: string }).error_description).toBe('Invalid authorization code');
    }
  });

  it('a code is bound to the client that asked for it', async () => {
    const code = await freshCode({ clientId: 'demo-byo-app' });
    const asManaged = await postToken(sb, codeExchangeBody(sb, code));
    expect(asManaged.status).toBe(403);
    const asByo = await postToken(sb, codeExchangeBody(sb, code, { client_id: 'demo-byo-app', client_secret: 'demo-byo-secret-0123' }));
    expect(asByo.status).toBe(200);
  });

  it('a code older than 10 minutes → 400 authorization_code is invalid', async () => {
    const fresh = await freshCode();
    sb.clock.advance(9 * MINUTE);
    expect((await postToken(sb, codeExchangeBody(sb, fresh))).status).toBe(200);

    const old = await freshCode();
    sb.clock.advance(10 * MINUTE + 1);
    const response = await postToken(sb, codeExchangeBody(sb, old));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid_grant', error_description: 'authorization_code is invalid' });
  });

  it('expireCodesImmediately makes a fresh code expired', async () => {
    const code = await freshCode();
    sb.control.setSwitches({ expireCodesImmediately: true });
    const response = await postToken(sb, codeExchangeBody(sb, code));
    expect(response.status).toBe(400);
  });

  it('PKCE: the verifier must match the S256 challenge, and the secret is still required', async () => {
    const { verifier, challenge } = pkcePair();
    const code = await freshCode({ codeChallenge: challenge });
    const missing = await postToken(sb, codeExchangeBody(sb, code));
    expect(missing.status).toBe(403);
    const wrong = await postToken(sb, codeExchangeBody(sb, code, { code_verifier: pkcePair().verifier }));
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { error: string }).error).toBe('invalid_grant');
    const noSecret = await postToken(sb, (({ client_secret: _, ...rest }) => rest)(codeExchangeBody(sb, code, { code_verifier: verifier })));
    expect(noSecret.status).toBe(401);
    const right = await postToken(sb, codeExchangeBody(sb, code, { code_verifier: verifier }));
    expect(right.status).toBe(200);
  });

  it('without offline_access there is no refresh_token', async () => {
    const code = await freshCode({ scopes: ['read:confluence-space.summary', 'search:confluence'] });
    const body = (await (await postToken(sb, codeExchangeBody(sb, code))).json()) as Record<string, unknown>;
    expect(body.refresh_token).toBeUndefined();
    expect(body.scope).toBe('read:confluence-space.summary search:confluence');
    expect(body.expires_in).toBe(3600);
  });

  it('does not reject a request carrying state, but logs it with secrets masked', async () => {
    const code = await freshCode();
    const response = await postToken(sb, codeExchangeBody(sb, code, { state: 'should-not-be-here' }));
    expect(response.status).toBe(200);
    const [record] = sb.control.tokenRequests();
    expect(record?.grantType).toBe('authorization_code');
    expect(record?.status).toBe(200);
    expect(record?.body.state).toBe('should-not-be-here');
    expect(record?.body.redirect_uri).toBe(CALLBACK_URL);
    expect(record?.body.client_secret).toBe('***');
    expect(record?.body.code).toBe('***');
    expect(JSON.stringify(sb.control.tokenRequests())).not.toContain(sb.managedApp.clientSecret);
  });

  it('unknown grant_type → 400 unsupported_grant_type', async () => {
    const response = await postToken(sb, { grant_type: 'password', client_id: sb.managedApp.clientId, client_secret: sb.managedApp.clientSecret });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('unsupported_grant_type');
  });

  it('grants exactly the requested scopes', async () => {
    const code = await freshCode({ scopes: DEFAULT_SCOPES });
    const body = (await (await postToken(sb, codeExchangeBody(sb, code))).json()) as { scope: string };
    expect(body.scope.split(' ').sort()).toEqual([...DEFAULT_SCOPES].sort());
  });
});
