import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { keychainEntry, type KeychainReference } from '../core/assets/keychain.js';
import { AppError } from '../core/errors/app-error.js';
import type { KeyProtector } from '../core/vault/key-protector.js';

/**
 * The command-line tool's own key slot. Electron's safeStorage key cannot be read outside the app,
 * so the tool keeps a random wrapping key of its own in the OS keychain (macOS Keychain, Windows
 * Credential Manager, the Secret Service on Linux) and wraps the store's data key with it, in a
 * slot added by `connectdesk unlock --remember` once the recovery passphrase opened the store.
 */
export const CLI_KEYCHAIN_PROTECTOR_ID = 'cli-os-keychain';
export const CLI_KEYCHAIN_SERVICE = 'ConnectDesk';

const FORMAT = 'v1';
/** Binds the ciphertext to this slot kind, so it cannot be replayed as another kind of value. */
const AAD = Buffer.from('connectdesk:cli-os-keychain:v1', 'utf8');

/** One keychain entry per store file: the same user may keep several stores. */
export function cliKeychainReference(storePath: string): KeychainReference {
  const hash = createHash('sha256').update(resolve(storePath)).digest('hex').slice(0, 16);
  return { service: CLI_KEYCHAIN_SERVICE, account: `cli-store-key:${hash}` };
}

export class CliKeychainKeyProtector implements KeyProtector {
  readonly id = CLI_KEYCHAIN_PROTECTOR_ID;

  constructor(readonly reference: KeychainReference) {}

  async describe(): Promise<string> {
    return `The OS keychain of this user, through the command-line tool's key (service "${this.reference.service}", account "${this.reference.account}").`;
  }

  /** Reuses the entry's key when there is one, so remembering twice changes nothing. */
  async wrap(dataKey: Buffer): Promise<string> {
    const key = this.readKey() ?? this.createKey();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(AAD);
    const ct = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return [FORMAT, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ct.toString('base64')].join('.');
  }

  async unwrap(wrapped: string): Promise<{ dataKey: Buffer; shouldRewrap: boolean }> {
    const key = this.readKey();
    if (!key) {
      throw new AppError('VAULT_LOCKED', {
        message: 'The OS keychain has no command-line key for this store.',
        detail: `keychain entry service "${this.reference.service}", account "${this.reference.account}" is missing`,
      });
    }
    const [format, iv, tag, ct] = wrapped.split('.');
    if (format !== FORMAT || !iv || !tag || !ct) throw new AppError('VAULT_SLOT_DAMAGED', { detail: `${this.id}: unknown slot format` });
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAAD(AAD);
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return { dataKey: Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]), shouldRewrap: false };
    } catch (cause) {
      throw new AppError('VAULT_LOCKED', {
        message: 'The command-line key in the OS keychain does not open this store (it was replaced or belongs to another store).',
        detail: `${this.id}: the slot did not decrypt`,
        cause,
      });
    }
  }

  /** Deletes the keychain entry; true when there was one. */
  forget(): boolean {
    return this.keychain(() => keychainEntry(this.reference).deleteCredential());
  }

  private readKey(): Buffer | null {
    const stored = this.keychain(() => keychainEntry(this.reference).getPassword());
    if (!stored) return null;
    const key = Buffer.from(stored, 'base64');
    if (key.length !== 32) throw new AppError('VAULT_SLOT_DAMAGED', { detail: `${this.id}: the keychain entry does not hold a 256-bit key` });
    return key;
  }

  private createKey(): Buffer {
    const key = randomBytes(32);
    this.keychain(() => keychainEntry(this.reference).setPassword(key.toString('base64')));
    return key;
  }

  /** Any failure to reach the keychain is a locked store: the library's reason never holds a secret. */
  private keychain<T>(action: () => T): T {
    try {
      return action();
    } catch (cause) {
      throw new AppError('VAULT_LOCKED', {
        message: 'The OS keychain could not be reached.',
        remediation: 'Make sure the OS keychain is running and unlocked in this session (on Linux a Secret Service such as GNOME Keyring), or use the recovery passphrase.',
        detail: (cause instanceof Error ? cause.message : String(cause)).slice(0, 200),
        cause,
      });
    }
  }
}
