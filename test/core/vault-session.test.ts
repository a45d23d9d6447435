import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../main/core/errors/app-error.js';
import { statusAfterFailure } from '../../main/core/services/connection-status.js';
import { ConnectionStore } from '../../main/core/store/connection-store.js';
import { openJsonDocumentFile } from '../../main/core/store/json-document-file.js';
import { DevelopmentKeyProtector } from '../../main/core/vault/development-key-protector.js';
import type { KeyProtector } from '../../main/core/vault/key-protector.js';
import { TEST_SCRYPT_PARAMETERS } from '../../main/core/vault/passphrase-key-protector.js';
import type { SecretVault } from '../../main/core/vault/secret-vault.js';
import { VaultSession, type SecretProtectionMode } from '../../main/core/vault/vault-session.js';
import { rejection } from '../support/rejection.js';
import { sampleRecord } from '../support/sample-record.js';

const PASSPHRASE = 'correct horse battery staple';
const thisComputer = () => new DevelopmentKeyProtector();
const newComputer = () => new DevelopmentKeyProtector({ machine: 'new-computer' });

/** A keychain that is gone: it can neither open nor protect anything. */
const lostKeychain: KeyProtector = {
  id: 'development-key',
  describe: async () => 'lost',
  wrap: async () => {
    throw new AppError('VAULT_LOCKED', { detail: 'keychain gone' });
  },
  unwrap: async () => {
    throw new AppError('VAULT_LOCKED', { detail: 'keychain gone' });
  },
};

function openStore(dir = mkdtempSync(join(tmpdir(), 'cd-session-'))) {
  const store = new ConnectionStore(openJsonDocumentFile(dir));
  return { store, dir, bytes: () => readFileSync(store.path, 'utf8') };
}

function start(store: ConnectionStore, keychain: KeyProtector, mode: SecretProtectionMode = 'development', log?: (m: string) => void) {
  return VaultSession.start(store, keychain, { mode, scrypt: TEST_SCRYPT_PARAMETERS, ...(log ? { log } : {}) });
}

async function saveSecret(store: ConnectionStore, vault: SecretVault, id = 'c1', value = `token-of-${id}`) {
  await store.saveConnection(sampleRecord({ id, name: id, tokens: { ...sampleRecord().tokens, access: vault.seal(value, `connection:${id}:access`) } }));
}

const readSecret = (store: ConnectionStore, vault: SecretVault, id = 'c1') => vault.unseal(store.getConnection(id).tokens.access, `connection:${id}:access`);
const sealedOnDisk = (bytes: string) => JSON.stringify(JSON.parse(bytes).connections);
const slotIds = (store: ConnectionStore) => store.readSlots().map((s) => s.protectorId);

/** A store made on "this computer" with one secret, and (by default) a recovery passphrase. */
async function storeFromAnotherComputer(options: { recovery?: boolean } = {}) {
  const opened = openStore();
  const original = await start(opened.store, thisComputer());
  await saveSecret(opened.store, original.vault);
  if (options.recovery !== false) await original.setRecoveryPassphrase(PASSPHRASE);
  return opened;
}

describe('vault session', () => {
  it('opens with the keychain, and a new store gets exactly one (keychain) slot', async () => {
    const { store } = openStore();
    const session = await start(store, thisComputer());
    expect(session.locked).toBe(false);
    expect(slotIds(store)).toEqual(['development-key']);
    expect(await session.status()).toEqual({
      mode: 'development',
      description: expect.stringContaining('Development key'),
      locked: false,
      lockedReason: null,
      recoveryPassphrase: { set: false, createdAt: null },
    });
  });

  it('stays locked when the keychain cannot open the store, and never writes a new key over it', async () => {
    const { store, bytes } = await storeFromAnotherComputer();
    const before = bytes();
    const session = await start(store, newComputer());
    expect(session.locked).toBe(true);
    expect(bytes()).toBe(before);
    expect(() => session.vault).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
    const status = await session.status();
    expect(status.locked).toBe(true);
    expect(status.recoveryPassphrase.set).toBe(true);
    expect(status.lockedReason).toMatchObject({
      code: 'VAULT_LOCKED',
      message: expect.stringContaining('could not be opened with the development key on this computer'),
      remediation: expect.stringContaining('Enter your recovery passphrase'),
      detail: expect.stringContaining('Tried the development key'),
    });
    // The screen asks for the recovery passphrase itself: the detail does not call it "not tried".
    expect(status.lockedReason?.detail).not.toMatch(/Not tried/);
  });

  it('tells onOpened about the vault once it opens: at start, or only after the unlock (so the redactor learns the secrets then)', async () => {
    const { store } = await storeFromAnotherComputer();
    const opened: SecretVault[] = [];
    const session = await VaultSession.start(store, newComputer(), { mode: 'development', scrypt: TEST_SCRYPT_PARAMETERS, onOpened: (v) => opened.push(v) });
    expect(opened).toEqual([]);
    await rejection(session.unlock('not the passphrase at all'));
    expect(opened).toEqual([]);
    await session.unlock(PASSPHRASE);
    expect(opened).toEqual([session.vault]);
    await session.unlock(PASSPHRASE);
    expect(opened).toHaveLength(1);
    const next = await VaultSession.start(store, newComputer(), { mode: 'development', scrypt: TEST_SCRYPT_PARAMETERS, onOpened: (v) => opened.push(v) });
    expect(opened).toEqual([session.vault, next.vault]);
  });

  it('unlock: a wrong passphrase changes nothing; the right one opens and re-protects with this keychain', async () => {
    const { store, bytes } = await storeFromAnotherComputer();
    const session = await start(store, newComputer());
    const before = bytes();

    expect((await rejection(session.unlock('not the passphrase at all'))).code).toBe('RECOVERY_PASSPHRASE_WRONG');
    expect(session.locked).toBe(true);
    expect(bytes()).toBe(before);

    await session.unlock(PASSPHRASE);
    expect(session.locked).toBe(false);
    expect(readSecret(store, session.vault)).toBe('token-of-c1');
    expect(sealedOnDisk(bytes())).toBe(sealedOnDisk(before));
    expect(slotIds(store)).toEqual(['development-key', 'recovery-passphrase']);

    // The next start on this computer opens without asking.
    const next = await start(store, newComputer());
    expect(next.locked).toBe(false);
    expect(readSecret(store, next.vault)).toBe('token-of-c1');
  });

  it('unlock with a keychain that cannot protect the store: opens anyway, logs it, leaves the slots as they were', async () => {
    const { store } = await storeFromAnotherComputer();
    const slots = store.readSlots();
    const logged: string[] = [];
    const session = await start(store, lostKeychain, 'development', (m) => logged.push(m));
    expect(session.locked).toBe(true);
    await session.unlock(PASSPHRASE);
    expect(readSecret(store, session.vault)).toBe('token-of-c1');
    expect(store.readSlots()).toEqual(slots);
    expect(logged.join('\n')).toMatch(/could not protect it again \(VAULT_LOCKED\)/);
    expect(logged.join('\n')).not.toContain(PASSPHRASE);
    // The original computer still opens it.
    expect((await start(store, thisComputer())).locked).toBe(false);
  });

  it('refuses to remove the recovery passphrase while it is the only key that opens the store here', async () => {
    const { store } = await storeFromAnotherComputer();
    const session = await start(store, lostKeychain);
    await session.unlock(PASSPHRASE);
    const slots = store.readSlots();
    const refused = await rejection(session.removeRecoveryPassphrase());
    expect(refused.code).toBe('VAULT_LAST_KEY_SLOT');
    expect(refused.message).toMatch(/only key that opens your secrets on this computer/);
    expect(store.readSlots()).toEqual(slots);
    // The passphrase still opens it at the next start.
    const next = await start(store, lostKeychain);
    await next.unlock(PASSPHRASE);
    expect(readSecret(store, next.vault)).toBe('token-of-c1');

    // Once this computer's keychain protects the store, removing it is allowed.
    const renewed = await start(store, newComputer());
    await renewed.unlock(PASSPHRASE);
    await renewed.removeRecoveryPassphrase();
    expect(slotIds(store)).toEqual(['development-key']);
    expect(readSecret(store, (await start(store, newComputer())).vault)).toBe('token-of-c1');
  });

  it('without a recovery passphrase the store cannot be opened here, and the reason says what to do', async () => {
    const { store, bytes } = await storeFromAnotherComputer({ recovery: false });
    const before = bytes();
    const session = await start(store, newComputer());
    const status = await session.status();
    expect(status.recoveryPassphrase).toEqual({ set: false, createdAt: null });
    expect(status.lockedReason?.remediation).toMatch(/No recovery passphrase was set for this store, so it cannot be opened here/);
    expect((await rejection(session.unlock(PASSPHRASE))).code).toBe('VAULT_LOCKED');
    expect(bytes()).toBe(before);
  });

  it('set, change and remove the recovery passphrase leave every sealed secret byte-identical', async () => {
    const { store, bytes } = openStore();
    const now = { t: new Date('2026-03-01T10:00:00.000Z') };
    const session = await VaultSession.start(store, thisComputer(), { mode: 'development', scrypt: TEST_SCRYPT_PARAMETERS, now: () => now.t });
    await saveSecret(store, session.vault, 'c1');
    await saveSecret(store, session.vault, 'c2');
    const sealed = sealedOnDisk(bytes());

    expect((await rejection(session.setRecoveryPassphrase('too short'))).code).toBe('RECOVERY_PASSPHRASE_TOO_SHORT');
    expect(slotIds(store)).toEqual(['development-key']);

    await session.setRecoveryPassphrase(PASSPHRASE);
    expect((await session.status()).recoveryPassphrase).toEqual({ set: true, createdAt: '2026-03-01T10:00:00.000Z' });
    expect(sealedOnDisk(bytes())).toBe(sealed);

    now.t = new Date('2026-04-01T10:00:00.000Z');
    await session.setRecoveryPassphrase('a different and longer passphrase');
    expect((await session.status()).recoveryPassphrase.createdAt).toBe('2026-04-01T10:00:00.000Z');
    expect(sealedOnDisk(bytes())).toBe(sealed);
    // Only the new passphrase opens the store now.
    const elsewhere = await start(store, newComputer());
    expect((await rejection(elsewhere.unlock(PASSPHRASE))).code).toBe('RECOVERY_PASSPHRASE_WRONG');

    await session.removeRecoveryPassphrase();
    expect(slotIds(store)).toEqual(['development-key']);
    expect((await session.status()).recoveryPassphrase).toEqual({ set: false, createdAt: null });
    expect(sealedOnDisk(bytes())).toBe(sealed);
    expect(readSecret(store, session.vault, 'c2')).toBe('token-of-c2');
  });

  it('refuses recovery-passphrase changes while locked', async () => {
    const { store, bytes } = await storeFromAnotherComputer();
    const session = await start(store, newComputer());
    const before = bytes();
    expect((await rejection(session.setRecoveryPassphrase('a brand new passphrase'))).code).toBe('VAULT_LOCKED');
    expect((await rejection(session.removeRecoveryPassphrase())).code).toBe('VAULT_LOCKED');
    expect(bytes()).toBe(before);
  });

  it('session-only writes no slot, leaves existing slots alone, and what it sealed is unreadable after quitting', async () => {
    const empty = openStore();
    const first = await start(empty.store, thisComputer(), 'session-only');
    await saveSecret(empty.store, first.vault);
    expect(readSecret(empty.store, first.vault)).toBe('token-of-c1');
    expect(slotIds(empty.store)).toEqual([]);

    const { store, bytes } = await storeFromAnotherComputer();
    const slots = JSON.stringify(store.readSlots());
    const session = await start(store, thisComputer(), 'session-only');
    const status = await session.status();
    expect(status).toMatchObject({ mode: 'session-only', locked: false, recoveryPassphrase: { set: true } });
    expect(status.description).toMatch(/only while ConnectDesk runs/);
    await saveSecret(store, session.vault, 'c2');
    expect((await rejection(session.setRecoveryPassphrase('a brand new passphrase'))).code).toBe('VAULT_SESSION_ONLY');
    expect((await rejection(session.removeRecoveryPassphrase())).code).toBe('VAULT_SESSION_ONLY');
    expect(JSON.stringify(store.readSlots())).toBe(slots);
    expect(bytes()).toContain('"c2"');

    // "Restart": the store's own key still opens what was there before, not what this session sealed.
    const restarted = await start(store, thisComputer());
    expect(readSecret(store, restarted.vault, 'c1')).toBe('token-of-c1');
    const unreadable = (() => {
      try {
        readSecret(store, restarted.vault, 'c2');
      } catch (error) {
        return error as AppError;
      }
      throw new Error('a session-only secret opened after a restart');
    })();
    expect(unreadable.code).toBe('SECRET_UNAVAILABLE');
    expect(statusAfterFailure(unreadable.toInfo()).state).toBe('needs-reconnect');
  });

  it('describes basic-text plainly', async () => {
    const { store } = openStore();
    const status = await (await start(store, thisComputer(), 'basic-text')).status();
    expect(status.mode).toBe('basic-text');
    expect(status.description).toMatch(/^NOT protected: .*Anyone who can read your files can read your secrets\./);
  });

  it('the status never contains the passphrase', async () => {
    const { store } = await storeFromAnotherComputer();
    const session = await start(store, newComputer());
    const answers = [await session.status()];
    await session.unlock(PASSPHRASE);
    answers.push(await session.status());
    await session.setRecoveryPassphrase('another long passphrase');
    answers.push(await session.status());
    const text = JSON.stringify(answers);
    expect(text).not.toContain(PASSPHRASE);
    expect(text).not.toContain('another long passphrase');
    expect(text).not.toContain(store.readSlots()[1]!.wrapped);
  });
});
