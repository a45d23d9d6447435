/**
 * POST /oauth/token with Atlassian's status codes and bodies (see reference/atlassian-3lo.md §2-3).
 * Every request is logged with credentials masked, so client tests can check what was sent.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TokenRequestRecord } from '../sandbox-api.js';
import { stringFields } from '../http-helpers.js';
import { currentClientSecret, findApp, type SandboxContext } from '../sandbox-context.js';
import { CODE_LIFETIME_MS } from '../sandbox-state.js';
import { ACCESS_TOKEN_TTL_SECONDS } from '../access-token.js';
import type { Grant } from '../refresh-token-families.js';
import { retryAfterHeader } from '../switches-schema.js';

const MASKED_FIELDS = ['client_secret', 'code', 'code_verifier', 'refresh_token'];
/** The default of the retryAfterSeconds switch. */
export const RATE_LIMIT_RETRY_AFTER_SECONDS = 30;

const errors = {
  unauthorized: { error: 'access_denied', error_description: 'Unauthorized' },
  invalidCode: { error: 'invalid_grant', error_description: 'Invalid authorization code' },
  expiredCode: { error: 'invalid_grant', error_description: 'authorization_code is invalid' },
  invalidRefresh: { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' },
} as const;

function contentTypeOf(header: string | undefined): TokenRequestRecord['contentType'] {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'form';
  return 'other';
}

const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

export function registerTokenRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post('/oauth/token', async (request, reply) => {
    const body = stringFields(request.body);
    const masked = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, MASKED_FIELDS.includes(k) ? '***' : v]));
    const respond = (status: number, payload: object): FastifyReply => {
      ctx.state.logTokenRequest({
        at: ctx.now(),
        contentType: contentTypeOf(request.headers['content-type']),
        grantType: body.grant_type ?? null,
        body: masked,
        status,
      });
      return reply.status(status).header('cache-control', 'no-store').send(payload);
    };

    const switches = ctx.state.switches();
    const mode = switches.tokenEndpoint;
    if (mode === 'server-error') return respond(503, { error: 'temporarily_unavailable', error_description: 'Service Unavailable' });
    if (mode === 'rate-limited') {
      reply.header('retry-after', retryAfterHeader(switches.retryAfterSeconds));
      return respond(429, { error: 'rate_limit_exceeded', error_description: 'Too Many Requests' });
    }

    const grantType = body.grant_type;
    if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
      return respond(400, { error: 'unsupported_grant_type', error_description: 'Unsupported grant type' });
    }
    // Atlassian has no public clients: the secret is required even with PKCE. After a rotation only
    // the current secret works: the previous one is refused like any wrong secret.
    const oauthApp = findApp(ctx, body.client_id);
    if (!oauthApp || !body.client_secret || body.client_secret !== currentClientSecret(ctx, oauthApp)) return respond(401, errors.unauthorized);

    const now = ctx.now();
    const tokenResponse = (grant: Grant, refreshToken: string | null): object => {
      const { token, claims } = ctx.signer.sign({
        accountId: grant.accountId,
        clientId: grant.clientId,
        scopes: grant.scopes,
        grantId: grant.id,
        nowMs: now,
      });
      ctx.state.rememberAccessToken(claims);
      return {
        access_token: token,
        expires_in: ACCESS_TOKEN_TTL_SECONDS,
        token_type: 'Bearer',
        ...(refreshToken ? { refresh_token: refreshToken } : {}),
        scope: grant.scopes.join(' '),
      };
    };

    if (grantType === 'refresh_token') {
      // 'reject' revokes nothing: back on 'normal', the same token refreshes again.
      if (switches.refreshEndpoint === 'reject') return respond(403, errors.invalidRefresh);
      if (switches.refreshEndpoint === 'omit-refresh-token') {
        const kept = ctx.state.families.useWithoutRotation(body.refresh_token ?? '', oauthApp.clientId, now);
        if (kept.kind === 'invalid') return respond(403, errors.invalidRefresh);
        return respond(200, tokenResponse(kept.grant, null));
      }
      const result = ctx.state.families.rotate(body.refresh_token ?? '', oauthApp.clientId, now);
      if (result.kind === 'invalid') return respond(403, errors.invalidRefresh);
      return respond(200, tokenResponse(result.grant, result.refreshToken));
    }

    const entry = ctx.state.codes.get(body.code ?? '');
    // Single use, bound to the client and to the redirect_uri sent to /authorize.
    if (!entry || entry.used || entry.clientId !== oauthApp.clientId || entry.redirectUri !== body.redirect_uri) {
      return respond(403, errors.invalidCode);
    }
    if (switches.expireCodesImmediately || now - entry.issuedAt > CODE_LIFETIME_MS) return respond(400, errors.expiredCode);
    if (entry.codeChallenge !== null && (!body.code_verifier || s256(body.code_verifier) !== entry.codeChallenge)) {
      return respond(403, errors.invalidCode);
    }
    entry.used = true;
    const grant = ctx.state.families.createGrant({ clientId: entry.clientId, accountId: entry.accountId, scopes: entry.scopes, now });
    const refreshToken = grant.scopes.includes('offline_access') ? ctx.state.families.issueRefreshToken(grant.id, now) : null;
    return respond(200, tokenResponse(grant, refreshToken));
  });
}
