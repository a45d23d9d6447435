import type { Redactor } from './redaction.js';

/** Body fields whose values are secrets, in token requests and answers. */
const SECRET_FIELDS = ['client_secret', 'code', 'code_verifier', 'refresh_token', 'access_token', 'id_token'] as const;

/** The top-level string fields of a form or JSON body; nothing for other bodies. */
export function bodyFields(text: string | null): Record<string, string> {
  if (!text) return {};
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (!parsed || typeof parsed !== 'object') return {};
      return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    } catch {
      return {};
    }
  }
  if (!/^[\w.~%+-]+=/.test(trimmed)) return {};
  return Object.fromEntries(new URLSearchParams(trimmed));
}

/**
 * Teaches the redactor the secrets a call carries before anything of it is redacted: the client
 * secret, code, verifier and tokens in token requests and answers, and the credentials of an
 * Authorization header. From then on the redactor removes them wherever they appear — in this
 * trace and in any later log line or bundle.
 */
export function learnSecretsOfCall(redactor: Redactor, call: { requestHeaders: Headers; requestBody: string | null; responseBody: string | null }): void {
  for (const body of [call.requestBody, call.responseBody]) {
    const fields = bodyFields(body);
    for (const name of SECRET_FIELDS) {
      const value = fields[name];
      if (value) redactor.remember(value);
    }
  }
  const authorization = call.requestHeaders.get('authorization');
  const credentials = authorization?.match(/^\s*(\S+)\s+(\S+)\s*$/);
  if (!credentials?.[2]) return;
  redactor.remember(credentials[2]);
  // Basic carries "client_id:client_secret" in base64: the secret is a secret on its own too.
  if (credentials[1]?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credentials[2], 'base64').toString('utf8');
    const secret = decoded.slice(decoded.indexOf(':') + 1);
    if (decoded.includes(':') && secret) redactor.remember(secret);
  }
}
