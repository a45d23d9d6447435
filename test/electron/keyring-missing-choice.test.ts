// @vitest-environment node
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectionStore } from '../../main/core/store/connection-store.js';
import { openJsonDocumentFile } from '../../main/core/store/json-document-file.js';
import { VaultSession } from '../../main/core/vault/vault-session.js';
import type { DialogLike, SafeStorageLike } from '../../main/electron/electron-api.js';
import { askHowToKeepSecretsWithoutKeyring } from '../../main/electron/keyring-missing-choice.js';
import { SafeStorageKeyProtector } from '../../main/electron/safe-storage-key-protector.js';

type MessageBoxOptions = Parameters<DialogLike['showMessageBox']>[0];

function fakeDialog(response: number) {
  const shown: MessageBoxOptions[] = [];
  const dialog: DialogLike = {
    showMessageBox: async (options) => {
      shown.push(options);
      return { response, checkboxChecked: false };
    },
  };
  return { dialog, shown };
}

/** Linux with no keyring: safeStorage falls back to basic_text. */
const basicText: SafeStorageLike = {
  isAsyncEncryptionAvailable: async () => true,
  encryptStringAsync: async (plain) => Buffer.from(plain),
  decryptStringAsync: async (encrypted) => ({ result: encrypted.toString(), shouldReEncrypt: false }),
  getSelectedStorageBackend: () => 'basic_text',
};

describe('no keyring on Linux: the choice', () => {
  it('offers Quit (default and Esc), this session only, and unprotected, each said plainly', async () => {
    const { dialog, shown } = fakeDialog(0);
    expect(await askHowToKeepSecretsWithoutKeyring(dialog)).toBe('quit');
    const box = shown[0]!;
    expect(box.buttons).toEqual(['Quit', 'Keep secrets for this session only', 'Keep secrets unprotected']);
    expect(box).toMatchObject({ type: 'warning', defaultId: 0, cancelId: 0 });
    expect(box.detail).toMatch(/exists only while ConnectDesk runs, so nothing readable is left on disk\. The price: after every restart, each connection needs reconnecting/);
    expect(box.detail).toMatch(/anyone who can read your files can read them/);
    expect(await askHowToKeepSecretsWithoutKeyring(fakeDialog(1).dialog)).toBe('session-only');
    expect(await askHowToKeepSecretsWithoutKeyring(fakeDialog(2).dialog)).toBe('basic-text');
    expect(await askHowToKeepSecretsWithoutKeyring(fakeDialog(7).dialog)).toBe('quit');
  });

  it('session only writes no key slot; unprotected (with consent) does, as the composition root wires them', async () => {
    for (const [choice, slots] of [['session-only', 0], ['basic-text', 1]] as const) {
      const store = new ConnectionStore(openJsonDocumentFile(mkdtempSync(join(tmpdir(), 'cd-keyring-'))));
      const keychain = new SafeStorageKeyProtector(basicText, { platform: 'linux', allowBasicText: () => choice === 'basic-text' });
      expect(keychain.isWeak()).toBe(true);
      const session = await VaultSession.start(store, keychain, { mode: choice });
      expect(store.readSlots()).toHaveLength(slots);
      expect((await session.status()).mode).toBe(choice);
    }
  });
});
