import { randomBytes } from 'node:crypto';
import { AppError, isAppError } from '../errors/app-error.js';
import type { KeyProtector } from './key-protector.js';
import { seal, unseal, type SealedSecret } from './sealed-secret.js';
import { lockedError, protectorName, unwrapSlot, type UnlockFailure } from './vault-unlock.js';

/** `unlockedBy` of a session-only vault: its data key was never wrapped, so no protector opened it. */
export const SESSION_ONLY_KEY_ID = 'session-only';

/** A wrapped data key as persisted: which protector wrapped it, and the wrapped bytes. */
export interface KeySlot {
  protectorId: string;
  wrapped: string;
  createdAt: string;
}

/** Where the vault reads and writes its key slots (the store). */
export interface KeySlotStore {
  readSlots(): KeySlot[];
  writeSlots(slots: KeySlot[]): Promise<void> | void;
}

/**
 * Envelope encryption: one random AES-256 data key seals every secret; the data key exists on
 * disk only wrapped by KeyProtectors, one key slot each (the OS keychain, a recovery passphrase).
 * Every slot wraps the same data key, so adding, changing or removing a slot rewrites only the
 * slots and never a sealed secret. Unsealing happens only when a secret is used.
 */
export class SecretVault {
  private constructor(
    private readonly dataKey: Buffer,
    /** Id of the protector whose slot opened this vault (the UI can offer to repair the others). */
    readonly unlockedBy: string,
    private readonly now: () => Date,
  ) {}

  /**
   * Opens with one protector. An empty store gets a new data key wrapped by it; a store that has
   * slots but none for this protector is refused rather than given a second, different data key.
   */
  static async open(slots: KeySlotStore, protector: KeyProtector, now: () => Date = () => new Date()): Promise<SecretVault> {
    const existing = slots.readSlots();
    const mine = existing.find((s) => s.protectorId === protector.id);
    if (!mine) {
      if (existing.length > 0) {
        throw new AppError('VAULT_LOCKED', {
          detail: `store is protected by ${existing.map((s) => s.protectorId).join(', ')}, not ${protector.id}`,
        });
      }
      return SecretVault.create(slots, protector, now);
    }
    return SecretVault.unlocked(slots, protector, mine, await unwrapSlot(protector, mine), now);
  }

  /**
   * Opens with the first protector, in the order given, whose slot unwraps: typically the OS
   * keychain, then the recovery passphrase, so a lost keychain or a tool without Electron still
   * opens the store. Protectors without a slot are skipped. An empty store gets a new data key
   * wrapped by the first protector only: a recovery passphrase is added on purpose (addSlot).
   * Nothing unwraps: VAULT_LOCKED naming what was tried and what to do; slots untouched.
   */
  static async openWithAny(slots: KeySlotStore, protectors: readonly KeyProtector[], now: () => Date = () => new Date()): Promise<SecretVault> {
    const first = protectors[0];
    if (!first) throw new AppError('UNEXPECTED', { detail: 'SecretVault.openWithAny needs at least one protector' });
    const existing = slots.readSlots();
    if (existing.length === 0) return SecretVault.create(slots, first, now);
    const failures: UnlockFailure[] = [];
    for (const protector of protectors) {
      const slot = existing.find((s) => s.protectorId === protector.id);
      if (!slot) continue;
      let unwrapped: { dataKey: Buffer; shouldRewrap: boolean };
      try {
        unwrapped = await unwrapSlot(protector, slot);
      } catch (error) {
        failures.push({ protectorId: protector.id, error: isAppError(error) ? error : new AppError('VAULT_LOCKED', { cause: error }) });
        continue;
      }
      // Outside the try: a failed re-wrap is a store problem to report, not a reason to try the next key.
      return SecretVault.unlocked(slots, protector, slot, unwrapped, now);
    }
    throw lockedError(existing, failures);
  }

  /**
   * A vault whose data key exists only in this process and writes NO key slot: what it seals this
   * session cannot be read after quitting (those connections then show Needs reconnect), and the
   * store's existing slots stay exactly as they were. For Linux without a keyring, by choice.
   */
  static sessionOnly(now: () => Date = () => new Date()): SecretVault {
    return new SecretVault(randomBytes(32), SESSION_ONLY_KEY_ID, now);
  }

  private static async create(slots: KeySlotStore, protector: KeyProtector, now: () => Date): Promise<SecretVault> {
    const dataKey = randomBytes(32);
    await slots.writeSlots([{ protectorId: protector.id, wrapped: await protector.wrap(dataKey), createdAt: now().toISOString() }]);
    return new SecretVault(dataKey, protector.id, now);
  }

  private static async unlocked(
    slots: KeySlotStore,
    protector: KeyProtector,
    slot: KeySlot,
    unwrapped: { dataKey: Buffer; shouldRewrap: boolean },
    now: () => Date,
  ): Promise<SecretVault> {
    const vault = new SecretVault(unwrapped.dataKey, protector.id, now);
    if (unwrapped.shouldRewrap) {
      // The OS (shouldReEncrypt) or a stronger passphrase default asks for a fresh wrap of the same key.
      const rewrapped = await protector.wrap(unwrapped.dataKey);
      await writeSlot(slots, { ...slot, wrapped: rewrapped }, 'replace');
    }
    return vault;
  }

  seal(plaintext: string, context: string): SealedSecret {
    return seal(this.dataKey, plaintext, context);
  }

  unseal(sealed: SealedSecret, context: string): string {
    return unseal(this.dataKey, sealed, context);
  }

  /**
   * Adds a slot for `protector` wrapping this vault's data key (e.g. set a recovery passphrase).
   * Refused when that protector already has a slot, unless `replace` is set. The new wrap is
   * unwrapped once before it is written, so a slot that could not open the store is never stored.
   */
  async addSlot(slots: KeySlotStore, protector: KeyProtector, options: { replace?: boolean } = {}): Promise<void> {
    this.assertPersistent();
    const mode = options.replace ? 'upsert' : 'add';
    assertSlotChange(slots.readSlots(), protector.id, mode);
    const wrapped = await this.wrapVerified(protector);
    await writeSlot(slots, { protectorId: protector.id, wrapped, createdAt: this.now().toISOString() }, mode);
  }

  /** Re-wraps the data key in the existing slot of `protector` (change the recovery passphrase). */
  async replaceSlot(slots: KeySlotStore, protector: KeyProtector): Promise<void> {
    this.assertPersistent();
    assertSlotChange(slots.readSlots(), protector.id, 'replace');
    const wrapped = await this.wrapVerified(protector);
    await writeSlot(slots, { protectorId: protector.id, wrapped, createdAt: this.now().toISOString() }, 'replace');
  }

  /** Removes a slot (remove the recovery passphrase); the last slot is never removed. */
  async removeSlot(slots: KeySlotStore, protectorId: string): Promise<void> {
    this.assertPersistent();
    const existing = slots.readSlots();
    if (!existing.some((s) => s.protectorId === protectorId)) throw missingSlot(protectorId);
    if (existing.length === 1) throw new AppError('VAULT_LAST_KEY_SLOT', { detail: `${protectorId} is the only key slot` });
    await slots.writeSlots(existing.filter((s) => s.protectorId !== protectorId));
  }

  /** A session-only key must never reach a slot: it would replace the key the store's secrets need. */
  private assertPersistent(): void {
    if (this.unlockedBy === SESSION_ONLY_KEY_ID) throw new AppError('VAULT_SESSION_ONLY', { detail: 'a session-only vault has no key slots' });
  }

  /** Whether `protector` can open `slot` to THIS vault's data key (a stale slot from another computer cannot). */
  async canBeOpenedBy(protector: KeyProtector, slot: KeySlot): Promise<boolean> {
    try {
      return (await unwrapSlot(protector, slot)).dataKey.equals(this.dataKey);
    } catch {
      return false;
    }
  }

  private async wrapVerified(protector: KeyProtector): Promise<string> {
    const wrapped = await protector.wrap(this.dataKey);
    const check = await unwrapSlot(protector, { protectorId: protector.id, wrapped, createdAt: '' });
    if (!check.dataKey.equals(this.dataKey)) {
      throw new AppError('UNEXPECTED', { detail: `${protector.id} did not give back the key it wrapped; nothing was written` });
    }
    return wrapped;
  }
}

type SlotChange = 'add' | 'replace' | 'upsert';

function assertSlotChange(existing: readonly KeySlot[], protectorId: string, mode: SlotChange): void {
  const present = existing.some((s) => s.protectorId === protectorId);
  if (present && mode === 'add') {
    throw new AppError('CONFLICT', {
      message: `The secret store already has a key for ${protectorName(protectorId)}.`,
      remediation: 'Change that key instead of adding a second one.',
      detail: `slot ${protectorId} exists`,
    });
  }
  if (!present && mode === 'replace') throw missingSlot(protectorId);
}

/**
 * Writes one slot into the slots as they are now: read again after the (slow) wrap so a change
 * made meanwhile is kept, and checked again. Other slots keep their order and bytes.
 */
async function writeSlot(slots: KeySlotStore, slot: KeySlot, mode: SlotChange): Promise<void> {
  const current = slots.readSlots();
  assertSlotChange(current, slot.protectorId, mode);
  const index = current.findIndex((s) => s.protectorId === slot.protectorId);
  const next = index === -1 ? [...current, slot] : current.map((s, i) => (i === index ? slot : s));
  await slots.writeSlots(next);
}

function missingSlot(protectorId: string): AppError {
  return new AppError('NOT_FOUND', {
    message: `The secret store has no key for ${protectorName(protectorId)}.`,
    remediation: 'Refresh and try again; add the key if it is not there.',
    detail: `slot ${protectorId} missing`,
  });
}
