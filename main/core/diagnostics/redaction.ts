/**
 * The one redaction layer every log line, trace and bundle passes. It removes (1) every secret it
 * was taught with remember(), in clear and in the encodings a careless write uses, and (2) every
 * value that looks like a secret without being known: JWTs, Atlassian tokens, Authorization
 * values, and the values of client_secret, code, code_verifier, refresh_token, access_token,
 * id_token, password and token fields in forms, query strings, fragments and JSON (any depth).
 * `state` values become fingerprints. The API is fixed: other code already calls it.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { SecretMatcher } from './secret-encodings.js';
import { FINGERPRINTED_FIELD, isHarmlessValue, MASKED_TAIL_FIELDS, maskTail, REDACTED, redactedFieldOf, replaceTokens } from './secret-patterns.js';

export { REDACTED } from './secret-patterns.js';

/** How much of a body a trace keeps. */
export const DEFAULT_BODY_MAX = 4000;

export interface RedactorOptions {
  /**
   * Key of the fingerprints (HMAC-SHA256). Composition roots pass the store's key
   * (SettingsStore.diagnosticsFingerprintKey(): random, made once, kept in the settings file), so
   * bundles of the app and the CLI on the same store can be compared. Without one, a random key:
   * fingerprints then compare within this process only.
   */
  fingerprintKey?: Uint8Array | string;
}

const decodeFormComponent = (text: string): string => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
};
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
/** encodeURIComponent, with «redacted» left readable. */
const encodeKeepingMarker = (text: string): string => encodeURIComponent(text).split(encodeURIComponent(REDACTED)).join(REDACTED);
const looksLikeUrl = (text: string): boolean => /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(text);

export class Redactor {
  private readonly known = new SecretMatcher();
  private key: Buffer;
  private indexing = false;

  constructor(options: RedactorOptions = {}) {
    this.key = options.fingerprintKey === undefined ? randomBytes(32) : Buffer.from(options.fingerprintKey);
  }

  /** Sets the fingerprint key once it can be read (the app logs before its settings are open). */
  useFingerprintKey(key: Uint8Array | string): void {
    this.key = Buffer.from(key);
  }

  /**
   * Teach it a secret value seen at runtime (client secret, token, code, verifier) so it is
   * removed wherever it appears. Values shorter than 8 characters are ignored: they would match
   * ordinary text (the token and field rules still catch them where they are labelled).
   */
  remember(secret: string): void {
    if (this.known.add(secret)) this.indexSoon();
  }

  /** Every secret remembered so far (for the bundle's leak scan; never written anywhere). */
  knownSecrets(): string[] {
    return this.known.values();
  }

  /** Known secrets and token-shaped strings (JWTs, Bearer values, `client_secret=`…) replaced by «redacted». */
  text(value: string): string {
    return replaceTokens(this.known.replace(value, REDACTED), (kind, found) =>
      kind === FINGERPRINTED_FIELD ? this.fingerprint(decodeFormComponent(found)) : REDACTED,
    );
  }

  /**
   * A URL with scheme, host and path kept and the values of secret-bearing query and fragment
   * fields replaced (`state` by its fingerprint); a password in the URL is removed too. Not a
   * URL: treated as text.
   */
  url(raw: string): string {
    // Known secrets first, on the whole URL: one may span a key and a value ("#secret=with=signs").
    const value = this.known.replace(raw, REDACTED);
    const hashAt = value.indexOf('#');
    const beforeHash = hashAt === -1 ? value : value.slice(0, hashAt);
    const queryAt = beforeHash.indexOf('?');
    const base = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
    let out = this.urlBase(base);
    if (queryAt !== -1) out += `?${this.pairs(beforeHash.slice(queryAt + 1))}`;
    if (hashAt !== -1) {
      const fragment = value.slice(hashAt + 1);
      out += `#${fragment.includes('=') ? this.pairs(fragment) : this.text(fragment)}`;
    }
    return out;
  }

  /** A callback URL as logs show it: scheme, host and path only — no query, no fragment at all. */
  callbackUrl(value: string): string {
    return this.urlBase(value.split(/[?#]/, 1)[0] ?? '');
  }

  /**
   * Keeps only `keep` headers (lower-cased). Authorization keeps its scheme ("Bearer «redacted»"),
   * cookies their names; URLs (Location) go through url(), everything else through text().
   */
  headers(headers: Headers | Record<string, string>, keep: readonly string[]): Record<string, string> {
    const wanted = new Set(keep.map((name) => name.toLowerCase()));
    const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
    const out: Record<string, string> = {};
    for (const [name, value] of entries) {
      const lower = name.toLowerCase();
      if (wanted.has(lower)) out[lower] = this.headerValue(lower, String(value));
    }
    return out;
  }

  /**
   * A request or response body (form, JSON or text) with secret-bearing fields and values
   * redacted, then cut to `max` characters (after redacting, so a cut never leaves half a secret).
   */
  body(text: string, contentType: string | null, max = DEFAULT_BODY_MAX): string {
    const type = (contentType ?? '').toLowerCase();
    const trimmed = text.trim();
    let redacted: string;
    if (type.includes('json') || /^[[{]/.test(trimmed)) redacted = this.jsonText(text);
    else if (type.includes('x-www-form-urlencoded') || /^[\w.%-]+=[^\s]*$/.test(trimmed)) redacted = this.pairs(text);
    else redacted = this.text(text);
    return redacted.length <= max ? redacted : `${redacted.slice(0, max)}… [${redacted.length - max} more characters not kept]`;
  }

  /** Any JSON value with secret fields redacted at any depth and every string passed through text(). */
  json(value: unknown, field: string | null = null): unknown {
    if (typeof value === 'string') return this.jsonString(value, field);
    if (Array.isArray(value)) return value.map((item) => this.json(item, field));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [this.text(key), this.json(inner, key)]));
    }
    return value;
  }

  /** A short keyed fingerprint (`fp:` + 8 hex) so two bundles can be compared without the value. */
  fingerprint(secret: string): string {
    return `fp:${createHmac('sha256', this.key).update(secret, 'utf8').digest('hex').slice(0, 8)}`;
  }

  private jsonText(text: string): string {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return this.text(text);
    }
    return JSON.stringify(this.json(parsed));
  }

  private jsonString(value: string, key: string | null): string {
    const field = key === null ? null : redactedFieldOf(key);
    if (field === FINGERPRINTED_FIELD) return isHarmlessValue(field, value) ? value : this.fingerprint(value);
    if (field !== null && !isHarmlessValue(field, value)) return REDACTED;
    if (key !== null && MASKED_TAIL_FIELDS.has(key.toLowerCase())) return maskTail(value);
    // A body that echoes headers (a proxy's error page, a debug endpoint) keeps only their schemes and cookie names.
    const header = key?.toLowerCase();
    if (header !== undefined && CREDENTIAL_HEADERS.has(header)) return this.headerValue(header, value);
    // A JSON document inside a string (a body echoed in an error, a logged request) is redacted as JSON.
    if (/^\s*[[{]/.test(value)) return this.jsonText(value);
    return looksLikeUrl(value) ? this.url(value) : this.text(value);
  }

  /** `a=1&code=xyz&state=abc`: secret fields redacted, state fingerprinted, other values as text (encodings kept). */
  private pairs(raw: string): string {
    return this.known
      .replace(raw, REDACTED)
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq === -1) return this.text(pair);
        const key = pair.slice(0, eq);
        const value = pair.slice(eq + 1);
        const field = redactedFieldOf(decodeFormComponent(key));
        if (field === FINGERPRINTED_FIELD) return `${key}=${value === '' ? '' : this.fingerprint(decodeFormComponent(value))}`;
        if (field !== null) return `${key}=${value === '' ? '' : REDACTED}`;
        if (MASKED_TAIL_FIELDS.has(decodeFormComponent(key).toLowerCase())) return `${key}=${value === '' ? '' : maskTail(decodeFormComponent(value))}`;
        const asIs = this.text(value);
        if (asIs !== value) return `${this.text(key)}=${asIs}`;
        // A value that is itself an encoded URL or form (redirect_uri=…%3Fcode%3D…) is redacted decoded.
        const decoded = decodeFormComponent(value);
        const redactedDecoded = looksLikeUrl(decoded) ? this.url(decoded) : this.text(decoded);
        return `${this.text(key)}=${redactedDecoded === decoded ? value : encodeKeepingMarker(redactedDecoded)}`;
      })
      .join('&');
  }

  /** Scheme, host and path through text(); a password in the user-info part removed. */
  private urlBase(base: string): string {
    return this.text(base.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*):[^/@]*@/i, `$1:${REDACTED}@`));
  }

  private headerValue(name: string, value: string): string {
    if (name === 'authorization' || name === 'proxy-authorization') {
      const scheme = /^([A-Za-z][A-Za-z0-9_-]*)\s+\S/.exec(value.trim())?.[1];
      return scheme ? `${scheme} ${REDACTED}` : REDACTED;
    }
    if (name === 'cookie') return value.split(';').map((c) => `${c.split('=', 1)[0]?.trim() ?? ''}=${REDACTED}`).join('; ');
    if (name === 'set-cookie') {
      const [first = '', ...attributes] = value.split(';');
      return [`${first.split('=', 1)[0]?.trim() ?? ''}=${REDACTED}`, ...attributes.map((a) => this.text(a.trim()))].join('; ');
    }
    if (name === 'location' || name === 'content-location' || name === 'referer') return this.url(value);
    return this.text(value);
  }

  /**
   * Indexes remembered secrets between other work, ~8 ms at a time, so a store with thousands of
   * connections learned at startup does not hold the process up; text() indexes what is left first.
   */
  private indexSoon(): void {
    if (this.indexing) return;
    this.indexing = true;
    const step = (): void => {
      this.known.indexPending(performance.now() + 8);
      if (this.known.pendingCount > 0) setImmediate(step).unref();
      else this.indexing = false;
    };
    setImmediate(step).unref();
  }
}
