import type { InvokeChannel, RequestOf, ResponseOf, SecurityStatusDto } from '../../preload/contract';
import { InvokeError } from './fake-invoke-error';

/** What main answers while locked, as the dispatcher does. */
const ANSWERED_WHILE_LOCKED: ReadonlySet<InvokeChannel> = new Set(['app:get-info', 'settings:get', 'security:get-status', 'security:unlock']);

const lockedReason = (recovery: boolean) => ({
  code: 'VAULT_LOCKED',
  message: 'Your secret store could not be opened with the OS keychain on this computer.',
  remediation: recovery
    ? 'Enter your recovery passphrase to open it.'
    : 'No recovery passphrase was set for this store, so it cannot be opened here. Open ConnectDesk on the computer that created it.',
  detail: 'Tried the OS keychain',
});

/**
 * In-memory vault status for the fake bridge, with main's rules: a passphrase of at least 12
 * characters, a wrong one refused, nothing but status and unlock answered while locked.
 */
export class FakeSecurity {
  status: SecurityStatusDto = {
    mode: 'development',
    description: 'Development key (insecure, tests only)',
    locked: false,
    lockedReason: null,
    recoveryPassphrase: { set: false, createdAt: null },
  };
  /** The recovery passphrase main would accept; null when none is set. */
  passphrase: string | null = null;
  /** When set, set-recovery-passphrase waits for it: main's scrypt takes a moment. */
  pending: Promise<void> | null = null;

  /** Starts as after a lost keychain: locked, openable with `passphrase` (null: no recovery passphrase). */
  lock(passphrase: string | null): void {
    this.passphrase = passphrase;
    this.status = {
      ...this.status,
      locked: true,
      lockedReason: lockedReason(passphrase !== null),
      recoveryPassphrase: { set: passphrase !== null, createdAt: passphrase === null ? null : '2026-02-01T09:00:00.000Z' },
    };
  }

  /** The error the bridge answers for `channel`, or null when it may go through. */
  refusal(channel: InvokeChannel): InvokeError | null {
    if (!this.status.locked || ANSWERED_WHILE_LOCKED.has(channel)) return null;
    return new InvokeError(this.status.lockedReason!);
  }

  get(): ResponseOf<'security:get-status'> {
    return this.status;
  }

  unlock({ passphrase }: RequestOf<'security:unlock'>): ResponseOf<'security:unlock'> {
    if (!this.status.locked) return this.status;
    if (this.passphrase === null) throw new InvokeError(this.status.lockedReason!);
    if (passphrase !== this.passphrase) {
      throw new InvokeError({
        code: 'RECOVERY_PASSPHRASE_WRONG',
        message: 'The recovery passphrase is not correct.',
        remediation: 'Enter the recovery passphrase again, exactly as it was set (letter case and spaces count).',
      });
    }
    this.status = { ...this.status, locked: false, lockedReason: null };
    return this.status;
  }

  async setRecoveryPassphrase({ passphrase }: RequestOf<'security:set-recovery-passphrase'>): Promise<ResponseOf<'security:set-recovery-passphrase'>> {
    if (this.pending) await this.pending;
    if (this.status.mode === 'session-only') {
      throw new InvokeError({ code: 'VAULT_SESSION_ONLY', message: 'Secrets are kept for this session only.', remediation: 'Install a keyring and restart.' });
    }
    if ([...passphrase].length < 12) {
      throw new InvokeError({ code: 'RECOVERY_PASSPHRASE_TOO_SHORT', message: 'The recovery passphrase is too short: use at least 12 characters.', remediation: 'Choose a longer passphrase.' });
    }
    this.passphrase = passphrase;
    this.status = { ...this.status, recoveryPassphrase: { set: true, createdAt: new Date().toISOString() } };
    return this.status;
  }

  removeRecoveryPassphrase(): ResponseOf<'security:remove-recovery-passphrase'> {
    this.passphrase = null;
    this.status = { ...this.status, recoveryPassphrase: { set: false, createdAt: null } };
    return this.status;
  }
}
