import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { subtreeIds } from '../../core/services/folder-management.js';
import type { ConnectionRecord, StoreDocument } from '../../core/store/store-schema.js';
import { runCommand } from '../command-runner.js';
import { connectionView, note, printJson } from '../output.js';
import { folderPath, resolveFolder } from '../resolve-names.js';
import { CLI_VERSION } from '../version.js';

/**
 * `export`: connections metadata for an audit, as JSON — folders, sites, accounts, scopes, token
 * dates, statuses, where the client secret comes from. Never a secret: the store's sealed values
 * are not read, and client IDs are masked as in the app.
 */
export function exportCommand(): Command {
  return new Command('export')
    .description('Export connections metadata for an audit as JSON (never a secret; the vault is not opened)')
    .option('--folder <folder>', 'only this folder and its subfolders')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action((options: { folder?: string; output?: string }, command: Command) =>
      runCommand(command, async (cli) => {
        const doc = cli.snapshot();
        const root = options.folder ? resolveFolder(doc, options.folder) : null;
        const folderIds = root ? subtreeIds(doc, root.id) : new Set(doc.folders.map((f) => f.id));
        const now = cli.now();
        const audit = {
          format: 'connectdesk-connections-export',
          version: 1,
          exportedAt: now.toISOString(),
          generator: `connectdesk ${CLI_VERSION}`,
          store: cli.store.path,
          scope: root ? { kind: 'folder', folderId: root.id, folderPath: folderPath(doc, root.id) } : { kind: 'all' },
          folders: doc.folders.filter((f) => folderIds.has(f.id)).map((f) => ({ id: f.id, name: f.name, path: folderPath(doc, f.id), parentId: f.parentId, createdAt: f.createdAt })),
          connections: doc.connections
            .filter((c) => folderIds.has(c.folderId))
            .map((c) => ({
              ...connectionView(doc, c, now),
              missingScopes: c.requestedScopes.filter((s) => !c.grantedScopes.includes(s)),
              clientSecretSource: clientSecretSource(doc, c),
            })),
        };
        if (!options.output) return printJson(audit);
        const file = resolve(options.output);
        writeFileSync(file, `${JSON.stringify(audit, null, 2)}\n`, { mode: 0o600 });
        note(`Exported ${audit.connections.length} connection${audit.connections.length === 1 ? '' : 's'} to ${file}`);
      }),
    );
}

/** Where a connection's client secret comes from, by name only. */
function clientSecretSource(doc: StoreDocument, c: ConnectionRecord): { kind: 'managed' | 'typed' | 'asset'; assetName?: string } {
  if (c.authType === 'managed') return { kind: 'managed' };
  if (!c.clientSecretAssetId) return { kind: 'typed' };
  const asset = doc.assets.find((a) => a.id === c.clientSecretAssetId);
  return { kind: 'asset', assetName: asset?.name ?? c.clientSecretAssetId };
}
