/**
 * Everything the sandbox remembers between requests, in memory: switches, browser sessions,
 * authorize requests waiting for sign-in/consent, authorization codes, grants with their tokens,
 * and the token-request log tests read. One instance per started sandbox.
 * The durable part (switches, grants, refresh and access tokens) can be snapshotted and restored
 * for the optional state file; sessions, pending requests, codes and the log are short-lived.
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_SWITCHES, type SandboxSwitches, type TokenRequestRecord } from './sandbox-api.js';
import { RefreshTokenFamilies, type FamiliesSnapshot } from './refresh-token-families.js';
import type { AccessTokenClaims } from './access-token.js';

export const CODE_LIFETIME_MS = 10 * 60_000;
/** How long an authorize request may wait on the sign-in/consent pages. */
export const PENDING_REQUEST_LIFETIME_MS = 30 * 60_000;

/** A validated /authorize request, kept server-side so posted forms cannot alter it. */
export interface PendingAuthorization {
  id: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string;
  codeChallenge: string | null;
  createdAt: number;
}

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  accountId: string;
  scopes: string[];
  codeChallenge: string | null;
  issuedAt: number;
  used: boolean;
}

interface IssuedAccessToken {
  grantId: string;
  /** JWT exp, seconds: past it the token is useless and is not worth persisting. */
  exp: number;
  expired: boolean;
}

/** What survives a restart when a state file is used. */
export interface DurableState extends FamiliesSnapshot {
  switches: SandboxSwitches;
  /** Added to SandboxOptions.now by advanceClock; 0 unless support staff or tests aged the sandbox. */
  clockOffsetMs: number;
  accessTokens: Array<IssuedAccessToken & { jti: string }>;
  /** Apps whose client secret was rotated (rotateClientSecret): the current secret replaces the seed's. */
  clientSecrets: Array<{ clientId: string; clientSecret: string }>;
}

export const randomId = (bytes = 24): string => randomBytes(bytes).toString('base64url');

const copySwitches = (switches: SandboxSwitches): SandboxSwitches => ({ ...switches, grantFewerScopes: [...switches.grantFewerScopes] });

export class SandboxState {
  private currentSwitches: SandboxSwitches = copySwitches(DEFAULT_SWITCHES);
  private clockOffsetMs = 0;
  readonly sessions = new Map<string, string>();
  private readonly pending = new Map<string, PendingAuthorization>();
  readonly codes = new Map<string, AuthorizationCode>();
  readonly families = new RefreshTokenFamilies(() => this.onDurableChange());
  private readonly accessTokens = new Map<string, IssuedAccessToken>();
  private readonly tokenLog: TokenRequestRecord[] = [];
  /** clientId → the secret that replaced the seed's; only apps whose secret was rotated. */
  private readonly rotatedSecrets = new Map<string, string>();

  /** onDurableChange runs after every change to the durable part (see DurableState). */
  constructor(
    private readonly baseNow: () => number,
    private readonly onDurableChange: () => void = () => {},
  ) {}

  /** The sandbox clock: the injected one plus the advanceClock offset. */
  readonly now = (): number => this.baseNow() + this.clockOffsetMs;

  /** Returns the total offset. */
  advanceClock(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advanceClock needs a finite ms >= 0, got ${ms}`);
    this.clockOffsetMs += ms;
    this.onDurableChange();
    return this.clockOffsetMs;
  }

  switches(): SandboxSwitches {
    return copySwitches(this.currentSwitches);
  }

  setSwitches(patch: Partial<SandboxSwitches>): void {
    this.currentSwitches = copySwitches({ ...this.currentSwitches, ...patch });
    this.onDurableChange();
  }

  /** A new consent's scopes without those the grantFewerScopes switch drops. */
  grantableScopes(requested: readonly string[]): string[] {
    return requested.filter((s) => !this.currentSwitches.grantFewerScopes.includes(s));
  }

  reset(): void {
    this.currentSwitches = copySwitches(DEFAULT_SWITCHES);
    this.clockOffsetMs = 0;
    this.sessions.clear();
    this.pending.clear();
    this.codes.clear();
    this.families.clear();
    this.accessTokens.clear();
    this.tokenLog.length = 0;
    this.rotatedSecrets.clear();
    this.onDurableChange();
  }

  /** The app's current client secret when it was rotated; null while the seed's secret holds. */
  rotatedClientSecret(clientId: string): string | null {
    return this.rotatedSecrets.get(clientId) ?? null;
  }

  /** From now on only `clientSecret` authenticates the app: the previous one is refused (401). */
  rotateClientSecret(clientId: string, clientSecret: string): void {
    this.rotatedSecrets.set(clientId, clientSecret);
    this.onDurableChange();
  }

  durableSnapshot(): DurableState {
    const nowSeconds = this.now() / 1000;
    return {
      switches: this.switches(),
      clockOffsetMs: this.clockOffsetMs,
      ...this.families.snapshot(),
      accessTokens: [...this.accessTokens]
        .filter(([, token]) => token.exp > nowSeconds)
        .map(([jti, token]) => ({ jti, ...token })),
      clientSecrets: [...this.rotatedSecrets].map(([clientId, clientSecret]) => ({ clientId, clientSecret })),
    };
  }

  /** Replaces the durable part; the short-lived part starts empty. */
  restoreDurable(durable: DurableState): void {
    this.currentSwitches = copySwitches({ ...DEFAULT_SWITCHES, ...durable.switches });
    this.clockOffsetMs = durable.clockOffsetMs;
    this.families.restore(durable);
    this.accessTokens.clear();
    for (const { jti, grantId, exp, expired } of durable.accessTokens) this.accessTokens.set(jti, { grantId, exp, expired });
    this.rotatedSecrets.clear();
    for (const { clientId, clientSecret } of durable.clientSecrets) this.rotatedSecrets.set(clientId, clientSecret);
  }

  addPending(request: Omit<PendingAuthorization, 'id' | 'createdAt'>): PendingAuthorization {
    const pending: PendingAuthorization = { ...request, id: randomId(), createdAt: this.now() };
    this.pending.set(pending.id, pending);
    return pending;
  }

  getPending(id: string | undefined): PendingAuthorization | null {
    if (!id) return null;
    const pending = this.pending.get(id);
    if (!pending) return null;
    if (this.now() - pending.createdAt > PENDING_REQUEST_LIFETIME_MS) {
      this.pending.delete(id);
      return null;
    }
    return pending;
  }

  /** A decision (Accept/Cancel) ends the request: the same form cannot be submitted twice. */
  takePending(id: string | undefined): PendingAuthorization | null {
    const pending = this.getPending(id);
    if (pending) this.pending.delete(pending.id);
    return pending;
  }

  issueCode(pending: PendingAuthorization, accountId: string): string {
    const code = randomId(32);
    this.codes.set(code, {
      clientId: pending.clientId,
      redirectUri: pending.redirectUri,
      accountId,
      // What the consent grants: the grantFewerScopes switch silently narrows it.
      scopes: this.grantableScopes(pending.scopes),
      codeChallenge: pending.codeChallenge,
      issuedAt: this.now(),
      used: false,
    });
    return code;
  }

  rememberAccessToken(claims: AccessTokenClaims): void {
    this.accessTokens.set(claims.jti, { grantId: claims.grant_id, exp: claims.exp, expired: false });
    this.onDurableChange();
  }

  /** Tokens from another run, expired on demand, or of a revoked grant do not count. */
  isAccessTokenLive(claims: AccessTokenClaims): boolean {
    const issued = this.accessTokens.get(claims.jti);
    return issued !== undefined && !issued.expired && this.families.isGrantActive(issued.grantId);
  }

  expireAccessTokens(): number {
    let count = 0;
    for (const token of this.accessTokens.values()) {
      if (!token.expired) {
        token.expired = true;
        count += 1;
      }
    }
    if (count > 0) this.onDurableChange();
    return count;
  }

  logTokenRequest(record: TokenRequestRecord): void {
    this.tokenLog.push(record);
  }

  tokenRequests(): TokenRequestRecord[] {
    return this.tokenLog.map((r) => ({ ...r, body: { ...r.body } }));
  }
}
