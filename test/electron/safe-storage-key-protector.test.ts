// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { AppError } from '../../main/core/errors/app-error.js';
import type { SafeStorageLike } from '../../main/electron/electron-api.js';
import { SafeStorageKeyProtector } from '../../main/electron/safe-storage-key-protector.js';

type Backend = ReturnType<SafeStorageLike['getSelectedStorageBackend']>;

/** A safeStorage that "encrypts" by reversing bytes and can be told to rotate or fail. */
function fakeSafeStorage(options: { available?: boolean; backend?: Backend; shouldReEncrypt?: boolean; failDecrypt?: boolean } = {}) {
  const calls: string[] = [];
  const storage: SafeStorageLike = {
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    encryptStringAsync: async (plain) => {
      calls.push('encrypt');
      return Buffer.from(Buffer.from(`enc:${plain}`).reverse());
    },
    decryptStringAsync: async (encrypted) => {
      calls.push('decrypt');
      if (options.failDecrypt) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      const text = Buffer.from(encrypted).reverse().toString();
      return { result: text.replace(/^enc:/, ''), shouldReEncrypt: options.shouldReEncrypt ?? false };
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
  return { storage, calls };
}

const dataKey = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');

describe('SafeStorageKeyProtector', () => {
  it('wraps with the async API as base64 of the encrypted buffer and unwraps the same key', async () => {
    const { storage, calls } = fakeSafeStorage();
    const protector = new SafeStorageKeyProtector(storage, { platform: 'linux' });
    const wrapped = await protector.wrap(dataKey);
    expect(Buffer.from(wrapped, 'base64').toString('base64')).toBe(wrapped);
    expect(wrapped).not.toContain(dataKey.toString('base64'));
    const { dataKey: unwrapped, shouldRewrap } = await protector.unwrap(wrapped);
    expect(unwrapped.equals(dataKey)).toBe(true);
    expect(shouldRewrap).toBe(false);
    expect(calls).toEqual(['encrypt', 'decrypt']);
  });

  it('passes shouldReEncrypt on as shouldRewrap', async () => {
    const { storage } = fakeSafeStorage({ shouldReEncrypt: true });
    const protector = new SafeStorageKeyProtector(storage, { platform: 'darwin' });
    expect((await protector.unwrap(await protector.wrap(dataKey))).shouldRewrap).toBe(true);
  });

  it('describes basic_text plainly as NOT protected, and refuses to wrap there without consent', async () => {
    const { storage } = fakeSafeStorage({ backend: 'basic_text' });
    const protector = new SafeStorageKeyProtector(storage, { platform: 'linux' });
    expect(await protector.describe()).toMatch(/^NOT protected/);
    expect(protector.isWeak()).toBe(true);
    await expect(protector.wrap(dataKey)).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    const consenting = new SafeStorageKeyProtector(storage, { platform: 'linux', allowBasicText: () => true });
    await expect(consenting.wrap(dataKey)).resolves.toEqual(expect.any(String));
  });

  it('names the backend on Linux and the OS store elsewhere', async () => {
    expect(await new SafeStorageKeyProtector(fakeSafeStorage({ backend: 'kwallet6' }).storage, { platform: 'linux' }).describe()).toContain('KDE Wallet 6');
    expect(await new SafeStorageKeyProtector(fakeSafeStorage().storage, { platform: 'darwin' }).describe()).toContain('Keychain');
    expect(await new SafeStorageKeyProtector(fakeSafeStorage().storage, { platform: 'win32' }).describe()).toContain('DPAPI');
  });

  it('unavailable encryption is a clear VAULT_LOCKED error, never a silent plain write', async () => {
    const { storage, calls } = fakeSafeStorage({ available: false });
    const protector = new SafeStorageKeyProtector(storage, { platform: 'linux' });
    const error = await protector.wrap(dataKey).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'VAULT_LOCKED', message: expect.stringContaining('cannot encrypt') });
    await expect(protector.unwrap('AAAA')).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    expect(calls).toEqual([]);
    expect(await protector.describe()).toMatch(/^NOT available/);
  });

  it('a key the OS cannot decrypt becomes VAULT_LOCKED without the OS message text', async () => {
    const protector = new SafeStorageKeyProtector(fakeSafeStorage({ failDecrypt: true }).storage, { platform: 'darwin' });
    await expect(protector.unwrap('AAAA')).rejects.toMatchObject({ code: 'VAULT_LOCKED', detail: 'safeStorage.decryptStringAsync failed' });
  });
});
