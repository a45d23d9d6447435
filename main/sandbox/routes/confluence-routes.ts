/**
 * The Confluence part of the API gateway: /ex/confluence/{cloudId}/wiki/... with real scope
 * checks. Only the endpoints the health checks use exist, with a little canned data per site.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, hasAnyScope, sendScopeMismatch, sendUnauthorized, type Caller } from '../bearer-auth.js';
import { sitesOf, type SandboxContext } from '../sandbox-context.js';
import type { SeedSite } from '../sandbox-seed.js';

interface EndpointCall {
  caller: Caller;
  site: SeedSite;
  /** Standard decoding here (`+` is a space), as Confluence's own servers do. */
  query: URLSearchParams;
  request: FastifyRequest;
  reply: FastifyReply;
}

interface Endpoint {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  /** Any one of these grants access; empty = any valid token for the site. */
  scopes: readonly string[];
  handle(call: EndpointCall): unknown;
}

const v1List = <T>(site: SeedSite, results: T[]) => ({
  results,
  start: 0,
  limit: 25,
  size: results.length,
  _links: { base: `${site.url}/wiki`, context: '/wiki' },
});

const v1Space = (space: SeedSite['spaces'][number]) => ({
  id: Number(space.id),
  key: space.key,
  name: space.name,
  type: 'global',
  status: 'current',
  _links: { webui: `/spaces/${space.key}` },
});

const v1Page = (page: SeedSite['pages'][number]) => ({
  id: page.id,
  type: 'page',
  status: 'current',
  title: page.title,
  _links: { webui: `/spaces/${page.spaceKey}/pages/${page.id}` },
});

/** Just enough CQL: the quoted terms of `text ~ "..."` / `title ~ "..."` filter page titles. */
function matchesCql(cql: string, title: string): boolean {
  const terms = [...cql.matchAll(/"([^"]*)"/g)].map((m) => (m[1] ?? '').toLowerCase()).filter(Boolean);
  return terms.every((t) => title.toLowerCase().includes(t));
}

const endpoints: readonly Endpoint[] = [
  {
    method: 'GET',
    path: '/wiki/rest/api/user/current',
    scopes: [],
    handle: ({ caller }) => ({
      type: 'known',
      accountId: caller.user.accountId,
      accountType: 'atlassian',
      // Confluence hides the email unless the app may read user details.
      ...(hasAnyScope(caller, ['read:confluence-user']) ? { email: caller.user.email } : {}),
      publicName: caller.user.displayName,
      displayName: caller.user.displayName,
    }),
  },
  {
    method: 'GET',
    path: '/wiki/rest/api/space',
    scopes: ['read:confluence-space.summary'],
    handle: ({ site }) => v1List(site, site.spaces.map(v1Space)),
  },
  {
    method: 'GET',
    path: '/wiki/rest/api/content',
    scopes: ['read:confluence-content.summary'],
    handle: ({ site, query }) => {
      const spaceKey = query.get('spaceKey');
      return v1List(site, site.pages.filter((p) => !spaceKey || p.spaceKey === spaceKey).map(v1Page));
    },
  },
  {
    method: 'GET',
    path: '/wiki/rest/api/search',
    scopes: ['search:confluence', 'read:content-details:confluence'],
    handle: ({ site, query, reply }) => {
      const cql = query.get('cql');
      if (!cql) return reply.status(400).send({ statusCode: 400, message: 'CQL query parameter is required' });
      const results = site.pages
        .filter((p) => matchesCql(cql, p.title))
        .map((p) => ({ content: v1Page(p), title: p.title, excerpt: '', url: `/spaces/${p.spaceKey}/pages/${p.id}`, entityType: 'content' }));
      return { ...v1List(site, results), totalSize: results.length, cqlQuery: cql };
    },
  },
  {
    method: 'POST',
    path: '/wiki/rest/api/content',
    scopes: ['write:confluence-content'],
    // A dry run: proves the write permission without changing the canned data.
    handle: ({ request, reply }) => {
      const body = (request.body ?? {}) as { title?: unknown; space?: { key?: unknown } };
      if (typeof body.title !== 'string' || typeof body.space?.key !== 'string') {
        return reply.status(400).send({ statusCode: 400, message: 'A title and space.key are required' });
      }
      return { id: '0', type: 'page', status: 'draft', title: body.title, space: { key: body.space.key }, sandboxDryRun: true };
    },
  },
  {
    method: 'GET',
    path: '/wiki/api/v2/spaces',
    scopes: ['read:space:confluence'],
    handle: ({ site }) => ({
      results: site.spaces.map((s) => ({ id: s.id, key: s.key, name: s.name, type: 'global', status: 'current' })),
      _links: { base: `${site.url}/wiki` },
    }),
  },
  {
    method: 'GET',
    path: '/wiki/api/v2/pages',
    scopes: ['read:page:confluence'],
    handle: ({ site }) => ({
      results: site.pages.map((p) => ({
        id: p.id,
        status: 'current',
        title: p.title,
        spaceId: site.spaces.find((s) => s.key === p.spaceKey)?.id ?? null,
      })),
      _links: { base: `${site.url}/wiki` },
    }),
  },
];

export function registerConfluenceRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const prefix = '/ex/confluence/';
  app.route<{ Params: { cloudId: string } }>({
    method: ['GET', 'POST', 'PUT', 'DELETE'],
    url: `${prefix}:cloudId/*`,
    handler: async (request, reply) => {
      const caller = authenticate(ctx, request);
      if (!caller) return sendUnauthorized(reply);
      const { cloudId } = request.params;
      if (!ctx.seed.sites.some((s) => s.cloudId === cloudId)) return reply.status(404).send({ code: 404, message: 'Not Found' });
      const site = sitesOf(ctx, caller.user).find((s) => s.cloudId === cloudId && s.product === 'confluence');
      if (!site) return sendUnauthorized(reply);
      const pathname = request.url.split('?')[0] ?? '';
      const rest = pathname.slice(prefix.length + cloudId.length);
      // The gateway's scope check fails on a double slash anywhere in the path.
      if (pathname.includes('//')) return sendScopeMismatch(reply);
      const endpoint = endpoints.find((e) => e.method === request.method && e.path === rest);
      if (!endpoint) return reply.status(404).send({ statusCode: 404, message: `No endpoint ${request.method} ${rest} in the sandbox` });
      if (endpoint.scopes.length > 0 && !hasAnyScope(caller, endpoint.scopes)) return sendScopeMismatch(reply);
      const result = await endpoint.handle({ caller, site, query: new URLSearchParams(request.url.split('?')[1] ?? ''), request, reply });
      return reply.sent ? reply : reply.send(result);
    },
  });
}

export const confluenceEndpoints = endpoints.map((e) => ({ method: e.method, path: e.path, scopes: e.scopes }));
