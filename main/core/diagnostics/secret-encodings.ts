/**
 * The forms a known secret takes in text a careless write produces — clear, JSON-escaped,
 * URL/form-encoded, base64/base64url at every byte alignment, hex — and a matcher that finds all
 * of them for many secrets in one pass. The Redactor replaces what it finds; the secret scanner
 * reports it; the test helper (test/support/secret-scan.ts) scans files with the same forms.
 */
import { createHash } from 'node:crypto';

export type SecretEncoding =
  | 'clear'
  | 'json-escaped'
  | 'url-encoded'
  | 'url-encoded (lowercase hex)'
  | 'form-urlencoded'
  | 'base64'
  | 'base64url'
  | 'hex'
  | 'HEX'
  | 'utf16le';

export interface SecretForm {
  encoding: SecretEncoding;
  /** The secret as it reads in (decoded) text. */
  needle: string;
}

/** Below this a secret could match by chance, and misaligned base64 forms get too short to mean anything. */
export const MIN_SECRET_LENGTH = 8;

/**
 * The secret inside base64 text at each of the three byte alignments it can have there (a writer
 * that base64-encodes a JSON document holding the secret puts it at any offset). Only the groups
 * of 4 characters made of the secret's bytes alone are kept.
 */
function base64Alignments(bytes: Buffer, alphabet: 'base64' | 'base64url'): string[] {
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString(alphabet);
    const start = offset === 0 ? 0 : 4;
    const end = 4 * Math.floor((offset + bytes.length) / 3);
    forms.push(encoded.slice(start, end));
  }
  return forms;
}

const lowercasePercent = (text: string): string => (text.includes('%') ? text.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()) : text);

/**
 * The secret inside a JSON string as different writers escape it: JSON.stringify, ASCII-only
 * writers (\u00fc for non-ASCII), writers that escape "/" as "\/", and both.
 */
function jsonEscapings(value: string): string[] {
  // Most secrets (tokens, generated secrets) need no escaping at all: skip the regular expressions.
  if (/^[\x20-\x7e]*$/.test(value) && !/["\\/]/.test(value)) return [value];
  const plain = JSON.stringify(value).slice(1, -1);
  const asciiOnly = plain.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const slashes = (text: string): string => text.replace(/\//g, '\\/');
  return [plain, asciiOnly, slashes(plain), slashes(asciiOnly)];
}

/** Every form of the secret as it reads in text (a JS string), without duplicates (the first label wins). */
export function secretTextForms(value: string): SecretForm[] {
  if (value.length < MIN_SECRET_LENGTH) throw new Error(`a known secret must have at least ${MIN_SECRET_LENGTH} characters to be scanned for`);
  const bytes = Buffer.from(value, 'utf8');
  const forms: SecretForm[] = [
    { encoding: 'clear', needle: value },
    ...jsonEscapings(value).map((needle) => ({ encoding: 'json-escaped' as const, needle })),
    { encoding: 'url-encoded', needle: encodeURIComponent(value) },
    { encoding: 'url-encoded (lowercase hex)', needle: lowercasePercent(encodeURIComponent(value)) },
    { encoding: 'form-urlencoded', needle: new URLSearchParams({ v: value }).toString().slice(2) },
    ...base64Alignments(bytes, 'base64').map((needle) => ({ encoding: 'base64' as const, needle })),
    ...base64Alignments(bytes, 'base64url').map((needle) => ({ encoding: 'base64url' as const, needle })),
    { encoding: 'hex', needle: bytes.toString('hex') },
    { encoding: 'HEX', needle: bytes.toString('hex').toUpperCase() },
  ];
  return withoutDuplicates(forms);
}

/**
 * The same forms as bytes would show them in a file read as latin1 (so any byte sequence matches
 * byte for byte), plus UTF-16LE, which only a byte view can see.
 */
export function secretByteForms(value: string): SecretForm[] {
  const asLatin1 = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');
  return withoutDuplicates([
    ...secretTextForms(value).map((form) => ({ encoding: form.encoding, needle: asLatin1(form.needle) })),
    { encoding: 'utf16le', needle: Buffer.from(value, 'utf16le').toString('latin1') },
  ]);
}

function withoutDuplicates(forms: SecretForm[]): SecretForm[] {
  const seen = new Set<string>();
  return forms.filter((f) => f.needle.length > 0 && !seen.has(f.needle) && seen.add(f.needle));
}

export interface SecretMatch {
  start: number;
  end: number;
  /** Index of the secret in the order it was added (never the value). */
  secretIndex: number;
  encoding: SecretEncoding;
}

/** A form as the matcher keeps it: its length and digest, not its text (a store's tokens are long and many). */
interface IndexedForm {
  length: number;
  digest: string;
  secretIndex: number;
  encoding: SecretEncoding;
}

const digestOf = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

/**
 * Finds every form of many known secrets in one pass over the text. Forms are indexed by their
 * LAST MIN_SECRET_LENGTH characters (every form is at least that long; the end of a token is its
 * random part, while JWTs all begin alike) and kept as length + digest: the cost grows with the
 * text, not with the number of secrets, and a store with thousands of connections stays small.
 * Adding is cheap (the value is queued); computing a secret's forms (~0.2 ms for a long token) is
 * done by indexPending() — in slices, by the Redactor, between other work — and always before a
 * match, so no lookup ever misses a secret that was added.
 */
export class SecretMatcher {
  private readonly bySuffix = new Map<string, IndexedForm[]>();
  private readonly known = new Map<string, number>();
  private pending: string[] = [];

  /** False when the value is too short to match safely, or already known. */
  add(value: string): boolean {
    if (value.length < MIN_SECRET_LENGTH || this.known.has(value)) return false;
    this.known.set(value, this.known.size);
    this.pending.push(value);
    return true;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** Indexes queued secrets until `deadline` (performance.now() milliseconds), or all of them. */
  indexPending(deadline = Number.POSITIVE_INFINITY): void {
    let done = 0;
    while (done < this.pending.length && (done === 0 || performance.now() < deadline)) this.index(this.pending[done++]!);
    this.pending = this.pending.slice(done);
  }

  private index(value: string): void {
    const secretIndex = this.known.get(value)!;
    for (const form of secretTextForms(value)) {
      const suffix = form.needle.slice(-MIN_SECRET_LENGTH);
      const list = this.bySuffix.get(suffix) ?? [];
      list.push({ length: form.needle.length, digest: digestOf(form.needle), secretIndex, encoding: form.encoding });
      this.bySuffix.set(suffix, list);
    }
  }

  get size(): number {
    return this.known.size;
  }

  values(): string[] {
    return [...this.known.keys()];
  }

  /** Every occurrence of every form, by start (the longest first at one start); they may overlap. */
  allMatches(text: string): SecretMatch[] {
    this.indexPending();
    const found: SecretMatch[] = [];
    if (this.bySuffix.size === 0) return found;
    for (let end = MIN_SECRET_LENGTH; end <= text.length; end++) {
      const candidates = this.bySuffix.get(text.slice(end - MIN_SECRET_LENGTH, end));
      if (!candidates) continue;
      for (const c of candidates) {
        const start = end - c.length;
        if (start >= 0 && digestOf(text.slice(start, end)) === c.digest) found.push({ start, end, secretIndex: c.secretIndex, encoding: c.encoding });
      }
    }
    return found.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /** Non-overlapping matches, leftmost first, the longest at each position. */
  matches(text: string): SecretMatch[] {
    const kept: SecretMatch[] = [];
    let reach = 0;
    for (const m of this.allMatches(text)) {
      if (m.start < reach) continue;
      kept.push(m);
      reach = m.end;
    }
    return kept;
  }

  /** Every character of every match replaced (overlapping matches merged into one replacement). */
  replace(text: string, replacement: string): string {
    const found = this.allMatches(text);
    if (found.length === 0) return text;
    let out = '';
    let last = 0;
    for (const m of found) {
      if (m.end <= last) continue;
      out += m.start >= last ? text.slice(last, m.start) + replacement : '';
      last = m.end;
    }
    return out + text.slice(last);
  }
}
