/** Bearer-token checks shared by accessible-resources, /me and the Confluence gateway. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccessTokenClaims } from './access-token.js';
import { bearerToken } from './http-helpers.js';
import { findUserById, type SandboxContext } from './sandbox-context.js';
import type { SeedUser } from './sandbox-seed.js';

export interface Caller {
  claims: AccessTokenClaims;
  user: SeedUser;
  scopes: string[];
}

/** A signed, unexpired token of a live grant for a known user; null otherwise. */
export function authenticate(ctx: SandboxContext, request: FastifyRequest): Caller | null {
  const token = bearerToken(request);
  if (!token) return null;
  const claims = ctx.signer.verify(token, ctx.now());
  if (!claims || !ctx.state.isAccessTokenLive(claims)) return null;
  const user = findUserById(ctx, claims.sub);
  if (!user) return null;
  return { claims, user, scopes: claims.scope.split(' ').filter(Boolean) };
}

export function sendUnauthorized(reply: FastifyReply): FastifyReply {
  return reply.status(401).header('www-authenticate', 'Bearer').send({ code: 401, message: 'Unauthorized' });
}

/** Atlassian's gateway answers a missing scope with 401 (not 403) and this failure category. */
export function sendScopeMismatch(reply: FastifyReply): FastifyReply {
  return reply
    .status(401)
    .header('x-failure-category', 'FAILURE_CLIENT_SCOPE_CHECK')
    .send({ code: 401, message: 'Unauthorized; scope does not match' });
}

export const hasAnyScope = (caller: Caller, required: readonly string[]): boolean =>
  required.some((s) => caller.scopes.includes(s));
