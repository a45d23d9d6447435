/** The sandbox's public contract: other parts of ConnectDesk and their tests code against these. */
import type { SandboxSeed } from './sandbox-seed.js';

export interface SandboxOptions {
  /** Default 127.0.0.1; anything not loopback is refused (the console shows secrets). */
  host?: string;
  /** 0 = random free port. */
  port?: number;
  /** Default: loadDefaultSeed(). */
  seed?: SandboxSeed;
  /** Replaces the "{callbackUrl}" placeholder in the seed's app redirectUris. */
  callbackUrl: string;
  /** Milliseconds clock, injectable so tests can age codes and refresh tokens. */
  now?: () => number;
  /**
   * Keeps the signing key, grants, refresh/access token state and switches in this file, so a
   * restarted sandbox still honours connections made before (see sandbox-state-file.ts).
   * Without it everything lives in memory and a restart forgets every connection.
   */
  stateFile?: string;
}

export interface SandboxSwitches {
  /** Every non-admin request: the socket is destroyed without an answer (network unreachable). */
  offline: boolean;
  expireCodesImmediately: boolean;
  /** The callback redirect carries a different state than the client sent. */
  tamperState: boolean;
  /** 'server-error' → 503, 'rate-limited' → 429 with Retry-After: retryAfterSeconds. */
  tokenEndpoint: 'normal' | 'server-error' | 'rate-limited';
  /**
   * refresh_token grants only. 'reject' → 403 invalid_grant "Unknown or invalid refresh token."
   * without revoking anything; 'omit-refresh-token' → 200 without refresh_token, and the token
   * used is neither disabled nor replaced (it keeps working), as observed at Atlassian.
   */
  refreshEndpoint: 'normal' | 'reject' | 'omit-refresh-token';
  /**
   * The API side: /ex/confluence/..., /oauth/token/accessible-resources and /me, before any token
   * check. 'rate-limited' → 429 with Retry-After and X-RateLimit-* headers; 'server-error' → 503.
   */
  api: 'normal' | 'rate-limited' | 'server-error';
  /** Scopes silently left out of what a new consent grants (app scopes narrowed); existing grants keep theirs. */
  grantFewerScopes: string[];
  /** Retry-After of both 429 switches (tokenEndpoint, api); sent as given, however absurd. */
  retryAfterSeconds: number;
}

/** One call to POST /oauth/token as received, with credentials masked. */
export interface TokenRequestRecord {
  at: number;
  contentType: 'json' | 'form' | 'other';
  grantType: string | null;
  /** Parsed body; client_secret, code, code_verifier and refresh_token are replaced by "***". */
  body: Record<string, string>;
  status: number;
}

export interface RevokeGrantFilter {
  accountId?: string;
  email?: string;
  clientId?: string;
}

export interface SandboxControl {
  switches(): SandboxSwitches;
  setSwitches(patch: Partial<SandboxSwitches>): void;
  /** Back to the seeded state: default switches, no sessions, codes, grants, tokens or log. */
  reset(): void;
  /** Revokes every grant (refresh-token family and its access tokens) matching the filter; all when empty. Returns how many. */
  revokeGrant(filter?: RevokeGrantFilter): number;
  /** Makes every access token issued so far fail with 401 (they "stop working before exp"). Returns how many. */
  expireAccessTokens(): number;
  /** Every token request received since start or reset, oldest first. */
  tokenRequests(): TokenRequestRecord[];
  /**
   * Moves the sandbox clock forward by ms (>= 0) on top of SandboxOptions.now, e.g. to age refresh
   * tokens past 90 idle days in a running sandbox. Persisted in the state file; reset() sets it
   * back to 0. Returns the total offset in ms.
   */
  advanceClock(ms: number): number;
  /**
   * Rotates an app's client secret, as "Rotate secret" in Atlassian's developer console: from now on
   * only the new secret authenticates the app at the token endpoint; the previous one gets
   * 401 access_denied "Unauthorized" (reference §2), on code exchanges and refreshes alike. Grants
   * and tokens already issued stay valid. `clientSecret` (at least 8 characters) or a random one.
   * Persisted in the state file; reset() restores the seed's secrets. Throws for an unknown app.
   */
  rotateClientSecret(clientId: string, clientSecret?: string): { clientId: string; clientSecret: string };
}

export interface SandboxHandle {
  /** e.g. http://127.0.0.1:43123 */
  url: string;
  managedApp: { clientId: string; clientSecret: string; label: string };
  control: SandboxControl;
  close(): Promise<void>;
}

export const DEFAULT_SWITCHES: Readonly<SandboxSwitches> = Object.freeze({
  offline: false,
  expireCodesImmediately: false,
  tamperState: false,
  tokenEndpoint: 'normal',
  refreshEndpoint: 'normal',
  api: 'normal',
  grantFewerScopes: Object.freeze([]) as unknown as string[],
  retryAfterSeconds: 30,
});
