import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionStore } from '../../main/core/store/connection-store.js';
import { openJsonDocumentFile, writeFileAtomically } from '../../main/core/store/json-document-file.js';
import { withFileLock } from '../../main/core/store/store-lock.js';
import { PassphraseKeyProtector, TEST_SCRYPT_PARAMETERS } from '../../main/core/vault/passphrase-key-protector.js';
import { SecretVault } from '../../main/core/vault/secret-vault.js';
import { DevelopmentKeyProtector } from '../../main/core/vault/development-key-protector.js';
import { collectStoreSecrets } from '../../main/core/diagnostics/store-secrets.js';
import { findSecrets, scanDirectory } from '../support/secret-scan.js';
import { startSandbox, type SandboxHandle } from '../../main/sandbox/index.js';
import { freePort } from '../support/free-port.js';
import { sampleRecord } from '../support/sample-record.js';
import { json, runCli, signInThroughCli, startCli, type CliResult } from './cli-harness.js';

/**
 * The `connectdesk` tool as people run it: the real launcher in a child process, a real data
 * folder, the real sandbox, sign-ins through the loopback callback. One sandbox and one store for
 * the file; beforeAll signs in twice through the CLI and the tests read and change that store.
 */
let sandbox: SandboxHandle;
let store: ConnectionStore;
let env: Record<string, string>;
/** Dev-key store of the browser shell and tests: the flag every secret-reading verb needs here. */
const DEV = '--development-key';
let connected: CliResult & { authorizeUrl: string };
let callbackUrl: string;

beforeAll(async () => {
  callbackUrl = `http://localhost:${await freePort()}/oauth/callback`;
  sandbox = await startSandbox({ port: 0, callbackUrl });
  const dataDir = mkdtempSync(join(tmpdir(), 'cd-cli-'));
  store = new ConnectionStore(openJsonDocumentFile(dataDir));
  env = { CONNECTDESK_DATA_DIR: dataDir, CONNECTDESK_ENVIRONMENT: 'sandbox', CONNECTDESK_SANDBOX_URL: sandbox.url, CONNECTDESK_CALLBACK_URL: callbackUrl };
  await store.createFolder('Engineering', null);
  // Two sites for demo@: --site picks one. The store is created by this first run (development key).
  connected = await signIn(['connect', '--folder', 'Shared', '--name', 'Team docs', '--site', 'Acme Docs', '--no-browser', '--json', DEV], 'demo@example.com');
  await signIn(['connect', '--folder', 'Engineering', '--name', 'Solo notes', '--no-browser', DEV], 'solo@example.com');
}, 60_000);
afterAll(() => sandbox?.close());

const connection = (name: string) => store.listConnections().find((c) => c.name === name)!;
/** Everything the tool printed in this file, scanned for secrets at the end. */
const outputs: CliResult[] = [];
const cli = async (...args: string[]) => {
  const result = await runCli(args, env);
  outputs.push(result);
  return result;
};
const signIn = async (args: string[], email: string) => {
  const result = await signInThroughCli(sandbox, args, env, email);
  outputs.push(result);
  return result;
};

describe('connectdesk connect / reconnect (system browser + loopback, --no-browser)', () => {
  it('prints the URL to open, completes on the loopback callback, and saves the chosen site', () => {
    expect(connected.code).toBe(0);
    const request = new URL(connected.authorizeUrl);
    expect(request.searchParams.get('redirect_uri')).toBe(callbackUrl);
    expect(request.searchParams.get('code_challenge_method')).toBe('S256');
    const saved = json(connected);
    expect(saved).toMatchObject({ name: 'Team docs', folderPath: 'Shared', status: 'connected', site: { name: 'Acme Docs' }, authType: 'managed' });
    expect(JSON.stringify(saved)).not.toMatch(/"(access|refresh|ct|iv)"/);
    expect(connection('Team docs').site.name).toBe('Acme Docs');
    expect(readFileSync(store.path, 'utf8')).not.toContain(sandbox.managedApp.clientSecret);
  });

  it('without --site and several sites, outside a terminal: fails listing them (exit 2) and saves nothing', async () => {
    const before = store.listConnections().length;
    const result = await signIn(['connect', '--folder', 'Shared', '--name', 'Undecided', '--no-browser', DEV], 'demo@example.com');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SITE_CHOICE_INVALID');
    expect(result.stderr).toMatch(/Acme \(https:.*Acme Docs \(https:/);
    expect(result.stderr).toContain('--site');
    expect(store.listConnections()).toHaveLength(before);
  });

  it('check fails (exit 1) with cause and fix after the grant is revoked; reconnect restores the same connection', async () => {
    const before = connection('Solo notes');
    sandbox.control.revokeGrant({ email: 'solo@example.com' });
    sandbox.control.expireAccessTokens();
    const failed = await cli('check', 'Solo notes', DEV);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('NOT healthy');
    expect(failed.stdout).toContain('[ATLASSIAN_INVALID_GRANT]');
    expect(failed.stdout).toContain('Fix: Reconnect');
    const shown = json(await cli('get', 'Solo notes', '--json'));
    expect(shown).toMatchObject({ status: 'needs-reconnect', statusReason: { code: 'ATLASSIAN_INVALID_GRANT' } });

    const reconnected = await signIn(['reconnect', 'Solo notes', '--no-browser', '--json', DEV], 'solo@example.com');
    expect(reconnected.code).toBe(0);
    expect(json(reconnected)).toMatchObject({ id: before.id, name: 'Solo notes', folderPath: 'Engineering', status: 'connected' });
    expect((await cli('check', 'Solo notes', DEV)).code).toBe(0);
  });
});

describe('connectdesk read verbs (no secret, no key needed)', () => {
  it('list: a table, --json, and the folder, connector and status filters', async () => {
    const [table, all, engineering, none] = await Promise.all([
      cli('list'),
      cli('list', '--json'),
      cli('list', '--folder', 'engineering', '--connector', 'Confluence Cloud', '--json'),
      cli('list', '--status', 'Needs reconnect,offline', '--json'),
    ]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^NAME\s+FOLDER\s+STATUS/);
    expect(table.stdout).toMatch(/Team docs\s+Shared\s+Connected\s+Acme Docs/);
    expect(json<unknown[]>(all).map((c) => (c as { name: string }).name).sort()).toEqual(['Solo notes', 'Team docs']);
    expect(json<Array<{ name: string }>>(engineering).map((c) => c.name)).toEqual(['Solo notes']);
    expect(json(none)).toEqual([]);
  });

  it('get: metadata and status; --json parses; an unknown name is exit 4', async () => {
    const [text, data, missing] = await Promise.all([cli('get', 'team docs'), cli('get', 'Team docs', '--folder', 'Shared', '--json'), cli('get', 'Nope')]);
    expect(text.stdout).toMatch(/Status:\s+Connected/);
    expect(text.stdout).toMatch(/Site:\s+Acme Docs/);
    expect(json(data)).toMatchObject({ id: connection('Team docs').id, clientIdMasked: expect.stringMatching(/^••••/), missingScopes: [] });
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('[NOT_FOUND]');
  });

  it('base-url: the API gateway base the connection resolves to', async () => {
    const result = await cli('base-url', 'Team docs');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(`${sandbox.url}/ex/confluence/${connection('Team docs').site.cloudId}`);
  });

  it('export: connections metadata as JSON, never a secret; --folder narrows it', async () => {
    const [all, engineering] = await Promise.all([cli('export'), cli('export', '--folder', 'Engineering')]);
    const audit = json<{ connections: Array<{ name: string; clientSecretSource: { kind: string } }>; scope: { kind: string } }>(all);
    expect(audit.scope.kind).toBe('all');
    expect(audit.connections.map((c) => c.name).sort()).toEqual(['Solo notes', 'Team docs']);
    expect(audit.connections[0]?.clientSecretSource.kind).toBe('managed');
    expect(all.stdout).not.toMatch(/"(tokens|clientSecret|ct|iv|tag)"/);
    expect(all.stdout).not.toContain(sandbox.managedApp.clientSecret);
    expect(json<{ connections: unknown[] }>(engineering).connections).toHaveLength(1);
  });
});

describe('connectdesk check and bundle (open the store)', () => {
  it('check: steps printed, exit 0 when healthy; --json and --folder parse', async () => {
    const [text, single, folder] = await Promise.all([cli('check', 'Team docs', DEV), cli('check', 'Team docs', '--json', DEV), cli('check', '--folder', 'Shared', '--json', DEV)]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/\[ok\]\s+Access token usable/);
    expect(text.stdout).toMatch(/\[ok\]\s+Scopes granted as requested/);
    expect(json(single)).toMatchObject({ ok: true, connectionId: connection('Team docs').id });
    expect(json(folder)).toMatchObject({ ok: true, folderPath: 'Shared', results: [{ ok: true }] });
  });

  it('bundle: writes a support bundle file without a secret', async () => {
    const output = join(env.CONNECTDESK_DATA_DIR!, 'bundle-for-support.json');
    const result = await cli('bundle', 'Team docs', '--output', output, DEV);
    expect(result.code).toBe(0);
    const text = readFileSync(output, 'utf8');
    expect(() => JSON.parse(text)).not.toThrow();
    expect(text).toContain(connection('Team docs').id);
    expect(text).not.toContain(sandbox.managedApp.clientSecret);
  });
});

describe('connectdesk rename / set-default / move / delete', () => {
  it('change the store through its lock; delete needs --yes (exit 2)', async () => {
    await store.saveConnection(sampleRecord({ id: 'scratch-1', name: 'Scratch', folderId: 'shared' }));
    expect((await cli('rename', 'Scratch', 'Scratch 2')).code).toBe(0);
    expect(json(await cli('set-default', 'Scratch 2', '--json'))).toMatchObject({ name: 'Scratch 2', isDefault: true });
    expect(connection('Team docs').isDefault).toBe(false);
    const moved = await cli('move', 'scratch-1', 'Engineering', '--json');
    expect(json(moved)).toMatchObject({ folderPath: 'Engineering' });

    const refused = await cli('delete', 'Scratch 2');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');
    expect(connection('Scratch 2')).toBeDefined();
    const deleted = await cli('delete', 'Scratch 2', '--yes');
    expect(deleted.code).toBe(0);
    expect(connection('Scratch 2')).toBeUndefined();
  });

  it('a write while another process holds the store lock waits for it, and loses neither change', async () => {
    await store.saveConnection(sampleRecord({ id: 'scratch-2', name: 'Locked', folderId: 'shared' }));
    let released = false;
    let endedWhileLocked = false;
    let running: ReturnType<typeof startCli> | null = null;
    await withFileLock(store.path, async () => {
      running = startCli(['rename', 'Locked', 'Renamed while locked'], env);
      void running.done.then(() => (endedWhileLocked = !released));
      await running.stderrMatch(/waiting for it/);
      // What the app would do holding the lock: a whole-document write the CLI must not overwrite.
      const doc = JSON.parse(readFileSync(store.path, 'utf8')) as { connections: Array<{ id: string; description: string }> };
      doc.connections.find((c) => c.id === 'scratch-2')!.description = 'changed by the lock holder';
      writeFileAtomically(store.path, [Buffer.from(JSON.stringify(doc))]);
      released = true;
    });
    const result = await running!.done;
    expect(endedWhileLocked).toBe(false);
    expect(result.code).toBe(0);
    const after = JSON.parse(readFileSync(store.path, 'utf8')) as { connections: Array<{ id: string; name: string; description: string }> };
    expect(after.connections.find((c) => c.id === 'scratch-2')).toMatchObject({ name: 'Renamed while locked', description: 'changed by the lock holder' });
  });
});

describe('connectdesk unlocking and usage', () => {
  it('a store the tool cannot open: exit 3 with the fix; the recovery passphrase opens it; reads never need it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cd-cli-locked-'));
    const locked = new ConnectionStore(openJsonDocumentFile(dataDir));
    const passphrase = 'correct horse battery staple';
    await SecretVault.open(locked, new PassphraseKeyProtector(passphrase, { scrypt: TEST_SCRYPT_PARAMETERS }));
    await locked.saveConnection(sampleRecord({ id: 'locked-1', name: 'Locked docs' }));
    const lockedEnv = { ...env, CONNECTDESK_DATA_DIR: dataDir };
    const [noKey, wrong, right, list] = await Promise.all([
      runCli(['check', 'Locked docs'], lockedEnv),
      runCli(['unlock'], { ...lockedEnv, CONNECTDESK_RECOVERY_PASSPHRASE: 'not the passphrase at all' }),
      runCli(['unlock', '--json'], { ...lockedEnv, CONNECTDESK_RECOVERY_PASSPHRASE: passphrase }),
      runCli(['list', '--json'], lockedEnv),
    ]);
    expect(noKey.code).toBe(3);
    expect(noKey.stderr).toContain('[VAULT_LOCKED]');
    expect(noKey.stderr).toContain('CONNECTDESK_RECOVERY_PASSPHRASE');
    expect(noKey.stderr).not.toMatch(/\n\s+at /);
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain('[RECOVERY_PASSPHRASE_WRONG]');
    expect(json(right)).toMatchObject({ openedWith: 'recovery-passphrase' });
    expect(list.code).toBe(0);
    expect(json<Array<{ name: string }>>(list).map((c) => c.name)).toEqual(['Locked docs']);
  });

  it('--help through the package bin (npm exec) names every verb and the exit codes; a wrong option is exit 2', async () => {
    const [help, wrong] = await Promise.all([
      new Promise<CliResult>((resolve) => {
        import('node:child_process').then(({ execFile }) =>
          execFile('npm', ['exec', '--', 'connectdesk', '--help'], { cwd: join(import.meta.dirname, '../..') }, (error, stdout, stderr) =>
            resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
          ),
        );
      }),
      cli('list', '--bogus'),
    ]);
    expect(help.code).toBe(0);
    for (const verb of ['list', 'get', 'check', 'export', 'bundle', 'rename', 'set-default', 'move', 'delete', 'base-url', 'connect', 'reconnect', 'unlock']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${verb} `, 'm'));
    }
    expect(help.stdout).toContain('Exit codes:');
    expect(help.stdout).toContain('INSECURE');
    expect(wrong.code).toBe(2);
  });
});

describe('connectdesk and secrets', () => {
  it('no secret of the store appears in anything the tool printed or wrote (bundle, journal, log, settings)', async () => {
    const vault = await SecretVault.open(store, new DevelopmentKeyProtector());
    const secrets = [...collectStoreSecrets(store, vault), sandbox.managedApp.clientSecret].map((value, i) => ({ label: `secret ${i}`, value }));
    expect(secrets.length).toBeGreaterThan(4);
    const printed = outputs.flatMap((o, i) => [...findSecrets(o.stdout, secrets, `run ${i} stdout`), ...findSecrets(o.stderr, secrets, `run ${i} stderr`)]);
    const written = scanDirectory(env.CONNECTDESK_DATA_DIR!, secrets);
    expect(written.files).toEqual(expect.arrayContaining(['bundle-for-support.json', 'diagnostics/journal.jsonl']));
    expect([...printed, ...written.hits]).toEqual([]);
  });
});
