import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { KeyProtector } from './key-protector.js';

/**
 * INSECURE, for the browser shell and tests only: wraps the data key with a key derived from a
 * fixed, public string. It keeps tokens out of the store file in clear (so scans stay meaningful)
 * but protects nothing from anyone who has this source code. Never used by the packaged app.
 */
const DEVELOPMENT_KEY_SEED = 'connectdesk-insecure-development-key-v1';

export interface DevelopmentKeyOptions {
  /**
   * Stands in for another computer's keychain (the browser shell's CONNECTDESK_SHELL_KEYCHAIN):
   * same protector id, a different key, so it cannot unwrap what the usual key wrapped.
   */
  machine?: string;
}

export class DevelopmentKeyProtector implements KeyProtector {
  readonly id = 'development-key';
  private readonly key: Buffer;

  constructor(options: DevelopmentKeyOptions = {}) {
    const seed = options.machine ? `${DEVELOPMENT_KEY_SEED}:${options.machine}` : DEVELOPMENT_KEY_SEED;
    this.key = createHash('sha256').update(seed).digest();
  }

  async describe(): Promise<string> {
    return 'Development key (INSECURE): secrets are encrypted with a key built into ConnectDesk. For the browser shell and tests only.';
  }

  async wrap(dataKey: Buffer): Promise<string> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ct = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64');
  }

  async unwrap(wrapped: string): Promise<{ dataKey: Buffer; shouldRewrap: boolean }> {
    const raw = Buffer.from(wrapped, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return { dataKey: Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]), shouldRewrap: false };
  }
}
