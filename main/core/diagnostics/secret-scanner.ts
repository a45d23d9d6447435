/**
 * The last check before anything leaves ConnectDesk (a support bundle): finds known secrets — in
 * clear, JSON-escaped, URL/form-encoded, base64/base64url, hex — and secret-shaped values (JWTs,
 * Atlassian tokens, Authorization values, client_secret / code / refresh_token … fields) in text.
 * Findings say WHAT and WHERE (a JSON path, or an offset), never the value.
 */
import { SecretMatcher, type SecretEncoding } from './secret-encodings.js';
import { FINGERPRINTED_FIELD, findTokenHits, isHarmlessValue, REDACTED, redactedFieldOf, type SecretField, type TokenKind } from './secret-patterns.js';

export type SecretFindingKind = 'known-secret' | TokenKind | SecretField;

export interface SecretFinding {
  kind: SecretFindingKind;
  /** For known secrets: the form it was found in. */
  encoding?: SecretEncoding;
  /** Where in a JSON document (`$.connections[0].traces[2].responseBody`); absent for plain text. */
  path?: string;
  /** Character offset of the value: in the string at `path`, or in the text. */
  offset: number;
}

/**
 * Scans `text` for each secret of `known` (values shorter than 8 characters are skipped: they
 * would match by chance) and for secret-shaped values. JSON text is scanned value by value, keys
 * included, so each finding has its path; a secret field holding anything but a harmless value
 * («redacted», a fingerprint) is reported even when the value itself looks ordinary.
 */
export function findSecrets(text: string, known: Iterable<string>): SecretFinding[] {
  const matcher = new SecretMatcher();
  for (const value of known) matcher.add(value);
  const parsed = parseJsonDocument(text);
  if (parsed === undefined) return scanString(text, matcher);
  const findings: SecretFinding[] = [];
  walk(parsed, '$', null, matcher, findings);
  return findings;
}

/** "a refresh_token value at $.connections[0].traces[1].responseBody (character 42)" — never the value. */
export function describeFinding(finding: SecretFinding): string {
  const what =
    finding.kind === 'known-secret'
      ? `a secret ConnectDesk holds (${finding.encoding ?? 'clear'})`
      : finding.kind === 'jwt'
        ? 'a JWT'
        : finding.kind === 'atlassian-token'
          ? 'an Atlassian token'
          : finding.kind === 'authorization-header'
            ? 'an Authorization value'
            : `a ${finding.kind} value`;
  return `${what} at ${finding.path ?? 'the text'} (character ${finding.offset})`;
}

function parseJsonDocument(text: string): unknown {
  if (!/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function scanString(value: string, matcher: SecretMatcher, path?: string): SecretFinding[] {
  const at = path === undefined ? {} : { path };
  return [
    ...matcher.matches(value).map((m): SecretFinding => ({ kind: 'known-secret', encoding: m.encoding, ...at, offset: m.start })),
    ...findTokenHits(value)
      .filter((hit) => hit.kind !== FINGERPRINTED_FIELD)
      .map((hit): SecretFinding => ({ kind: hit.kind as SecretFindingKind, ...at, offset: hit.start })),
  ];
}

const pathOf = (parent: string, key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`);

function walk(value: unknown, path: string, key: string | null, matcher: SecretMatcher, findings: SecretFinding[]): void {
  if (typeof value === 'string') {
    findings.push(...scanString(value, matcher, path));
    const field = key === null ? null : redactedFieldOf(key);
    if (field !== null && field !== FINGERPRINTED_FIELD && !isHarmlessValue(field, value)) findings.push({ kind: field, path, offset: 0 });
    if (key?.toLowerCase() === 'authorization' && !new RegExp(`^([A-Za-z][\\w-]* )?${REDACTED}$`).test(value)) {
      findings.push({ kind: 'authorization-header', path, offset: 0 });
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}[${i}]`, key, matcher, findings));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [name, inner] of Object.entries(value)) {
      const innerPath = pathOf(path, name);
      findings.push(...scanString(name, matcher, `${innerPath} (the key)`));
      walk(inner, innerPath, name, matcher, findings);
    }
  }
}
