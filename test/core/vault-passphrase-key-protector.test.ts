import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rejection } from '../support/rejection.js';
import {
  DEFAULT_SCRYPT_PARAMETERS,
  PassphraseKeyProtector,
  TEST_SCRYPT_PARAMETERS,
  assertRecoveryPassphraseAcceptable,
} from '../../main/core/vault/passphrase-key-protector.js';

const PASSPHRASE = 'correct horse battery staple';
const cheap = (passphrase = PASSPHRASE) => new PassphraseKeyProtector(passphrase, { scrypt: TEST_SCRYPT_PARAMETERS });


describe('recovery passphrase key protector', () => {
  it('round-trips the data key and keeps neither the key nor the passphrase in the wrapped value', async () => {
    const dataKey = randomBytes(32);
    const wrapped = await cheap().wrap(dataKey);
    expect(wrapped).not.toContain(dataKey.toString('base64'));
    expect(wrapped).not.toContain(dataKey.toString('hex'));
    expect(wrapped).not.toContain('horse');
    const { dataKey: back, shouldRewrap } = await cheap().unwrap(wrapped);
    expect(back.equals(dataKey)).toBe(true);
    expect(shouldRewrap).toBe(false);
  });

  it('works with the default (production) cost, which needs more than Node’s default scrypt memory', async () => {
    const dataKey = randomBytes(32);
    const protector = new PassphraseKeyProtector(PASSPHRASE);
    const wrapped = await protector.wrap(dataKey);
    expect(JSON.parse(wrapped)).toMatchObject({ N: 2 ** 17, r: 8, p: 1 });
    expect((await protector.unwrap(wrapped)).dataKey.equals(dataKey)).toBe(true);
  });

  it('says a wrong passphrase plainly: RECOVERY_PASSPHRASE_WRONG with what to do', async () => {
    const wrapped = await cheap().wrap(randomBytes(32));
    const error = await rejection(cheap('correct horse battery stapler').unwrap(wrapped));
    expect(error.code).toBe('RECOVERY_PASSPHRASE_WRONG');
    expect(error.message).toMatch(/recovery passphrase is not correct/);
    expect(error.remediation).toMatch(/Enter the recovery passphrase again/);
  });

  it('refuses to set a passphrase shorter than 12 characters, counting characters not UTF-16 units', async () => {
    const error = await rejection(cheap('short pass!').wrap(randomBytes(32)));
    expect(error.code).toBe('RECOVERY_PASSPHRASE_TOO_SHORT');
    expect(error.message).toMatch(/at least 12 characters/);
    // 11 emoji are 22 UTF-16 units but 11 characters.
    expect(() => assertRecoveryPassphraseAcceptable('🔑'.repeat(11))).toThrow(/at least 12 characters/);
    expect(() => assertRecoveryPassphraseAcceptable('🔑'.repeat(12))).not.toThrow();
  });

  it('stores the scrypt parameters and salt with the wrapped value, as versioned JSON', async () => {
    const a = JSON.parse(await cheap().wrap(randomBytes(32)));
    const b = JSON.parse(await cheap().wrap(randomBytes(32)));
    expect(a).toMatchObject({ v: 1, kdf: 'scrypt', N: TEST_SCRYPT_PARAMETERS.N, r: 8, p: 1 });
    expect(Buffer.from(a.salt, 'base64')).toHaveLength(16);
    expect(a.salt).not.toBe(b.salt);
  });

  it('opens a slot written with other parameters (and asks for a re-wrap when they were weaker)', async () => {
    const dataKey = randomBytes(32);
    const older = new PassphraseKeyProtector(PASSPHRASE, { scrypt: { N: 2 ** 11, r: 4, p: 2 } });
    const wrapped = await older.wrap(dataKey);
    expect(JSON.parse(wrapped)).toMatchObject({ N: 2 ** 11, r: 4, p: 2 });

    const unwrappedByCheap = await cheap().unwrap(wrapped);
    expect(unwrappedByCheap.dataKey.equals(dataKey)).toBe(true);
    const stronger = new PassphraseKeyProtector(PASSPHRASE, { scrypt: { N: 2 ** 12, r: 8, p: 1 } });
    const unwrappedByStronger = await stronger.unwrap(wrapped);
    expect(unwrappedByStronger.dataKey.equals(dataKey)).toBe(true);
    expect(unwrappedByStronger.shouldRewrap).toBe(true);
  });

  it('matches a passphrase typed with composed or decomposed accents (NFC)', async () => {
    const dataKey = randomBytes(32);
    const wrapped = await cheap('crème brûlée au café'.normalize('NFC')).wrap(dataKey);
    expect((await cheap('crème brûlée au café'.normalize('NFD')).unwrap(wrapped)).dataKey.equals(dataKey)).toBe(true);
  });

  it('reports a damaged slot as VAULT_SLOT_DAMAGED, never as a wrong passphrase', async () => {
    const good = JSON.parse(await cheap().wrap(randomBytes(32)));
    const damaged = [
      'not json at all',
      JSON.stringify({ ...good, v: 2 }),
      JSON.stringify({ ...good, kdf: 'argon2id' }),
      JSON.stringify({ ...good, iv: undefined }),
      JSON.stringify({ ...good, tag: Buffer.alloc(4).toString('base64') }),
      JSON.stringify({ ...good, N: 1000 }),
    ];
    for (const wrapped of damaged) {
      const error = await rejection(cheap().unwrap(wrapped));
      expect(error.code).toBe('VAULT_SLOT_DAMAGED');
      expect(error.detail).toMatch(/^recovery-passphrase: /);
    }
  });

  it('refuses parameters from the file that would exhaust memory, before running scrypt', async () => {
    const good = JSON.parse(await cheap().wrap(randomBytes(32)));
    const error = await rejection(cheap().unwrap(JSON.stringify({ ...good, N: 2 ** 30, r: 64 })));
    expect(error.code).toBe('VAULT_SLOT_DAMAGED');
    expect(error.detail).toMatch(/out of bounds/);
  });

  it('uses sound defaults', () => {
    expect(DEFAULT_SCRYPT_PARAMETERS).toEqual({ N: 2 ** 17, r: 8, p: 1 });
  });
});
