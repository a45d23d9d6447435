/**
 * Grants and their rotating refresh tokens, as Atlassian runs them: each refresh disables the
 * token used and issues a new one; reusing a disabled token is tolerated for 10 minutes, after
 * that the whole family (grant) is revoked. Tokens die after 90 idle days, grants after 365 days.
 */
import { randomBytes, randomUUID } from 'node:crypto';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
export const REFRESH_REUSE_LEEWAY_MS = 10 * MINUTE;
export const REFRESH_IDLE_EXPIRY_MS = 90 * DAY;
export const GRANT_ABSOLUTE_EXPIRY_MS = 365 * DAY;

export interface Grant {
  id: string;
  clientId: string;
  accountId: string;
  scopes: string[];
  /** First consent; the 365-day limit counts from here and refreshing never extends it. */
  createdAt: number;
  revokedAt: number | null;
}

export interface RefreshTokenEntry {
  grantId: string;
  issuedAt: number;
  /** Set when the token was rotated away; reuse after this is the leeway case. */
  disabledAt: number | null;
}

/** The durable form (state file): every grant and every refresh token, rotated ones included. */
export interface FamiliesSnapshot {
  grants: Grant[];
  refreshTokens: Array<RefreshTokenEntry & { token: string }>;
}

export interface InvalidResult {
  kind: 'invalid';
  reason: 'unknown' | 'wrong-client' | 'revoked' | 'grant-expired' | 'idle-expired' | 'reuse-outside-leeway';
}

export interface KeptResult {
  kind: 'kept';
  grant: Grant;
}

export type RotationResult = { kind: 'rotated'; grant: Grant; refreshToken: string; viaLeeway: boolean } | InvalidResult;

export class RefreshTokenFamilies {
  private readonly grants = new Map<string, Grant>();
  private readonly tokens = new Map<string, RefreshTokenEntry>();

  /** onChange runs after every mutation (not clear/restore), so the state file can follow. */
  constructor(private readonly onChange: () => void = () => {}) {}

  createGrant(input: { clientId: string; accountId: string; scopes: string[]; now: number }): Grant {
    const grant: Grant = {
      id: randomUUID(),
      clientId: input.clientId,
      accountId: input.accountId,
      scopes: [...input.scopes],
      createdAt: input.now,
      revokedAt: null,
    };
    this.grants.set(grant.id, grant);
    this.onChange();
    return grant;
  }

  issueRefreshToken(grantId: string, now: number): string {
    const token = `sbx-rt.${randomBytes(32).toString('base64url')}`;
    this.tokens.set(token, { grantId, issuedAt: now, disabledAt: null });
    this.onChange();
    return token;
  }

  rotate(token: string, clientId: string, now: number): RotationResult {
    const checked = this.check(token, clientId, now);
    if (checked.kind === 'invalid') return checked;
    const { entry, grant } = checked;
    if (entry.disabledAt !== null) return { kind: 'rotated', grant, refreshToken: this.issueRefreshToken(grant.id, now), viaLeeway: true };
    entry.disabledAt = now;
    return { kind: 'rotated', grant, refreshToken: this.issueRefreshToken(grant.id, now), viaLeeway: false };
  }

  /**
   * A refresh that answers without a new refresh token (observed at Atlassian): the same checks
   * as rotate, but the token used is neither disabled nor replaced, so it keeps working.
   */
  useWithoutRotation(token: string, clientId: string, now: number): KeptResult | InvalidResult {
    const checked = this.check(token, clientId, now);
    return checked.kind === 'invalid' ? checked : { kind: 'kept', grant: checked.grant };
  }

  /** Everything that can make a refresh token unusable; reuse outside the leeway revokes its family. */
  private check(token: string, clientId: string, now: number): { kind: 'valid'; entry: RefreshTokenEntry; grant: Grant } | InvalidResult {
    const entry = this.tokens.get(token);
    if (!entry) return { kind: 'invalid', reason: 'unknown' };
    const grant = this.grants.get(entry.grantId);
    if (!grant) return { kind: 'invalid', reason: 'unknown' };
    if (grant.clientId !== clientId) return { kind: 'invalid', reason: 'wrong-client' };
    if (grant.revokedAt !== null) return { kind: 'invalid', reason: 'revoked' };
    if (now - grant.createdAt > GRANT_ABSOLUTE_EXPIRY_MS) {
      grant.revokedAt = now;
      this.onChange();
      return { kind: 'invalid', reason: 'grant-expired' };
    }
    if (now - entry.issuedAt > REFRESH_IDLE_EXPIRY_MS) return { kind: 'invalid', reason: 'idle-expired' };
    if (entry.disabledAt !== null && now - entry.disabledAt > REFRESH_REUSE_LEEWAY_MS) {
      // Looks like a stolen or stale token being replayed: Atlassian kills the whole family.
      grant.revokedAt = now;
      this.onChange();
      return { kind: 'invalid', reason: 'reuse-outside-leeway' };
    }
    return { kind: 'valid', entry, grant };
  }

  isGrantActive(grantId: string): boolean {
    const grant = this.grants.get(grantId);
    return grant !== undefined && grant.revokedAt === null;
  }

  /** Revokes the active grants the predicate selects; returns them. */
  revokeWhere(select: (grant: Grant) => boolean, now: number): Grant[] {
    const revoked: Grant[] = [];
    for (const grant of this.grants.values()) {
      if (grant.revokedAt === null && select(grant)) {
        grant.revokedAt = now;
        revoked.push(grant);
      }
    }
    if (revoked.length > 0) this.onChange();
    return revoked;
  }

  clear(): void {
    this.grants.clear();
    this.tokens.clear();
  }

  snapshot(): FamiliesSnapshot {
    return {
      grants: [...this.grants.values()].map((g) => ({ ...g, scopes: [...g.scopes] })),
      refreshTokens: [...this.tokens].map(([token, entry]) => ({ token, ...entry })),
    };
  }

  /** Replaces everything with a snapshot (a state file from an earlier run). */
  restore(snapshot: FamiliesSnapshot): void {
    this.clear();
    for (const grant of snapshot.grants) this.grants.set(grant.id, { ...grant, scopes: [...grant.scopes] });
    for (const { token, grantId, issuedAt, disabledAt } of snapshot.refreshTokens) this.tokens.set(token, { grantId, issuedAt, disabledAt });
  }
}
