import type { BackupImportResultDto, BackupPreviewDto, ResponseOf } from '../../../../preload/contract';

export const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "3 connections, 2 folders, 1 credential asset" */
export function describeCounts(counts: ResponseOf<'backup:export'>['counts']): string {
  return [plural(counts.connections, 'connection', 'connections'), plural(counts.folders, 'folder', 'folders'), plural(counts.assets, 'credential asset', 'credential assets')].join(', ');
}

/** What a backup covers, as its preview says it. */
export function describeScope(scope: BackupPreviewDto['scope']): string {
  return scope.kind === 'all' ? 'Everything (all folders)' : `The folder “${scope.folderName}” with its subfolders`;
}

export function describeAssetKind(kind: BackupPreviewDto['assets'][number]['kind']): string {
  if (kind === 'keychain') return 'OS keychain entry (the name only; the value stays in the keychain)';
  if (kind === 'env') return 'Environment variable (the name only)';
  return 'Stored in ConnectDesk';
}

const conflictNouns = { folder: 'Folder', asset: 'Credential asset', connection: 'Connection' } as const;

/** "Connection “Team docs” is already here", or "Folder “Ops” is here as “Operations”". */
export function describeConflict(conflict: BackupPreviewDto['conflicts'][number]): string {
  const what = `${conflictNouns[conflict.kind]} “${conflict.name}”`;
  return conflict.existingName === conflict.name ? `${what} is already here` : `${what} is here as “${conflict.existingName}”`;
}

/** The lines of the import summary; only what happened (no "0 skipped"). */
export function describeImport(result: BackupImportResultDto): string[] {
  const lines: string[] = [];
  const connections = [
    result.imported > 0 ? `${plural(result.imported, 'connection', 'connections')} added` : null,
    result.replaced > 0 ? `${plural(result.replaced, 'connection', 'connections')} replaced` : null,
    result.skipped > 0 ? `${plural(result.skipped, 'connection', 'connections')} skipped (already here)` : null,
  ].filter((part): part is string => part !== null);
  lines.push(connections.length > 0 ? `${capitalise(connections.join(', '))}.` : 'No connections were added.');
  const { folders, assets } = result;
  const folderParts = [folders.created > 0 ? `${folders.created} created` : null, folders.merged > 0 ? `${folders.merged} already here` : null, folders.replaced > 0 ? `${folders.replaced} renamed as in the backup` : null];
  const folderText = folderParts.filter(Boolean).join(', ');
  if (folderText) lines.push(`Folders: ${folderText}.`);
  const assetParts = [assets.imported > 0 ? `${assets.imported} added` : null, assets.replaced > 0 ? `${assets.replaced} replaced` : null, assets.skipped > 0 ? `${assets.skipped} skipped (already here)` : null];
  const assetText = assetParts.filter(Boolean).join(', ');
  if (assetText) lines.push(`Credential assets: ${assetText}.`);
  if (result.renamed > 0) lines.push(`${plural(result.renamed, 'item was', 'items were')} given a name ending in “(imported)”, next to the one already here.`);
  return lines;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
