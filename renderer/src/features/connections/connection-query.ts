import type { ConnectionSummaryDto } from '../../../../preload/contract';
import { statusLabels } from '../../components/status-pill';
import { lastActivity } from './relative-time';

export type SortKey = 'name' | 'connectorName' | 'status' | 'site' | 'account' | 'scopes' | 'lastActivity' | 'createdAt';
export interface SortState {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Status order for sorting: the ones needing attention first. */
const statusRank: Record<ConnectionSummaryDto['status'], number> = {
  error: 0,
  'needs-reconnect': 1,
  offline: 2,
  'expiring-soon': 3,
  checking: 4,
  connected: 5,
};

export interface IndexedConnection {
  connection: ConnectionSummaryDto;
  /** Lower-cased name, site, status and account words, built once per list so filtering stays cheap. */
  haystack: string;
}

export function indexConnections(items: readonly ConnectionSummaryDto[]): IndexedConnection[] {
  return items.map((connection) => ({
    connection,
    haystack: [
      connection.name,
      connection.site?.name ?? '',
      connection.site?.url ?? '',
      statusLabels[connection.status],
      connection.status,
      connection.account?.displayName ?? '',
    ]
      .join('\u0000')
      .toLowerCase(),
  }));
}

/** Every word of the filter must appear in the name, site, status or account. */
export function filterConnections(indexed: readonly IndexedConnection[], filter: string): ConnectionSummaryDto[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return indexed.map((i) => i.connection);
  const out: ConnectionSummaryDto[] = [];
  for (const item of indexed) {
    if (words.every((w) => item.haystack.includes(w))) out.push(item.connection);
  }
  return out;
}

function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compare(a: ConnectionSummaryDto, b: ConnectionSummaryDto, key: SortKey): number {
  switch (key) {
    case 'name':
      return collator.compare(a.name, b.name);
    case 'connectorName':
      return collator.compare(a.connectorName, b.connectorName);
    case 'status':
      return statusRank[a.status] - statusRank[b.status];
    case 'site':
      return collator.compare(a.site?.name ?? '', b.site?.name ?? '');
    case 'account':
      return collator.compare(a.account?.displayName ?? '', b.account?.displayName ?? '');
    case 'scopes':
      return a.grantedScopes.length - b.grantedScopes.length;
    case 'lastActivity':
      return compareIso(lastActivity(a)?.at ?? '', lastActivity(b)?.at ?? '');
    case 'createdAt':
      return compareIso(a.createdAt, b.createdAt);
  }
}

export function sortConnections(items: ConnectionSummaryDto[], sort: SortState): ConnectionSummaryDto[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return items.sort((a, b) => sign * compare(a, b, sort.key) || collator.compare(a.name, b.name));
}
