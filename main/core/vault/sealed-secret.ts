import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../errors/app-error.js';

/** A secret sealed with the data key: AES-256-GCM, base64 parts. Safe to write to disk. */
export interface SealedSecret {
  v: 1;
  iv: string;
  tag: string;
  ct: string;
}

export function isSealedSecret(value: unknown): value is SealedSecret {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return s.v === 1 && typeof s.iv === 'string' && typeof s.tag === 'string' && typeof s.ct === 'string';
}

/**
 * `context` is bound as additional authenticated data (e.g. "connection:<id>:refresh"), so a sealed
 * value copied to another field or connection does not decrypt.
 */
export function seal(dataKey: Buffer, plaintext: string, context: string): SealedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
}

export function unseal(dataKey: Buffer, sealed: SealedSecret, context: string): string {
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]).toString('utf8');
  } catch (cause) {
    throw new AppError('SECRET_UNAVAILABLE', { detail: context.replace(/^[^:]+:[^:]+:/, ''), cause });
  }
}
