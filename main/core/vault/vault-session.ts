import { AppError, isAppError, type ErrorInfo } from '../errors/app-error.js';
import type { KeyProtector } from './key-protector.js';
import {
  assertRecoveryPassphraseAcceptable,
  PassphraseKeyProtector,
  RECOVERY_PASSPHRASE_PROTECTOR_ID,
  type ScryptParameters,
} from './passphrase-key-protector.js';
import { SecretVault, type KeySlot, type KeySlotStore } from './secret-vault.js';
import { protectorName } from './vault-unlock.js';

/**
 * How this process protects secrets. keychain: the OS keychain; basic-text: Linux without a
 * keyring, kept anyway with the user's consent; session-only: a key that lives until quit;
 * development: the insecure development key (browser shell, tests).
 */
export type SecretProtectionMode = 'keychain' | 'basic-text' | 'session-only' | 'development';

export interface VaultSessionOptions {
  mode: SecretProtectionMode;
  /** scrypt parameters for new recovery-passphrase wraps (tests pass cheap ones). */
  scrypt?: ScryptParameters;
  /** The store file, named when nothing here can open it (so the person knows what to move aside). */
  storePath?: string;
  /** Where best-effort failures go (a keychain that could not re-protect the store). */
  log?: (message: string) => void;
  now?: () => Date;
  /** Called once the vault is open (at start, or after the unlock): the redactor learns the store's secrets then. */
  onOpened?: (vault: SecretVault) => void;
}

/** What Settings → Security and the unlock screen show. Never a key or a passphrase. */
export interface VaultSecurityStatus {
  mode: SecretProtectionMode;
  description: string;
  locked: boolean;
  lockedReason: ErrorInfo | null;
  recoveryPassphrase: { set: boolean; createdAt: string | null };
}

type SessionState = { kind: 'open'; vault: SecretVault } | { kind: 'locked'; reason: AppError };

const SESSION_ONLY_DESCRIPTION =
  'Kept for this session only: no keyring was found, so secrets are encrypted with a key that exists only while ConnectDesk runs. ' +
  'Connections saved before this session cannot be read now, and the ones you add or reconnect need reconnecting after you quit.';
const BASIC_TEXT_DESCRIPTION =
  'NOT protected: no keyring (GNOME Keyring or KDE Wallet) was found and you chose to keep secrets anyway. ' +
  'Anyone who can read your files can read your secrets.';

/**
 * The process's secret vault: open, or locked because this computer's keychain could not open
 * the store (a lost keychain, a new computer). Locked is a state, not a failure: the store is
 * never given a new key over existing slots, and the recovery passphrase can open it later.
 */
export class VaultSession {
  private constructor(
    private readonly slots: KeySlotStore,
    private readonly keychain: KeyProtector,
    private readonly options: VaultSessionOptions,
    private state: SessionState,
  ) {}

  static async start(slots: KeySlotStore, keychain: KeyProtector, options: VaultSessionOptions): Promise<VaultSession> {
    const now = options.now ?? (() => new Date());
    const opened = (vault: SecretVault): VaultSession => {
      options.onOpened?.(vault);
      return new VaultSession(slots, keychain, options, { kind: 'open', vault });
    };
    if (options.mode === 'session-only') return opened(SecretVault.sessionOnly(now));
    try {
      return opened(await SecretVault.openWithAny(slots, [keychain], now));
    } catch (error) {
      if (!isAppError(error) || error.code !== 'VAULT_LOCKED') throw error;
      const hasRecovery = slots.readSlots().some((s) => s.protectorId === RECOVERY_PASSPHRASE_PROTECTOR_ID);
      return new VaultSession(slots, keychain, options, { kind: 'locked', reason: explainLocked(error, keychain.id, hasRecovery, options.storePath) });
    }
  }

  get locked(): boolean {
    return this.state.kind === 'locked';
  }

  /** The open vault; VAULT_LOCKED (in plain words) while the store waits for the recovery passphrase. */
  get vault(): SecretVault {
    if (this.state.kind === 'locked') throw this.state.reason;
    return this.state.vault;
  }

  /** The error every request that needs secrets gets while locked. */
  lockedError(): AppError {
    return this.state.kind === 'locked' ? this.state.reason : new AppError('UNEXPECTED', { detail: 'the vault is open' });
  }

  /**
   * Opens a locked store with the recovery passphrase (a wrong one: RECOVERY_PASSPHRASE_WRONG and
   * nothing changed), then wraps the same data key with this computer's keychain so the next
   * start opens without asking. Already open: nothing to do.
   */
  async unlock(passphrase: string): Promise<void> {
    if (this.state.kind === 'open') return;
    if (!this.recoverySlot()) throw this.state.reason;
    const vault = await SecretVault.open(this.slots, this.recoveryProtector(passphrase), this.options.now);
    this.state = { kind: 'open', vault };
    this.options.onOpened?.(vault);
    await this.reprotectWithKeychain(vault);
  }

  /** Sets or changes the recovery passphrase: a new wrap of the same data key, never a secret re-sealed. */
  async setRecoveryPassphrase(passphrase: string): Promise<void> {
    const vault = this.persistentVault();
    assertRecoveryPassphraseAcceptable(passphrase);
    await vault.addSlot(this.slots, this.recoveryProtector(passphrase), { replace: true });
  }

  /**
   * Refused when the recovery passphrase is the only key that still opens the store here (the
   * keychain slot is missing, or stale after a move and could not be renewed): removing it would
   * lock the person out at the next start.
   */
  async removeRecoveryPassphrase(): Promise<void> {
    const vault = this.persistentVault();
    const keychainSlot = this.slots.readSlots().find((s) => s.protectorId === this.keychain.id);
    if (this.recoverySlot() && !(keychainSlot && (await vault.canBeOpenedBy(this.keychain, keychainSlot)))) {
      throw new AppError('VAULT_LAST_KEY_SLOT', {
        message: `The recovery passphrase is the only key that opens your secrets on this computer: ${protectorName(this.keychain.id)} cannot open them, so it was not removed.`,
        remediation: `Make sure ${protectorName(this.keychain.id)} is available and unlocked, restart ConnectDesk, and try again.`,
        detail: keychainSlot ? `${this.keychain.id} slot does not open this store` : `no ${this.keychain.id} slot`,
      });
    }
    await vault.removeSlot(this.slots, RECOVERY_PASSPHRASE_PROTECTOR_ID);
  }

  async status(): Promise<VaultSecurityStatus> {
    const recovery = this.recoverySlot();
    return {
      mode: this.options.mode,
      description: await this.describe(),
      locked: this.state.kind === 'locked',
      lockedReason: this.state.kind === 'locked' ? this.state.reason.toInfo() : null,
      recoveryPassphrase: { set: recovery !== undefined, createdAt: recovery?.createdAt ?? null },
    };
  }

  private async describe(): Promise<string> {
    if (this.options.mode === 'session-only') return SESSION_ONLY_DESCRIPTION;
    if (this.options.mode === 'basic-text') return BASIC_TEXT_DESCRIPTION;
    return this.keychain.describe();
  }

  private recoverySlot(): KeySlot | undefined {
    return this.slots.readSlots().find((s) => s.protectorId === RECOVERY_PASSPHRASE_PROTECTOR_ID);
  }

  private recoveryProtector(passphrase: string): PassphraseKeyProtector {
    return new PassphraseKeyProtector(passphrase, this.options.scrypt ? { scrypt: this.options.scrypt } : {});
  }

  /** The vault whose key is the store's own: not while locked, not a session-only key. */
  private persistentVault(): SecretVault {
    const vault = this.vault;
    if (this.options.mode === 'session-only') throw new AppError('VAULT_SESSION_ONLY');
    return vault;
  }

  /** Best effort: a keychain that cannot wrap (still gone, no consent) leaves the store as it was. */
  private async reprotectWithKeychain(vault: SecretVault): Promise<void> {
    try {
      await vault.addSlot(this.slots, this.keychain, { replace: true });
    } catch (error) {
      const code = isAppError(error) ? error.code : 'UNEXPECTED';
      this.options.log?.(`vault opened with the recovery passphrase; ${this.keychain.id} could not protect it again (${code}), so it will be asked for next time`);
    }
  }
}

/** Plain words for the unlock screen; the tried keys and their failures stay in the detail. */
function explainLocked(error: AppError, keychainId: string, hasRecovery: boolean, storePath: string | undefined): AppError {
  const keychain = protectorName(keychainId);
  return new AppError('VAULT_LOCKED', {
    message:
      `Your secret store could not be opened with ${keychain} on this computer. ` +
      'This happens after moving to a new computer, reinstalling the system, or resetting the keychain.',
    remediation: hasRecovery
      ? `Enter your recovery passphrase to open it. ConnectDesk then protects the store with ${keychain} again, so you are not asked next time.`
      : 'No recovery passphrase was set for this store, so it cannot be opened here. Open ConnectDesk on the computer and user account ' +
        `that created it (with its keychain unlocked), or quit, move the store file${storePath ? ` (${storePath})` : ''} aside to start empty, ` +
        'and import a backup or reconnect your connections.',
    // The screen asks for the recovery passphrase itself, so only the keychain's failure is worth showing.
    detail: [error.message.replace(/\s*Not tried \(not available here\):[^.]*\./, ''), error.detail].filter(Boolean).join(' — '),
    cause: error,
  });
}
