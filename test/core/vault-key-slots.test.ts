import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectionStore } from '../../main/core/store/connection-store.js';
import { openJsonDocumentFile } from '../../main/core/store/json-document-file.js';
import type { ConnectionRecord } from '../../main/core/store/store-schema.js';
import { PassphraseKeyProtector, TEST_SCRYPT_PARAMETERS } from '../../main/core/vault/passphrase-key-protector.js';
import { SecretVault } from '../../main/core/vault/secret-vault.js';
import type { SafeStorageLike } from '../../main/electron/electron-api.js';
import { SafeStorageKeyProtector } from '../../main/electron/safe-storage-key-protector.js';
import { rejection } from '../support/rejection.js';

const PASSPHRASE = 'correct horse battery staple';
const passphrase = (value = PASSPHRASE) => new PassphraseKeyProtector(value, { scrypt: TEST_SCRYPT_PARAMETERS });

/**
 * A safeStorage whose OS key belongs to one "machine": another machine's key cannot decrypt
 * (a move to a new computer), and `available: false` is a keychain that is gone.
 */
function machineSafeStorage(machineKey = randomBytes(32), available = true): SafeStorageKeyProtector {
  const storage: SafeStorageLike = {
    isAsyncEncryptionAvailable: async () => available,
    encryptStringAsync: async (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', machineKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), ct]);
    },
    decryptStringAsync: async (encrypted) => {
      const decipher = createDecipheriv('aes-256-gcm', machineKey, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return { result: Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8'), shouldReEncrypt: false };
    },
    getSelectedStorageBackend: () => 'gnome_libsecret',
  };
  return new SafeStorageKeyProtector(storage, { platform: 'linux' });
}

function openStore(dir = mkdtempSync(join(tmpdir(), 'cd-vault-'))): { store: ConnectionStore; dir: string; file: string } {
  const store = new ConnectionStore(openJsonDocumentFile(dir));
  return { store, dir, file: store.path };
}

function connection(vault: SecretVault, n: number): ConnectionRecord {
  const id = `c-${n}`;
  const now = '2026-01-01T00:00:00.000Z';
  return {
    id,
    folderId: 'shared',
    connectorId: 'confluence-cloud',
    name: `Connection ${n}`,
    environmentId: 'sandbox',
    authType: 'byo',
    clientId: `client-${n}`,
    clientSecret: vault.seal(`client-secret-${n}`, `connection:${id}:client-secret`),
    callbackUrl: 'http://127.0.0.1/callback',
    requestedScopes: ['read:confluence-content.all'],
    grantedScopes: ['read:confluence-content.all'],
    site: { cloudId: 'cloud', name: 'Site', url: 'https://example.atlassian.net' },
    account: null,
    tokens: {
      access: vault.seal(`access-${n}`, `connection:${id}:access`),
      refresh: vault.seal(`refresh-${n}`, `connection:${id}:refresh`),
      accessExpiresAt: now,
      refreshIssuedAt: now,
      consentedAt: now,
    },
    status: { state: 'connected' },
    description: '',
    isDefault: false,
    createdAt: now,
    updatedAt: now,
    lastUsedAt: null,
    lastCheckedAt: null,
  };
}

/** The store's secrets as bytes on disk: everything except the key slots. */
function sealedBytes(file: string): string {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  return JSON.stringify(doc.connections);
}

function expectAllUnseal(vault: SecretVault, store: ConnectionStore, count: number): void {
  const connections = store.listConnections();
  expect(connections).toHaveLength(count);
  for (const [n, c] of connections.entries()) {
    expect(vault.unseal(c.clientSecret!, `connection:${c.id}:client-secret`)).toBe(`client-secret-${n}`);
    expect(vault.unseal(c.tokens.access, `connection:${c.id}:access`)).toBe(`access-${n}`);
    expect(vault.unseal(c.tokens.refresh!, `connection:${c.id}:refresh`)).toBe(`refresh-${n}`);
  }
}

async function seeded(count = 3) {
  const opened = openStore();
  const keychain = machineSafeStorage();
  const vault = await SecretVault.open(opened.store, keychain);
  for (let n = 0; n < count; n++) await opened.store.saveConnection(connection(vault, n));
  return { ...opened, keychain, vault };
}


describe('secret vault key slots', () => {
  it('adds, changes and removes the recovery passphrase without touching a sealed secret', async () => {
    const { store, file, keychain, vault } = await seeded();
    const before = sealedBytes(file);

    await vault.addSlot(store, passphrase());
    expect(store.readSlots().map((s) => s.protectorId)).toEqual(['electron-safe-storage', 'recovery-passphrase']);
    expect(sealedBytes(file)).toBe(before);
    const keychainSlot = store.readSlots()[0]!.wrapped;

    const firstPassphraseSlot = store.readSlots()[1]!.wrapped;
    await vault.replaceSlot(store, passphrase('a new and longer recovery passphrase'));
    expect(store.readSlots()[1]!.wrapped).not.toBe(firstPassphraseSlot);
    expect(store.readSlots()[0]!.wrapped).toBe(keychainSlot);
    expect(sealedBytes(file)).toBe(before);
    // Only the new passphrase opens the store now; both open the same data key.
    const viaNew = await SecretVault.openWithAny(store, [passphrase('a new and longer recovery passphrase')]);
    expect(viaNew.unlockedBy).toBe('recovery-passphrase');
    expectAllUnseal(viaNew, store, 3);
    expect((await rejection(SecretVault.openWithAny(store, [passphrase()]))).code).toBe('VAULT_LOCKED');

    await vault.removeSlot(store, 'recovery-passphrase');
    expect(store.readSlots().map((s) => s.protectorId)).toEqual(['electron-safe-storage']);
    expect(sealedBytes(file)).toBe(before);
    expectAllUnseal(await SecretVault.open(store, keychain), store, 3);
  });

  it('refuses to add a second slot for the same protector unless replacing', async () => {
    const { store, vault } = await seeded(0);
    await vault.addSlot(store, passphrase());
    const slots = store.readSlots();
    const error = await rejection(vault.addSlot(store, passphrase('another passphrase entirely')));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/already has a key for the recovery passphrase/);
    expect(store.readSlots()).toEqual(slots);

    await vault.addSlot(store, passphrase('another passphrase entirely'), { replace: true });
    expect(store.readSlots()).toHaveLength(2);
    await SecretVault.openWithAny(store, [passphrase('another passphrase entirely')]);
  });

  it('refuses to change a passphrase that was never set, and to set one that is too short', async () => {
    const { store, vault } = await seeded(0);
    expect((await rejection(vault.replaceSlot(store, passphrase()))).code).toBe('NOT_FOUND');
    expect((await rejection(vault.addSlot(store, passphrase('too short')))).code).toBe('RECOVERY_PASSPHRASE_TOO_SHORT');
    expect(store.readSlots()).toHaveLength(1);
  });

  it('never removes the last slot', async () => {
    const { store, file, vault } = await seeded(1);
    const before = readFileSync(file, 'utf8');
    const error = await rejection(vault.removeSlot(store, 'electron-safe-storage'));
    expect(error.code).toBe('VAULT_LAST_KEY_SLOT');
    expect(error.remediation).toMatch(/Add another key first/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect((await rejection(vault.removeSlot(store, 'recovery-passphrase'))).code).toBe('NOT_FOUND');
  });

  it('opens with the recovery passphrase when the OS keychain is gone or belongs to another machine', async () => {
    const { store, dir, file, vault } = await seeded();
    await vault.addSlot(store, passphrase());
    const before = readFileSync(file, 'utf8');

    // A new machine: its keychain holds a different key, so the old keychain slot does not decrypt.
    const moved = openStore(dir).store;
    const onNewMachine = await SecretVault.openWithAny(moved, [machineSafeStorage(), passphrase()]);
    expect(onNewMachine.unlockedBy).toBe('recovery-passphrase');
    expectAllUnseal(onNewMachine, moved, 3);
    // The keychain is unavailable altogether; a tool without Electron offers only the passphrase.
    expectAllUnseal(await SecretVault.openWithAny(moved, [machineSafeStorage(randomBytes(32), false), passphrase()]), moved, 3);
    expectAllUnseal(await SecretVault.openWithAny(moved, [passphrase()]), moved, 3);
    expect(readFileSync(file, 'utf8')).toBe(before);

    // Repairing the keychain slot on the new machine re-wraps only that slot.
    const sealed = sealedBytes(file);
    const newKeychain = machineSafeStorage();
    await onNewMachine.replaceSlot(moved, newKeychain);
    expect(sealedBytes(file)).toBe(sealed);
    expectAllUnseal(await SecretVault.open(moved, newKeychain), moved, 3);
  });

  it('when nothing unwraps: VAULT_LOCKED naming what was tried and what to do, slots untouched', async () => {
    const { store, file, vault } = await seeded(1);
    await vault.addSlot(store, passphrase());
    const before = readFileSync(file, 'utf8');

    const error = await rejection(SecretVault.openWithAny(store, [machineSafeStorage(randomBytes(32), false), passphrase('not the right passphrase')]));
    expect(error.code).toBe('VAULT_LOCKED');
    expect(error.message).toMatch(/Tried the OS keychain \(The operating system cannot encrypt secrets right now.*\); the recovery passphrase \(The recovery passphrase is not correct\)/);
    expect(error.remediation).toMatch(/restore or unlock the OS keychain.*or enter your recovery passphrase/);
    expect(error.detail).toBe('slots: electron-safe-storage, recovery-passphrase; failed: electron-safe-storage=VAULT_LOCKED, recovery-passphrase=RECOVERY_PASSPHRASE_WRONG');
    expect(readFileSync(file, 'utf8')).toBe(before);

    const untried = await rejection(SecretVault.openWithAny(store, [machineSafeStorage()]));
    expect(untried.message).toMatch(/Not tried \(not available here\): the recovery passphrase/);
    expect(untried.remediation).toMatch(/enter your recovery passphrase/);
  });

  it('strengthens a passphrase slot made with weaker scrypt parameters when it opens, secrets untouched', async () => {
    const { store, file, vault } = await seeded(2);
    await vault.addSlot(store, passphrase());
    const before = sealedBytes(file);
    const stronger = new PassphraseKeyProtector(PASSPHRASE, { scrypt: { N: 2 ** 12, r: 8, p: 1 } });
    expectAllUnseal(await SecretVault.openWithAny(store, [stronger]), store, 2);
    expect(JSON.parse(store.readSlots()[1]!.wrapped)).toMatchObject({ N: 2 ** 12, r: 8, p: 1 });
    expect(sealedBytes(file)).toBe(before);
    expectAllUnseal(await SecretVault.openWithAny(store, [passphrase()]), store, 2);
  });

  it('a corrupted wrapped value gives a clear error and leaves every slot as it was', async () => {
    const { store, file, keychain, vault } = await seeded(1);
    await vault.addSlot(store, passphrase());
    const [keychainSlot, passphraseSlot] = store.readSlots();
    const wrapped = JSON.parse(passphraseSlot!.wrapped);
    const ct = Buffer.from(wrapped.ct, 'base64');
    ct[0] = ct[0]! ^ 0xff;
    await store.writeSlots([keychainSlot!, { ...passphraseSlot!, wrapped: JSON.stringify({ ...wrapped, ct: ct.toString('base64') }) }]);
    const before = readFileSync(file, 'utf8');

    const flipped = await rejection(SecretVault.open(store, passphrase()));
    expect(flipped.code).toBe('RECOVERY_PASSPHRASE_WRONG');
    expect(flipped.detail).toMatch(/or the slot was altered/);

    await store.writeSlots([keychainSlot!, { ...passphraseSlot!, wrapped: passphraseSlot!.wrapped.slice(0, 40) }]);
    const truncated = await rejection(SecretVault.open(store, passphrase()));
    expect(truncated.code).toBe('VAULT_SLOT_DAMAGED');
    expect(truncated.remediation).toMatch(/Open the store with another key/);
    const damagedBytes = readFileSync(file, 'utf8');
    expect((await rejection(SecretVault.openWithAny(store, [passphrase()]))).message).toMatch(/key slot of the secret store is damaged/);
    expect(readFileSync(file, 'utf8')).toBe(damagedBytes);
    expect(damagedBytes).not.toBe(before);

    // The other slot still opens everything.
    expectAllUnseal(await SecretVault.openWithAny(store, [passphrase(), keychain]), store, 1);
  });
});
