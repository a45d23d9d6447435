/** advanceClock / POST /__admin/advance-clock, and the new switches and clock offset in the state file. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SWITCHES, type SandboxSwitches } from '../../main/sandbox/index.js';
import { DAY, bearerGet, connect, postToken, refreshBody, startTestSandbox, type TestSandbox } from './sandbox-test-kit.js';

let dir: string;
let stateFile: string;
let running: TestSandbox[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sandbox-clock-'));
  stateFile = join(dir, 'state.json');
  running = [];
});
afterEach(async () => {
  for (const sb of running) await sb.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(options: { stateFile?: string; clockStart?: number } = { stateFile }): Promise<TestSandbox> {
  const sb = await startTestSandbox(options);
  running.push(sb);
  return sb;
}

async function restart(sb: TestSandbox): Promise<TestSandbox> {
  await sb.close();
  running = running.filter((s) => s !== sb);
  return start({ stateFile, clockStart: sb.clock.now });
}

const advance = (sb: TestSandbox, body: unknown): Promise<Response> =>
  fetch(`${sb.url}/__admin/advance-clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const refreshStatus = async (sb: TestSandbox, token: string | undefined): Promise<{ status: number; body: Record<string, unknown> }> => {
  const response = await postToken(sb, refreshBody(sb, token ?? ''));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('advance-clock', () => {
  it('ages a refresh token past 90 idle days in a running sandbox → invalid_grant', async () => {
    const sb = await start({});
    const tokens = await connect(sb);
    expect(sb.control.advanceClock(89 * DAY)).toBe(89 * DAY);
    // The access token's exp is judged on the advanced clock too.
    expect((await bearerGet(sb, '/oauth/token/accessible-resources', tokens.access_token)).status).toBe(401);
    const fresh = await refreshStatus(sb, tokens.refresh_token);
    expect(fresh.status).toBe(200);

    const response = await advance(sb, { ms: 91 * DAY });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ clockOffsetMs: 180 * DAY });
    const aged = await refreshStatus(sb, String(fresh.body.refresh_token));
    expect(aged).toEqual({ status: 403, body: { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' } });
  });

  it('validates ms, and reset() sets the offset back to 0', async () => {
    const sb = await start({});
    for (const body of [{}, { ms: -1 }, { ms: 'soon' }, { ms: 1, extra: true }]) expect((await advance(sb, body)).status).toBe(400);
    expect(() => sb.control.advanceClock(-1)).toThrow(RangeError);
    expect(() => sb.control.advanceClock(Number.NaN)).toThrow(RangeError);
    sb.control.advanceClock(5 * DAY);
    sb.control.reset();
    expect(sb.control.advanceClock(0)).toBe(0);
    // Tokens made after reset live on the plain clock again.
    const tokens = await connect(sb);
    expect((await refreshStatus(sb, tokens.refresh_token)).status).toBe(200);
  });
});

describe('state file: new switches and the clock offset', () => {
  const changed: Partial<SandboxSwitches> = {
    refreshEndpoint: 'omit-refresh-token',
    api: 'rate-limited',
    grantFewerScopes: ['search:confluence'],
    retryAfterSeconds: 9223372036854775807,
  };

  it('persist across a restart', async () => {
    const before = await start();
    before.control.setSwitches(changed);
    const after = await restart(before);
    expect(after.control.switches()).toEqual({ ...DEFAULT_SWITCHES, ...changed });
    const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as { switches: SandboxSwitches; clockOffsetMs: number };
    expect(saved.switches).toMatchObject(changed);
    expect(saved.clockOffsetMs).toBe(0);
    const limited = await fetch(`${after.url}/oauth/token/accessible-resources`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('9223372036854775807');
  });

  it('the clock offset persists: a token aged before the restart stays aged', async () => {
    const before = await start();
    const tokens = await connect(before);
    before.control.advanceClock(91 * DAY);
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toMatchObject({ clockOffsetMs: 91 * DAY });
    const after = await restart(before);
    expect((await refreshStatus(after, tokens.refresh_token)).status).toBe(403);
    expect(after.control.advanceClock(0)).toBe(91 * DAY);
  });

  it('a file from before these switches loads with their defaults', async () => {
    const first = await start();
    const tokens = await connect(first);
    await first.close();
    running = [];
    const old = JSON.parse(readFileSync(stateFile, 'utf8')) as Record<string, unknown>;
    delete old.clockOffsetMs;
    old.switches = { offline: false, expireCodesImmediately: false, tamperState: true, tokenEndpoint: 'normal' };
    writeFileSync(stateFile, JSON.stringify(old));
    const again = await start({ stateFile, clockStart: first.clock.now });
    expect(readdirSync(dir).filter((f) => f.includes('.damaged-'))).toEqual([]);
    expect(again.control.switches()).toEqual({ ...DEFAULT_SWITCHES, tamperState: true });
    expect(again.control.advanceClock(0)).toBe(0);
    expect((await refreshStatus(again, tokens.refresh_token)).status).toBe(200);
  });
});
