import { describe, expect, it } from 'vitest';
import { DevelopmentKeyProtector } from '../../main/core/vault/development-key-protector.js';
import type { KeyProtector } from '../../main/core/vault/key-protector.js';
import { SecretVault, type KeySlot, type KeySlotStore } from '../../main/core/vault/secret-vault.js';
import { isAppError } from '../../main/core/errors/app-error.js';

function memorySlots(initial: KeySlot[] = []): KeySlotStore & { slots: KeySlot[] } {
  const holder = {
    slots: initial,
    readSlots: () => holder.slots,
    writeSlots: (s: KeySlot[]) => {
      holder.slots = s;
    },
  };
  return holder;
}

describe('secret vault (envelope encryption)', () => {
  it('seals so the plaintext is not in the sealed value, and unseals it back', async () => {
    const vault = await SecretVault.open(memorySlots(), new DevelopmentKeyProtector());
    const sealed = vault.seal('refresh-token-value-123', 'connection:1:refresh-token');
    expect(JSON.stringify(sealed)).not.toContain('refresh-token-value-123');
    expect(vault.unseal(sealed, 'connection:1:refresh-token')).toBe('refresh-token-value-123');
  });

  it('binds a sealed value to its context: copied to another field it does not decrypt', async () => {
    const vault = await SecretVault.open(memorySlots(), new DevelopmentKeyProtector());
    const sealed = vault.seal('value', 'connection:1:refresh-token');
    expect(() => vault.unseal(sealed, 'connection:2:refresh-token')).toThrow(/could not be decrypted/);
  });

  it('reports corrupted ciphertext as SECRET_UNAVAILABLE instead of returning garbage', async () => {
    const vault = await SecretVault.open(memorySlots(), new DevelopmentKeyProtector());
    const sealed = vault.seal('value', 'ctx:a:b');
    const tampered = { ...sealed, ct: Buffer.from('xxxxx').toString('base64') };
    try {
      vault.unseal(tampered, 'ctx:a:b');
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('SECRET_UNAVAILABLE');
    }
  });

  it('keeps one data key across openings: the store holds it only wrapped', async () => {
    const slots = memorySlots();
    const first = await SecretVault.open(slots, new DevelopmentKeyProtector());
    const sealed = first.seal('persisted', 'c:1:x');
    expect(slots.slots).toHaveLength(1);
    const second = await SecretVault.open(slots, new DevelopmentKeyProtector());
    expect(second.unseal(sealed, 'c:1:x')).toBe('persisted');
  });

  it('re-wraps the data key when the protector asks for it (shouldReEncrypt)', async () => {
    const dev = new DevelopmentKeyProtector();
    let wraps = 0;
    const protector: KeyProtector = {
      id: 'rotating',
      describe: async () => 'test',
      wrap: async (key) => {
        wraps++;
        return dev.wrap(key);
      },
      unwrap: async (wrapped) => ({ ...(await dev.unwrap(wrapped)), shouldRewrap: true }),
    };
    const slots = memorySlots();
    await SecretVault.open(slots, protector);
    const before = slots.slots[0]!.wrapped;
    await SecretVault.open(slots, protector);
    expect(wraps).toBe(2);
    expect(slots.slots[0]!.wrapped).not.toBe(before);
  });

  it('refuses to create a second data key when the store is protected by another protector', async () => {
    const slots = memorySlots([{ protectorId: 'safe-storage', wrapped: 'abc', createdAt: '2026-01-01T00:00:00Z' }]);
    await expect(SecretVault.open(slots, new DevelopmentKeyProtector())).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    expect(slots.slots).toHaveLength(1);
  });

  it('a protector that cannot unwrap leaves the slots untouched and says VAULT_LOCKED', async () => {
    const slots = memorySlots([{ protectorId: 'development-key', wrapped: Buffer.alloc(60).toString('base64'), createdAt: 'x' }]);
    await expect(SecretVault.open(slots, new DevelopmentKeyProtector())).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    expect(slots.slots[0]!.wrapped).toBe(Buffer.alloc(60).toString('base64'));
  });
});
