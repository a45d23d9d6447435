import { create } from 'zustand';
import type { ErrorInfoDto, SecurityStatusDto } from '../../../../preload/contract';
import { invoke } from '../../api/client';
import { toErrorInfo } from '../../api/ui-error';

interface SecurityState {
  status: SecurityStatusDto | null;
  /** The status could not be read; the app then shows the workspace, whose own errors explain more. */
  error: ErrorInfoDto | null;
  load: () => Promise<void>;
  /** These throw a UiError for the screen to show; on success the status is main's answer. */
  unlock: (passphrase: string) => Promise<void>;
  setRecoveryPassphrase: (passphrase: string) => Promise<void>;
  removeRecoveryPassphrase: () => Promise<void>;
}

/** Whether the secret store is open, how secrets are protected, and the recovery passphrase. */
export const useSecurityStore = create<SecurityState>()((set) => ({
  status: null,
  error: null,
  async load() {
    try {
      set({ status: await invoke('security:get-status', {}), error: null });
    } catch (error) {
      set({ error: toErrorInfo(error) });
    }
  },
  async unlock(passphrase) {
    set({ status: await invoke('security:unlock', { passphrase }), error: null });
  },
  async setRecoveryPassphrase(passphrase) {
    set({ status: await invoke('security:set-recovery-passphrase', { passphrase }) });
  },
  async removeRecoveryPassphrase() {
    set({ status: await invoke('security:remove-recovery-passphrase', {}) });
  },
}));

/** Protection that deserves a warning colour: weak, temporary, or for development only. */
export function isWeakProtection(mode: SecurityStatusDto['mode']): boolean {
  return mode !== 'keychain';
}

/** The minimum main enforces (RECOVERY_PASSPHRASE_TOO_SHORT), checked here before anything is sent. */
export const MIN_RECOVERY_PASSPHRASE_LENGTH = 12;

/** Characters as people count them (code points), as main counts them. */
export function passphraseLength(passphrase: string): number {
  return [...passphrase.normalize('NFC')].length;
}
