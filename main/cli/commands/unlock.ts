import { Command } from 'commander';
import { AppError } from '../../core/errors/app-error.js';
import { protectorName } from '../../core/vault/vault-unlock.js';
import { runCommand, usageError } from '../command-runner.js';
import { CLI_KEYCHAIN_PROTECTOR_ID } from '../keychain-key-protector.js';
import { note, printJson, printLine } from '../output.js';
import { keychainProtectorFor } from '../store-unlock.js';

/**
 * `unlock`: tells whether the tool can open the secret store and with which key; `--remember`
 * adds a key slot for this user's OS keychain (after the recovery passphrase opened the store),
 * `--forget` removes it. Only key slots change: no secret is re-encrypted.
 */
export function unlockCommand(): Command {
  return new Command('unlock')
    .description("Open the secret store once; --remember lets this computer's OS keychain open it from now on, --forget undoes that")
    .option('--remember', "add a key slot for this user's OS keychain (asks for the recovery passphrase once)")
    .option('--forget', 'remove that key slot and its keychain entry')
    .option('--json', 'print JSON')
    .action((options: { remember?: boolean; forget?: boolean; json?: boolean }, command: Command) =>
      runCommand(command, async (cli) => {
        if (options.remember && options.forget) throw usageError('Choose --remember or --forget, not both.', 'Run the command with one of them.');
        const { vault, openedWith } = await cli.openVault();
        const keychain = keychainProtectorFor(cli.store);
        let change: 'remembered' | 'forgotten' | null = null;
        if (options.remember) {
          await vault.addSlot(cli.store, keychain, { replace: true });
          change = 'remembered';
        } else if (options.forget) {
          if (!cli.store.readSlots().some((s) => s.protectorId === CLI_KEYCHAIN_PROTECTOR_ID)) {
            throw new AppError('NOT_FOUND', { message: "This store has no key slot for the command-line tool's OS keychain key.", remediation: 'Nothing to forget.' });
          }
          await vault.removeSlot(cli.store, CLI_KEYCHAIN_PROTECTOR_ID);
          // The slot is gone; a keychain that cannot be reached now leaves only a useless entry behind.
          try {
            keychain.forget();
          } catch {
            note(`The key slot was removed; remove the keychain entry yourself (service "${keychain.reference.service}", account "${keychain.reference.account}").`);
          }
          change = 'forgotten';
        }
        const slots = cli.store.readSlots().map((s) => s.protectorId);
        if (options.json) return printJson({ store: cli.store.path, openedWith, change, slots, keychainEntry: keychain.reference });
        printLine(`The secret store ${cli.store.path} opens (with ${protectorName(openedWith)}).`);
        if (change === 'remembered') printLine(`This user's OS keychain now opens it (service "${keychain.reference.service}", account "${keychain.reference.account}"); no passphrase is asked from now on.`);
        if (change === 'forgotten') printLine("The OS keychain no longer opens it for the command-line tool; the recovery passphrase is asked again.");
        printLine(`Key slots: ${slots.map(protectorName).join(', ')}.`);
      }),
    );
}
