/** What every route needs: the resolved seed, the mutable state, the token signer and the clock. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccessTokenSigner } from './access-token.js';
import type { ResolvedSeed, SeedApp, SeedSite, SeedUser } from './sandbox-seed.js';
import type { SandboxState } from './sandbox-state.js';
import { parseCookies } from './http-helpers.js';

export const SESSION_COOKIE = 'sandbox_session';

export interface SandboxContext {
  seed: ResolvedSeed;
  state: SandboxState;
  signer: AccessTokenSigner;
  now: () => number;
  /** Known only once listening (port 0 picks one). */
  baseUrl: () => string;
}

export function findApp(ctx: SandboxContext, clientId: string | undefined): SeedApp | null {
  return ctx.seed.apps.find((a) => a.clientId === clientId) ?? null;
}

/** The secret the token endpoint accepts for the app now: the seed's, or the one it was rotated to. */
export function currentClientSecret(ctx: SandboxContext, app: SeedApp): string {
  return ctx.state.rotatedClientSecret(app.clientId) ?? app.clientSecret;
}

export function findUserById(ctx: SandboxContext, accountId: string): SeedUser | null {
  return ctx.seed.users.find((u) => u.accountId === accountId) ?? null;
}

export function findUserByEmail(ctx: SandboxContext, email: string): SeedUser | null {
  const wanted = email.trim().toLowerCase();
  return ctx.seed.users.find((u) => u.email.toLowerCase() === wanted) ?? null;
}

export function sitesOf(ctx: SandboxContext, user: SeedUser): SeedSite[] {
  return user.siteIds.flatMap((id) => ctx.seed.sites.filter((s) => s.cloudId === id));
}

/** The signed-in account of this browser session, if any. */
export function sessionUser(ctx: SandboxContext, request: FastifyRequest): SeedUser | null {
  const sessionId = parseCookies(request.headers.cookie).get(SESSION_COOKIE);
  const accountId = sessionId ? ctx.state.sessions.get(sessionId) : undefined;
  return accountId ? findUserById(ctx, accountId) : null;
}

export function setSessionCookie(reply: FastifyReply, sessionId: string): void {
  // No Max-Age: a session cookie, so a fresh browser partition starts signed out.
  reply.header('set-cookie', `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Lax`);
}

/** Forgets the server side of the browser's session (sign-in replaces it with a new one). */
export function dropSession(ctx: SandboxContext, request: FastifyRequest): void {
  const sessionId = parseCookies(request.headers.cookie).get(SESSION_COOKIE);
  if (sessionId) ctx.state.sessions.delete(sessionId);
}

export function clearSession(ctx: SandboxContext, request: FastifyRequest, reply: FastifyReply): void {
  dropSession(ctx, request);
  reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
}
