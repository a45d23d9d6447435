import { Command } from 'commander';
import { connectorCatalogue } from '../../core/connectors/connector-catalogue.js';
import { STATUS_LABELS, type ConnectionState } from '../../core/services/connection-status.js';
import { runCommand, usageError } from '../command-runner.js';
import { connectionView, formatTable, note, printJson, printLine, type ConnectionView } from '../output.js';
import { resolveFolder } from '../resolve-names.js';

interface ListOptions {
  folder?: string;
  connector?: string;
  status?: string;
  json?: boolean;
}

/** `list`: connections with their status, from one snapshot of the store; never opens the vault. */
export function listCommand(): Command {
  return new Command('list')
    .description('List connections with their status (no secret is read)')
    .option('--folder <folder>', 'only this folder (name path like Engineering/Docs, or id)')
    .option('--connector <connector>', 'only this connector (id or name, e.g. confluence-cloud)')
    .option('--status <status>', `only these statuses, comma-separated: ${Object.keys(STATUS_LABELS).join(', ')}`)
    .option('--json', 'print JSON')
    .action((options: ListOptions, command: Command) =>
      runCommand(command, async (cli) => {
        const doc = cli.snapshot();
        const folderId = options.folder ? resolveFolder(doc, options.folder).id : null;
        const connectorId = options.connector ? connectorIdOf(options.connector) : null;
        const statuses = options.status ? parseStatuses(options.status) : null;
        const now = cli.now();
        const views = doc.connections
          .filter((c) => (folderId === null || c.folderId === folderId) && (connectorId === null || c.connectorId === connectorId))
          .map((c) => connectionView(doc, c, now))
          .filter((v) => statuses === null || statuses.has(v.status))
          .sort((a, b) => a.folderPath.localeCompare(b.folderPath) || a.name.localeCompare(b.name));
        if (options.json) return printJson(views);
        if (views.length === 0) return note(`No connections${options.folder || options.connector || options.status ? ' match' : ''} in ${cli.store.path}.`);
        printLine(formatTable(['NAME', 'FOLDER', 'STATUS', 'SITE', 'AUTH', 'DEFAULT', 'ID'], views.map(row)));
      }),
    );
}

function row(v: ConnectionView): string[] {
  return [v.name, v.folderPath, STATUS_LABELS[v.status], v.site?.name ?? '—', v.authType === 'byo' ? 'own app' : 'managed', v.isDefault ? 'yes' : '', v.id];
}

function connectorIdOf(reference: string): string {
  const found = connectorCatalogue.find((c) => c.id === reference || c.name.toLowerCase() === reference.toLowerCase());
  if (!found) throw usageError(`There is no connector "${reference}".`, `Connectors: ${connectorCatalogue.map((c) => c.id).join(', ')}.`);
  return found.id;
}

/** Accepts the ids (needs-reconnect) and the words the app shows (Needs reconnect). */
function parseStatuses(value: string): Set<ConnectionState> {
  const known = Object.entries(STATUS_LABELS) as Array<[ConnectionState, string]>;
  const wanted = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  return new Set(
    wanted.map((w) => {
      const hit = known.find(([id, label]) => id === w.replace(/\s+/g, '-') || label.toLowerCase() === w);
      if (!hit) throw usageError(`There is no status "${w}".`, `Statuses: ${known.map(([id]) => id).join(', ')}.`);
      return hit[0];
    }),
  );
}
