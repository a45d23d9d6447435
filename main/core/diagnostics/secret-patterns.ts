/**
 * What a secret looks like when ConnectDesk does not know its value: token shapes (JWTs, Atlassian
 * tokens, Authorization values) and the values of secret-bearing fields (client_secret=…,
 * "refresh_token": "…") in forms, query strings, JSON and inspected objects. One list of rules,
 * read by the Redactor (which replaces the values) and the secret scanner (which reports them), so
 * what one removes is exactly what the other looks for.
 */

export const REDACTED = '«redacted»';

/** Fields whose value is a secret wherever they appear. */
export const SECRET_FIELDS = ['client_secret', 'code', 'code_verifier', 'refresh_token', 'access_token', 'id_token', 'password', 'token'] as const;
export type SecretField = (typeof SECRET_FIELDS)[number];

/**
 * `state` is not a secret, but it binds a callback to one sign-in attempt: shown as a fingerprint,
 * so support can tell whether two URLs belong to the same attempt without the value.
 */
export const FINGERPRINTED_FIELD = 'state';
export type RedactedField = SecretField | typeof FINGERPRINTED_FIELD;

export const FINGERPRINT_PATTERN = /^fp:[0-9a-f]{8}$/;

const camel = (snake: string): string => snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** `refreshToken`, `Refresh-Token`, `REFRESH_TOKEN` → refresh_token; null for any other name. */
export function redactedFieldOf(name: string): RedactedField | null {
  const snake = name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toLowerCase();
  if (snake === FINGERPRINTED_FIELD) return FINGERPRINTED_FIELD;
  return (SECRET_FIELDS as readonly string[]).includes(snake) ? (snake as SecretField) : null;
}

/**
 * A value that is no secret although it sits in a secret field: empty, already redacted, a
 * fingerprint (trailing punctuation of the sentence around it allowed), or — for `code` — an
 * error code ("OAUTH_CODE_REJECTED"): authorization codes are never all capitals.
 */
export function isHarmlessValue(field: RedactedField, value: string): boolean {
  const v = value.trim();
  if (v === '' || /^(«redacted»|fp:[0-9a-f]{8})[)\].,;:!?]*$/.test(v)) return true;
  return field === 'code' && /^[A-Z][A-Z0-9_]*$/.test(v);
}

export type TokenKind = 'jwt' | 'atlassian-token' | 'authorization-header';

/**
 * One shape. Every pattern has two groups: (what to keep)(the value). `field` rules take the
 * field's name from the kept part; the value of a harmless field value is left alone.
 */
export interface TokenRule {
  kind: TokenKind | 'field';
  pattern: RegExp;
}

const FIELD_NAMES = [...new Set([...SECRET_FIELDS, FINGERPRINTED_FIELD].flatMap((f) => [f, camel(f)]))].join('|');

export const TOKEN_RULES: readonly TokenRule[] = [
  { kind: 'jwt', pattern: /()(eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*)/g },
  // Atlassian API tokens (ATATT…), other AT??T… tokens, OAuth app secrets (ATOA…); the sandbox's refresh tokens (sbx-rt.…).
  { kind: 'atlassian-token', pattern: /()(\bAT(?:[A-Z]{2}T|OA)[A-Za-z0-9_=-]{16,})/g },
  { kind: 'atlassian-token', pattern: /()(\bsbx-[a-z]+\.[A-Za-z0-9_-]{16,})/g },
  // Case-sensitive on purpose: "basic settings" in a sentence is no header.
  { kind: 'authorization-header', pattern: /(\b(?:Bearer|bearer|BEARER|Basic|BASIC)\s+)((?!«)[A-Za-z0-9\-._~+/]{8,}=*)/g },
  { kind: 'authorization-header', pattern: /(\b[Aa]uthorization["']?\s*[:=]\s*["']?)((?!(?:Bearer|bearer|BEARER|Basic|BASIC)\s|«)[^\s"',;]+)/g },
  // Form bodies, query strings and fragments, also inside log lines: code=…&state=…; and header parameters: access_token="…"
  { kind: 'field', pattern: new RegExp(`((?<![A-Za-z0-9_.%-])(?:${FIELD_NAMES})=["']?)([^&\\s#"'<>,;]*)`, 'gi') },
  // JSON text: "refresh_token": "…"
  { kind: 'field', pattern: new RegExp(`("(?:${FIELD_NAMES})"\\s*:\\s*")((?:[^"\\\\]|\\\\.)*)`, 'gi') },
  // JSON inside a JSON string: \"refresh_token\":\"…\"
  { kind: 'field', pattern: new RegExp(`(\\\\"(?:${FIELD_NAMES})\\\\"\\s*:\\s*\\\\")((?:[^"\\\\]|\\\\[^"])*)`, 'gi') },
  // Objects as util.inspect prints them in a log line: { refresh_token: '…' }
  { kind: 'field', pattern: new RegExp(`((?<![A-Za-z0-9_])(?:${FIELD_NAMES})'?\\s*:\\s*')((?:[^'\\\\]|\\\\.)*)`, 'gi') },
];

/** The field a `field` rule matched, read from its kept part. */
export function fieldOfMatch(kept: string): RedactedField | null {
  const name = /[A-Za-z][A-Za-z_]*/.exec(kept)?.[0];
  return name ? redactedFieldOf(name) : null;
}

export interface TokenHit {
  kind: TokenKind | RedactedField;
  /** Where the value starts and ends in the text. */
  start: number;
  end: number;
}

/**
 * Every secret-looking value in the text that is not already harmless (a `state` value is
 * reported too: callers fingerprint it, the scanner ignores it).
 */
export function findTokenHits(text: string): TokenHit[] {
  const hits: TokenHit[] = [];
  for (const rule of TOKEN_RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      const kept = m[1] ?? '';
      const value = m[2] ?? '';
      const kind = rule.kind === 'field' ? fieldOfMatch(kept) : rule.kind;
      if (kind === null || value === '') continue;
      if (rule.kind === 'field' && isHarmlessValue(kind as RedactedField, value)) continue;
      const start = (m.index ?? 0) + kept.length;
      hits.push({ kind, start, end: start + value.length });
    }
  }
  return hits;
}

/**
 * Replaces each secret-looking value, rule after rule (a later rule sees the earlier ones' work).
 * `replace` gets the kind and the value and returns what to write instead.
 */
export function replaceTokens(text: string, replace: (kind: TokenKind | RedactedField, value: string) => string): string {
  let out = text;
  for (const rule of TOKEN_RULES) {
    out = out.replace(rule.pattern, (whole: string, kept: string, value: string) => {
      const kind = rule.kind === 'field' ? fieldOfMatch(kept) : rule.kind;
      if (kind === null || value === '') return whole;
      if (rule.kind === 'field' && isHarmlessValue(kind as RedactedField, value)) return whole;
      return kept + replace(kind, value);
    });
  }
  return out;
}

/** A client ID as ConnectDesk shows it anywhere (view, traces, logs, bundles): all but its last 4 characters masked. */
export function maskTail(value: string): string {
  return value.length <= 4 ? '••••' : `••••${value.slice(-4)}`;
}

/** Fields shown masked but for their last 4 characters: not secrets, but not needed whole either. */
export const MASKED_TAIL_FIELDS: ReadonlySet<string> = new Set(['client_id']);
