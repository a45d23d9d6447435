import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import type { FetchLike } from '../oauth/token-client.js';
import { getAtlassianJson } from './atlassian-http.js';

export const accessibleResource = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  scopes: z.array(z.string()),
  avatarUrl: z.string().optional(),
});
export type AccessibleResource = z.infer<typeof accessibleResource>;

export interface Site {
  cloudId: string;
  name: string;
  url: string;
}

export async function fetchAccessibleResources(url: string, accessToken: string, fetch?: FetchLike): Promise<AccessibleResource[]> {
  const body = await getAtlassianJson(url, accessToken, { operation: 'accessible-resources', ...(fetch ? { fetch } : {}) });
  const parsed = z.array(accessibleResource).safeParse(body);
  if (!parsed.success) {
    throw new AppError('ATLASSIAN_UNEXPECTED_RESPONSE', { detail: `HTTP 200 at accessible-resources GET ${url}: the answer is not a list of sites` });
  }
  return parsed.data;
}

/**
 * The sites this token can use Confluence on. Atlassian lists sites in no particular order and
 * includes sites of other products (case A2); none at all is a clear failure (A3).
 */
export function confluenceSites(resources: readonly AccessibleResource[]): Site[] {
  const sites = resources
    .filter((r) => r.scopes.some((s) => s.includes('confluence')))
    .map((r) => ({ cloudId: r.id, name: r.name, url: r.url }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.url.localeCompare(b.url));
  if (sites.length === 0) throw new AppError('NO_CONFLUENCE_SITE', { detail: whyNoSite(resources) });
  return sites;
}

/** Support staff need to tell "no site at all" (app not approved, A3) from "only other products" (A2). */
function whyNoSite(resources: readonly AccessibleResource[]): string {
  if (resources.length === 0) return 'accessible-resources is empty: this account has approved the app for no site (a site admin may have to authorize it)';
  const shown = resources.slice(0, 5).map((r) => `${r.name} (${r.url})`);
  const others = resources.length > shown.length ? `${shown.join(', ')} and ${resources.length - shown.length} more` : shown.join(', ');
  return `accessible-resources lists only sites without Confluence scopes: ${others}`;
}
