import { AppError } from '../../main/core/errors/app-error.js';
import { DevelopmentKeyProtector } from '../../main/core/vault/development-key-protector.js';
import type { KeyProtector } from '../../main/core/vault/key-protector.js';

/**
 * The shell's stand-in for the OS keychain, chosen by CONNECTDESK_SHELL_KEYCHAIN so the unlock
 * screen can be exercised (e2e, demos):
 * - unset: the development key;
 * - `lost`: the keychain is gone: it can neither open the store nor protect it again, so the
 *   store stays as it was (start without the switch and it opens as before);
 * - `new-computer`: another computer's key: it cannot open the store, but after an unlock with
 *   the recovery passphrase it protects the store, and the next start with it opens without asking.
 */
export function shellKeychain(setting: string | undefined): KeyProtector {
  switch (setting ?? '') {
    case '':
      return new DevelopmentKeyProtector();
    case 'lost':
      return new LostKeychain();
    case 'new-computer':
      return new DevelopmentKeyProtector({ machine: 'another-computer' });
    default:
      throw new Error(`CONNECTDESK_SHELL_KEYCHAIN must be "lost" or "new-computer", not "${setting}"`);
  }
}

class LostKeychain implements KeyProtector {
  // The development key's id: the store's slot is "there", only its key is not.
  readonly id = new DevelopmentKeyProtector().id;

  async describe(): Promise<string> {
    return 'Development key (INSECURE), simulated as lost by CONNECTDESK_SHELL_KEYCHAIN=lost: it cannot open or protect the store.';
  }

  async wrap(): Promise<string> {
    throw this.gone();
  }

  async unwrap(): Promise<{ dataKey: Buffer; shouldRewrap: boolean }> {
    throw this.gone();
  }

  private gone(): AppError {
    return new AppError('VAULT_LOCKED', { message: 'The development key is not available.', detail: 'CONNECTDESK_SHELL_KEYCHAIN=lost' });
  }
}
