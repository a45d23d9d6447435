import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectionStore } from '../../main/core/store/connection-store.js';
import { openJsonDocumentFile } from '../../main/core/store/json-document-file.js';
import { PassphraseKeyProtector, TEST_SCRYPT_PARAMETERS } from '../../main/core/vault/passphrase-key-protector.js';
import { SecretVault } from '../../main/core/vault/secret-vault.js';
import { CLI_BIN, REPO_ROOT } from './cli-harness.js';

/**
 * `connectdesk unlock --remember / --forget` against a real GNOME Keyring (Secret Service) in a
 * headless D-Bus session (scripts/with-keyring.sh). The keyring lives only as long as that
 * session, so one shell script inside it runs the whole sequence and prints each run's result.
 */
const onPath = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const missing = ['gnome-keyring-daemon', 'dbus-run-session'].filter((tool) => !onPath(tool));
const skipReason = missing.length > 0 ? ` (SKIPPED: ${missing.join(' and ')} not installed; Debian/Ubuntu: apt-get install gnome-keyring libsecret-tools dbus-x11)` : '';
if (skipReason) console.warn(`connectdesk-keychain.test.ts${skipReason}`);

/** Each step: `== <name> <exit code>` then its JSON output. The passphrase is given to the first step only. */
const SCRIPT = `
step() { name="$1"; shift; out="$("$@" 2>/dev/null)"; code=$?; printf '== %s %s\\n%s\\n' "$name" "$code" "$out"; }
step remember env CONNECTDESK_RECOVERY_PASSPHRASE="$CD_TEST_PASSPHRASE" node "$CD_BIN" unlock --remember --json
step keychain node "$CD_BIN" unlock --json
step forget node "$CD_BIN" unlock --forget --json
step locked node "$CD_BIN" unlock --json
`;

function runSteps(env: Record<string, string>): Map<string, { code: number; json: Record<string, unknown> | null }> {
  // Without the developer's own ConnectDesk settings (a passphrase there would hide a failure).
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('CONNECTDESK_')));
  const run = spawnSync('bash', ['scripts/with-keyring.sh', 'bash', '-c', SCRIPT], { cwd: REPO_ROOT, env: { ...inherited, ...env }, encoding: 'utf8', timeout: 90_000 });
  const steps = new Map<string, { code: number; json: Record<string, unknown> | null }>();
  for (const block of run.stdout.split(/^== /m).slice(1)) {
    const [header, ...rest] = block.split('\n');
    const [name, code] = header!.split(' ');
    const text = rest.join('\n').trim();
    steps.set(name!, { code: Number(code), json: text ? (JSON.parse(text) as Record<string, unknown>) : null });
  }
  if (steps.size === 0) throw new Error(`no steps ran: ${run.stderr}`);
  return steps;
}

describe.skipIf(skipReason !== '')(`connectdesk unlock and the OS keychain${skipReason}`, () => {
  it('--remember adds a keychain slot after the recovery passphrase opened the store; then no passphrase is needed; --forget removes it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cd-cli-keychain-'));
    const store = new ConnectionStore(openJsonDocumentFile(dataDir));
    const passphrase = 'correct horse battery staple';
    await SecretVault.open(store, new PassphraseKeyProtector(passphrase, { scrypt: TEST_SCRYPT_PARAMETERS }));
    const steps = runSteps({ CONNECTDESK_DATA_DIR: dataDir, CD_BIN: CLI_BIN, CD_TEST_PASSPHRASE: passphrase });
    expect(steps.get('remember')).toMatchObject({ code: 0, json: { openedWith: 'recovery-passphrase', change: 'remembered', slots: ['recovery-passphrase', 'cli-os-keychain'] } });
    expect(steps.get('keychain')).toMatchObject({ code: 0, json: { openedWith: 'cli-os-keychain' } });
    expect(steps.get('forget')).toMatchObject({ code: 0, json: { openedWith: 'cli-os-keychain', change: 'forgotten', slots: ['recovery-passphrase'] } });
    expect(steps.get('locked')?.code).toBe(3);
    expect(store.readSlots().map((s) => s.protectorId)).toEqual(['recovery-passphrase']);
  }, 120_000);
});
