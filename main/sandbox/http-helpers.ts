/** Small HTTP pieces the routes share: strict query parsing, cookies, bearer tokens, redirects. */
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Query parameters decoded the way Atlassian treats them: `%20` is a space but `+` stays a plus,
 * so a client that encodes scopes with `+` sees the same failure as against the real service.
 * The first occurrence of a repeated parameter wins.
 */
export function parseStrictQuery(rawUrl: string): Map<string, string> {
  const params = new Map<string, string>();
  const query = rawUrl.includes('?') ? rawUrl.slice(rawUrl.indexOf('?') + 1).split('#')[0] ?? '' : '';
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
    try {
      const key = decodeURIComponent(rawKey);
      if (!params.has(key)) params.set(key, decodeURIComponent(rawValue));
    } catch {
      // Malformed percent-encoding: ignore the pair, validation reports what is then missing.
    }
  }
  return params;
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

/**
 * Appends parameters to a redirect URI with `%20` for spaces (URLSearchParams would write `+`,
 * and the error_description Atlassian-style clients expect is `User%20did%20not%20authorize`).
 */
export function withQuery(uri: string, params: ReadonlyArray<readonly [string, string]>): string {
  const query = params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  const [base, fragment] = uri.split('#', 2) as [string, string | undefined];
  const joined = `${base}${base.includes('?') ? '&' : '?'}${query}`;
  return fragment === undefined ? joined : `${joined}#${fragment}`;
}

export function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('x-frame-options', 'DENY')
    .send(html);
}

/** Fields of a JSON or form body as strings; anything else is dropped. */
export function stringFields(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      if (typeof value === 'string') fields[key] = value;
      else if (Array.isArray(value) && typeof value[0] === 'string') fields[key] = value[0];
    }
  }
  return fields;
}
