import { randomBytes } from 'node:crypto';
import { AppError } from '../errors/app-error.js';
import type { KeyProtector } from './key-protector.js';
import { seal, unseal, type SealedSecret } from './sealed-secret.js';

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
 * disk only wrapped by a KeyProtector. Unsealing happens only when a secret is used.
 */
export class SecretVault {
  private constructor(private readonly dataKey: Buffer) {}

  static async open(slots: KeySlotStore, protector: KeyProtector, now: () => Date = () => new Date()): Promise<SecretVault> {
    const existing = slots.readSlots();
    const mine = existing.find((s) => s.protectorId === protector.id);
    if (!mine) {
      if (existing.length > 0) {
        throw new AppError('VAULT_LOCKED', {
          detail: `store is protected by ${existing.map((s) => s.protectorId).join(', ')}, not ${protector.id}`,
        });
      }
      const dataKey = randomBytes(32);
      await slots.writeSlots([{ protectorId: protector.id, wrapped: await protector.wrap(dataKey), createdAt: now().toISOString() }]);
      return new SecretVault(dataKey);
    }
    let unwrapped: { dataKey: Buffer; shouldRewrap: boolean };
    try {
      unwrapped = await protector.unwrap(mine.wrapped);
    } catch (cause) {
      throw new AppError('VAULT_LOCKED', { detail: `the ${protector.id} key could not unwrap the data key`, cause });
    }
    if (unwrapped.dataKey.length !== 32) throw new AppError('VAULT_LOCKED', { detail: 'unwrapped data key has the wrong length' });
    if (unwrapped.shouldRewrap) {
      const rewrapped = await protector.wrap(unwrapped.dataKey);
      await slots.writeSlots(existing.map((s) => (s === mine ? { ...s, wrapped: rewrapped } : s)));
    }
    return new SecretVault(unwrapped.dataKey);
  }

  seal(plaintext: string, context: string): SealedSecret {
    return seal(this.dataKey, plaintext, context);
  }

  unseal(sealed: SealedSecret, context: string): string {
    return unseal(this.dataKey, sealed, context);
  }
}
