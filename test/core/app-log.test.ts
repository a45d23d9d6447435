/**
 * The AppLog over a real electron-log/node file transport: every line redacted by a hook on the
 * logger (careless calls with objects and errors too), owner-only file, rotation at ~1 MB with one
 * old file kept, and the recent lines a support bundle reads.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodeLog from 'electron-log/node';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_MAX_BYTES, logDirectory, logFilePath, logServiceEvent, oldLogFilePath, readRecentLogLines, redactingAppLog } from '../../main/core/diagnostics/app-log.js';
import { createNodeAppLog } from '../../main/core/diagnostics/node-app-log.js';
import { Redactor } from '../../main/core/diagnostics/redaction.js';

const made: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cd-app-log-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const SECRET = 'remembered-client-secret-123';

describe('AppLog', () => {
  it('writes <dataDir>/logs/main.log, owner-only, every line through the redactor', () => {
    const dir = dataDir();
    const redactor = new Redactor();
    redactor.remember(SECRET);
    const log = createNodeAppLog({ dataDir: dir, redactor });
    log.info(`token exchange with client_secret=${encodeURIComponent(SECRET)}&code=abc123`);
    log.warn(`callback http://localhost:47615/oauth/callback?code=c0de&state=st4te`);
    log.error(`Authorization: Bearer opaque-token-value-1234`);
    const text = readFileSync(logFilePath(dir), 'utf8');
    expect(text).toContain('[info]  token exchange with client_secret=«redacted»&code=«redacted»');
    expect(text).toContain(`callback http://localhost:47615/oauth/callback?code=«redacted»&state=${redactor.fingerprint('st4te')}`);
    expect(text).toContain('Authorization: Bearer «redacted»');
    for (const value of [SECRET, encodeURIComponent(SECRET), 'abc123', 'c0de', 'st4te', 'opaque-token-value-1234']) expect(text).not.toContain(value);
    if (process.platform !== 'win32') {
      expect(statSync(logFilePath(dir)).mode & 0o777).toBe(0o600);
      expect(statSync(logDirectory(dir)).mode & 0o777).toBe(0o700);
    }
  });

  it('redacts careless calls on the logger itself: objects, errors, several arguments', () => {
    const dir = dataDir();
    const redactor = new Redactor();
    redactor.remember(SECRET);
    const logger = nodeLog.create({ logId: 'careless-test' });
    redactingAppLog(logger, { dataDir: dir, redactor });
    logger.info('token response', { access_token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl', refresh_token: 'rt-opaque-1', expires_in: 3600 });
    logger.error(new Error(`refresh failed for ${SECRET}`));
    const text = readFileSync(logFilePath(dir), 'utf8');
    expect(text).toContain("refresh_token: '«redacted»'");
    expect(text).toContain('expires_in: 3600');
    expect(text).toContain('Error: refresh failed for «redacted»');
    for (const value of [SECRET, 'rt-opaque-1', 'eyJhbGciOiJIUzI1NiJ9']) expect(text).not.toContain(value);
  });

  it('rotates past about 1 MB, keeping one old file; recent lines come from both, newest last', () => {
    const dir = dataDir();
    const log = createNodeAppLog({ dataDir: dir, redactor: new Redactor() });
    const line = 'x'.repeat(1000);
    const linesPerFile = Math.ceil(LOG_MAX_BYTES / 1000) + 5;
    for (let i = 0; i < 2 * linesPerFile + 10; i++) log.info(`${i} ${line}`);
    expect(readdirSync(logDirectory(dir)).sort()).toEqual(['main.log', 'main.old.log']);
    expect(statSync(oldLogFilePath(dir)).size).toBeGreaterThan(LOG_MAX_BYTES * 0.9);
    expect(statSync(logFilePath(dir)).size).toBeLessThan(LOG_MAX_BYTES);
    const recent = readRecentLogLines(dir, 3);
    expect(recent).toHaveLength(3);
    expect(recent.at(-1)).toContain(`${2 * linesPerFile + 9} ${line}`);
    expect(readRecentLogLines(dataDir(), 10)).toEqual([]);
  });

  it('logs sign-in progress with its phase and error code, never a URL', () => {
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) };
    logServiceEvent(log, { type: 'auth:progress', payload: { attemptId: 'a1', draftId: 'd1', phase: 'exchanging-code' } });
    logServiceEvent(log, {
      type: 'auth:progress',
      payload: { attemptId: 'a1', draftId: 'd1', phase: 'failed', error: { code: 'OAUTH_CODE_REJECTED', message: 'm', remediation: 'r' } },
    });
    logServiceEvent(log, { type: 'connections:changed', payload: { folderId: null } });
    expect(lines).toEqual(['info sign-in a1: exchanging-code', 'warn sign-in a1: failed (OAUTH_CODE_REJECTED)']);
  });
});
