/**
 * The one redaction layer every log line, trace and bundle passes. TODO(issue 5, redaction helper):
 * implement. API is fixed: other code already calls it.
 */
export class Redactor {
  /** Teach it a secret value seen at runtime (client secret, token, code, verifier) so it is removed wherever it appears. */
  remember(_secret: string): void {}
  /** Known secrets and token-shaped strings (JWTs, Bearer values, `client_secret=`…) replaced by «redacted». */
  text(value: string): string {
    return value;
  }
  /** A URL without query or fragment values that can carry secrets (code, state, tokens, secrets). */
  url(value: string): string {
    return value;
  }
  /** Keeps only `keep` headers (lower-cased), with Authorization and cookies reduced to their scheme. */
  headers(headers: Headers | Record<string, string>, _keep: readonly string[]): Record<string, string> {
    return headers instanceof Headers ? Object.fromEntries(headers.entries()) : { ...headers };
  }
  /** A request or response body (form, JSON or text) with secret-bearing fields and values redacted, cut to `max` characters. */
  body(text: string, _contentType: string | null, _max?: number): string {
    return text;
  }
  /** A short keyed fingerprint (`fp:` + 8 hex) so two bundles can be compared without the value. */
  fingerprint(_secret: string): string {
    return 'fp:00000000';
  }
}
