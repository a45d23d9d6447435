/**
 * Issue 4: "A test seeds known secrets, runs add, refresh, reconnect, export and delete, then scans
 * every file ConnectDesk wrote (store, logs, exports before decryption, session data) and finds none
 * of them in clear."
 *
 * Real parts only: the sandbox (a faithful Atlassian on loopback), a real data directory on disk,
 * the real ConnectionStore / SecretVault (development key, plus a recovery-passphrase slot with
 * cheap scrypt parameters), the real services, credential assets and backup export.
 *
 * What is scanned, and what is not:
 * - The data directory, recursively and after EVERY step: the store file, the settings file (conf),
 *   lock files and directories if any are left, the exported backup, the log file below.
 * - Logs and diagnostics: the app's log (<data>/logs/main.log, electron-log) and diagnostics journal
 *   (<data>/diagnostics/journal.jsonl: events and HTTP traces of every call, through the same
 *   tracing fetch as the app) are written to the data directory and scanned with the rest.
 *   Everything the process writes to the console (console.* and process.stdout/stderr) during the
 *   run is routed to <data>/logs/console.log and scanned too. Service events (what the renderer
 *   would receive over IPC) are written to <data>/logs/events.jsonl and scanned as well.
 * - Session data: the core's sign-in here is the scripted browser of the sandbox test kit, whose
 *   cookie jar lives in memory. In the app the sign-in window uses a fresh in-memory partition
 *   (main/electron/sign-in-session.ts: no "persist:" prefix, cleared after each attempt), and the
 *   browser shell opens sign-in in the user's browser: ConnectDesk writes no session data to disk.
 * - The sandbox's own state file is kept OUTSIDE the data directory: it is the simulated Atlassian's
 *   database and legitimately holds the refresh tokens it issued. It serves as the positive control
 *   (the same scan over it must find them). NB: the app's in-process sandbox keeps that file under
 *   <userData>/sandbox/ (environment-registry.ts, sandboxStateFileIn) — a sandbox-only artefact.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { format } from 'node:util';
import { randomBytes } from 'node:crypto';
import { Decrypter } from 'age-encryption';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AssetService } from '../../main/core/assets/asset-service.js';
import { exportBackup } from '../../main/core/backup/backup-export.js';
import { createTracingFetch } from '../../main/core/diagnostics/tracing-fetch.js';
import { deleteConnection } from '../../main/core/services/connection-management.js';
import { PassphraseKeyProtector, TEST_SCRYPT_PARAMETERS } from '../../main/core/vault/passphrase-key-protector.js';
import { loadDefaultSeed, type SandboxSeed } from '../../main/sandbox/index.js';
import { startTestSandbox, type TestSandbox } from '../sandbox/sandbox-test-kit.js';
import { createHarness, draft, type Harness } from '../support/core-harness.js';
import {
  encodedForms,
  findSecrets,
  scanDirectory,
  TokenRecorder,
  uniqueSecrets,
  type KnownSecret,
  type ScanHit,
  type SecretEncoding,
} from '../support/secret-scan.js';

const HOUR = 60 * 60_000;

/** Unique per run, with characters that URL- and JSON-encode differently from their clear form. */
const unique = (prefix: string): string => `${prefix}+${randomBytes(12).toString('hex')}/Zq=`;

const made: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the secret scanner (self-check: it can fail)', () => {
  // A space and "(x)!" encode differently in URLs and forms; "?????" puts "/" (base64) or "_" (base64url)
  // in the encoded text at every alignment, so every encoding has its own needle.
  const SECRET = 'planted-secret+Value/42=ümlaut (x)!?????';
  const encodings: SecretEncoding[] = ['clear', 'json-escaped', 'url-encoded', 'url-encoded (lowercase hex)', 'form-urlencoded', 'base64', 'base64url', 'hex', 'HEX', 'utf16le'];

  /** Writes the secret in one encoding, surrounded by other bytes, as a file inside a nested folder. */
  function plant(dir: string, encoding: SecretEncoding, offset: number): string {
    const value = Buffer.from(SECRET, 'utf8');
    const around = (inner: Buffer | string): Buffer => Buffer.concat([Buffer.from('{"noise":"'), Buffer.from(inner), Buffer.from('","more":1}\n')]);
    let bytes: Buffer;
    switch (encoding) {
      case 'clear':
        bytes = around(value);
        break;
      case 'json-escaped':
        // As an ASCII-only JSON writer (Python's json.dumps, for one) writes it: "\u00fc" and "\/".
        bytes = Buffer.from(`{"token":${JSON.stringify(SECRET).replace(/ü/g, '\\u00fc').replace(/\//g, '\\/')}}`);
        break;
      case 'url-encoded':
        bytes = around(`https://example.test/cb?secret=${encodeURIComponent(SECRET)}`);
        break;
      case 'url-encoded (lowercase hex)':
        bytes = around(`secret=${encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())}`);
        break;
      case 'form-urlencoded':
        bytes = around(new URLSearchParams({ client_secret: SECRET, other: 'x' }).toString());
        break;
      case 'base64':
      case 'base64url':
        // Inside a larger encoded blob at each byte offset, as a base64-encoded JSON document would hold it.
        bytes = around(Buffer.concat([Buffer.alloc(offset, 0x41), value, Buffer.from('tail')]).toString(encoding));
        break;
      case 'hex':
        bytes = around(value.toString('hex'));
        break;
      case 'HEX':
        bytes = around(value.toString('hex').toUpperCase());
        break;
      case 'utf16le':
        bytes = Buffer.from(`{"v":"${SECRET}"}`, 'utf16le');
        break;
    }
    const file = join(dir, 'nested', '.hidden', `${encoding.replace(/\W+/g, '-')}-${offset}.bin`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    return file;
  }

  for (const encoding of encodings) {
    const offsets = encoding === 'base64' || encoding === 'base64url' ? [0, 1, 2] : [0];
    for (const offset of offsets) {
      it(`finds a secret planted ${encoding}${offsets.length > 1 ? ` at byte offset ${offset}` : ''}`, () => {
        const dir = tempDir('cd-scan-self-check-');
        writeFileSync(join(dir, 'clean.json'), '{"nothing":"to see"}');
        plant(dir, encoding, offset);
        const result = scanDirectory(dir, [{ label: 'planted', value: SECRET }]);
        expect(result.files).toHaveLength(2);
        expect(result.hits.length).toBeGreaterThan(0);
        expect(result.hits.every((h) => h.secret === 'planted' && h.file.startsWith('nested/.hidden/'))).toBe(true);
        expect(result.hits.map((h) => h.encoding)).toContain(encoding);
      });
    }
  }

  it('finds nothing in files that do not hold the secret, and refuses secrets too short to scan for', () => {
    const dir = tempDir('cd-scan-self-check-');
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ other: 'planted-secret+Value/41=ümlaut (x)!?????' }));
    expect(scanDirectory(dir, [{ label: 'planted', value: SECRET }]).hits).toEqual([]);
    expect(() => encodedForms('short')).toThrow(/at least/);
  });
});

/** A seed with two BYO apps whose client secrets exist only in this run. */
function seedWith(apps: Array<{ clientId: string; clientSecret: string }>): SandboxSeed {
  const seed = loadDefaultSeed();
  const template = seed.apps.find((a) => !a.managed)!;
  return { ...seed, apps: [...seed.apps, ...apps.map((a) => ({ ...template, ...a, label: `Secret scan (${a.clientId})` }))] };
}

/** Routes console.* and process.stdout/stderr into a log file in the data directory for the run. */
function captureConsole(logFile: string): void {
  mkdirSync(dirname(logFile), { recursive: true, mode: 0o700 });
  const append = (text: string): void => appendFileSync(logFile, text, { mode: 0o600 });
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => append(`[${level}] ${format(...args)}\n`));
  }
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    });
  }
  append('');
}

describe('no secret in clear in any file ConnectDesk wrote (add, refresh, reconnect, export, delete)', () => {
  let sandbox: TestSandbox;
  let h: Harness;
  let dataDir: string;
  let sandboxDir: string;
  let recorder: TokenRecorder;
  const seeded = {
    typedClientSecret: unique('typed-client-secret'),
    assetValue: unique('asset-client-secret'),
    rotatedAssetValue: unique('asset-client-secret-rotated'),
    backupPassphrase: unique('backup-passphrase'),
    recoveryPassphrase: unique('recovery-passphrase'),
  };

  beforeEach(async () => {
    dataDir = tempDir('cd-secret-scan-data-');
    // Outside the scanned directory: the simulated Atlassian's database (see the header).
    sandboxDir = tempDir('cd-secret-scan-sandbox-');
    sandbox = await startTestSandbox({
      stateFile: join(sandboxDir, 'atlassian-sandbox-state.json'),
      seed: seedWith([
        { clientId: 'scan-typed-app', clientSecret: seeded.typedClientSecret },
        { clientId: 'scan-asset-app', clientSecret: seeded.assetValue },
      ]),
    });
    h = await createHarness(sandbox, dataDir, { diagnosticsOnDisk: true });
    recorder = new TokenRecorder(() => `${sandbox.url}/oauth/token`);
    // The recorder learns every token the sandbox issues; the tracing fetch writes each call to the journal, as in the app.
    h.ctx.fetch = createTracingFetch(recorder.fetch, { journal: h.ctx.journal!, redactor: h.ctx.redactor!, now: () => new Date(sandbox.clock.now) });
    h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await sandbox.close();
  });

  it('finds none of the seeded secrets nor any token the sandbox issued, in any form, after any step', async () => {
    const logFile = join(dataDir, 'logs', 'console.log');
    const eventsFile = join(dataDir, 'logs', 'events.jsonl');
    captureConsole(logFile);
    const assets = new AssetService(h.ctx);
    const byId = (id: string) => h.store.getConnection(id);

    const fixedSecrets = (): KnownSecret[] => [
      { label: 'BYO client secret typed in the draft', value: seeded.typedClientSecret },
      { label: 'value of the stored credential asset', value: seeded.assetValue },
      { label: 'rotated value of the stored credential asset', value: seeded.rotatedAssetValue },
      { label: 'backup passphrase', value: seeded.backupPassphrase },
      { label: 'recovery passphrase', value: seeded.recoveryPassphrase },
      { label: 'managed app client secret', value: sandbox.managedApp.clientSecret },
    ];
    const allSecrets = (): KnownSecret[] => uniqueSecrets([...fixedSecrets(), ...recorder.secrets()]);
    const report: Array<{ step: string; files: string[]; secrets: number }> = [];
    const hits: Array<ScanHit & { step: string }> = [];
    const scan = (step: string): void => {
      writeFileSync(eventsFile, h.events.map((e) => JSON.stringify(e)).join('\n'), { mode: 0o600 });
      const secrets = allSecrets();
      const result = scanDirectory(dataDir, secrets);
      report.push({ step, files: result.files, secrets: secrets.length });
      hits.push(...result.hits.map((hit) => ({ ...hit, step })));
    };

    // The settings file, as written when the user picks the sandbox in Settings.
    h.ctx.settings.setEnvironmentId('sandbox');
    // A second key slot: the recovery passphrase wraps the same data key (scrypt, test cost).
    await h.ctx.vault.addSlot(h.store, new PassphraseKeyProtector(seeded.recoveryPassphrase, { scrypt: TEST_SCRYPT_PARAMETERS }));
    scan('recovery passphrase set');

    // 1. Add: BYO app with the client secret typed in the draft.
    const typed = await h.finished(
      h.coordinator.begin(draft({ name: 'Typed secret', authType: 'byo', clientId: 'scan-typed-app', clientSecret: seeded.typedClientSecret })).attemptId,
    );
    expect(typed.error).toBeUndefined();
    const typedId = typed.connection!.id;
    scan('add (typed client secret)');

    // 2. Add: BYO app whose client secret is a stored credential asset.
    const asset = await assets.create({ folderId: 'shared', name: 'Scan app secret', source: { kind: 'stored', value: seeded.assetValue } });
    const fromAsset = await h.finished(
      h.coordinator.begin(draft({ name: 'Asset secret', authType: 'byo', clientId: 'scan-asset-app', clientSecretAssetId: asset.id })).attemptId,
    );
    expect(fromAsset.error).toBeUndefined();
    const assetId = fromAsset.connection!.id;
    scan('add (credential asset)');

    // 3. Refresh with rotation: the access token ages out (clock), and one stops working early (expire).
    const firstRefreshToken = recorder.issuedRefreshTokens()[0]!;
    sandbox.clock.advance(2 * HOUR);
    await h.services.refresher.accessToken(typedId);
    sandbox.control.expireAccessTokens();
    expect((await h.services.checker.check(assetId)).ok).toBe(true);
    const refreshes = recorder.calls.filter((c) => c.grantType === 'refresh_token');
    expect(refreshes.map((c) => c.status)).toEqual([200, 200]);
    expect(refreshes.every((c) => c.issued.refreshToken && c.issued.refreshToken !== c.sent.refresh_token)).toBe(true);
    expect(refreshes[0]!.sent.refresh_token).toBe(firstRefreshToken);
    scan('refresh (rotated refresh tokens)');

    // 4. The asset's app gets a new secret at Atlassian: the next refresh is refused, stored as an
    //    Error on the connection; the asset is corrected and the refresh works again.
    sandbox.control.rotateClientSecret('scan-asset-app', seeded.rotatedAssetValue);
    sandbox.clock.advance(2 * HOUR);
    await expect(h.services.refresher.accessToken(assetId)).rejects.toMatchObject({ code: 'OAUTH_CLIENT_AUTH_FAILED' });
    expect(byId(assetId).status.state).toBe('error');
    scan('refresh refused (old asset value)');
    await assets.update(asset.id, { source: { kind: 'stored', value: seeded.rotatedAssetValue } });
    await h.services.refresher.accessToken(assetId);
    expect(byId(assetId).status.state).toBe('connected');
    scan('asset value rotated, refresh works');

    // 5. Reconnect both: a new sign-in and code exchange each, secrets taken from the store / the asset.
    for (const id of [typedId, assetId]) {
      const end = await h.finished(h.coordinator.begin(draft({ reconnectConnectionId: id })).attemptId);
      expect(end.error).toBeUndefined();
      expect(end.phase).toBe('connected');
    }
    // Each code exchange sent the secret it had to: typed → sealed in the store; asset → its value at that time.
    const exchanges = recorder.calls.filter((c) => c.grantType === 'authorization_code');
    expect(exchanges.map((c) => [c.sent.client_id, c.sent.client_secret, c.status])).toEqual([
      ['scan-typed-app', seeded.typedClientSecret, 200],
      ['scan-asset-app', seeded.assetValue, 200],
      ['scan-typed-app', seeded.typedClientSecret, 200],
      ['scan-asset-app', seeded.rotatedAssetValue, 200],
    ]);
    for (const id of [typedId, assetId]) expect((await h.services.checker.check(id)).ok).toBe(true);
    scan('reconnect');

    // 6. Export everything to an age file in the data directory (as the app's export would write it).
    const backupFile = join(dataDir, 'backups', 'connectdesk-backup.age');
    mkdirSync(dirname(backupFile), { recursive: true, mode: 0o700 });
    const bytes = await exportBackup(h.store, h.ctx.vault, { scope: { kind: 'all' }, passphrase: seeded.backupPassphrase });
    writeFileSync(backupFile, bytes, { mode: 0o600 });
    // The export really carries the secrets (only encrypted): decrypted, it holds the current ones.
    const decrypter = new Decrypter();
    decrypter.addPassphrase(seeded.backupPassphrase);
    const inside = await decrypter.decrypt(readFileSync(backupFile), 'text');
    expect(inside).toContain(seeded.typedClientSecret);
    expect(inside).toContain(seeded.rotatedAssetValue);
    expect(inside).toContain(recorder.issuedRefreshTokens().at(-1));
    scan('export');

    // 7. Delete one connection (its sealed secrets go with its record).
    await deleteConnection(h.store, typedId);
    expect(h.store.listConnections().map((c) => c.id)).toEqual([assetId]);
    scan('delete');

    // The run is over: stop routing the console into the log file.
    vi.restoreAllMocks();

    // The test knows every token the sandbox issued: each 200 of the token endpoint was recorded.
    const sandboxSide = sandbox.control.tokenRequests();
    expect(recorder.calls.map((c) => [c.grantType, c.status])).toEqual(sandboxSide.map((r) => [r.grantType, r.status]));
    const issued = recorder.calls.filter((c) => c.status === 200);
    expect(issued.every((c) => c.issued.accessToken && c.issued.refreshToken)).toBe(true);
    expect(issued).toHaveLength(9); // 2 adds + 3 refreshes + 2 reconnects + the refresh of each check after them

    // What was scanned: every step saw the store, the settings, the logs; the end also the backup.
    const last = report.at(-1)!;
    expect(last.files).toEqual(
      expect.arrayContaining([
        'connectdesk-store.json',
        'connectdesk-settings.json',
        'logs/main.log',
        'diagnostics/journal.jsonl',
        'logs/console.log',
        'logs/events.jsonl',
        'backups/connectdesk-backup.age',
      ]),
    );
    // The journal really holds the traces of the token calls whose secrets were scanned for.
    const journalText = readFileSync(join(dataDir, 'diagnostics', 'journal.jsonl'), 'utf8');
    expect(journalText.match(/"kind":"trace"[^\n]*\/oauth\/token/g)?.length ?? 0).toBeGreaterThanOrEqual(recorder.calls.length);
    expect(readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8')).toMatch(/sign-in [\w-]+: connected/);
    expect(report.map((r) => r.step)).toEqual([
      'recovery passphrase set',
      'add (typed client secret)',
      'add (credential asset)',
      'refresh (rotated refresh tokens)',
      'refresh refused (old asset value)',
      'asset value rotated, refresh works',
      'reconnect',
      'export',
      'delete',
    ]);
    // 6 seeded + 7×2 tokens + codes, verifiers and refresh tokens sent.
    expect(last.secrets).toBeGreaterThanOrEqual(6 + 14);

    expect(hits).toEqual([]);

    // Files that hold sealed secrets are readable by the owner only.
    const loose = scanDirectory(dataDir, []).entries.filter((e) => e.kind === 'file' && (e.mode & 0o077) !== 0);
    expect(loose.map((e) => `${e.path} ${e.mode.toString(8)}`)).toEqual([]);

    // Positive controls on real files. The sandbox's own database holds the refresh token it issued last …
    const sandboxScan = scanDirectory(sandboxDir, allSecrets());
    const lastIssued = issued.at(-1)!;
    expect(sandboxScan.hits.map((hit) => hit.secret)).toContain(`refresh token issued by token call #${recorder.calls.indexOf(lastIssued) + 1} (${lastIssued.grantType}, 200)`);
    // … and a token written to the captured console during a run lands in the scanned log file.
    captureConsole(logFile);
    console.warn('refresh failed for token %s', recorder.issuedRefreshTokens().at(-1));
    vi.restoreAllMocks();
    expect(findSecrets(readFileSync(logFile).toString('latin1'), allSecrets(), 'logs/console.log').map((hit) => hit.encoding)).toContain('clear');
  });
});
