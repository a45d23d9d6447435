import { describe, expect, it } from 'vitest';
import { effectiveStatus, statusAfterFailure } from '../../main/core/services/connection-status.js';
import type { ErrorCode } from '../../main/core/errors/error-catalogue.js';
import { sampleRecord } from '../support/sample-record.js';

const DAY = 24 * 60 * 60_000;
const start = Date.parse('2026-01-01T00:00:00Z');
const at = (days: number) => new Date(start + days * DAY);
const sealed = { v: 1 as const, iv: 'a', tag: 'b', ct: 'c' };
const record = (refreshIssuedDay: number | null, withRefresh = true) =>
  sampleRecord({
    tokens: {
      access: sealed,
      refresh: withRefresh ? sealed : null,
      accessExpiresAt: at(0).toISOString(),
      refreshIssuedAt: refreshIssuedDay === null ? null : at(refreshIssuedDay).toISOString(),
      consentedAt: at(0).toISOString(),
    },
  });

describe('status model', () => {
  it('warns ahead of the 90-day idle limit and falls to Needs reconnect after it', () => {
    expect(effectiveStatus(record(0), at(10)).state).toBe('connected');
    expect(effectiveStatus(record(0), at(80)).state).toBe('expiring-soon');
    // A day far ahead reads as a date (en-US, as the app's words are), without a time of day.
    expect(effectiveStatus(record(0), at(80)).reason?.message).toBe('Unused, this connection expires on Apr 1, 2026 (Atlassian ends refresh tokens after 90 idle days).');
    expect(effectiveStatus(record(0), at(91)).state).toBe('needs-reconnect');
    expect(effectiveStatus(record(60), at(91)).state).toBe('connected');
  });

  it('warns ahead of the 365-day absolute limit, whatever the refreshes', () => {
    expect(effectiveStatus(record(340), at(340)).state).toBe('expiring-soon');
    expect(effectiveStatus(record(340), at(340)).reason?.remediation).toMatch(/Reconnect/);
    expect(effectiveStatus(record(340), at(340)).reason?.message).toBe('Atlassian requires a new sign-in by Jan 1, 2027 (365 days after the first consent).');
    expect(effectiveStatus(record(364), at(366)).state).toBe('needs-reconnect');
  });

  it('T2: without a refresh token it expires with the access token', () => {
    expect(effectiveStatus(record(null, false), new Date(start - 60_000)).state).toBe('expiring-soon');
    // An instant within the hour: ISO, which the app shows in the user's locale and time zone.
    expect(effectiveStatus(record(null, false), new Date(start - 60_000)).reason?.message).toBe(
      'Atlassian issued no refresh token, so this connection stops working at 2026-01-01T00:00:00.000Z.',
    );
    expect(effectiveStatus(record(null, false), at(1)).state).toBe('needs-reconnect');
  });

  it('each failure has one state', () => {
    const info = (code: ErrorCode) => ({ code, message: 'm', remediation: 'r' });
    expect(statusAfterFailure(info('ATLASSIAN_INVALID_GRANT')).state).toBe('needs-reconnect');
    expect(statusAfterFailure(info('ATLASSIAN_UNREACHABLE')).state).toBe('offline');
    expect(statusAfterFailure(info('SCOPE_MISSING')).state).toBe('error');
  });
});

describe('a refused client secret: where it is fixed decides the state', () => {
  const refused = { code: 'OAUTH_CLIENT_AUTH_FAILED' as ErrorCode, message: 'Atlassian rejected the client ID or client secret.', remediation: 'Open your OAuth app…' };
  const assets = { findAsset: (id: string) => (id === 'a1' ? { name: 'Wiki app secret' } : undefined) };

  it('typed into a BYO connection: Needs reconnect, fixed by a sign-in with the right secret', () => {
    expect(statusAfterFailure(refused, { authType: 'byo', clientSecretAssetId: null }, assets)).toEqual({ state: 'needs-reconnect', reason: refused });
  });

  it('from a credential asset: Error, fixed by correcting the named asset', () => {
    const status = statusAfterFailure(refused, { authType: 'byo', clientSecretAssetId: 'a1' }, assets);
    expect(status).toMatchObject({ state: 'error', reason: { code: 'OAUTH_CLIENT_AUTH_FAILED', remediation: expect.stringContaining('“Wiki app secret”') } });
  });

  it("the environment's managed app: Error, fixed by whoever configures ConnectDesk (reconnecting cannot help)", () => {
    const status = statusAfterFailure(refused, { authType: 'managed' }, assets);
    expect(status).toMatchObject({ state: 'error', reason: { code: 'OAUTH_CLIENT_AUTH_FAILED', remediation: expect.stringMatching(/CONNECTDESK_MANAGED_CLIENT_SECRET.*reconnecting does not help/) } });
  });
});
