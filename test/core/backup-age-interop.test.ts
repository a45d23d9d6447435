import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBackupPayload, exportBackup } from '../../main/core/backup/backup-export.js';
import { encodeBackupPayload } from '../../main/core/backup/backup-format.js';
import { importBackup, previewBackup } from '../../main/core/backup/backup-import.js';
import { PASSPHRASE, SECRETS, openWorkspace, readSecrets, removeTempDirs, seededWorkspace, tempDir } from './backup-fixtures.js';

/**
 * Interoperability with the reference `age` CLI (Debian's package `age`, 1.1.1; CI installs it via
 * scripts/ensure-test-deps.sh). age reads passphrases only from a terminal, so it runs in a
 * pseudo-terminal made by python3's pty module, which answers each passphrase prompt as it appears.
 */
const AGE = process.env.AGE_BINARY ?? 'age';
const ageVersion = spawnSync(AGE, ['--version'], { encoding: 'utf8' });
const hasAge = ageVersion.status === 0;
const hasPython = spawnSync('python3', ['--version']).status === 0;
if (!hasAge) console.warn(`age interop tests skipped: the \`${AGE}\` binary was not found (Debian/Ubuntu: apt-get install age).`);
else if (!hasPython) console.warn('age interop tests skipped: python3 is needed to give age a pseudo-terminal.');

const PTY_DRIVER = String.raw`
import os, pty, re, select, sys, time
passphrase = os.environ['AGE_PTY_PASSPHRASE'].encode() + b'\n'
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
seen, answered, deadline = b'', 0, time.time() + 60
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.2)
    if not ready:
        continue
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
    prompts = len(re.findall(rb'(?i)passphrase[^\n]*:', seen))
    while answered < prompts:
        os.write(fd, passphrase)
        answered += 1
else:
    os.kill(pid, 9)
_, status = os.waitpid(pid, 0)
sys.stderr.write(seen.decode('utf-8', 'replace'))
sys.exit(os.waitstatus_to_exitcode(status))
`;

/** Runs age with its passphrase prompts answered through a pseudo-terminal. */
function ageWithPassphrase(args: string[], passphrase: string): void {
  const run = spawnSync('python3', ['-c', PTY_DRIVER, AGE, ...args], {
    encoding: 'utf8',
    env: { ...process.env, AGE_PTY_PASSPHRASE: passphrase },
    timeout: 90_000,
  });
  if (run.status !== 0) throw new Error(`age ${args.join(' ')} failed (${String(run.status)}): ${run.stderr}`);
}

afterAll(removeTempDirs);

describe.skipIf(!hasAge || !hasPython)(`backup interop with the age CLI (${ageVersion.stdout?.trim() || 'missing'})`, { timeout: 90_000 }, () => {
  it('a backup ConnectDesk exported decrypts with `age -d`', async () => {
    const ws = await seededWorkspace();
    const dir = tempDir();
    const encrypted = join(dir, 'connectdesk.age');
    writeFileSync(encrypted, await exportBackup(ws.store, ws.vault, { scope: { kind: 'all' }, passphrase: PASSPHRASE }));

    ageWithPassphrase(['-d', '-o', join(dir, 'plain.json'), encrypted], PASSPHRASE);
    const payload = JSON.parse(readFileSync(join(dir, 'plain.json'), 'utf8')) as { format: string; connections: Array<{ id: string; clientSecret: string | null; tokens: { access: string; refresh: string | null } }> };
    expect(payload.format).toBe('connectdesk-backup');
    const wiki = payload.connections.find((c) => c.id === 'conn-wiki')!;
    expect({ clientSecret: wiki.clientSecret, access: wiki.tokens.access, refresh: wiki.tokens.refresh }).toEqual(SECRETS.wiki);
  });

  it.each([
    ['a binary file', []],
    ['an ASCII-armored file (-a)', ['-a']],
  ])('%s that `age -p` encrypted imports, with every secret restored', async (_kind, flags) => {
    const source = await seededWorkspace();
    const dir = tempDir();
    // The plaintext is written to disk here only because the age CLI needs a file to encrypt (test data).
    const plain = join(dir, 'plain.json');
    writeFileSync(plain, encodeBackupPayload(buildBackupPayload(source.store.snapshot(), source.vault, { scope: { kind: 'all' } })));
    const encrypted = join(dir, 'by-age.age');
    ageWithPassphrase(['-p', ...flags, '-o', encrypted, plain], PASSPHRASE);
    const bytes = readFileSync(encrypted);
    expect(bytes.toString('latin1')).not.toContain(SECRETS.wiki.refresh);
    expect(bytes.toString('latin1').startsWith(flags.length > 0 ? '-----BEGIN AGE ENCRYPTED FILE-----' : 'age-encryption.org/v1')).toBe(true);

    const target = await openWorkspace();
    const preview = await previewBackup(target.store, bytes, PASSPHRASE);
    expect(preview.connections).toHaveLength(3);
    const result = await importBackup(target.store, target.vault, bytes, PASSPHRASE, { conflicts: 'skip' });
    expect(result.imported).toBe(3);
    expect(readSecrets(target, 'conn-wiki')).toEqual(SECRETS.wiki);
    expect(readSecrets(target, 'conn-team')).toEqual(SECRETS.team);
    expect(readSecrets(target, 'conn-design')).toEqual(SECRETS.design);
  });
});
