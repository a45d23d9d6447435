import { AppError, isAppError } from '../errors/app-error.js';
import type { KeyProtector } from './key-protector.js';
import { RECOVERY_PASSPHRASE_PROTECTOR_ID } from './passphrase-key-protector.js';
import type { KeySlot } from './secret-vault.js';

/** Plain names and fixes for the protectors people meet; unknown ids are shown as they are. */
const PROTECTORS: Record<string, { name: string; fix: string }> = {
  'electron-safe-storage': {
    name: 'the OS keychain',
    fix: 'restore or unlock the OS keychain of the user account (and machine) that created this store',
  },
  [RECOVERY_PASSPHRASE_PROTECTOR_ID]: { name: 'the recovery passphrase', fix: 'enter your recovery passphrase' },
  'development-key': { name: 'the development key', fix: 'open the store with the development build that created it' },
  // The command-line tool's own slot (main/cli/keychain-key-protector.ts): only the tool reads it.
  'cli-os-keychain': {
    name: "the command-line tool's OS keychain key",
    fix: 'run `connectdesk` as the user who enrolled it with `connectdesk unlock --remember`, with the OS keychain unlocked',
  },
};

export function protectorName(protectorId: string): string {
  return PROTECTORS[protectorId]?.name ?? `the "${protectorId}" key`;
}

export interface UnlockFailure {
  protectorId: string;
  error: AppError;
}

/** Unwraps one slot; any failure becomes an AppError that says which key failed and leaves the slot alone. */
export async function unwrapSlot(protector: KeyProtector, slot: KeySlot): Promise<{ dataKey: Buffer; shouldRewrap: boolean }> {
  let unwrapped: { dataKey: Buffer; shouldRewrap: boolean };
  try {
    unwrapped = await protector.unwrap(slot.wrapped);
  } catch (cause) {
    // A protector's own clear error (wrong passphrase, damaged slot, keychain unavailable) is kept.
    if (isAppError(cause)) throw cause;
    throw new AppError('VAULT_LOCKED', { detail: `the ${protector.id} key could not unwrap the data key`, cause });
  }
  if (unwrapped.dataKey.length !== 32) {
    throw new AppError('VAULT_SLOT_DAMAGED', { detail: `${protector.id}: the unwrapped data key has the wrong length` });
  }
  return unwrapped;
}

/**
 * Nothing could unwrap the data key: one VAULT_LOCKED error that names every key tried (and why
 * it failed), every key the store has that was not offered, and what the person can do. The
 * individual errors stay available as the cause (an AggregateError) for a UI that wants them.
 */
export function lockedError(slots: readonly KeySlot[], failures: readonly UnlockFailure[]): AppError {
  const tried = failures.map((f) => `${protectorName(f.protectorId)} (${f.error.message.replace(/\.$/, '')})`);
  const untried = slots.map((s) => s.protectorId).filter((id) => !failures.some((f) => f.protectorId === id));
  const parts = [
    tried.length > 0 ? `Tried ${tried.join('; ')}.` : 'None of the keys available here matches this store.',
    untried.length > 0 ? `Not tried (not available here): ${untried.map(protectorName).join(', ')}.` : '',
  ];
  const fixes = [...new Set(slots.map((s) => PROTECTORS[s.protectorId]?.fix ?? `provide ${protectorName(s.protectorId)}`))];
  return new AppError('VAULT_LOCKED', {
    message: `The secret store could not be opened. ${parts.filter(Boolean).join(' ')}`,
    remediation: `To open it, ${fixes.join(', or ')}. Nothing in the store was changed.`,
    detail: `slots: ${slots.map((s) => s.protectorId).join(', ') || 'none'}; failed: ${failures.map((f) => `${f.protectorId}=${f.error.code}`).join(', ') || 'none'}`,
    cause: new AggregateError(failures.map((f) => f.error), 'no key could unwrap the data key'),
  });
}
