import type { Command } from 'commander';
import { AppError, toErrorInfo } from '../core/errors/app-error.js';
import { CliContext, type GlobalOptions } from './cli-context.js';
import { ExitCode, exitCodeFor } from './exit-codes.js';
import { printError } from './output.js';

/** What a command body returns: its exit code (ok when nothing is returned). */
export type CommandBody = (cli: CliContext) => Promise<ExitCode | void>;

/**
 * Runs one verb: builds the context from the global options, maps every failure to the error
 * catalogue's message and fix and to an exit code, and closes what the run opened (a sandbox).
 */
export async function runCommand(command: Command, body: CommandBody): Promise<void> {
  const options = command.optsWithGlobals<GlobalOptions & { json?: boolean }>();
  let cli: CliContext | null = null;
  try {
    cli = CliContext.create(options);
    process.exitCode = (await body(cli)) ?? ExitCode.ok;
  } catch (error) {
    const info = toErrorInfo(error);
    printError(info, { json: options.json === true });
    process.exitCode = exitCodeFor(info.code);
  } finally {
    await cli?.close().catch(() => undefined);
  }
}

/** A wrong or missing argument: exit code 2 with the fix. */
export function usageError(message: string, remediation: string): AppError {
  return new AppError('VALIDATION_FAILED', { message, remediation });
}
