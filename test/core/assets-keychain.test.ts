import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * OS keychain assets against a real GNOME Keyring (Secret Service) in a headless D-Bus session.
 * The test process has no such session, so a small worker runs under scripts/with-keyring.sh:
 * it creates an entry with @napi-rs/keyring, resolves a keychain asset (directly and as a BYO
 * client secret), deletes the entry and resolves again.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const onPath = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const missing = ['gnome-keyring-daemon', 'dbus-run-session'].filter((tool) => !onPath(tool));
const skipReason = missing.length > 0 ? ` (SKIPPED: ${missing.join(' and ')} not installed; Debian/Ubuntu: apt-get install gnome-keyring libsecret-tools dbus-x11)` : '';
if (skipReason) console.warn(`assets-keychain.test.ts${skipReason}`);

const WORKER = `
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
const root = process.env.CD_REPO_ROOT;
const load = (path) => import(pathToFileURL(join(root, path)).href);
const { AssetService } = await load('main/core/assets/asset-service.ts');
const { keychainEntry } = await load('main/core/assets/keychain.ts');
const { byoClientSecret } = await load('main/core/services/client-credentials.ts');
const { ConnectionStore } = await load('main/core/store/connection-store.ts');
const { openJsonDocumentFile } = await load('main/core/store/json-document-file.ts');
const { DevelopmentKeyProtector } = await load('main/core/vault/development-key-protector.ts');
const { SecretVault } = await load('main/core/vault/secret-vault.ts');
const { sampleRecord } = await load('test/support/sample-record.ts');

const store = new ConnectionStore(openJsonDocumentFile(mkdtempSync(join(tmpdir(), 'cd-keychain-'))));
const vault = await SecretVault.open(store, new DevelopmentKeyProtector());
const assets = new AssetService({ store, vault });
const ref = { service: 'connectdesk-test', account: 'byo-' + randomUUID() };
const asset = await assets.create({ folderId: 'shared', name: 'Keychain secret', source: { kind: 'keychain', ...ref } });
const attempt = (fn) => { try { return { value: fn() }; } catch (e) { return { code: e.code, message: e.message, remediation: e.remediation }; } };
const out = {};
if (process.argv[2] === 'unavailable') {
  out.unavailable = attempt(() => assets.resolve(asset.id));
} else {
  keychainEntry(ref).setPassword('kc-secret-0123');
  out.resolved = attempt(() => assets.resolve(asset.id));
  await store.saveConnection(sampleRecord({ authType: 'byo', clientSecretAssetId: asset.id }));
  out.clientSecret = attempt(() => byoClientSecret(store.getConnection('c1'), { store, vault }));
  keychainEntry(ref).setPassword('kc-secret-rotated');
  out.rotated = attempt(() => assets.resolve(asset.id));
  out.deleted = keychainEntry(ref).deleteCredential();
  out.missing = attempt(() => assets.resolve(asset.id));
}
console.log('RESULT ' + JSON.stringify(out));
`;

const workDir = mkdtempSync(join(tmpdir(), 'cd-keychain-worker-'));
const workerPath = join(workDir, 'keychain-worker.mts');
writeFileSync(workerPath, WORKER);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

type Outcome = { value?: string; code?: string; message?: string; remediation?: string };
function runWorker(command: string[], env: NodeJS.ProcessEnv = {}): Record<string, Outcome | boolean> {
  const run = spawnSync(command[0]!, command.slice(1), { cwd: ROOT, env: { ...process.env, CD_REPO_ROOT: ROOT, ...env }, encoding: 'utf8', timeout: 60_000 });
  const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`worker failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(line.slice('RESULT '.length));
}

describe.skipIf(missing.length > 0)(`OS keychain credential assets (real GNOME Keyring, headless D-Bus)${skipReason}`, () => {
  it('resolves an entry when used, follows its rotation, and reports a deleted entry as ASSET_KEYCHAIN_MISSING', () => {
    const out = runWorker(['bash', 'scripts/with-keyring.sh', process.execPath, '--import', 'tsx', workerPath]);
    expect(out.resolved).toEqual({ value: 'kc-secret-0123' });
    expect(out.clientSecret).toEqual({ value: 'kc-secret-0123' });
    expect(out.rotated).toEqual({ value: 'kc-secret-rotated' });
    expect(out.deleted).toBe(true);
    expect(out.missing).toMatchObject({
      code: 'ASSET_KEYCHAIN_MISSING',
      message: expect.stringMatching(/"Keychain secret" \(service "connectdesk-test", account "byo-/),
      remediation: expect.stringContaining('secret-tool store'),
    });
  }, 60_000);

  it('no Secret Service reachable → ASSET_KEYCHAIN_UNAVAILABLE with a remediation', () => {
    const out = runWorker([process.execPath, '--import', 'tsx', workerPath, 'unavailable'], { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/cd-no-bus' });
    expect(out.unavailable).toMatchObject({
      code: 'ASSET_KEYCHAIN_UNAVAILABLE',
      message: expect.stringContaining('"Keychain secret"'),
      remediation: expect.stringContaining('unlocked'),
    });
  }, 60_000);
});
