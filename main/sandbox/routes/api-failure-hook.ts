/**
 * The `api` switch: accessible-resources, /me and the Confluence gateway (/ex/confluence/...)
 * fail as Atlassian's API side does when overloaded, before any token check. The token endpoint
 * has its own `tokenEndpoint` switch.
 */
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../sandbox-context.js';
import { retryAfterHeader } from '../switches-schema.js';

/** What the sandbox claims its quota is: only the headers' shape matters to clients. */
export const API_RATE_LIMIT = 100;
export const API_RATE_LIMIT_INTERVAL_SECONDS = 60;

export function isApiPath(url: string): boolean {
  const pathname = url.split('?')[0] ?? '';
  return pathname.startsWith('/ex/confluence/') || pathname === '/oauth/token/accessible-resources' || pathname === '/me';
}

export function registerApiFailureHook(app: FastifyInstance, ctx: SandboxContext): void {
  app.addHook('onRequest', async (request, reply) => {
    const { api, retryAfterSeconds } = ctx.state.switches();
    if (api === 'normal' || !isApiPath(request.url)) return undefined;
    // Returning the sent reply ends the request here (Fastify's async-hook convention).
    if (api === 'server-error') return reply.status(503).send({ code: 503, message: 'Service Unavailable' });
    return reply
      .status(429)
      .headers({
        'retry-after': retryAfterHeader(retryAfterSeconds),
        'x-ratelimit-limit': String(API_RATE_LIMIT),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-interval-seconds': String(API_RATE_LIMIT_INTERVAL_SECONDS),
      })
      .send({ code: 429, message: 'Rate limit exceeded' });
  });
}
