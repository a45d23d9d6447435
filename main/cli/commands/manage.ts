import { Command } from 'commander';
import { deleteConnection, editConnection, makeDefault, moveConnection } from '../../core/services/connection-management.js';
import type { ConnectionRecord } from '../../core/store/store-schema.js';
import type { CliContext } from '../cli-context.js';
import { runCommand, usageError } from '../command-runner.js';
import { connectionView, printJson, printLine } from '../output.js';
import { folderPath, resolveConnection, resolveFolder } from '../resolve-names.js';
import { announceIfStoreBusy } from '../store-busy.js';

/**
 * rename, set-default, move and delete: the app's own use cases, each one locked read-modify-write
 * of the store (safe while the app runs). None of them reads a secret, so the vault stays shut.
 */
export function manageCommands(): Command[] {
  return [renameCommand(), setDefaultCommand(), moveCommand(), deleteCommand()];
}

interface TargetOptions {
  folder?: string;
  json?: boolean;
}

const FOLDER_HELP = 'the folder of the connection, when its name is used in several';

/** The connection named; announces a wait when another process holds the store's lock. */
async function target(cli: CliContext, reference: string, options: TargetOptions): Promise<ConnectionRecord> {
  const record = resolveConnection(cli.snapshot(), reference, options.folder);
  await announceIfStoreBusy(cli.store.path);
  return record;
}

function report(cli: CliContext, record: ConnectionRecord, options: TargetOptions, text: string): void {
  if (options.json) printJson(connectionView(cli.snapshot(), record, cli.now()));
  else printLine(text);
}

function renameCommand(): Command {
  return new Command('rename')
    .description('Rename a connection')
    .argument('<connection>', 'connection name or id')
    .argument('<name>', 'the new name')
    .option('--folder <folder>', FOLDER_HELP)
    .option('--json', 'print the connection as JSON')
    .action((reference: string, name: string, options: TargetOptions, command: Command) =>
      runCommand(command, async (cli) => {
        const trimmed = name.trim();
        if (trimmed.length === 0 || trimmed.length > 120) throw usageError('A connection name has 1 to 120 characters.', 'Choose another name.');
        const current = await target(cli, reference, options);
        const record = await editConnection(cli.store, current.id, { name: trimmed }, cli.now(), await cli.eventContext());
        report(cli, record, options, `Renamed "${current.name}" to "${record.name}".`);
      }),
    );
}

function setDefaultCommand(): Command {
  return new Command('set-default')
    .description("Make a connection its folder's default for its connector")
    .argument('<connection>', 'connection name or id')
    .option('--folder <folder>', FOLDER_HELP)
    .option('--json', 'print the connection as JSON')
    .action((reference: string, options: TargetOptions, command: Command) =>
      runCommand(command, async (cli) => {
        const record = await makeDefault(cli.store, (await target(cli, reference, options)).id);
        report(cli, record, options, `"${record.name}" is now the default connection of ${folderPath(cli.snapshot(), record.folderId)}.`);
      }),
    );
}

function moveCommand(): Command {
  return new Command('move')
    .description('Move a connection to another folder')
    .argument('<connection>', 'connection name or id')
    .argument('<destination>', 'destination folder (name path or id)')
    .option('--folder <folder>', FOLDER_HELP)
    .option('--json', 'print the connection as JSON')
    .action((reference: string, destination: string, options: TargetOptions, command: Command) =>
      runCommand(command, async (cli) => {
        const current = await target(cli, reference, options);
        const folder = resolveFolder(cli.snapshot(), destination);
        const record = await moveConnection(cli.store, current.id, folder.id, await cli.eventContext());
        report(cli, record, options, `Moved "${record.name}" to ${folderPath(cli.snapshot(), record.folderId)}.`);
      }),
    );
}

function deleteCommand(): Command {
  return new Command('delete')
    .description('Delete a connection and its sealed secrets (needs --yes)')
    .argument('<connection>', 'connection name or id')
    .option('--folder <folder>', FOLDER_HELP)
    .option('--yes', 'really delete it')
    .option('--json', 'print what was deleted as JSON')
    .action((reference: string, options: TargetOptions & { yes?: boolean }, command: Command) =>
      runCommand(command, async (cli) => {
        const doc = cli.snapshot();
        const current = await target(cli, reference, options);
        const where = folderPath(doc, current.folderId);
        if (!options.yes) {
          throw usageError(`Not deleted: deleting "${current.name}" (${where}) needs --yes.`, 'Add --yes to delete it with its secrets; this cannot be undone.');
        }
        const view = connectionView(doc, current, cli.now());
        await deleteConnection(cli.store, current.id, await cli.eventContext());
        if (options.json) printJson({ deleted: true, connection: view });
        else printLine(`Deleted "${current.name}" (${where}).`);
      }),
    );
}
