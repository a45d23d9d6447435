import { confluenceCloud } from '../../main/core/connectors/confluence-cloud';
import type { ConnectionSummaryDto, CreationContextDto, ErrorInfoDto, SettingsDto, SiteDto } from '../../preload/contract';

/** The Confluence Cloud connector exactly as main describes it (tests may read core's data). */
export const confluenceConnector: CreationContextDto['connector'] = {
  id: confluenceCloud.id,
  name: confluenceCloud.name,
  vendor: confluenceCloud.vendor,
  description: confluenceCloud.description,
  keywords: [...confluenceCloud.keywords],
  groups: confluenceCloud.groups.map((g) => ({ ...g })),
  scopes: confluenceCloud.scopes.map((s) => ({ ...s })),
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

const statusReasons: Partial<Record<ConnectionSummaryDto['status'], ErrorInfoDto>> = {
  'needs-reconnect': { code: 'ATLASSIAN_INVALID_GRANT', message: 'The refresh token was revoked.', remediation: 'Reconnect to sign in again.' },
  'expiring-soon': {
    code: 'CONSENT_EXPIRING',
    message: 'Atlassian asks for a new consent in 9 days.',
    remediation: 'Reconnect before then to keep the connection working.',
  },
  error: { code: 'ATLASSIAN_SERVER_ERROR', message: 'Atlassian answered with a server error.', remediation: 'Check the connection again in a few minutes.' },
};

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
    ...(statusReasons[status] ? { statusReason: statusReasons[status] } : {}),
    site,
    account: { accountId: 'acc-1', displayName: 'Dana Demo' },
    requestedScopes: defaultScopes,
    grantedScopes: defaultScopes,
    accessExpiresAt: new Date(Date.UTC(2030, 0, 1)).toISOString(),
    hasRefreshToken: true,
    refreshIssuedAt: new Date(Date.UTC(2025, 0, 1) + index * 3_600_000).toISOString(),
    consentedAt: new Date(Date.UTC(2025, 0, 1) + index * 3_600_000).toISOString(),
    description: '',
    isDefault: false,
    createdAt: new Date(Date.UTC(2025, 0, 1) + index * 3_600_000).toISOString(),
    lastUsedAt: null,
    lastCheckedAt: null,
    ...overrides,
  };
}
