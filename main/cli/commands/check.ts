import { Command } from 'commander';
import type { CheckResult } from '../../core/services/connection-check.js';
import { STATUS_LABELS } from '../../core/services/connection-status.js';
import { runCommand, usageError } from '../command-runner.js';
import { ExitCode } from '../exit-codes.js';
import { errorLines, note, printJson, printLine } from '../output.js';
import { folderPath, resolveConnection, resolveFolder } from '../resolve-names.js';

const MARKS = { passed: '[ok]     ', failed: '[FAILED] ', skipped: '[skipped]' } as const;

/** `check`: the app's Check connection, step by step; the exit code says healthy (0) or not (1). */
export function checkCommand(): Command {
  return new Command('check')
    .description('Run Check connection on a connection, or on every connection of --folder; exit 0 when healthy, 1 when not')
    .argument('[connection]', 'connection name or id')
    .option('--folder <folder>', 'check every connection of this folder (or: the folder of <connection>)')
    .option('--json', 'print JSON')
    .action((reference: string | undefined, options: { folder?: string; json?: boolean }, command: Command) =>
      runCommand(command, async (cli) => {
        if (!reference && !options.folder) throw usageError('Name a connection or a folder to check.', 'Run `connectdesk check <connection>` or `connectdesk check --folder <folder>`.');
        const doc = cli.snapshot();
        // Resolve names before the vault is opened: a typo never asks for a passphrase.
        const target = reference ? { connection: resolveConnection(doc, reference, options.folder) } : { folder: resolveFolder(doc, options.folder!) };
        const { connections } = await cli.openServices();
        if (target.connection) {
          const result = await connections.checker.check(target.connection.id);
          if (options.json) printJson({ ...result, folderPath: folderPath(doc, result.connection.folderId) });
          else printLine(describe(result, folderPath(doc, result.connection.folderId)).join('\n'));
          return result.ok ? ExitCode.ok : ExitCode.failed;
        }
        const folder = target.folder!;
        const results = await connections.checker.checkFolder(folder.id);
        const ok = results.every((r) => r.ok);
        if (options.json) {
          printJson({ folderId: folder.id, folderPath: folderPath(doc, folder.id), ok, results });
        } else if (results.length === 0) {
          note(`No connections in ${folderPath(doc, folder.id)}.`);
        } else {
          printLine(results.map((r) => describe(r, folderPath(doc, folder.id)).join('\n')).join('\n\n'));
          printLine(`\n${results.filter((r) => r.ok).length} of ${results.length} healthy.`);
        }
        return ok ? ExitCode.ok : ExitCode.failed;
      }),
    );
}

function describe(result: CheckResult, folder: string): string[] {
  const c = result.connection;
  const lines = [`${c.name} (${folder}): ${result.ok ? 'healthy' : 'NOT healthy'} — ${STATUS_LABELS[c.status]}`];
  for (const step of result.steps) {
    lines.push(`  ${MARKS[step.outcome]} ${step.name}${step.detail ? ` — ${step.detail}` : ''}`);
    if (step.error) lines.push(...errorLines(step.error).map((l) => `              ${l}`));
  }
  if (result.missingScopes.length > 0) lines.push(`  Missing scopes: ${result.missingScopes.join(' ')}`);
  return lines;
}
