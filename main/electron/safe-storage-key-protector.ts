/**
 * KeyProtector over Electron safeStorage (async API, Electron 45: the sync one is deprecated).
 * The OS keeps the real key (macOS Keychain, Windows DPAPI, Linux kwallet/libsecret); on Linux
 * without a secret store safeStorage falls back to 'basic_text', a hard-coded password, and this
 * protector says so plainly instead of pretending the vault is protected.
 * Call only after app.whenReady().
 */
import { AppError } from '../core/errors/app-error.js';
import type { KeyProtector } from '../core/vault/key-protector.js';
import type { SafeStorageLike } from './electron-api.js';

type LinuxBackend = ReturnType<SafeStorageLike['getSelectedStorageBackend']>;

const LINUX_BACKENDS: Record<LinuxBackend, string> = {
  gnome_libsecret: 'Protected by the GNOME keyring (libsecret) of your user account.',
  kwallet: 'Protected by KDE Wallet of your user account.',
  kwallet5: 'Protected by KDE Wallet 5 of your user account.',
  kwallet6: 'Protected by KDE Wallet 6 of your user account.',
  basic_text:
    'NOT protected: no secret store (GNOME keyring or KDE Wallet) was found, so Electron would use a ' +
    'built-in password and anyone who can read your files could read your secrets.',
  unknown: 'Unknown: the secret store is not available yet.',
};

export interface SafeStorageKeyProtectorOptions {
  platform?: NodeJS.Platform;
  /**
   * Whether the user explicitly agreed to keep secrets under Linux 'basic_text' (effectively
   * plain text). Without that consent wrap() refuses, so nothing is stored there silently.
   */
  allowBasicText?: () => boolean;
}

export class SafeStorageKeyProtector implements KeyProtector {
  readonly id = 'electron-safe-storage';
  private readonly platform: NodeJS.Platform;
  private readonly allowBasicText: () => boolean;

  constructor(
    private readonly safeStorage: SafeStorageLike,
    options: SafeStorageKeyProtectorOptions = {},
  ) {
    this.platform = options.platform ?? process.platform;
    this.allowBasicText = options.allowBasicText ?? (() => false);
  }

  /** True when the vault key would be effectively plain text (Linux 'basic_text'). */
  isWeak(): boolean {
    return this.platform === 'linux' && this.safeStorage.getSelectedStorageBackend() === 'basic_text';
  }

  async describe(): Promise<string> {
    if (!(await this.safeStorage.isAsyncEncryptionAvailable())) {
      return 'NOT available: the operating system did not provide encryption for secrets.';
    }
    switch (this.platform) {
      case 'darwin':
        return 'Protected by the macOS Keychain of your user account.';
      case 'win32':
        // DPAPI stops other users, not other programs running as you: say so.
        return 'Protected by Windows (DPAPI) for your user account; other programs you run could still read it.';
      case 'linux':
        return LINUX_BACKENDS[this.safeStorage.getSelectedStorageBackend()];
      default:
        return `Protected by the operating system (${this.platform}).`;
    }
  }

  async wrap(dataKey: Buffer): Promise<string> {
    await this.requireEncryption();
    if (this.isWeak() && !this.allowBasicText()) {
      throw new AppError('VAULT_LOCKED', {
        message: 'No secret store (GNOME keyring or KDE Wallet) is available, so secrets would be stored unprotected.',
        remediation: 'Install and unlock a secret store (for example GNOME Keyring), then restart ConnectDesk.',
        detail: 'safeStorage backend basic_text',
      });
    }
    // safeStorage encrypts strings; base64 carries the key's bytes through losslessly.
    const encrypted = await this.safeStorage.encryptStringAsync(dataKey.toString('base64'));
    return encrypted.toString('base64');
  }

  async unwrap(wrapped: string): Promise<{ dataKey: Buffer; shouldRewrap: boolean }> {
    await this.requireEncryption();
    let decrypted: { result: string; shouldReEncrypt: boolean };
    try {
      decrypted = await this.safeStorage.decryptStringAsync(Buffer.from(wrapped, 'base64'));
    } catch (cause) {
      throw new AppError('VAULT_LOCKED', {
        message: 'The secret store key could not be decrypted by the operating system.',
        detail: 'safeStorage.decryptStringAsync failed',
        cause,
      });
    }
    return { dataKey: Buffer.from(decrypted.result, 'base64'), shouldRewrap: decrypted.shouldReEncrypt };
  }

  private async requireEncryption(): Promise<void> {
    if (await this.safeStorage.isAsyncEncryptionAvailable()) return;
    throw new AppError('VAULT_LOCKED', {
      message: 'The operating system cannot encrypt secrets right now, so the secret store stays locked.',
      detail: `safeStorage async encryption unavailable (platform ${this.platform})`,
    });
  }
}
