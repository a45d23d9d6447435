/**
 * "No secret in clear" scans over real files: every file under a directory, searched for each
 * known secret in clear and in the encodings a careless write would use (base64 at every byte
 * alignment, base64url, hex, UTF-16, URL/form encoding, JSON escaping — the core's list, shared with
 * the Redactor and the support bundle's scanner). Plus a fetch wrapper that
 * records every token the authorization server issues, so a test knows every value to look for.
 */
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MIN_SECRET_LENGTH, secretByteForms, type SecretEncoding, type SecretForm } from '../../main/core/diagnostics/secret-encodings.js';
import type { FetchLike } from '../../main/core/oauth/token-client.js';

export interface KnownSecret {
  /** What it is, for the failure message (never the value itself). */
  label: string;
  value: string;
}

export type { SecretEncoding, SecretForm } from '../../main/core/diagnostics/secret-encodings.js';
export { MIN_SECRET_LENGTH } from '../../main/core/diagnostics/secret-encodings.js';

/**
 * Every form of the secret the scanner looks for, as latin1 text of the bytes (the core's list of
 * encodings, main/core/diagnostics/secret-encodings.ts, plus UTF-16LE), without duplicates.
 */
export function encodedForms(value: string): SecretForm[] {
  return secretByteForms(value);
}

export interface ScannedEntry {
  /** Relative to the scanned directory, with "/" separators. */
  path: string;
  kind: 'file' | 'directory' | 'symlink' | 'other';
  size: number;
  /** Permission bits (mode & 0o777). */
  mode: number;
}

export interface ScanHit {
  file: string;
  secret: string;
  encoding: SecretEncoding;
}

export interface ScanResult {
  entries: ScannedEntry[];
  /** Regular files whose bytes were searched. */
  files: string[];
  hits: ScanHit[];
}

/**
 * Every entry under `dir`, recursively, dotfiles and lock directories included; symlinks are
 * listed, not followed (a link out of the directory is reported by kind, never read through).
 */
export function listEntries(dir: string): ScannedEntry[] {
  const out: ScannedEntry[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      const stat = lstatSync(full);
      const kind: ScannedEntry['kind'] = stat.isSymbolicLink() ? 'symlink' : stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
      out.push({ path: relative(dir, full).split('\\').join('/'), kind, size: stat.size, mode: stat.mode & 0o777 });
      if (kind === 'directory') walk(full);
    }
  };
  walk(dir);
  return out;
}

/** Searches `text` (latin1 view of a file's bytes) for every form of every secret. */
export function findSecrets(text: string, secrets: readonly KnownSecret[], file: string): ScanHit[] {
  const hits: ScanHit[] = [];
  for (const secret of secrets) {
    for (const form of encodedForms(secret.value)) {
      if (text.includes(form.needle)) hits.push({ file, secret: secret.label, encoding: form.encoding });
    }
  }
  return hits;
}

/** Reads every regular file under `dir` and reports each secret found, in which file and form. */
export function scanDirectory(dir: string, secrets: readonly KnownSecret[]): ScanResult {
  const entries = listEntries(dir);
  const files = entries.filter((e) => e.kind === 'file').map((e) => e.path);
  const hits = files.flatMap((file) => findSecrets(readFileSync(join(dir, file)).toString('latin1'), secrets, file));
  return { entries, files, hits };
}

/** One call to the token endpoint as the client saw it. */
export interface TokenCall {
  grantType: string | null;
  status: number;
  /** What the client sent: client_secret, code, code_verifier, refresh_token (values, for the scan). */
  sent: Record<string, string>;
  /** What came back: access_token, refresh_token (200 only). */
  issued: { accessToken?: string; refreshToken?: string };
}

function formFields(body: RequestInit['body'] | undefined): Record<string, string> {
  if (body === undefined || body === null) return {};
  if (body instanceof URLSearchParams) return Object.fromEntries(body);
  if (typeof body === 'string') {
    const trimmed = body.trim();
    if (trimmed.startsWith('{')) return JSON.parse(trimmed) as Record<string, string>;
    return Object.fromEntries(new URLSearchParams(body));
  }
  throw new Error(`the token request body is a ${Object.prototype.toString.call(body)}: teach TokenRecorder to read it`);
}

/**
 * A fetch for ServiceContext.fetch that passes everything through and records each token-endpoint
 * exchange: the secrets the client sent and the tokens it was given. Compare `calls` with the
 * authorization server's own log to prove no issued token escaped the recording.
 */
export class TokenRecorder {
  readonly calls: TokenCall[] = [];

  constructor(
    private readonly tokenUrl: () => string,
    private readonly base: FetchLike = (input, init) => fetch(input, init),
  ) {}

  readonly fetch: FetchLike = async (input, init) => {
    const response = await this.base(input, init);
    if (new URL(String(input)).href !== new URL(this.tokenUrl()).href) return response;
    const sent = formFields(init?.body);
    const call: TokenCall = { grantType: sent.grant_type ?? null, status: response.status, sent, issued: {} };
    if (response.ok) {
      const body = (await response.clone().json()) as { access_token?: string; refresh_token?: string };
      if (body.access_token) call.issued.accessToken = body.access_token;
      if (body.refresh_token) call.issued.refreshToken = body.refresh_token;
    }
    this.calls.push(call);
    return response;
  };

  /** Every token issued and every secret sent to the token endpoint so far, labelled. */
  secrets(): KnownSecret[] {
    return this.calls.flatMap((call, i) => {
      const n = `token call #${i + 1} (${call.grantType ?? 'no grant'}, ${call.status})`;
      const found: KnownSecret[] = [];
      if (call.issued.accessToken) found.push({ label: `access token issued by ${n}`, value: call.issued.accessToken });
      if (call.issued.refreshToken) found.push({ label: `refresh token issued by ${n}`, value: call.issued.refreshToken });
      for (const field of ['code', 'code_verifier', 'refresh_token', 'client_secret'] as const) {
        const value = call.sent[field];
        if (value && value.length >= MIN_SECRET_LENGTH) found.push({ label: `${field} sent in ${n}`, value });
      }
      return found;
    });
  }

  issuedRefreshTokens(): string[] {
    return this.calls.flatMap((c) => (c.issued.refreshToken ? [c.issued.refreshToken] : []));
  }
}

/** Known secrets without repeats (the same value under two labels is searched once). */
export function uniqueSecrets(secrets: readonly KnownSecret[]): KnownSecret[] {
  const byValue = new Map<string, KnownSecret>();
  for (const s of secrets) if (!byValue.has(s.value)) byValue.set(s.value, s);
  return [...byValue.values()];
}
