import { test as base, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startSandboxProcess, startShellProcess, type RunningProcess } from './processes.js';

export interface World {
  sandboxUrl: string;
  shellUrl: string;
  callbackUrl: string;
  dataDir: string;
  logDir: string;
  /**
   * Stops the shell process and starts a new one on the same data directory, with extra
   * environment for that run (e.g. CONNECTDESK_SHELL_KEYCHAIN=lost).
   */
  restartShell(env?: Record<string, string>): Promise<string>;
}

export interface WorldOptions {
  /** Let the shell use a callback URL other than the one registered on the sandbox's apps. */
  unregisteredCallback: boolean;
  /** The shell starts the sandbox inside itself (as the app does) instead of using a separate process. */
  inProcessSandbox: boolean;
}

export const test = base.extend<WorldOptions & { world: World }>({
  unregisteredCallback: [false, { option: true }],
  inProcessSandbox: [false, { option: true }],
  world: async ({ unregisteredCallback, inProcessSandbox }, use, testInfo) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cd-e2e-data-'));
    const logDir = testInfo.outputPath('logs');
    const registered = `http://localhost:${await freePort()}/oauth/callback`;
    const callbackUrl = unregisteredCallback ? `http://localhost:${await freePort()}/oauth/callback` : registered;
    const sandbox = await startSandboxProcess({ callbackUrl: registered, logDir });
    const shellSandbox = inProcessSandbox ? null : sandbox.url;
    let shell: RunningProcess = await startShellProcess({ dataDir, sandboxUrl: shellSandbox, callbackUrl, logDir });
    await use({
      sandboxUrl: sandbox.url,
      get shellUrl() {
        return shell.url;
      },
      callbackUrl,
      dataDir,
      logDir,
      restartShell: async (env) => {
        await shell.stop();
        shell = await startShellProcess({ dataDir, sandboxUrl: shellSandbox, callbackUrl, logDir, ...(env ? { env } : {}) });
        return shell.url;
      },
    });
    await shell.stop();
    await sandbox.stop();
  },
});

export const expect = test.expect;

/** Pages opened by the shell for sign-in: the popup standing in for the sign-in window. */
export async function nextSignInPopup(page: Page, action: () => Promise<void>): Promise<Page> {
  const [popup] = await Promise.all([page.waitForEvent('popup'), action()]);
  await popup.waitForLoadState('domcontentloaded');
  return popup;
}
