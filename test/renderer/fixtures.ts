import type { ConnectionSummaryDto, CreationContextDto, ScopeDto, SettingsDto, SiteDto } from '../../preload/contract';

const scope = (s: string, description: string, group: ScopeDto['group'], kind: ScopeDto['kind'], isDefault = false): ScopeDto => ({
  scope: s,
  description,
  group,
  kind,
  default: isDefault,
});

/** The Confluence Cloud connector as main describes it (descriptions from the product page). */
export const confluenceConnector: CreationContextDto['connector'] = {
  id: 'confluence-cloud',
  name: 'Confluence Cloud',
  vendor: 'Atlassian',
  description: 'Read, search and update pages, spaces and attachments in Confluence Cloud.',
  keywords: ['atlassian', 'wiki', 'pages', 'spaces', 'confluence'],
  groups: [
    { id: 'update', label: 'Update', summary: 'Create and update content and upload attachments in your Confluence spaces.' },
    { id: 'view', label: 'View', summary: 'View your Confluence spaces and their content.' },
    { id: 'search', label: 'Search', summary: 'Search your Confluence spaces.' },
    { id: 'stay-connected', label: 'Stay connected', summary: 'Keep this connection working without signing in again.' },
    { id: 'other', label: 'Other', summary: 'Further Confluence permissions you selected.' },
  ],
  scopes: [
    scope('write:confluence-file', 'Upload attachments.', 'update', 'classic', true),
    scope('read:confluence-space.summary', 'Read a summary of space information without expansions.', 'view', 'classic', true),
    scope('write:confluence-content', 'Create and update content and its associated properties.', 'update', 'classic', true),
    scope('read:confluence-content.summary', 'Read a summary of the content, which is the content without expansions.', 'view', 'classic', true),
    scope('search:confluence', 'Search Confluence.', 'search', 'classic', true),
    scope('offline_access', 'Stay connected: lets ConnectDesk refresh access without asking you to sign in again.', 'stay-connected', 'oauth', true),
    scope('read:confluence-content.all', 'Read all content, including content body (expansions permitted).', 'view', 'classic'),
    scope('write:confluence-space', 'Create, update and delete space information.', 'update', 'classic'),
    scope('manage:confluence-configuration', 'Manage global settings.', 'other', 'classic'),
    scope('read:page:confluence', 'View pages.', 'view', 'granular'),
    scope('write:page:confluence', 'Create and update pages.', 'update', 'granular'),
    scope('read:space:confluence', 'View space details.', 'view', 'granular'),
  ],
};

export const defaultScopes = confluenceConnector.scopes.filter((s) => s.default).map((s) => s.scope);

export const environments: SettingsDto['environments'] = [
  { id: 'atlassian-cloud', label: 'Atlassian Cloud', description: 'Sign in to your real Atlassian account and connect real Confluence Cloud sites.' },
  { id: 'sandbox', label: 'Sandbox (local Atlassian)', description: 'A local stand-in for Atlassian with demo users and sites. Nothing leaves this computer.' },
];

export const defaultSites: SiteDto[] = [
  { cloudId: 'cloud-acme', name: 'Acme Wiki', url: 'https://acme.atlassian.net' },
  { cloudId: 'cloud-labs', name: 'Acme Labs', url: 'https://acme-labs.atlassian.net' },
];

const statuses: ConnectionSummaryDto['status'][] = ['connected', 'connected', 'expiring-soon', 'needs-reconnect', 'offline', 'error', 'checking'];

/** A realistic connection row; `index` varies name, site and status. */
export function makeConnection(index: number, folderId: string, overrides: Partial<ConnectionSummaryDto> = {}): ConnectionSummaryDto {
  const site = defaultSites[index % defaultSites.length] ?? defaultSites[0]!;
  const status = statuses[index % statuses.length] ?? 'connected';
  return {
    id: `conn-${folderId}-${index}`,
    folderId,
    connectorId: 'confluence-cloud',
    connectorName: 'Confluence Cloud',
    name: `Confluence ${String(index).padStart(5, '0')}`,
    environmentId: 'atlassian-cloud',
    authType: index % 3 === 0 ? 'byo' : 'managed',
    clientIdMasked: '••••9f2c',
    status,
    ...(status === 'needs-reconnect'
      ? { statusReason: { code: 'ATLASSIAN_INVALID_GRANT', message: 'The refresh token was revoked.', remediation: 'Reconnect to sign in again.' } }
      : {}),
    site,
    account: { accountId: 'acc-1', displayName: 'Dana Demo' },
    requestedScopes: defaultScopes,
    grantedScopes: defaultScopes,
    accessExpiresAt: new Date(Date.UTC(2030, 0, 1)).toISOString(),
    hasRefreshToken: true,
    createdAt: new Date(Date.UTC(2025, 0, 1) + index * 3_600_000).toISOString(),
    lastCheckedAt: null,
    ...overrides,
  };
}
