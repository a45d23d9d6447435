import { getConnector } from '../connectors/connector-catalogue.js';
import type { PermissionGroupId } from '../connectors/connector-definition.js';

export interface MissingScope {
  scope: string;
  /** What the scope allows, as the consent screen says. */
  description: string;
  /** What fails without it, led by its permission group: "Update: creating and editing pages fails". */
  breaks: string;
}

/** What fails without a scope of the group, when the scope itself has no more precise words below. */
const GROUP_BREAKS: Record<PermissionGroupId, string> = {
  update: 'creating and changing Confluence content fails',
  view: 'reading Confluence spaces and content fails',
  search: 'searching Confluence fails',
  'stay-connected': 'Atlassian issues no refresh token, so the connection stops working when its access token expires (about an hour) and must be reconnected',
  other: 'the Confluence features that need it fail',
};

/** The scopes most connections use, in words a support person can repeat to a user. */
const SCOPE_BREAKS: Record<string, string> = {
  'write:confluence-content': 'creating and editing pages fails',
  'write:confluence-file': 'uploading attachments fails',
  'write:confluence-space': 'creating and changing spaces fails',
  'write:page:confluence': 'creating and editing pages fails',
  'read:confluence-space.summary': 'listing spaces fails',
  'read:confluence-content.summary': 'reading pages fails',
  'read:confluence-content.all': 'reading page bodies fails',
  'read:space:confluence': 'listing spaces (API v2) fails',
  'read:page:confluence': 'reading pages (API v2) fails',
  'search:confluence': 'searching Confluence (CQL) fails',
};

/** What a requested scope that Atlassian did not grant breaks, from the connector's scopes and permission groups. */
export function missingScopeImpact(connectorId: string, scope: string): MissingScope {
  const connector = getConnector(connectorId);
  const definition = connector.scopes.find((s) => s.scope === scope);
  if (!definition) return { scope, description: 'A scope this connector does not describe.', breaks: 'Calls that need it fail.' };
  const group = connector.groups.find((g) => g.id === definition.group);
  const what = SCOPE_BREAKS[scope] ?? GROUP_BREAKS[definition.group];
  return { scope, description: definition.description, breaks: `${group?.label ?? definition.group}: ${what}` };
}
