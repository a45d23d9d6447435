import { describe, expect, it } from 'vitest';
import { DAY, MINUTE, bearerGet, connect, postToken, refreshBody, useTestSandbox, type TokenSet } from './sandbox-test-kit.js';

const sb = useTestSandbox();

const INVALID_REFRESH = { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' };

async function refresh(token: string): Promise<{ status: number; body: TokenSet & Record<string, unknown> }> {
  const response = await postToken(sb, refreshBody(sb, token));
  return { status: response.status, body: (await response.json()) as TokenSet & Record<string, unknown> };
}

describe('rotating refresh tokens', () => {
  it('each refresh returns a new access and refresh token with the granted scopes', async () => {
    const first = await connect(sb);
    const second = await refresh(first.refresh_token ?? '');
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).toBeTruthy();
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(second.body.access_token).not.toBe(first.access_token);
    expect(second.body.scope).toBe(first.scope);
    expect(second.body.expires_in).toBe(3600);
    expect((await bearerGet(sb, '/oauth/token/accessible-resources', second.body.access_token)).status).toBe(200);
  });

  it('client authentication is required: wrong secret → 401', async () => {
    const first = await connect(sb);
    const response = await postToken(sb, { ...refreshBody(sb, first.refresh_token ?? ''), client_secret: 'nope' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'access_denied', error_description: 'Unauthorized' });
  });

  it('unknown refresh token → 403 Unknown or invalid refresh token.', async () => {
    const result = await refresh('sbx-rt.made-up');
    expect(result.status).toBe(403);
    expect(result.body).toEqual(INVALID_REFRESH);
  });

  it('reusing a rotated token within 10 minutes gets a fresh pair (leeway)', async () => {
    const first = await connect(sb);
    const second = await refresh(first.refresh_token ?? '');
    sb.clock.advance(9 * MINUTE);
    const again = await refresh(first.refresh_token ?? '');
    expect(again.status).toBe(200);
    expect(again.body.refresh_token).not.toBe(second.body.refresh_token);
    // The family is intact: the token from the first rotation still works.
    expect((await refresh(second.body.refresh_token ?? '')).status).toBe(200);
  });

  it('reuse outside the leeway revokes the whole family', async () => {
    const first = await connect(sb);
    const second = await refresh(first.refresh_token ?? '');
    sb.clock.advance(10 * MINUTE + 1);
    const replay = await refresh(first.refresh_token ?? '');
    expect(replay.status).toBe(403);
    expect(replay.body).toEqual(INVALID_REFRESH);
    // Every token of the grant is dead now, refresh and access alike.
    expect((await refresh(second.body.refresh_token ?? '')).status).toBe(403);
    expect((await bearerGet(sb, '/oauth/token/accessible-resources', second.body.access_token)).status).toBe(401);
  });

  it('family revocation leaves other grants alone', async () => {
    const mine = await connect(sb);
    const other = await connect(sb, { email: 'solo@example.com' });
    const rotated = await refresh(mine.refresh_token ?? '');
    expect(rotated.status).toBe(200);
    sb.clock.advance(11 * MINUTE);
    expect((await refresh(mine.refresh_token ?? '')).status).toBe(403);
    expect((await refresh(other.refresh_token ?? '')).status).toBe(200);
  });

  it('a refresh token idle for more than 90 days is refused; refreshing resets the idle timer', async () => {
    const first = await connect(sb);
    sb.clock.advance(89 * DAY);
    const kept = await refresh(first.refresh_token ?? '');
    expect(kept.status).toBe(200);
    sb.clock.advance(89 * DAY);
    const stillKept = await refresh(kept.body.refresh_token ?? '');
    expect(stillKept.status).toBe(200);
    sb.clock.advance(90 * DAY + 1);
    expect(await refresh(stillKept.body.refresh_token ?? '')).toEqual({ status: 403, body: INVALID_REFRESH });
  });

  it('the grant ends 365 days after consent even when refreshed regularly', async () => {
    let token = (await connect(sb)).refresh_token ?? '';
    for (let day = 60; day <= 360; day += 60) {
      sb.clock.advance(60 * DAY);
      const result = await refresh(token);
      expect(result.status).toBe(200);
      token = result.body.refresh_token ?? '';
    }
    sb.clock.advance(6 * DAY);
    expect((await refresh(token)).status).toBe(403);
  });

  it('a refresh token cannot be used by another app', async () => {
    const first = await connect(sb);
    const response = await postToken(sb, { ...refreshBody(sb, first.refresh_token ?? ''), client_id: 'demo-byo-app', client_secret: 'demo-byo-secret-0123' });
    expect(response.status).toBe(403);
  });
});
