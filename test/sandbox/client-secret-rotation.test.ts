/** Rotating an app's client secret, as in Atlassian's developer console: the old secret stops working at once. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CALLBACK_URL, postToken, runConsent, startTestSandbox, type TestSandbox } from './sandbox-test-kit.js';

const BYO = { clientId: 'demo-byo-app', clientSecret: 'demo-byo-secret-0123' };
const NEW_SECRET = 'demo-byo-secret-rotated-4567';

const running: TestSandbox[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const sb of running.splice(0)) await sb.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(stateFile?: string): Promise<TestSandbox> {
  const sb = await startTestSandbox(stateFile ? { stateFile } : {});
  running.push(sb);
  return sb;
}

const admin = (sb: TestSandbox, body: Record<string, unknown>): Promise<Response> =>
  fetch(`${sb.url}/__admin/rotate-client-secret`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function exchange(sb: TestSandbox, clientSecret: string): Promise<Response> {
  const callback = await runConsent(sb, { clientId: BYO.clientId });
  return postToken(sb, {
    grant_type: 'authorization_code',
    client_id: BYO.clientId,
    client_secret: clientSecret,
    code: callback.searchParams.get('code') ?? '',
    redirect_uri: CALLBACK_URL,
  });
}

const refresh = (sb: TestSandbox, clientSecret: string, refreshToken: string): Promise<Response> =>
  postToken(sb, { grant_type: 'refresh_token', client_id: BYO.clientId, client_secret: clientSecret, refresh_token: refreshToken });

describe('rotate an app client secret', () => {
  it('the old secret gets 401 access_denied on refresh and code exchange; the new one works and existing grants keep working', async () => {
    const sb = await start();
    const before = await exchange(sb, BYO.clientSecret);
    expect(before.status).toBe(200);
    const { refresh_token: refreshToken } = (await before.json()) as { refresh_token: string };

    const rotated = await admin(sb, { clientId: BYO.clientId, clientSecret: NEW_SECRET });
    expect(rotated.status).toBe(200);
    expect(await rotated.json()).toEqual({ clientId: BYO.clientId, clientSecret: NEW_SECRET });

    const old = await refresh(sb, BYO.clientSecret, refreshToken);
    expect(old.status).toBe(401);
    expect(await old.json()).toEqual({ error: 'access_denied', error_description: 'Unauthorized' });
    expect((await exchange(sb, BYO.clientSecret)).status).toBe(401);

    // The grant made before the rotation is still good with the new secret (the refused call rotated nothing).
    expect((await refresh(sb, NEW_SECRET, refreshToken)).status).toBe(200);
    expect((await exchange(sb, NEW_SECRET)).status).toBe(200);
    // Other apps are untouched.
    const managed = await runConsent(sb);
    const managedExchange = await postToken(sb, {
      grant_type: 'authorization_code',
      client_id: sb.managedApp.clientId,
      client_secret: sb.managedApp.clientSecret,
      code: managed.searchParams.get('code') ?? '',
      redirect_uri: CALLBACK_URL,
    });
    expect(managedExchange.status).toBe(200);
  });

  it('without a secret, a random one is made; the console shows the current secret; reset brings back the seed', async () => {
    const sb = await start();
    const { clientSecret } = sb.control.rotateClientSecret(BYO.clientId);
    expect(clientSecret).not.toBe(BYO.clientSecret);
    expect(clientSecret.length).toBeGreaterThanOrEqual(20);
    const consolePage = await (await fetch(`${sb.url}/`)).text();
    expect(consolePage).toContain(clientSecret);
    expect(consolePage).not.toContain(BYO.clientSecret);
    expect((await exchange(sb, clientSecret)).status).toBe(200);

    sb.control.reset();
    expect((await exchange(sb, BYO.clientSecret)).status).toBe(200);
    expect((await exchange(sb, clientSecret)).status).toBe(401);
  });

  it('the console form rotates with a redirect back to the console', async () => {
    const sb = await start();
    const response = await fetch(`${sb.url}/__admin/rotate-client-secret`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ clientId: BYO.clientId }).toString(),
    });
    expect(response.status).toBe(303);
    expect((await exchange(sb, BYO.clientSecret)).status).toBe(401);
  });

  it('an unknown app → 404, a short or missing field → 400, nothing changes', async () => {
    const sb = await start();
    expect((await admin(sb, { clientId: 'no-such-app' })).status).toBe(404);
    expect((await admin(sb, { clientId: BYO.clientId, clientSecret: 'short' })).status).toBe(400);
    expect((await admin(sb, {})).status).toBe(400);
    expect(() => sb.control.rotateClientSecret('no-such-app')).toThrow(/no OAuth app/);
    expect((await exchange(sb, BYO.clientSecret)).status).toBe(200);
  });

  it('survives a restart with a state file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-rotation-'));
    dirs.push(dir);
    const stateFile = join(dir, 'state.json');
    const first = await start(stateFile);
    first.control.rotateClientSecret(BYO.clientId, NEW_SECRET);
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).clientSecrets).toEqual([{ clientId: BYO.clientId, clientSecret: NEW_SECRET }]);
    await first.close();
    running.splice(0);

    const again = await start(stateFile);
    expect((await exchange(again, BYO.clientSecret)).status).toBe(401);
    expect((await exchange(again, NEW_SECRET)).status).toBe(200);
  });
});
