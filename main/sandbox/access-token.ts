/**
 * Access tokens are JWTs like Atlassian's, signed HS256 with a key made at each start (or kept in
 * the state file, see sandbox-state-file.ts): without a state file, tokens from an earlier run never
 * validate. Validity also depends on sandbox state (revoked grant, expired on demand), which the
 * caller checks through the jti.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

export const ACCESS_TOKEN_TTL_SECONDS = 3600;

export interface AccessTokenClaims {
  iss: string;
  sub: string;
  aud: string;
  iat: number;
  exp: number;
  jti: string;
  client_id: string;
  scope: string;
  /** Refresh-token family (grant) the token belongs to, so revoking the grant kills it too. */
  grant_id: string;
}

const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

export class AccessTokenSigner {
  constructor(
    private readonly issuer: () => string,
    /** 32 random bytes unless a state file brings the previous run's key. */
    readonly key: Buffer = randomBytes(32),
  ) {}

  sign(input: { accountId: string; clientId: string; scopes: readonly string[]; grantId: string; nowMs: number }): {
    token: string;
    claims: AccessTokenClaims;
  } {
    const iat = Math.floor(input.nowMs / 1000);
    const claims: AccessTokenClaims = {
      iss: this.issuer(),
      sub: input.accountId,
      aud: 'api.atlassian.com',
      iat,
      exp: iat + ACCESS_TOKEN_TTL_SECONDS,
      jti: randomUUID(),
      client_id: input.clientId,
      scope: input.scopes.join(' '),
      grant_id: input.grantId,
    };
    const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const body = base64url(JSON.stringify(claims));
    return { token: `${head}.${body}.${this.mac(`${head}.${body}`)}`, claims };
  }

  /** Signature, algorithm and expiry; null for anything else. */
  verify(token: string, nowMs: number): AccessTokenClaims | null {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const [head, body, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.mac(`${head}.${body}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: unknown };
      if (header.alg !== 'HS256') return null;
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as AccessTokenClaims;
      if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs) return null;
      return claims;
    } catch {
      return null;
    }
  }

  private mac(input: string): string {
    return createHmac('sha256', this.key).update(input).digest('base64url');
  }
}
