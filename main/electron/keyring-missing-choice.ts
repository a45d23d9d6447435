/**
 * Linux without a keyring (safeStorage's 'basic_text'): secrets would be effectively plain text.
 * Ask how to go on, in plain words; never decide silently. Asked before any window exists.
 */
import type { DialogLike } from './electron-api.js';

/** quit; session-only: secrets live until ConnectDesk quits; basic-text: kept, unprotected, with consent. */
export type KeyringMissingChoice = 'quit' | 'session-only' | 'basic-text';

const CHOICES: readonly KeyringMissingChoice[] = ['quit', 'session-only', 'basic-text'];

export async function askHowToKeepSecretsWithoutKeyring(dialog: DialogLike): Promise<KeyringMissingChoice> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: 'Secrets cannot be protected',
    message: 'No keyring (GNOME Keyring or KDE Wallet) was found on this computer.',
    detail: [
      'Without one, ConnectDesk cannot encrypt your client secrets and tokens with a key only you hold. Install and unlock a keyring, then restart ConnectDesk — or choose:',
      '• Keep secrets for this session only: secrets are encrypted with a key that exists only while ConnectDesk runs, so nothing readable is left on disk. The price: after every restart, each connection needs reconnecting.',
      '• Keep secrets unprotected: secrets are kept between sessions, but anyone who can read your files can read them.',
    ].join('\n\n'),
    buttons: ['Quit', 'Keep secrets for this session only', 'Keep secrets unprotected'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  return CHOICES[response] ?? 'quit';
}
