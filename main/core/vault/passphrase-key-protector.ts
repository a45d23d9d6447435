import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { AppError } from '../errors/app-error.js';
import type { KeyProtector } from './key-protector.js';

/**
 * The recovery passphrase: a second wrap of the data key that needs nothing but the passphrase,
 * so secrets survive a lost OS keychain or a move to a new machine, and tools without Electron
 * can unlock the store. The data key is sealed with AES-256-GCM under a key derived by scrypt.
 *
 * The wrapped value is self-describing JSON (format version, scrypt N/r/p, salt): the defaults can
 * grow with hardware later and slots written with older parameters still open.
 */
export const RECOVERY_PASSPHRASE_PROTECTOR_ID = 'recovery-passphrase';
export const MIN_PASSPHRASE_LENGTH = 12;

export interface ScryptParameters {
  /** CPU/memory cost, a power of two. Memory used is about 128 · N · r bytes. */
  N: number;
  r: number;
  p: number;
}

/** 2^17 · 8 · 128 B = 128 MiB and about a third of a second here: costly to guess at scale. */
export const DEFAULT_SCRYPT_PARAMETERS: ScryptParameters = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });
/** Cheap parameters for tests only: the format is the same, the protection is not. */
export const TEST_SCRYPT_PARAMETERS: ScryptParameters = Object.freeze({ N: 2 ** 10, r: 8, p: 1 });

/**
 * Bounds on parameters read from a slot. The store file is not trusted: without them a tampered
 * slot could ask for terabytes of memory. 1 GiB covers any reasonable future default.
 */
const MAX_SCRYPT_MEMORY = 1024 * 1024 * 1024;
const MIN_N = 2 ** 10;

const FORMAT_VERSION = 1;
/** Binds the ciphertext to this format, so it cannot be replayed as some other kind of value. */
const AAD = Buffer.from('connectdesk:recovery-passphrase:v1', 'utf8');

interface WrappedV1 {
  v: 1;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  ct: string;
}

export interface PassphraseKeyProtectorOptions {
  /** Parameters for new wraps only; unwrap always uses the ones stored in the slot. */
  scrypt?: ScryptParameters;
}

/** Throws RECOVERY_PASSPHRASE_TOO_SHORT; exported so the UI can check before asking twice. */
export function assertRecoveryPassphraseAcceptable(passphrase: string): void {
  const normalized = normalizePassphrase(passphrase);
  if (!isAcceptable(normalized)) {
    const length = [...normalized].length;
    throw new AppError('RECOVERY_PASSPHRASE_TOO_SHORT', { detail: `${length} of at least ${MIN_PASSPHRASE_LENGTH} characters` });
  }
}

function isAcceptable(passphrase: string): boolean {
  // Characters as people count them (code points), not UTF-16 units.
  return [...passphrase].length >= MIN_PASSPHRASE_LENGTH;
}

export class PassphraseKeyProtector implements KeyProtector {
  readonly id = RECOVERY_PASSPHRASE_PROTECTOR_ID;
  private readonly passphrase: string;
  private readonly parameters: ScryptParameters;

  constructor(passphrase: string, options: PassphraseKeyProtectorOptions = {}) {
    this.passphrase = normalizePassphrase(passphrase);
    this.parameters = options.scrypt ?? DEFAULT_SCRYPT_PARAMETERS;
    checkParameters(this.parameters, 'configured');
  }

  async describe(): Promise<string> {
    return 'Recovery passphrase: anyone with the passphrase and the store file can read your secrets; without it, nobody can.';
  }

  async wrap(dataKey: Buffer): Promise<string> {
    // Checked when a passphrase is set, not when one is entered to unlock: a later, stricter
    // minimum must not lock people out of slots made under the old one.
    assertRecoveryPassphraseAcceptable(this.passphrase);
    const { N, r, p } = this.parameters;
    const salt = randomBytes(16);
    const key = await deriveKey(this.passphrase, salt, this.parameters);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(AAD);
    const ct = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    const wrapped: WrappedV1 = {
      v: FORMAT_VERSION,
      kdf: 'scrypt',
      N,
      r,
      p,
      salt: salt.toString('base64'),
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ct: ct.toString('base64'),
    };
    return JSON.stringify(wrapped);
  }

  async unwrap(wrapped: string): Promise<{ dataKey: Buffer; shouldRewrap: boolean }> {
    const slot = parseWrapped(wrapped);
    const parameters = { N: slot.N, r: slot.r, p: slot.p };
    const key = await deriveKey(this.passphrase, Buffer.from(slot.salt, 'base64'), parameters);
    let dataKey: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(slot.iv, 'base64'));
      decipher.setAAD(AAD);
      decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
      dataKey = Buffer.concat([decipher.update(Buffer.from(slot.ct, 'base64')), decipher.final()]);
    } catch (cause) {
      // GCM cannot tell a wrong passphrase from an altered slot; the wrong passphrase is by far
      // the likelier, and the detail mentions the other.
      throw new AppError('RECOVERY_PASSPHRASE_WRONG', { detail: 'the recovery key slot did not decrypt (wrong passphrase, or the slot was altered)', cause });
    }
    if (dataKey.length !== 32) throw damaged('the unwrapped data key has the wrong length');
    // Slots made with weaker parameters than today's are strengthened the next time they open.
    // Only when wrap() would accept this passphrase, so an upgrade can never stop the store opening.
    const weaker = slot.N < this.parameters.N || slot.r < this.parameters.r || slot.p < this.parameters.p;
    return { dataKey, shouldRewrap: weaker && isAcceptable(this.passphrase) };
  }
}

/**
 * NFC: the same passphrase typed on macOS (which may produce decomposed accents) and elsewhere
 * must derive the same key. Part of format version 1.
 */
function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC');
}

/** Async scrypt runs on the libuv thread pool: the Electron main process stays responsive. */
function deriveKey(passphrase: string, salt: Buffer, { N, r, p }: ScryptParameters): Promise<Buffer> {
  // OpenSSL needs 128·r·(N + p + 2) bytes; Node's default maxmem (32 MiB) is below the default cost.
  const options: ScryptOptions = { N, r, p, maxmem: 128 * r * (N + p + 2) + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(Buffer.from(passphrase, 'utf8'), salt, 32, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function checkParameters({ N, r, p }: ScryptParameters, where: 'configured' | 'stored'): void {
  const integers = [N, r, p].every((n) => Number.isSafeInteger(n) && n > 0);
  const powerOfTwo = integers && (N & (N - 1)) === 0 && N >= MIN_N;
  if (!integers || !powerOfTwo || 128 * r * (N + p + 2) > MAX_SCRYPT_MEMORY || p > 16) {
    const detail = `scrypt parameters N=${N}, r=${r}, p=${p} are out of bounds`;
    if (where === 'stored') throw damaged(detail);
    throw new AppError('UNEXPECTED', { detail });
  }
}

function parseWrapped(wrapped: string): WrappedV1 {
  let raw: unknown;
  try {
    raw = JSON.parse(wrapped);
  } catch {
    throw damaged('the recovery key slot is not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null) throw damaged('the recovery key slot is not an object');
  const slot = raw as Record<string, unknown>;
  if (slot.v !== FORMAT_VERSION) throw damaged(`unknown recovery key slot version ${String(slot.v)}`);
  if (slot.kdf !== 'scrypt') throw damaged(`unknown key derivation ${String(slot.kdf)}`);
  for (const field of ['salt', 'iv', 'tag', 'ct'] as const) {
    if (typeof slot[field] !== 'string') throw damaged(`the recovery key slot lacks ${field}`);
  }
  const parsed = slot as unknown as WrappedV1;
  checkParameters({ N: parsed.N, r: parsed.r, p: parsed.p }, 'stored');
  if (Buffer.from(parsed.salt, 'base64').length < 16) throw damaged('the recovery key slot salt is too short');
  if (Buffer.from(parsed.iv, 'base64').length !== 12 || Buffer.from(parsed.tag, 'base64').length !== 16) {
    throw damaged('the recovery key slot iv or tag has the wrong length');
  }
  return parsed;
}

function damaged(detail: string): AppError {
  return new AppError('VAULT_SLOT_DAMAGED', { detail: `${RECOVERY_PASSPHRASE_PROTECTOR_ID}: ${detail}` });
}
