import { z } from 'zod';
import type { FetchLike } from '../oauth/token-client.js';
import { getAtlassianJson } from './atlassian-http.js';

/** Confluence REST calls go through the API gateway, never the site's own host (reference §4). */
export function confluenceApiUrl(apiBaseUrl: string, cloudId: string, path: string): string {
  // A double slash fails Atlassian's scope check, so join carefully.
  return `${apiBaseUrl.replace(/\/+$/, '')}/ex/confluence/${encodeURIComponent(cloudId)}/${path.replace(/^\/+/, '')}`;
}

const currentUser = z.object({ accountId: z.string(), displayName: z.string().optional(), publicName: z.string().optional() });

/** Identifies the signed-in account without the read:me scope (as Nango does). */
export async function fetchCurrentUser(
  apiBaseUrl: string,
  cloudId: string,
  accessToken: string,
  fetch?: FetchLike,
): Promise<{ accountId: string; displayName: string }> {
  const body = await getAtlassianJson(confluenceApiUrl(apiBaseUrl, cloudId, 'wiki/rest/api/user/current'), accessToken, fetch ? { fetch } : {});
  const user = currentUser.parse(body);
  return { accountId: user.accountId, displayName: user.displayName ?? user.publicName ?? user.accountId };
}
