/**
 * `connectdesk`: the command-line tool. Same core, same store and settings as the app; started by
 * main/cli/bin.mjs (the package's bin), so `npx connectdesk --help` works in a checkout.
 */
import { Command, CommanderError, Option } from 'commander';
import { baseUrlCommand } from './commands/base-url.js';
import { bundleCommand } from './commands/bundle.js';
import { checkCommand } from './commands/check.js';
import { connectCommand, reconnectCommand } from './commands/connect.js';
import { exportCommand } from './commands/export.js';
import { getCommand } from './commands/get.js';
import { listCommand } from './commands/list.js';
import { manageCommands } from './commands/manage.js';
import { unlockCommand } from './commands/unlock.js';
import { toErrorInfo } from '../core/errors/app-error.js';
import { EXIT_CODES_HELP, ExitCode } from './exit-codes.js';
import { printError } from './output.js';
import { CLI_VERSION } from './version.js';

const UNLOCK_HELP = `Secrets: list, get, export, base-url, rename, set-default, move and delete never read a
secret and never ask for a key. check, connect, reconnect, bundle and unlock open the secret store with:
  1. this user's OS keychain, once enrolled with \`connectdesk unlock --remember\`;
  2. the recovery passphrase: CONNECTDESK_RECOVERY_PASSPHRASE, else a hidden question in a terminal;
  3. --development-key, for stores of the browser shell and tests only (INSECURE).
The app's own OS keychain key (Electron safeStorage) can only be read inside ConnectDesk, so the tool
needs the recovery passphrase once (Settings → Security in the app sets it).`;

export function buildProgram(): Command {
  const program = new Command('connectdesk')
    .description('ConnectDesk from the command line: list, check, export and manage Confluence Cloud connections in the ConnectDesk store.')
    .version(CLI_VERSION)
    .option('--data-dir <dir>', 'the ConnectDesk data folder (default: CONNECTDESK_DATA_DIR, else the app\'s: ~/.config/ConnectDesk, ~/Library/Application Support/ConnectDesk or %APPDATA%\\ConnectDesk)')
    .addOption(new Option('--environment <environment>', 'environment for new sign-ins (default: the one saved in the app, else CONNECTDESK_ENVIRONMENT)').choices(['atlassian-cloud', 'sandbox']))
    .option('--development-key', 'open a store sealed with the INSECURE development key (browser shell and tests only; never the app\'s own store)')
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', `\n${UNLOCK_HELP}\n\n${EXIT_CODES_HELP}\n\nSettings: the app's environment variables (CONNECTDESK_SANDBOX_URL, CONNECTDESK_CALLBACK_URL, …; see the README).`);
  for (const command of [listCommand(), getCommand(), checkCommand(), exportCommand(), bundleCommand(), ...manageCommands(), baseUrlCommand(), connectCommand(), reconnectCommand(), unlockCommand()]) {
    program.addCommand(command);
  }
  // Usage errors exit 2 (commander's own default is 1, which here means "unhealthy").
  program.exitOverride();
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
      return;
    }
    // Commands report their own failures; this is a last guard: a catalogue message, never a stack.
    printError(toErrorInfo(error), { json: false });
    process.exitCode = ExitCode.failed;
  }
}

await main(process.argv);
