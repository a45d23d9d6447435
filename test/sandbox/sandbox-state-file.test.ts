/** The state file itself: its shape, permissions, atomic writes, damaged files, and no file without the option. */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MINUTE, bearerGet, connect, postToken, refreshBody, startTestSandbox, type TestSandbox } from './sandbox-test-kit.js';

let dir: string;
let stateFile: string;
let running: TestSandbox[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sandbox-state-file-'));
  stateFile = join(dir, 'state.json');
  running = [];
});
afterEach(async () => {
  vi.restoreAllMocks();
  for (const sb of running) await sb.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(options: { stateFile?: string } = { stateFile }): Promise<TestSandbox> {
  const sb = await startTestSandbox(options);
  running.push(sb);
  return sb;
}

const readState = (): Record<string, unknown> & { grants: unknown[]; refreshTokens: unknown[]; accessTokens: unknown[] } =>
  JSON.parse(readFileSync(stateFile, 'utf8'));

function captureStderr(): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}

describe('sandbox state file', () => {
  it('is written at start and after each change, complete after close, with no temp files left', async () => {
    const sb = await start();
    expect(readState()).toMatchObject({ version: 1, grants: [], refreshTokens: [], accessTokens: [] });
    const tokens = await connect(sb);
    await postToken(sb, refreshBody(sb, tokens.refresh_token ?? ''));
    await sb.close();
    running = [];

    const state = readState();
    expect(Object.keys(state).sort()).toEqual(['accessTokens', 'clientSecrets', 'clockOffsetMs', 'grants', 'refreshTokens', 'savedAt', 'signingKey', 'switches', 'version']);
    expect(state.signingKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(state.grants).toHaveLength(1);
    expect(state.refreshTokens).toHaveLength(2);
    expect(state.refreshTokens).toContainEqual(expect.objectContaining({ token: tokens.refresh_token, disabledAt: expect.any(Number) }));
    expect(state.accessTokens).toHaveLength(2);
    // Nothing short-lived or secret beyond what the sandbox itself issued.
    const text = readFileSync(stateFile, 'utf8');
    expect(text).not.toContain(sb.managedApp.clientSecret);
    expect(text).not.toContain('demo@example.com');
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it.skipIf(process.platform === 'win32')('has mode 0o600, even when it existed with wider permissions', async () => {
    const sb = await start();
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);
    chmodSync(stateFile, 0o644);
    await connect(sb);
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);
  });

  it('drops access tokens past their exp when saving', async () => {
    const sb = await start();
    await connect(sb);
    expect(readState().accessTokens).toHaveLength(1);
    sb.clock.advance(61 * MINUTE);
    sb.control.setSwitches({ tamperState: true });
    expect(readState().accessTokens).toHaveLength(0);
    expect(readState().grants).toHaveLength(1);
  });

  it('a file that is not JSON is moved aside, reported once, and the sandbox starts fresh', async () => {
    writeFileSync(stateFile, '{ "version": 1, "signingKey": ');
    const stderr = captureStderr();
    const sb = await start();
    const aside = readdirSync(dir).filter((f) => f.startsWith('state.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0] ?? ''), 'utf8')).toBe('{ "version": 1, "signingKey": ');
    expect(stderr).toHaveLength(1);
    expect(stderr[0]).toContain('not JSON');
    expect(stderr[0]).toContain(aside[0]);
    // Fresh and working, with a valid new file.
    const tokens = await connect(sb);
    expect((await bearerGet(sb, '/oauth/token/accessible-resources', tokens.access_token)).status).toBe(200);
    expect(readState()).toMatchObject({ version: 1 });
    expect(stderr).toHaveLength(1);
  });

  it('a file that does not validate is moved aside too', async () => {
    const sb = await start();
    await connect(sb);
    await sb.close();
    running = [];
    const broken = { ...readState(), signingKey: 'short' };
    writeFileSync(stateFile, JSON.stringify(broken));
    const stderr = captureStderr();
    const again = await start();
    expect(stderr.join('')).toMatch(/invalid: signingKey/);
    expect(readdirSync(dir).filter((f) => f.includes('.damaged-'))).toHaveLength(1);
    expect(again.control.switches().tokenEndpoint).toBe('normal');
    expect(readState().grants).toEqual([]);
  });

  it('tokens of unknown grants make the file invalid', async () => {
    const sb = await start();
    await connect(sb);
    await sb.close();
    running = [];
    writeFileSync(stateFile, JSON.stringify({ ...readState(), grants: [] }));
    const stderr = captureStderr();
    await start();
    expect(stderr.join('')).toContain('token of an unknown grant');
  });

  it('without stateFile nothing is written', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const sb = await start({});
      const tokens = await connect(sb);
      await postToken(sb, refreshBody(sb, tokens.refresh_token ?? ''));
      sb.control.setSwitches({ tamperState: true });
      sb.control.expireAccessTokens();
      sb.control.revokeGrant();
      sb.control.reset();
      await sb.close();
      running = [];
    } finally {
      process.chdir(cwd);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
