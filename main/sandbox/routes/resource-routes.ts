/** accessible-resources (sites the token reaches, in random order) and the /me profile. */
import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { authenticate, hasAnyScope, sendScopeMismatch, sendUnauthorized } from '../bearer-auth.js';
import { sitesOf, type SandboxContext } from '../sandbox-context.js';
import type { SeedSite } from '../sandbox-seed.js';

export interface AccessibleResource {
  id: string;
  name: string;
  url: string;
  scopes: string[];
  avatarUrl: string;
}

/** The granted scopes that apply to the site's product; a Jira site also keeps its earlier Jira grant. */
export function siteScopes(site: SeedSite, granted: readonly string[]): string[] {
  if (site.product === 'confluence') return granted.filter((s) => s.includes('confluence'));
  return [...new Set([...site.jiraScopes, ...granted.filter((s) => s.includes('jira'))])];
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

export function registerResourceRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/oauth/token/accessible-resources', async (request, reply) => {
    const caller = authenticate(ctx, request);
    if (!caller) return sendUnauthorized(reply);
    const resources: AccessibleResource[] = sitesOf(ctx, caller.user)
      .map((site) => ({ id: site.cloudId, name: site.name, url: site.url, scopes: siteScopes(site, caller.scopes), avatarUrl: site.avatarUrl }))
      .filter((r) => r.scopes.length > 0);
    // Atlassian promises no order; shuffling keeps clients from picking "the first site".
    return reply.send(shuffled(resources));
  });

  app.get('/me', async (request, reply) => {
    const caller = authenticate(ctx, request);
    if (!caller) return sendUnauthorized(reply);
    if (!hasAnyScope(caller, ['read:me'])) return sendScopeMismatch(reply);
    const { user } = caller;
    return reply.send({
      account_type: 'atlassian',
      account_id: user.accountId,
      email: user.email,
      name: user.displayName,
      nickname: user.displayName.split(' ')[0],
      picture: `https://avatar-management.services.atlassian.com/default/48`,
      account_status: 'active',
      locale: 'en-US',
    });
  });
}
