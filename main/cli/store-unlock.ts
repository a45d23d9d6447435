import { AppError, isAppError } from '../core/errors/app-error.js';
import type { ConnectionStore } from '../core/store/connection-store.js';
import { DevelopmentKeyProtector } from '../core/vault/development-key-protector.js';
import type { KeyProtector } from '../core/vault/key-protector.js';
import { assertRecoveryPassphraseAcceptable, PassphraseKeyProtector, RECOVERY_PASSPHRASE_PROTECTOR_ID } from '../core/vault/passphrase-key-protector.js';
import { SecretVault } from '../core/vault/secret-vault.js';
import { protectorName } from '../core/vault/vault-unlock.js';
import { CliKeychainKeyProtector, cliKeychainReference } from './keychain-key-protector.js';
import { ask, canPrompt } from './prompt.js';

/** What may open the store: set once per run from the options and the environment. */
export interface VaultKeys {
  /** --development-key: stores made by the browser shell and tests (INSECURE key). */
  developmentKey: boolean;
  /** CONNECTDESK_RECOVERY_PASSPHRASE, read at start and removed from the environment. */
  passphrase: string | undefined;
}

export interface OpenedVault {
  vault: SecretVault;
  /** Id of the key slot that opened it. */
  openedWith: string;
}

export const RECOVERY_PASSPHRASE_VARIABLE = 'CONNECTDESK_RECOVERY_PASSPHRASE';

export function keychainProtectorFor(store: ConnectionStore): CliKeychainKeyProtector {
  return new CliKeychainKeyProtector(cliKeychainReference(store.path));
}

/**
 * Opens the store's secrets the way the command-line tool can: this user's OS keychain (when
 * `unlock --remember` enrolled it), the development key (when asked for), then the recovery
 * passphrase (environment variable, else a hidden question in a terminal). The keychain is only
 * asked when the store has its slot, so a machine without one never waits on it. Nothing is
 * written unless a key slot asks to be re-wrapped (a recovery slot made with weaker parameters).
 */
export async function openStoreVault(store: ConnectionStore, keys: VaultKeys): Promise<OpenedVault> {
  const slots = store.readSlots();
  if (slots.length === 0) return createStoreKey(store, keys);
  const quick: KeyProtector[] = [keychainProtectorFor(store), ...(keys.developmentKey ? [new DevelopmentKeyProtector()] : [])];
  const usable = quick.filter((p) => slots.some((s) => s.protectorId === p.id));
  let quickFailure: AppError | null = null;
  if (usable.length > 0) {
    try {
      const vault = await SecretVault.openWithAny(store, usable);
      return { vault, openedWith: vault.unlockedBy };
    } catch (error) {
      if (!isAppError(error) || error.code !== 'VAULT_LOCKED') throw error;
      quickFailure = error;
    }
  }
  const hasRecovery = slots.some((s) => s.protectorId === RECOVERY_PASSPHRASE_PROTECTOR_ID);
  const passphrase = hasRecovery ? await recoveryPassphrase(keys, store.path) : undefined;
  if (passphrase !== undefined) {
    // A wrong passphrase is its own error (RECOVERY_PASSPHRASE_WRONG), not a generic lock.
    const vault = await SecretVault.open(store, new PassphraseKeyProtector(passphrase));
    return { vault, openedWith: vault.unlockedBy };
  }
  throw lockedForCli(slots.map((s) => s.protectorId), quickFailure, hasRecovery);
}

/** A store without any key yet: the development key when asked for, else the recovery passphrase. */
async function createStoreKey(store: ConnectionStore, keys: VaultKeys): Promise<OpenedVault> {
  if (keys.developmentKey) {
    const vault = await SecretVault.openWithAny(store, [new DevelopmentKeyProtector()]);
    return { vault, openedWith: vault.unlockedBy };
  }
  const passphrase = keys.passphrase ?? (canPrompt() ? await askNewPassphrase() : undefined);
  if (passphrase === undefined) {
    throw new AppError('VAULT_LOCKED', {
      message: 'This store has no secret key yet, and the command-line tool has no key to create it with.',
      remediation: `Start ConnectDesk once and set a recovery passphrase in Settings → Security, or give the tool a new recovery passphrase for this store in ${RECOVERY_PASSPHRASE_VARIABLE} (the app then asks for it once).`,
      detail: `${store.path} has no key slots`,
    });
  }
  assertRecoveryPassphraseAcceptable(passphrase);
  // The recovery slot is the first and only key: the app opens it with the passphrase, then adds its keychain.
  const vault = await SecretVault.open(store, new PassphraseKeyProtector(passphrase));
  return { vault, openedWith: vault.unlockedBy };
}

async function recoveryPassphrase(keys: VaultKeys, storePath: string): Promise<string | undefined> {
  if (keys.passphrase !== undefined) return keys.passphrase;
  if (!canPrompt()) return undefined;
  return ask(`Recovery passphrase for ${storePath}: `, { hidden: true });
}

async function askNewPassphrase(): Promise<string> {
  process.stderr.write('This store has no secret key yet. Choose its recovery passphrase (at least 12 characters); ConnectDesk asks for it once.\n');
  const first = await ask('New recovery passphrase: ', { hidden: true });
  assertRecoveryPassphraseAcceptable(first);
  const again = await ask('Repeat it: ', { hidden: true });
  if (again !== first) throw new AppError('VALIDATION_FAILED', { message: 'The two passphrases differ.', remediation: 'Run the command again and type the same passphrase twice.' });
  return first;
}

/** What the tool tried and what would open the store, in plain words. */
function lockedForCli(slotIds: string[], quickFailure: AppError | null, hasRecovery: boolean): AppError {
  const fixes: string[] = [];
  if (hasRecovery) fixes.push(`set ${RECOVERY_PASSPHRASE_VARIABLE} to the recovery passphrase (or run the command in a terminal to be asked for it)`);
  else fixes.push('set a recovery passphrase in ConnectDesk → Settings → Security; the tool can then open the store with it');
  if (slotIds.includes('development-key')) fixes.push('add --development-key (a store of the browser shell or of tests)');
  const keys = slotIds.map(protectorName).join(', ');
  return new AppError('VAULT_LOCKED', {
    message:
      `The command-line tool could not open the secret store (its keys: ${keys}).` +
      (quickFailure ? ` ${quickFailure.message}` : '') +
      (slotIds.includes('electron-safe-storage') ? " The app's own OS keychain key can only be read inside ConnectDesk." : ''),
    remediation:
      `To open it, ${fixes.join('; or ')}.` +
      (hasRecovery ? " Then `connectdesk unlock --remember` lets this computer's keychain open it without asking." : ''),
    detail: `slots: ${slotIds.join(', ')}${quickFailure?.detail ? `; ${quickFailure.detail}` : ''}`,
    ...(quickFailure ? { cause: quickFailure } : {}),
  });
}
