/**
 * Issue 5: "A redaction test that seeds secrets into every field, header, URL and body, produces
 * traces, logs and bundles, and finds none."
 *
 * Real parts: the sandbox, a data directory on disk, the real store and vault, the services with
 * the tracing fetch and a file journal, the Redactor, an electron-log/node file log, and the
 * support bundle. Two kinds of seeded secret:
 * - KNOWN ones the store holds (BYO client secrets, a credential asset's value) and every token
 *   the sandbox issued: removed wherever they appear, even where nothing says "secret" (a header
 *   value, a description someone pasted it into, base64 inside a JSON body);
 * - UNKNOWN ones the redactor is never told: removed because of where they sit (client_secret=,
 *   "refresh_token":, Authorization, a URL fragment) or what they look like (JWT, Atlassian token).
 * Everything is then searched for, in every encoding: the bundle with findSecrets AND a plain
 * substring scan; every file of the data directory (journal, logs, bundle, store, settings) with
 * the test scanner. Self-checks show the scanners find a planted secret and a bundle holding one
 * is refused with SUPPORT_BUNDLE_LEAK.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AssetService } from '../../main/core/assets/asset-service.js';
import { logFilePath, logServiceEvent, type AppLog } from '../../main/core/diagnostics/app-log.js';
import { FileDiagnosticsJournal } from '../../main/core/diagnostics/diagnostics-journal.js';
import { createNodeAppLog } from '../../main/core/diagnostics/node-app-log.js';
import { Redactor } from '../../main/core/diagnostics/redaction.js';
import { findSecrets } from '../../main/core/diagnostics/secret-scanner.js';
import { buildSupportBundle, type BundleHost } from '../../main/core/diagnostics/support-bundle.js';
import { runInTraceScope } from '../../main/core/diagnostics/trace-scope.js';
import { createTracingFetch } from '../../main/core/diagnostics/tracing-fetch.js';
import { loadDefaultSeed, type SandboxSeed } from '../../main/sandbox/index.js';
import { startTestSandbox, type TestSandbox } from '../sandbox/sandbox-test-kit.js';
import { createHarness, draft, type Harness } from '../support/core-harness.js';
import { scanDirectory, TokenRecorder, uniqueSecrets, type KnownSecret } from '../support/secret-scan.js';
import { echoServer, seedUnknownSecrets, sendEverywhere } from './redaction-fixtures.js';

const HOUR = 60 * 60_000;
const unique = (prefix: string): string => `${prefix}+${randomBytes(12).toString('hex')}/Zq=`;

const made: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};

function seedWith(apps: Array<{ clientId: string; clientSecret: string }>): SandboxSeed {
  const seed = loadDefaultSeed();
  const template = seed.apps.find((a) => !a.managed)!;
  return { ...seed, apps: [...seed.apps, ...apps.map((a) => ({ ...template, ...a, label: `Redaction (${a.clientId})` }))] };
}

const host = (dataDir: string): BundleHost => ({
  appVersion: '1.2.3',
  node: process.versions.node,
  os: 'Linux 6.0',
  platform: 'linux',
  arch: 'x64',
  secretProtection: 'Development key (insecure, tests only)',
  dataDir,
});

/** Every secret named in a finding list, for a readable failure: labels only, never values. */
const hitsIn = (text: string, secrets: readonly KnownSecret[]): string[] => secrets.filter((s) => text.includes(s.value)).map((s) => s.label);

describe('redaction: seeded secrets reach no trace, log or bundle', () => {
  let sandbox: TestSandbox;
  let h: Harness;
  let dataDir: string;
  let recorder: TokenRecorder;
  let redactor: Redactor;
  let journal: FileDiagnosticsJournal;
  let log: AppLog;
  let echo: Awaited<ReturnType<typeof echoServer>>;
  const known = { typedClientSecret: unique('typed-client-secret'), assetValue: unique('asset-client-secret'), rotatedAssetValue: unique('rotated-asset-secret') };

  beforeEach(async () => {
    dataDir = tempDir('cd-redaction-data-');
    sandbox = await startTestSandbox({
      stateFile: join(tempDir('cd-redaction-sandbox-'), 'state.json'),
      seed: seedWith([
        { clientId: 'redaction-typed-app', clientSecret: known.typedClientSecret },
        { clientId: 'redaction-asset-app', clientSecret: known.assetValue },
      ]),
    });
    h = await createHarness(sandbox, dataDir);
    redactor = new Redactor({ fingerprintKey: h.ctx.settings.diagnosticsFingerprintKey() });
    journal = new FileDiagnosticsJournal(dataDir);
    log = createNodeAppLog({ dataDir, redactor });
    recorder = new TokenRecorder(() => `${sandbox.url}/oauth/token`);
    Object.assign(h.ctx, { redactor, journal, log, fetch: createTracingFetch(recorder.fetch, { journal, redactor, now: h.ctx.now! }) });
    h.ctx.emit = ((emit) => (event: Parameters<typeof emit>[0]) => (logServiceEvent(log, event), emit(event)))(h.ctx.emit);
    h.authorizer.script = { kind: 'sign-in', email: 'solo@example.com' };
    echo = await echoServer();
  });
  afterEach(async () => {
    await sandbox.close();
    await new Promise((resolve) => echo.close(resolve));
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('finds none of them in the traces, the log file, the journal or a support bundle, in any form', async () => {
    const assets = new AssetService(h.ctx);
    // 1. Two BYO connections: a typed client secret, and one from a stored credential asset.
    const typed = await h.finished(h.coordinator.begin(draft({ name: 'Typed', authType: 'byo', clientId: 'redaction-typed-app', clientSecret: known.typedClientSecret })).attemptId);
    expect(typed.error).toBeUndefined();
    const asset = await assets.create({ folderId: 'shared', name: 'Redaction app secret', source: { kind: 'stored', value: known.assetValue } });
    const fromAsset = await h.finished(h.coordinator.begin(draft({ name: 'From asset', authType: 'byo', clientId: 'redaction-asset-app', clientSecretAssetId: asset.id })).attemptId);
    expect(fromAsset.error).toBeUndefined();
    const typedId = typed.connection!.id;
    const assetId = fromAsset.connection!.id;

    // 2. Refresh (rotation), a check, and a refused refresh after the app's secret was rotated at Atlassian.
    sandbox.clock.advance(2 * HOUR);
    await h.services.refresher.accessToken(typedId);
    expect((await h.services.checker.check(typedId)).ok).toBe(true);
    sandbox.control.rotateClientSecret('redaction-asset-app', known.rotatedAssetValue);
    sandbox.clock.advance(2 * HOUR);
    await expect(h.services.refresher.accessToken(assetId)).rejects.toMatchObject({ code: 'OAUTH_CLIENT_AUTH_FAILED' });

    // 3. Seeded secrets in every header, URL (query and fragment) and body (form, JSON nested, text), both ways.
    const unknown = seedUnknownSecrets();
    Object.assign(echo.answer, { unknown, known: known.assetValue });
    await runInTraceScope({ connectionId: typedId, attemptId: null, operation: 'api' }, () =>
      sendEverywhere(h.ctx.fetch!, echo.url, { known: [known.typedClientSecret, known.assetValue], unknown }),
    );
    // Careless log lines: the URL with everything, the bodies, an Authorization header, an error with a secret.
    log.info(`GET ${echo.url}/api?client_secret=${unknown.queryClientSecret}&code=${unknown.queryCode}#access_token=${unknown.fragmentAccessToken}`);
    log.info(`token request client_secret=${encodeURIComponent(known.typedClientSecret)}&refresh_token=${unknown.formRefreshToken}`);
    log.warn(`token answer ${JSON.stringify({ access_token: unknown.responseAccessToken, nested: { id_token: unknown.responseIdToken } })}`);
    log.error(`Authorization: Bearer ${unknown.bearerJwt}`);
    log.error(String(new Error(`asset value ${known.assetValue} was rejected`)));
    // A secret pasted into a free-text field: the description is metadata, but the value is a known secret.
    await h.store.updateConnection(assetId, (r) => ({ ...r, description: `uses ${known.assetValue}` }));

    // 4. The support bundle of everything, written where a user would save it (inside the scanned directory).
    const bundle = await buildSupportBundle(h.ctx, { kind: 'all' }, host(dataDir));
    mkdirSync(join(dataDir, 'bundles'));
    writeFileSync(join(dataDir, 'bundles', bundle.fileName), bundle.text);

    const secrets = uniqueSecrets([
      ...Object.entries(known).map(([label, value]) => ({ label: `known ${label}`, value })),
      ...Object.entries(unknown).map(([label, value]) => ({ label: `unknown ${label}`, value })),
      ...recorder.secrets(),
      { label: 'managed app client secret', value: sandbox.managedApp.clientSecret },
    ]);
    // The run produced what is searched: tokens were issued, traces and log lines written, a bundle built.
    expect(recorder.secrets().filter((s) => s.label.startsWith('access token')).length).toBeGreaterThanOrEqual(3);
    const logText = readFileSync(logFilePath(dataDir), 'utf8');
    expect(logText).toContain('sign-in');
    expect(bundle.summary).toMatchObject({ connections: 2 });
    expect(bundle.summary.traces).toBeGreaterThan(5);
    expect(bundle.summary.logLines).toBeGreaterThan(5);

    // Findings: none — by the core's scanner (all encodings, token shapes, secret fields), by substring, by the file scan.
    expect(findSecrets(bundle.text, secrets.map((s) => s.value))).toEqual([]);
    expect(hitsIn(bundle.text, secrets)).toEqual([]);
    expect(hitsIn(logText, secrets)).toEqual([]);
    expect(findSecrets(logText, secrets.map((s) => s.value))).toEqual([]);
    const traces = journal.traces({ connectionId: typedId });
    expect(findSecrets(JSON.stringify(traces), secrets.map((s) => s.value))).toEqual([]);
    const files = scanDirectory(dataDir, secrets);
    expect(files.files).toEqual(expect.arrayContaining(['logs/main.log', `bundles/${bundle.fileName}`, 'connectdesk-store.json']));
    expect(files.files.some((f) => f.startsWith('diagnostics/'))).toBe(true);
    // The store keeps the description as the user typed it (the pasted value, in clear): that is the only hit.
    expect(files.hits).toEqual([{ file: 'connectdesk-store.json', secret: 'known assetValue', encoding: 'clear' }]);

    // And the evidence is still there, redacted: what support needs to read.
    const parsed = JSON.parse(bundle.text) as { connections: Array<{ id: string; description: string; secrets: { clientSecret: { fingerprint: string } } }> };
    const typedEntry = parsed.connections.find((c) => c.id === typedId)!;
    expect(typedEntry.secrets.clientSecret.fingerprint).toBe(redactor.fingerprint(known.typedClientSecret));
    expect(parsed.connections.find((c) => c.id === assetId)!.description).toBe('uses «redacted»');
    const echoTrace = traces.find((t) => t.url.startsWith(echo.url))!;
    expect(echoTrace.url).toContain('scope=read%20write+offline_access');
    expect(echoTrace.url).toContain('code=«redacted»');
    expect(echoTrace.url).toMatch(/state=fp:[0-9a-f]{8}/);
    expect(echoTrace.requestHeaders.authorization).toBe('Bearer «redacted»');
    expect(bundle.text).toContain('OAUTH_CLIENT_AUTH_FAILED');
  });
});

describe('the bundle scan (self-check: it can fail)', () => {
  it('refuses a bundle holding a planted secret with SUPPORT_BUNDLE_LEAK, naming where and what, never the value', async () => {
    const sandbox = await startTestSandbox();
    try {
      const dataDir = tempDir('cd-redaction-leak-');
      const h = await createHarness(sandbox, dataDir);
      const planted = unique('planted-asset-value');
      const assets = new AssetService(h.ctx);
      const asset = await assets.create({ folderId: 'shared', name: 'Planted', source: { kind: 'stored', value: planted } });
      await h.store.createFolder(`Folder ${planted}`, null);
      // A log line written by something that bypassed the AppLog.
      mkdirSync(join(dataDir, 'logs'), { recursive: true });
      appendFileSync(logFilePath(dataDir), `[raw] refresh_token=planted-unknown-token-123\n`);

      // A redactor whose text() forgot to redact: the last scan is what stops the bundle.
      class CarelessRedactor extends Redactor {
        override text(value: string): string {
          return value;
        }
      }
      h.ctx.redactor = new CarelessRedactor();
      const refused = await buildSupportBundle(h.ctx, { kind: 'all' }, host(dataDir)).catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: 'SUPPORT_BUNDLE_LEAK' });
      const detail = (refused as { detail: string }).detail;
      expect(detail).toContain('a secret ConnectDesk holds (clear) at $.folders[');
      expect(detail).toContain('a refresh_token value at $.logs.lines[0]');
      expect(detail).not.toContain(planted);
      expect(detail).not.toContain('planted-unknown-token-123');
      expect((refused as Error).message).toMatch(/not written/);

      // The real redactor removes both, so the same store gives a bundle.
      h.ctx.redactor = new Redactor();
      const bundle = await buildSupportBundle(h.ctx, { kind: 'all' }, host(dataDir));
      expect(bundle.text).not.toContain(planted);
      expect(bundle.text).toContain('Folder «redacted»');
      expect(bundle.text).toContain('refresh_token=«redacted»');
      expect(JSON.parse(bundle.text).assets[0]).toMatchObject({ id: asset.id, value: { held: 'stored', fingerprint: h.ctx.redactor.fingerprint(planted) } });
    } finally {
      await sandbox.close();
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    }
  });
});
