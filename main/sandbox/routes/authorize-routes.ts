/**
 * The browser side of 3LO: /authorize validates the request (no redirect when the client or
 * redirect_uri cannot be trusted), then sign-in and consent pages lead to the callback redirect.
 * The request travels through the pages as a server-side pending id, never as posted parameters.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseStrictQuery, sendHtml, stringFields, withQuery } from '../http-helpers.js';
import { renderConsentPage } from '../pages/consent-page.js';
import { renderErrorPage } from '../pages/error-page.js';
import { renderSignInPage } from '../pages/sign-in-page.js';
import {
  clearSession,
  dropSession,
  findApp,
  findUserByEmail,
  sessionUser,
  setSessionCookie,
  type SandboxContext,
} from '../sandbox-context.js';
import { randomId, type PendingAuthorization } from '../sandbox-state.js';

const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

type Validation = { ok: true; request: Omit<PendingAuthorization, 'id' | 'createdAt'> } | { ok: false; title: string; message: string; detail?: string };

export function validateAuthorizeRequest(ctx: SandboxContext, rawUrl: string): Validation {
  const q = parseStrictQuery(rawUrl);
  const fail = (title: string, message: string, detail?: string): Validation => ({ ok: false, title, message, detail });
  const app = findApp(ctx, q.get('client_id'));
  if (!app) return fail('Something went wrong', 'Invalid client_id: no app with this client ID exists.', `client_id: ${q.get('client_id') ?? '(missing)'}`);
  const redirectUri = q.get('redirect_uri') ?? '';
  // Byte for byte: a trailing slash, another port or host spelling is a different URI.
  if (!app.redirectUris.includes(redirectUri)) {
    return fail(
      'Something went wrong',
      'The redirect_uri is not registered for this app. It must match the callback URL registered on the app exactly.',
      `redirect_uri: ${redirectUri || '(missing)'}`,
    );
  }
  if (q.get('response_type') !== 'code') return fail('Something went wrong', 'Unsupported response_type: it must be "code".');
  if (q.get('audience') !== 'api.atlassian.com') return fail('Something went wrong', 'Invalid audience: it must be "api.atlassian.com".');
  const scopes = (q.get('scope') ?? '').split(' ').filter(Boolean);
  if (scopes.length === 0) return fail('Something went wrong', 'No scope was requested.');
  const notEnabled = scopes.filter((s) => !app.enabledScopes.includes(s));
  if (notEnabled.length > 0) {
    return fail('Something went wrong', 'The app requested scopes that are not enabled for it.', `scope: ${notEnabled.join(', ')}`);
  }
  const state = q.get('state') ?? '';
  if (!state) return fail('Something went wrong', 'The request has no state parameter.');
  const codeChallenge = q.get('code_challenge') ?? null;
  if (codeChallenge !== null) {
    if (q.get('code_challenge_method') !== 'S256') return fail('Something went wrong', 'Only code_challenge_method=S256 is supported.');
    if (!S256_CHALLENGE.test(codeChallenge)) return fail('Something went wrong', 'The code_challenge is not a valid S256 challenge.');
  }
  return { ok: true, request: { clientId: app.clientId, redirectUri, scopes: [...new Set(scopes)], state, codeChallenge } };
}

const expiredRequestPage = (): string =>
  renderErrorPage({ title: 'This sign-in request has expired', message: 'Start connecting again from the app.' });

function redirectTo(reply: FastifyReply, location: string): FastifyReply {
  return reply.status(302).header('location', location).header('cache-control', 'no-store').send();
}

export function registerAuthorizeRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/authorize', async (request, reply) => {
    const result = validateAuthorizeRequest(ctx, request.url);
    if (!result.ok) return sendHtml(reply, 400, renderErrorPage(result));
    const pending = ctx.state.addPending(result.request);
    const next = sessionUser(ctx, request) ? '/consent' : '/login';
    return redirectTo(reply, `${next}?request=${encodeURIComponent(pending.id)}`);
  });

  app.get('/login', async (request, reply) => {
    const requestId = parseStrictQuery(request.url).get('request');
    if (requestId && !ctx.state.getPending(requestId)) return sendHtml(reply, 400, expiredRequestPage());
    return sendHtml(reply, 200, renderSignInPage({ requestId: requestId ?? null, users: ctx.seed.users }));
  });

  app.post('/login', async (request, reply) => {
    const body = stringFields(request.body);
    const requestId = body.request || null;
    if (requestId && !ctx.state.getPending(requestId)) return sendHtml(reply, 400, expiredRequestPage());
    const user = findUserByEmail(ctx, body.email ?? '');
    if (!user || user.password !== body.password) {
      const error = 'Incorrect email address and / or password.';
      return sendHtml(reply, 200, renderSignInPage({ requestId, users: ctx.seed.users, email: body.email ?? '', error }));
    }
    dropSession(ctx, request);
    const sessionId = randomId();
    ctx.state.sessions.set(sessionId, user.accountId);
    setSessionCookie(reply, sessionId);
    return redirectTo(reply, requestId ? `/consent?request=${encodeURIComponent(requestId)}` : '/');
  });

  // "Switch account": sign out, back to sign-in with the same pending request.
  app.get('/logout', async (request, reply) => {
    const requestId = parseStrictQuery(request.url).get('request');
    clearSession(ctx, request, reply);
    return redirectTo(reply, requestId ? `/login?request=${encodeURIComponent(requestId)}` : '/login');
  });

  app.get('/consent', async (request, reply) => {
    const pending = ctx.state.getPending(parseStrictQuery(request.url).get('request'));
    if (!pending) return sendHtml(reply, 400, expiredRequestPage());
    const user = sessionUser(ctx, request);
    if (!user) return redirectTo(reply, `/login?request=${encodeURIComponent(pending.id)}`);
    const appLabel = findApp(ctx, pending.clientId)?.label ?? pending.clientId;
    return sendHtml(reply, 200, renderConsentPage({ requestId: pending.id, appLabel, user, scopes: pending.scopes }));
  });

  app.post('/consent', async (request: FastifyRequest, reply) => {
    const body = stringFields(request.body);
    if (!ctx.state.getPending(body.request)) return sendHtml(reply, 400, expiredRequestPage());
    const user = sessionUser(ctx, request);
    if (!user) return redirectTo(reply, `/login?request=${encodeURIComponent(body.request ?? '')}`);
    if (body.decision !== 'accept' && body.decision !== 'cancel') {
      return sendHtml(reply, 400, renderErrorPage({ title: 'Something went wrong', message: 'Choose Accept or Cancel.' }));
    }
    const pending = ctx.state.takePending(body.request) as PendingAuthorization;
    const state = ctx.state.switches().tamperState ? `tampered-${randomId(12)}` : pending.state;
    if (body.decision === 'cancel') {
      return redirectTo(
        reply,
        withQuery(pending.redirectUri, [
          ['error', 'access_denied'],
          ['error_description', 'User did not authorize'],
          ['state', state],
        ]),
      );
    }
    const code = ctx.state.issueCode(pending, user.accountId);
    return redirectTo(reply, withQuery(pending.redirectUri, [['code', code], ['state', state]]));
  });
}
