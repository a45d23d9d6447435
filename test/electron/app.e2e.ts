/**
 * The user's path in the real Electron app against the local Atlassian sandbox: a folder, a
 * Confluence Cloud connection with the managed app signed in through the sign-in BrowserWindow,
 * and the connection still there after a restart.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { freePort, ROOT, startSandboxProcess, type RunningProcess } from '../e2e/support/processes.js';
import { findElectronBinary } from './electron-binary.js';

const electronBinary = findElectronBinary();
const electronBinaryAvailable = electronBinary !== null;

// CI sets CONNECTDESK_REQUIRE_ELECTRON=1 after downloading the binary, so a failed download fails
// the job instead of silently skipping the only test of the real app.
if (!electronBinaryAvailable && process.env.CONNECTDESK_REQUIRE_ELECTRON === '1') {
  throw new Error('CONNECTDESK_REQUIRE_ELECTRON=1 but no Electron binary was found in node_modules/electron/dist');
}
const SKIP_REASON = 'Electron binary not available on this machine (it cannot be downloaded here); this test runs in the GitHub Actions workflow';
// Reporters other than json do not print skip reasons: say it where people look.
if (!electronBinaryAvailable) console.log(`Skipping the Electron e2e test: ${SKIP_REASON}.`);
test.skip(!electronBinaryAvailable, SKIP_REASON);

let workDir = '';
let sandbox: RunningProcess | null = null;
let appEnv: Record<string, string> = {};

test.beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'out', 'main', 'index.js'))) throw new Error('Run `npx electron-vite build` first: out/main/index.js is missing');
  workDir = mkdtempSync(path.join(tmpdir(), 'connectdesk-electron-e2e-'));
  // Nothing listens on the callback: the sign-in window catches it before it leaves.
  const callbackUrl = `http://localhost:${await freePort()}/callback`;
  sandbox = await startSandboxProcess({ callbackUrl, logDir: path.join(workDir, 'logs') });
  appEnv = {
    CONNECTDESK_ENVIRONMENT: 'sandbox',
    CONNECTDESK_SANDBOX_URL: sandbox.url,
    CONNECTDESK_CALLBACK_URL: callbackUrl,
    CONNECTDESK_DATA_DIR: path.join(workDir, 'data'),
  };
});

test.afterAll(async () => {
  await sandbox?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

async function launch(): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    executablePath: electronBinary ?? undefined,
    // --user-data-dir keeps Electron's own state (and safeStorage's key) inside this run;
    // the libsecret store is unlocked by the CI workflow (dbus-run-session + gnome-keyring).
    args: [ROOT, `--user-data-dir=${path.join(workDir, 'user-data')}`, '--password-store=gnome-libsecret'],
    cwd: ROOT,
    env: { ...(process.env as Record<string, string>), ...appEnv },
  });
  const page = await app.firstWindow();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return { app, page };
}

async function openFolder(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${name}`) })
    .or(page.getByRole('treeitem', { name: new RegExp(`^${name}`) })).first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('adds a Confluence Cloud connection through the sign-in window and keeps it after a restart', async () => {
  const { app, page } = await launch();
  await expect(page).toHaveTitle('ConnectDesk');

  await page.getByRole('button', { name: 'New folder' }).click();
  await page.getByRole('dialog').getByLabel('Folder name').fill('Engineering');
  await page.getByRole('dialog').getByRole('button', { name: /create/i }).click();
  await openFolder(page, 'Engineering');

  await page.getByRole('button', { name: 'Add connection' }).first().click();
  await page.getByRole('textbox', { name: 'Search connectors' }).fill('conflu');
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Confluence Cloud', { exact: true }).first().click();
  await dialog.getByLabel('Connection name').fill('Team wiki');
  await dialog.getByRole('button', { name: 'Connect' }).click();

  // Accept on ConnectDesk's permissions screen opens the sign-in BrowserWindow: a second window.
  const signInWindow = app.waitForEvent('window');
  await dialog.getByRole('button', { name: 'Accept' }).click();
  const signIn = await signInWindow;
  const sandboxHost = new URL(appEnv.CONNECTDESK_SANDBOX_URL ?? '').host;
  await expect(signIn).toHaveURL((url) => url.host === sandboxHost);
  await signIn.getByLabel('Email').fill('demo@example.com');
  await signIn.getByLabel('Password').fill('connectdesk');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  const closed = signIn.waitForEvent('close');
  await signIn.getByRole('button', { name: 'Accept' }).click();
  await closed; // the callback was caught and the window closed by ConnectDesk

  await dialog.getByRole('radio', { name: /Acme Docs/ }).check();
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByText(/is connected/i)).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Team wiki' });
  await expect(row).toContainText('Connected');
  await app.close();

  const restarted = await launch();
  await openFolder(restarted.page, 'Engineering');
  await expect(restarted.page.getByRole('row').filter({ hasText: 'Team wiki' })).toContainText('Connected');
  await restarted.app.close();
});
