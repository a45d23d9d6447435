/** With a state file, connections made against one sandbox run keep working on the next. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MINUTE,
  bearerGet,
  codeExchangeBody,
  connect,
  postToken,
  refreshBody,
  runConsent,
  startTestSandbox,
  type TestSandbox,
  type TokenSet,
} from './sandbox-test-kit.js';

const ACME = 'a3f1c9e2-7b4d-4e8a-9c61-2d5e8f0b1a01';
const userCurrent = `/ex/confluence/${ACME}/wiki/rest/api/user/current`;

let dir: string;
let stateFile: string;
let running: TestSandbox[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sandbox-persistence-'));
  stateFile = join(dir, 'sandbox-state.json');
  running = [];
});
afterEach(async () => {
  for (const sb of running) await sb.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(clockStart?: number): Promise<TestSandbox> {
  const sb = await startTestSandbox({ stateFile, clockStart });
  running.push(sb);
  return sb;
}

/** Closes the sandbox and starts a new one on the same file, its clock where the old one stopped. */
async function restart(sb: TestSandbox): Promise<TestSandbox> {
  await sb.close();
  running = running.filter((s) => s !== sb);
  return start(sb.clock.now);
}

async function refresh(sb: TestSandbox, token: string | undefined): Promise<{ status: number; body: TokenSet }> {
  const response = await postToken(sb, refreshBody(sb, token ?? ''));
  return { status: response.status, body: (await response.json()) as TokenSet };
}

describe('sandbox state file: connections survive a restart', () => {
  it('the old access token still works on the gateway and the refresh token still refreshes', async () => {
    const before = await start();
    const tokens = await connect(before);
    const after = await restart(before);
    expect(after.url).not.toBe(before.url);

    const me = await bearerGet(after, userCurrent, tokens.access_token);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ accountId: '557058:6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' });
    expect((await bearerGet(after, '/oauth/token/accessible-resources', tokens.access_token)).status).toBe(200);

    const refreshed = await refresh(after, tokens.refresh_token);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(tokens.refresh_token);
    expect((await bearerGet(after, userCurrent, refreshed.body.access_token)).status).toBe(200);
  });

  it('the leeway still applies to a token rotated before the restart', async () => {
    const before = await start();
    const first = await connect(before);
    const second = await refresh(before, first.refresh_token);
    const after = await restart(before);
    after.clock.advance(9 * MINUTE);
    expect((await refresh(after, first.refresh_token)).status).toBe(200);
    expect((await refresh(after, second.body.refresh_token)).status).toBe(200);
  });

  it('reusing a rotated token outside the leeway after a restart revokes the whole family', async () => {
    const before = await start();
    const first = await connect(before);
    const second = await refresh(before, first.refresh_token);
    const other = await connect(before, { email: 'solo@example.com' });
    const after = await restart(before);
    after.clock.advance(10 * MINUTE + 1);
    expect((await bearerGet(after, userCurrent, second.body.access_token)).status).toBe(200);
    expect((await refresh(after, first.refresh_token)).status).toBe(403);
    expect((await refresh(after, second.body.refresh_token)).status).toBe(403);
    expect((await bearerGet(after, userCurrent, second.body.access_token)).status).toBe(401);
    // …and the revocation itself is persisted, while the other family is untouched.
    const later = await restart(after);
    expect((await refresh(later, second.body.refresh_token)).status).toBe(403);
    expect((await refresh(later, other.refresh_token)).status).toBe(200);
  });

  it('a rotation made after the restart is persisted too (second restart)', async () => {
    const before = await start();
    const first = await connect(before);
    const second = await refresh(before, first.refresh_token);
    const middle = await restart(before);
    const third = await refresh(middle, second.body.refresh_token);
    expect(third.status).toBe(200);
    const last = await restart(middle);
    last.clock.advance(10 * MINUTE + 1);
    expect((await bearerGet(last, userCurrent, third.body.access_token)).status).toBe(200);
    expect((await refresh(last, third.body.refresh_token)).status).toBe(200);
  });

  it('revoked grants stay revoked across a restart', async () => {
    const before = await start();
    const tokens = await connect(before);
    const other = await connect(before, { email: 'solo@example.com' });
    expect(before.control.revokeGrant({ email: 'demo@example.com' })).toBe(1);
    const after = await restart(before);
    expect((await bearerGet(after, userCurrent, tokens.access_token)).status).toBe(401);
    expect((await refresh(after, tokens.refresh_token)).status).toBe(403);
    expect((await bearerGet(after, '/oauth/token/accessible-resources', other.access_token)).status).toBe(200);
    expect((await refresh(after, other.refresh_token)).status).toBe(200);
  });

  it('access tokens expired on demand stay expired; their refresh token still works', async () => {
    const before = await start();
    const tokens = await connect(before);
    expect(before.control.expireAccessTokens()).toBe(1);
    const after = await restart(before);
    expect((await bearerGet(after, userCurrent, tokens.access_token)).status).toBe(401);
    expect((await refresh(after, tokens.refresh_token)).status).toBe(200);
  });

  it('switches persist', async () => {
    const before = await start();
    before.control.setSwitches({ tamperState: true, tokenEndpoint: 'rate-limited' });
    const after = await restart(before);
    expect(after.control.switches()).toMatchObject({ offline: false, expireCodesImmediately: false, tamperState: true, tokenEndpoint: 'rate-limited' });
    expect((await postToken(after, refreshBody(after, 'anything'))).status).toBe(429);
  });

  it('reset() also resets the persisted state', async () => {
    const before = await start();
    const tokens = await connect(before);
    before.control.setSwitches({ expireCodesImmediately: true });
    before.control.reset();
    const fresh = await connect(before);
    const after = await restart(before);
    expect(after.control.switches().expireCodesImmediately).toBe(false);
    expect((await bearerGet(after, userCurrent, tokens.access_token)).status).toBe(401);
    expect((await refresh(after, tokens.refresh_token)).status).toBe(403);
    expect((await refresh(after, fresh.refresh_token)).status).toBe(200);
  });

  it('authorization codes are not kept: a code issued before the restart is unknown after it', async () => {
    const before = await start();
    const callback = await runConsent(before);
    const after = await restart(before);
    const response = await postToken(after, codeExchangeBody(after, callback.searchParams.get('code') ?? ''));
    expect(response.status).toBe(403);
  });
});
