import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import type { BundleScope } from '../../core/diagnostics/support-bundle.js';
import { AppError, isAppError } from '../../core/errors/app-error.js';
import { protectorName } from '../../core/vault/vault-unlock.js';
import type { CliContext } from '../cli-context.js';
import { runCommand } from '../command-runner.js';
import { note, printJson, printLine } from '../output.js';
import { resolveConnection, resolveFolder } from '../resolve-names.js';
import type { OpenedVault } from '../store-unlock.js';
import { CLI_VERSION } from '../version.js';

/**
 * `bundle`: the app's support bundle (core's buildSupportBundle) for one connection, a folder or
 * everything, written to a file. Secrets appear only as fingerprints, and core refuses to return a
 * bundle in which its scan finds one (SUPPORT_BUNDLE_LEAK). A store the tool cannot open still
 * gives a bundle, without fingerprints: a locked store is when support needs one most.
 */
export function bundleCommand(): Command {
  return new Command('bundle')
    .description('Write a support bundle (no secret: only fingerprints) for a connection, a folder, or everything')
    .argument('[connection]', 'connection name or id (default: everything)')
    .option('--folder <folder>', 'a folder and its subfolders (or: the folder of <connection>)')
    .option('-o, --output <file>', 'where to write it (default: the suggested file name, in the current folder)')
    .option('--json', 'print where it was written and what it holds, as JSON')
    .action((reference: string | undefined, options: { folder?: string; output?: string; json?: boolean }, command: Command) =>
      runCommand(command, async (cli) => {
        const doc = cli.snapshot();
        const scope: BundleScope = reference
          ? { kind: 'connection', connectionId: resolveConnection(doc, reference, options.folder).id }
          : options.folder
            ? { kind: 'folder', folderId: resolveFolder(doc, options.folder).id }
            : { kind: 'all' };
        const opened = await openOrLocked(cli);
        const { ctx } = await cli.servicesWith(isAppError(opened) ? opened : opened.vault);
        const { buildSupportBundle, thisProcessHost } = await import('../../core/diagnostics/support-bundle.js');
        const bundle = await buildSupportBundle(ctx, scope, thisProcessHost({ appVersion: CLI_VERSION, secretProtection: describeProtection(cli, opened), dataDir: cli.dataDir }));
        const file = resolve(options.output ?? bundle.fileName);
        writeFileSync(file, bundle.text, { mode: 0o600 });
        if (options.json) return printJson({ file, ...bundle.summary });
        const { connections, events, traces, logLines } = bundle.summary;
        printLine(`Support bundle written to ${file}`);
        printLine(`  ${connections} connection${connections === 1 ? '' : 's'}, ${events} events, ${traces} HTTP traces, ${logLines} log lines; secrets only as fingerprints.`);
      }),
    );
}

/** VAULT_LOCKED is not the end here: the bundle says the store was locked. A wrong passphrase still is. */
async function openOrLocked(cli: CliContext): Promise<OpenedVault | AppError> {
  try {
    return await cli.openVault();
  } catch (error) {
    if (!isAppError(error) || error.code !== 'VAULT_LOCKED') throw error;
    note(`The secret store could not be opened, so the bundle has no fingerprints (${error.message})`);
    return error;
  }
}

function describeProtection(cli: CliContext, opened: OpenedVault | AppError): string {
  const slots = cli.store.readSlots().map((s) => protectorName(s.protectorId));
  const keys = `Key slots: ${slots.join(', ') || 'none'}.`;
  return isAppError(opened) ? `${keys} The command-line tool could not open the store.` : `${keys} Opened by the command-line tool with ${protectorName(opened.openedWith)}.`;
}
